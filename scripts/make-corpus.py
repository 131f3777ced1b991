#!/usr/bin/env python3
"""Build the bench corpus: a reproducible JSONL of real-looking news, made by recombining the paragraphs of the
team-written fixture articles (fixtures/articles.jsonl) with a fixed seed, so that no two articles are the same but
the language, names, quotes and dates stay those of real news text.

    make-corpus.py [--mb 20] [--seed 7] [--from fixtures/articles.jsonl] > bench-data/corpus.jsonl
"""
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="size of the text to produce, in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--from", dest="source", default="fixtures/articles.jsonl")
    ap.add_argument("--lang-prefix", default="ru-", help="use only fixtures whose id starts with this ('' for all)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    records = [r for r in records if str(r.get("id", "")).startswith(args.lang_prefix)] or records
    paragraphs = [p for r in records for p in r["text"].split("\n") if p.strip()]
    target = int(args.mb * 1e6)
    written = n = 0
    out = sys.stdout
    while written < target:
        k = rng.randint(3, 8)
        text = "\n".join(rng.choice(paragraphs) for _ in range(k))
        rec = {"id": f"bench-{n}", "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text": text}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        written += len(text.encode("utf-8"))
        n += 1
    print(f"{n} articles, {written / 1e6:.1f} MB of text", file=sys.stderr)


if __name__ == "__main__":
    main()
