#!/usr/bin/env python3
"""Quality regression checks: run the release binary on every eval set, score it with the shared scorer, print the
figures, and fail when a figure falls below its floor (floors live in .ci/floors.json; a floor is set a little below
what main measured, so that a real regression fails and noise does not).

    quality.py EVAL_DIR BINARY
"""
import json
import os
import subprocess
import sys
import tempfile

SETS = [  # name, gold path under EVAL_DIR, tasks, extra args
    ("seed", "seed/gold.jsonl", ["lang", "sentences", "entities", "quotes", "dates"], []),
    ("ud-ru-gsd-dev", "dev/ud-ru-gsd-dev.gold.jsonl", ["sentences"], []),
    ("factru-dev", "dev/factru-dev.gold.jsonl", ["entities"], []),
]


def check_reference_date(eval_dir, binary, tmp):
    """With a publication date, the seed's «в среду» resolves to the Wednesday before it (issue: dates)."""
    gold = os.path.join(eval_dir, "seed/gold.jsonl")
    if not os.path.exists(gold):
        return []
    out = subprocess.run([binary, "extract", "-q", "--reference-date", "2025-07-03", gold],
                         capture_output=True, text=True, check=True).stdout
    values = {d["text"]: d["value"] for rec in map(json.loads, out.splitlines()) for d in rec.get("dates", [])}
    got = values.get("среду")
    print(f"seed+reference-date\tсреду\t{got}  (expected 2025-07-02)")
    return [] if got == "2025-07-02" else [f"seed with reference date: среду = {got}, expected 2025-07-02"]


def main(eval_dir, binary):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "floors.json"), encoding="utf-8") as f:
        floors = json.load(f)
    scorer = os.path.join(eval_dir, "score.py")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, gold, tasks, extra in SETS:
            gold_path = os.path.join(eval_dir, gold)
            if not os.path.exists(gold_path):
                print(f"{name}: {gold_path} missing, skipped")
                continue
            pred = os.path.join(tmp, name + ".jsonl")
            with open(pred, "wb") as out:
                subprocess.run([binary, "extract", "-q", "--allow-errors", gold_path, *extra], stdout=out, check=True)
            for task in tasks:
                res = subprocess.run([sys.executable, scorer, task, gold_path, pred, "--json"],
                                     capture_output=True, text=True, check=True)
                scores = json.loads(res.stdout)
                for key, value in scores.items():
                    floor = floors.get(name, {}).get(key)
                    mark = ""
                    if floor is not None:
                        ok = value is not None and value >= floor
                        mark = f"  (floor {floor})" + ("" if ok else "  BELOW FLOOR")
                        if not ok:
                            failures.append(f"{name} {key} = {value} < {floor}")
                    print(f"{name}\t{key}\t{value}{mark}")
        failures += check_reference_date(eval_dir, binary, tmp)
    if failures:
        print("quality regressions:\n  " + "\n  ".join(failures))
        return 1
    print("quality checks passed")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
