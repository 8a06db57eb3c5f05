#!/usr/bin/env bash
# ita-extract benchmark (a measurement, not a test). Prints seconds per page and ratios:
#   1. text-layer pages: the pipeline (--no-ocr) vs pdftotext on the same PDFs;
#   2. scanned pages: the pipeline vs the bare `tesseract -l tha+eng` CLI on the same pages
#      rendered at 300 dpi (rendering for the CLI is not timed, in its favour), one after another;
#   3. pipeline pages per second with 1 and 2 workers, and with 1 worker pinned to one core
#      (taskset); peak memory (max RSS).
# Usage: bench/run.sh [DIR]   DIR holds *_born*.pdf / *_pua*.pdf and *_scan*.pdf
#        (default ../shared/samples-dev when present, else samples/).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-}
if [ -z "$dir" ]; then
  if [ -d ../shared/samples-dev ]; then dir=../shared/samples-dev; else dir=samples; fi
fi
bin=build/ita-extract
[ -x "$bin" ] || { echo "build first: tools/build.sh" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/text" "$tmp/scan"
for f in "$dir"/*_born*.pdf "$dir"/*_pua*.pdf; do [ -e "$f" ] && ln -s "$(realpath "$f")" "$tmp/text/"; done
for f in "$dir"/*_scan*.pdf; do [ -e "$f" ] && ln -s "$(realpath "$f")" "$tmp/scan/"; done
pages() { local n=0; for f in "$1"/*.pdf; do n=$((n + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done; echo $n; }
now() { date +%s.%N; }
# Runs a command, prints "seconds maxrss_kb".
measure() {
  local start end
  start=$(now)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
  end=$(now)
  echo "$(echo "$end - $start" | bc) $(cat "$tmp/rss")"
}
text_pages=$(pages "$tmp/text")
scan_pages=$(pages "$tmp/scan")
echo "corpus: $dir ($text_pages text-layer pages, $scan_pages scanned pages); $(nproc) cores"

read -r t_pdftotext _ < <(measure bash -c "for f in $tmp/text/*.pdf; do pdftotext -layout \"\$f\" /dev/null; done")
read -r t_text rss_text < <(measure "$bin" extract "$tmp/text" --out "$tmp/o-text" --no-ocr -q --jobs 1)
printf "text layer : pipeline %.3f s/page, pdftotext %.3f s/page, ratio %.2fx (pipeline/pdftotext), max RSS %d MB\n" \
  "$(echo "$t_text / $text_pages" | bc -l)" "$(echo "$t_pdftotext / $text_pages" | bc -l)" \
  "$(echo "$t_text / $t_pdftotext" | bc -l)" "$((rss_text / 1024))"

if [ "$scan_pages" -gt 0 ]; then
  mkdir -p "$tmp/pgm"
  for f in "$tmp"/scan/*.pdf; do pdftoppm -r 300 -gray "$f" "$tmp/pgm/$(basename "$f" .pdf)"; done
  read -r t_cli rss_cli < <(measure bash -c "for p in $tmp/pgm/*.pgm; do tesseract \"\$p\" - -l tha+eng >/dev/null 2>&1; done")
  # The same CLI without OpenMP's thread contention (how the pipeline runs Tesseract).
  read -r t_cli1 _ < <(measure bash -c "for p in $tmp/pgm/*.pgm; do OMP_THREAD_LIMIT=1 tesseract \"\$p\" - -l tha+eng >/dev/null 2>&1; done")
  read -r t_1 rss_1 < <(measure "$bin" extract "$tmp/scan" --out "$tmp/o1" -q --jobs 1)
  read -r t_2 rss_2 < <(measure "$bin" extract "$tmp/scan" --out "$tmp/o2" -q --jobs 2)
  # One worker on one core: with a free second core, one worker's document thread renders and
  # segments the next pages while its engine recognizes, so the unpinned run uses more than
  # one core. Pinned, the 1-to-2 ratio is the scaling per core.
  read -r t_1pin _ < <(measure taskset -c 0 "$bin" extract "$tmp/scan" --out "$tmp/o1pin" -q --jobs 1)
  printf "scanned    : tesseract CLI %.2f s/page as installed (max RSS %d MB); %.2f s/page with OMP_THREAD_LIMIT=1\n" \
    "$(echo "$t_cli / $scan_pages" | bc -l)" "$((rss_cli / 1024))" "$(echo "$t_cli1 / $scan_pages" | bc -l)"
  printf "             pipeline 1 worker %.2f s/page = %.3f pages/s, ratio %.2fx of the CLI (max RSS %d MB)\n" \
    "$(echo "$t_1 / $scan_pages" | bc -l)" "$(echo "$scan_pages / $t_1" | bc -l)" "$(echo "$t_1 / $t_cli" | bc -l)" "$((rss_1 / 1024))"
  printf "             pipeline 1 worker vs the single-threaded CLI: %.2fx\n" "$(echo "$t_1 / $t_cli1" | bc -l)"
  printf "             pipeline 2 workers %.2f s/page = %.3f pages/s, ratio %.2fx of the CLI, %.2fx one worker (max RSS %d MB)\n" \
    "$(echo "$t_2 / $scan_pages" | bc -l)" "$(echo "$scan_pages / $t_2" | bc -l)" "$(echo "$t_2 / $t_cli" | bc -l)" \
    "$(echo "$t_1 / $t_2" | bc -l)" "$((rss_2 / 1024))"
  printf "             pipeline 1 worker pinned to one core %.2f s/page: 2 workers on 2 cores are %.2fx one core\n" \
    "$(echo "$t_1pin / $scan_pages" | bc -l)" "$(echo "$t_1pin / $t_2" | bc -l)"
fi
