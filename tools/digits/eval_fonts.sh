#!/usr/bin/env bash
# How a numeric model reads fonts it was not trained on: renders 200 lines of dates, periods,
# amounts and scores (make_lines.py, seed 9: lines the training never saw) in each held-out
# font, at 300 and 200 dpi with scan-like degradation, and prints lstmeval's character and
# word error rates per font, in percent.
#   tools/digits/eval_fonts.sh [MODEL.traineddata] [FONT...]
# Defaults: models/thd.traineddata; the fonts train.sh holds out (Waree, Tlwg Typewriter).
set -euo pipefail
cd "$(dirname "$0")/../.."
model=${1:-models/thd.traineddata}
shift || true
fonts=("$@")
[ ${#fonts[@]} -gt 0 ] || fonts=("Waree" "Tlwg Typewriter")
work=${WORK:-build/digits-eval}
mkdir -p "$work"
[ -s "$work/lines.txt" ] || python3 tools/digits/make_lines.py 200 9 > "$work/lines.txt"
export OMP_THREAD_LIMIT=1
for font in "${fonts[@]}"; do
  tag=$(echo "$font" | tr -d ' ')
  for res in 300 200; do
    base="$work/$tag.$res"
    if [ ! -s "$base.lstmf" ]; then
      text2image --fonts_dir /usr/share/fonts --font "$font" --text "$work/lines.txt" --outputbase "$base" \
        --ptsize 12 --resolution "$res" --xsize $((res * 17 / 2)) --ysize $((res * 11 * 3)) \
        --margin $((res / 3)) --leading 20 --char_spacing 0 --exposure 0 --degrade_image=true \
        --rotate_image=true --strip_unrenderable_words=true >/dev/null 2>&1
      python3 tools/digits/fix_boxes.py "$base.box" || true
      tesseract "$base.tif" "$base" --psm 6 lstm.train >/dev/null 2>&1 || true
    fi
    [ -s "$base.lstmf" ] || { printf "%-18s %d dpi  could not be rendered\n" "$font" "$res"; continue; }
    echo "$base.lstmf" > "$work/list.txt"
    result=$(lstmeval --model "$model" --eval_listfile "$work/list.txt" 2>&1 | grep -o "BCER eval=[0-9.]*, BWER eval=[0-9.]*" | tail -1 || true)
    printf "%-18s %d dpi  %s\n" "$font" "$res" "${result:-no result}"
  done
done
