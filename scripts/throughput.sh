#!/usr/bin/env bash
# Whole-pipeline throughput: MB/s and articles/s with 1 thread and all threads, and peak RSS, as medians of RUNS
# runs of the release binary (reading, analysis and JSON writing included; output to /dev/null).
#   scripts/throughput.sh [FILE.jsonl] [RUNS]
# Without FILE, the bench corpus bench-data/corpus.jsonl is made (scripts/make-corpus.py, 20 MB, fixed seed).
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-bench-data/corpus.jsonl}
runs=${2:-5}
if [ ! -f "$file" ]; then
  mkdir -p "$(dirname "$file")"
  python3 scripts/make-corpus.py --mb 20 > "$file"
fi
cargo build --release --quiet
for threads in 1 0; do
  label=$([ "$threads" = 1 ] && echo "1 thread" || echo "all threads ($(nproc))")
  for _ in $(seq "$runs"); do
    target/release/gazeta extract --allow-errors -j "$threads" "$file" -o /dev/null 2>&1 >/dev/null | tail -n 1
  done | python3 -c '
import re, statistics, sys
label = sys.argv[1]
rows = [l for l in sys.stdin if l.startswith("gazeta:")]
get = lambda pat: [float(re.search(pat, l).group(1)) for l in rows]
mbs, docs, rss = get(r"\(([\d.]+) MB/s"), get(r"([\d.]+) articles/s"), get(r"peak RSS ([\d.]+) MB")
mb = re.search(r"([\d.]+) MB of text", rows[0]).group(1)
print(f"{label:>18}: {statistics.median(mbs):7.2f} MB/s  {statistics.median(docs):8.0f} articles/s  peak RSS {max(rss):5.0f} MB  (median of {len(rows)} runs over {mb} MB; MB/s per run: {sorted(mbs)})")
' "$label"
done
