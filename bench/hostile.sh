#!/usr/bin/env bash
# Cost of each case of the hostile-PDF suite (a measurement, not a test): CPU seconds, wall
# seconds and peak memory of the whole process tree (the batch and its worker) when the case is
# read alone with the default limits, and its outcome. Costliest first.
# Usage: bench/hostile.sh [BUILD/ita-extract]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/ita-extract}")
[ -x "$bin" ] || { echo "build first: tools/build.sh" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/data/hostile/make.py "$tmp/cases" samples/dev_001_born.pdf >/dev/null
: > "$tmp/rows"
for f in "$tmp"/cases/*.pdf; do
  name=$(basename "$f" .pdf)
  rm -rf "$tmp/out"
  # peak_rss.py prints "WALL PEAK_MB" last; CPU of the tree from /usr/bin/time.
  /usr/bin/time -f "%U %S" -o "$tmp/cpu" python3 bench/peak_rss.py "$bin" extract --jobs 1 --out "$tmp/out" -q -- "$f" \
    > "$tmp/rss" 2>&1 || true
  read -r wall peak < <(tail -1 "$tmp/rss")
  read -r user sys < "$tmp/cpu"
  outcome=$(python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(l); print("ok" if e["status"] == "ok" else e.get("error", e["status"]))' "$tmp/out/ledger.jsonl" 2>/dev/null || echo "no record")
  # The name quoted: some cases are named with a newline or an escape sequence.
  printf "%.2f %s %s %s %q\n" "$(echo "$user + $sys" | bc -l)" "$wall" "$peak" "$outcome" "$name" >> "$tmp/rows"
done
echo "hostile suite, each case alone (1 worker, default limits): CPU s, wall s, peak MB, outcome, case"
sort -rn "$tmp/rows" | awk '{printf "  %7.2f %7.2f %7.0f  %-10s %s\n", $1, $2, $3, $4, $5}'
awk '{c += $1; if ($3 > m) m = $3} END {printf "total CPU %.1f s over %d cases; largest peak %.0f MB\n", c, NR, m}' "$tmp/rows"
