#!/usr/bin/env bash
# Compares OCR settings on the scanned development samples: render resolution (200, 300 dpi),
# strategy (whole page vs one call per cell) and the numeric model's second reading (on, the
# default, or off). Prints seconds, eval scores and digit accuracy per setting.
#   bench/ocr_settings.sh [SAMPLES_DIR]     (default ../shared/samples-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-../shared/samples-dev}
bin=build/ita-extract
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
for f in "$samples"/*_scan*.pdf; do ln -s "$(realpath "$f")" "$tmp/in/"; done
# name | flags
settings=(
  "300dpi page numeric|--ocr-dpi 300"
  "300dpi page no-numeric|--ocr-dpi 300 --no-numeric-model"
  "300dpi cells numeric|--ocr-dpi 300 --ocr-cells"
  "200dpi page numeric|--ocr-dpi 200"
  "200dpi cells numeric|--ocr-dpi 200 --ocr-cells"
)
for setting in "${settings[@]}"; do
  name=${setting%%|*}
  flags=${setting#*|}
  out="$tmp/out-${name// /-}"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086  # flags are words
  $bin extract "$tmp/in" --out "$out" -q $flags >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  score=$(python3 ../shared/eval/score.py --expected "$samples" --actual "$out" 2>/dev/null |
    awk '/^scan/ {print "overall " $NF ", period " $8 ", fields " $7}')
  digits=$(python3 bench/digit_accuracy.py "$samples" "$out" | awk '/^all scans/ {print $NF}')
  printf "%-24s %6.1f s  %s, digits %s\n" "$name" "$(echo "$end - $start" | bc)" "$score" "$digits"
done
