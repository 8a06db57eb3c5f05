#!/usr/bin/env bash
# Trains models/thd.traineddata: a small LSTM for the dates, numbers and scores of Thai ITA
# reports, in both digit sets. Debian's `tha` model (4.1.0) has no ๔ ๖ ๗ ๘ ๙ in its character
# set (tesseract langdata_lstm#42) and is an integer model that cannot be fine-tuned, so this
# one is trained from scratch on lines rendered with every Thai font Debian packages
# (fonts-thai-tlwg, fonts-tlwg-*, fonts-noto-core, fonts-sipa-arundina; looped and loopless,
# serif, sans, typewriter and hand-written faces) but the held-out ones, at 150 to 300 dpi,
# with photocopier exposure, speckle, rotation, and for a third of the pages noise and blur
# (tools/digits/make_lines.py: dates, periods, fiscal years, quarters, amounts, scores, in
# Thai and Arabic digits; seeded, so the inputs are the same on every run). Each page of lines
# is also rendered a second time, in another font, made to look like what the pipeline reads
# on a scan (tools/digits/scan_like.py: grey ink scanned at 150-240 dpi, blur, noise, JPEG,
# rendered back and binarized): crisp renders alone taught the fonts but not broken strokes.
#   tools/digits/train.sh [ITERATIONS]     (default 32000: 20000 on the crisp pages, then on
#                                           with the scan-like ones too)
# Held out: HELD_OUT fonts (default Waree, a loopless sans, and Tlwg Typewriter) are never
# trained on; tools/digits/eval_fonts.sh measures a model on lines in them (README, OCR).
# Rerunning continues from build/digits-training/out/thd_checkpoint when it exists (delete
# the folder to start over).
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations=${1:-32000}
crisp_iterations=${CRISP_ITERATIONS:-20000}
work=${WORK:-build/digits-training}
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
need=()
for p in fonts-thai-tlwg fonts-tlwg-typist-ttf fonts-tlwg-typo-ttf fonts-tlwg-purisa-ttf \
         fonts-tlwg-mono-ttf fonts-tlwg-waree-ttf fonts-noto-core fonts-sipa-arundina tesseract-ocr python3 python3-numpy python3-pil; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fonts=("Laksaman" "Laksaman Bold" "Garuda" "Loma" "Norasi" "Kinnari" "Umpush" "Sawasdee"
       "Garuda Bold" "Norasi Bold" "Noto Sans Thai" "Noto Serif Thai" "Noto Looped Thai"
       "Purisa" "Tlwg Typo" "Tlwg Typist" "Tlwg Mono" "Arundina Sans" "Arundina Serif"
       "Kinnari Bold" "Loma Bold" "Noto Sans Thai Bold")
# render BASE FONT INDEX TEXTFILE: one page image, its boxes with line ends fixed, and the
# line images with their transcriptions (.lstmf). Noto's Thai faces have no Latin digits;
# text2image drops those words from the page and from its boxes alike.
# Resolution cycles 300/200/150 dpi (page size follows, so lines keep their length); every
# third page also gets noise and blur.
render() {
  local base=$1 font=$2 i=$3 text=$4
  local res=$(( i % 4 == 2 ? 200 : (i % 4 == 3 ? 150 : 300) ))
  local distort=false; [ $((i % 3)) -eq 1 ] && distort=true
  text2image --fonts_dir /usr/share/fonts --font "$font" --text "$text" --outputbase "$base" \
    --ptsize $((11 + i % 6)) --resolution "$res" --xsize $((res * 17 / 2)) --ysize $((res * 11))  \
    --margin $((res / 3)) --leading 20 \
    --char_spacing 0 --exposure $(( (i % 3) - 1 )) --degrade_image=true --rotate_image=true \
    --distort_image=$distort --invert=false \
    --strip_unrenderable_words=true >/dev/null 2>&1 || { echo "render failed: $font" >&2; return 0; }
  python3 tools/digits/fix_boxes.py "$base.box"
  tesseract "$base.tif" "$base" --psm 6 lstm.train >/dev/null 2>&1 || echo "lstm.train failed: $base" >&2
}
# render_scan BASE FONT INDEX TEXTFILE: the same lines rendered crisp at 300 dpi, then made to
# look like what the pipeline reads on a scan (scan_like.py: grey ink scanned at 150-240 dpi,
# blurred, noisy, some JPEG, rendered back and binarized). The model reads binarized lines of
# scans; crisp renders alone taught it fonts but not broken strokes (README, OCR).
render_scan() {
  local base=$1 font=$2 i=$3 text=$4
  text2image --fonts_dir /usr/share/fonts --font "$font" --text "$text" --outputbase "$base.crisp" \
    --ptsize $((11 + i % 6)) --resolution 300 --xsize 2550 --ysize 3300 --margin 100 --leading 20 \
    --char_spacing 0 --degrade_image=false --strip_unrenderable_words=true >/dev/null 2>&1 ||
    { echo "render failed: $font" >&2; return 0; }
  /usr/bin/python3 tools/digits/scan_like.py "$base.crisp.tif" "$base.tif"
  mv "$base.crisp.box" "$base.box" && rm -f "$base.crisp.tif"
  python3 tools/digits/fix_boxes.py "$base.box"
  tesseract "$base.tif" "$base" --psm 6 lstm.train >/dev/null 2>&1 || echo "lstm.train failed: $base" >&2
}
export -f render render_scan
export OMP_THREAD_LIMIT=1  # one tesseract per core while rendering in parallel
if [ ! -s "$work/train.list" ]; then
  rm -rf "$work" && mkdir -p "$work/lines" "$work/held" "$work/starter" "$work/out"
  python3 tools/digits/make_lines.py 4400 7 > "$work/all.txt"
  python3 tools/digits/make_lines.py 160 8 > "$work/eval.txt"
  # Unicharset and a starter traineddata (no dictionary: these cells are not words).
  unicharset_extractor --output_unicharset "$work/thd.unicharset" --norm_mode 1 "$work/all.txt" "$work/eval.txt" >/dev/null 2>&1
  # combine_lang_model wants a radical-stroke table; Thai has no radicals: one dummy CJK entry.
  mkdir -p "$work/script" && printf '4e00\t1.0\n' > "$work/script/radical-stroke.txt"
  combine_lang_model --input_unicharset "$work/thd.unicharset" --script_dir "$work/script" \
    --output_dir "$work/starter" --lang thd --pass_through_recoder >/dev/null 2>&1
  # Training pages: each 40-line chunk in one font, light degradation like a scan. Held-out
  # evaluation pages: other lines, in the first four fonts.
  split -l 40 -d -a 3 "$work/all.txt" "$work/lines/chunk."
  split -l 40 -d -a 3 "$work/eval.txt" "$work/held/chunk."
  jobs=()
  i=0; for chunk in "$work"/lines/chunk.*; do
    font=${fonts[$((i % ${#fonts[@]}))]}
    jobs+=("$work/lines/thd.$(echo "$font" | tr -d ' ').$i|$font|$i|$chunk"); i=$((i + 1))
  done
  i=0; for chunk in "$work"/held/chunk.*; do
    font=${fonts[$((i % 4))]}
    jobs+=("$work/held/thd.$(echo "$font" | tr -d ' ').$i|$font|$((i + 2))|$chunk"); i=$((i + 1))
  done
  printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -I{} bash -c 'IFS="|" read -r b f i t <<< "{}"; render "$b" "$f" "$i" "$t"'
  ls "$work"/held/*.lstmf > "$work/eval.list"
  ls "$work"/lines/*.lstmf > "$work/train.list"
fi
if [ ! -s "$work/scan.list" ]; then
  mkdir -p "$work/scans"
  jobs=()
  i=0; for chunk in "$work"/lines/chunk.*; do
    font=${fonts[$(((i + 7) % ${#fonts[@]}))]}
    jobs+=("$work/scans/thd.$(echo "$font" | tr -d ' ').$i|$font|$i|$chunk"); i=$((i + 1))
  done
  printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -I{} bash -c 'IFS="|" read -r b f i t <<< "{}"; render_scan "$b" "$f" "$i" "$t"'
  ls "$work"/scans/*.lstmf > "$work/scan.list"
fi
cat "$work/train.list" "$work/scan.list" > "$work/all.list"
unset OMP_THREAD_LIMIT
# train LIST UNTIL: continues from the last checkpoint (if any) up to UNTIL iterations.
train() {
  local resume=(); [ -f "$work/out/thd_checkpoint" ] && resume=(--continue_from "$work/out/thd_checkpoint")
  echo "training on $(wc -l < "$1") rendered pages up to $2 iterations"
  lstmtraining "${resume[@]}" --traineddata "$work/starter/thd/thd.traineddata" \
    --net_spec '[1,36,0,1 Ct3,3,16 Mp3,3 Lfys48 Lbx96 O1c1]' \
    --model_output "$work/out/thd" --learning_rate 0.002 \
    --train_listfile "$1" --eval_listfile "$work/eval.list" \
    --max_iterations "$2" --target_error_rate 0.005 2>&1 | tee -a "$work/train.log" |
    grep --line-buffered -E "At iteration|Finished"
}
# First the fonts on crisp pages, then the scan-like pages with them (the order the committed
# model was trained in; a checkpoint past the first phase goes straight to the second).
train "$work/train.list" $((iterations < crisp_iterations ? iterations : crisp_iterations))
[ "$iterations" -gt "$crisp_iterations" ] && train "$work/all.list" "$iterations"
mkdir -p models
lstmtraining --stop_training --convert_to_int --continue_from "$work/out/thd_checkpoint" \
  --traineddata "$work/starter/thd/thd.traineddata" --model_output models/thd.traineddata
# As tha's own config does: no space between every two Thai characters in the output.
printf 'preserve_interword_spaces 1\n' > "$work/thd.config"
combine_tessdata -o models/thd.traineddata "$work/thd.config" >/dev/null
ls -la models/thd.traineddata
