#!/usr/bin/env bash
# Compares OCR settings on the scanned development samples: render resolution (200, 300 dpi)
# and strategy (whole page vs one call per cell). Prints seconds and eval scores per setting.
#   bench/ocr_settings.sh [SAMPLES_DIR]     (default ../shared/samples-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-../shared/samples-dev}
bin=build/ita-extract
tmp=$(mktemp -d)
mkdir -p "$tmp/in"
for f in "$samples"/*_scan*.pdf; do ln -s "$(realpath "$f")" "$tmp/in/"; done
for dpi in 200 300; do
  for strategy in page cells; do
    flag=""; [ "$strategy" = cells ] && flag="--ocr-cells"
    out="$tmp/out-$dpi-$strategy"
    start=$(date +%s.%N)
    $bin extract "$tmp/in" --out "$out" -q --ocr-dpi "$dpi" $flag >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    score=$(python3 ../shared/eval/score.py --expected "$samples" --actual "$out" 2>/dev/null | awk '/^scan/ {print "overall " $NF ", period " $8 ", fields " $7}')
    printf "dpi %s strategy %-5s  %6.1f s  %s\n" "$dpi" "$strategy" "$(echo "$end - $start" | bc)" "$score"
  done
done
rm -rf "$tmp"
