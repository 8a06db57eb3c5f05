#!/usr/bin/env bash
# ita-extract benchmark (a measurement, not a test). Prints seconds per page and ratios:
#   1. text-layer pages: the pipeline (--no-ocr, 1 worker) vs `pdftotext -layout` on the same
#      PDFs: the born-digital ratio in a batch; also with --in-process (no worker processes);
#      and the largest of them alone, with the defaults a user runs (start included);
#   2. the cost of process isolation per document: 40 small documents in worker processes vs
#      --in-process;
#   3. scanned pages of samples-dev, samples-hard-dev and samples-real: CPU seconds per page of
#      the pipeline (1 worker, every second reading included) vs bare `tesseract -l tha` on the
#      same pages rendered at the resolution the pipeline chose (rendering for the CLI not
#      timed, in its favour; OMP_THREAD_LIMIT=1 as the pipeline runs it);
#   4. samples-real with the default 2 workers: wall time and peak memory of the whole process
#      tree (bench/peak_rss.py: the batch and its workers summed).
# Usage: bench/run.sh [--text-only] [SHARED]   SHARED holds samples-dev/, samples-hard-dev/,
#        samples-real/ (default ../shared; sets that are missing are skipped, samples/ stands in
#        for dev). --text-only stops after parts 1 and 2 (a minute instead of an hour).
# Text-layer timings are the least of three runs: on a shared machine one run can be 40% off.
set -euo pipefail
cd "$(dirname "$0")/.."
text_only=0
if [ "${1:-}" = "--text-only" ]; then text_only=1; shift; fi
shared=${1:-../shared}
bin=build/ita-extract
[ -x "$bin" ] || { echo "build first: tools/build.sh" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dev=$shared/samples-dev; [ -d "$dev" ] || dev=samples
pages() { local n=0; for f in "$1"/*.pdf; do n=$((n + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'))); done; echo $n; }
# CPU seconds (user + system, children included) and wall seconds of a command.
cpu() {
  /usr/bin/time -f "%U %S %e" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.2f %.2f\n", $1 + $2, $3}' "$tmp/time"
}
# The least CPU seconds of three runs (outputs removed between runs: nothing is resumed).
cpu3() {
  local best="" c w
  for _ in 1 2 3; do
    rm -rf "$tmp"/o-*
    read -r c w < <(cpu "$@")
    if [ -z "$best" ] || [ "$(echo "$c < $best" | bc -l)" = 1 ]; then best=$c; fi
  done
  echo "$best $w"
}
echo "$(nproc) cores; $(date -u +%Y-%m-%d)"

# 1. Text-layer pages.
mkdir -p "$tmp/text"
for f in "$dev"/*_born*.pdf "$dev"/*_pua*.pdf; do [ -e "$f" ] && ln -s "$(realpath "$f")" "$tmp/text/"; done
text_pages=$(pages "$tmp/text")
read -r c_pdftotext _ < <(cpu3 bash -c "for f in $tmp/text/*.pdf; do pdftotext -layout \"\$f\" /dev/null; done")
read -r c_text _ < <(cpu3 "$bin" extract "$tmp/text" --out "$tmp/o-text" --no-ocr -q --jobs 1)
read -r c_text_in _ < <(cpu3 "$bin" extract "$tmp/text" --out "$tmp/o-text-in" --no-ocr -q --jobs 1 --in-process)
printf "text layer  : %d pages; pipeline %.4f s/page (worker process), %.4f s/page (--in-process); pdftotext -layout %.4f s/page\n" \
  "$text_pages" "$(echo "$c_text / $text_pages" | bc -l)" "$(echo "$c_text_in / $text_pages" | bc -l)" "$(echo "$c_pdftotext / $text_pages" | bc -l)"
printf "              born-digital ratio %.2fx pdftotext (%.2fx in-process)\n" \
  "$(echo "$c_text / $c_pdftotext" | bc -l)" "$(echo "$c_text_in / $c_pdftotext" | bc -l)"

# 1b. One file alone, as a user runs it (defaults: OCR ready, a worker process), start included.
one=$(ls -S "$tmp"/text/*.pdf | head -1)
one_pages=$(pdfinfo "$one" | awk '/^Pages:/ {print $2}')
read -r c_one_pdftotext _ < <(cpu3 pdftotext -layout "$one" /dev/null)
read -r c_one_file _ < <(cpu3 "$bin" extract "$one" --out "$tmp/o-onefile" -q)
printf "one file    : %s, %d pages: pipeline %.3f s CPU with its start, pdftotext -layout %.3f s: %.2fx\n" \
  "$(basename "$one")" "$one_pages" "$c_one_file" "$c_one_pdftotext" "$(echo "$c_one_file / $c_one_pdftotext" | bc -l)"

# 2. Isolation per document.
mkdir -p "$tmp/many"
small=$(ls samples/*.pdf | head -1)
for i in $(seq 1 40); do cp "$small" "$tmp/many/d$i.pdf"; printf '%%%d\n' "$i" >> "$tmp/many/d$i.pdf"; done
read -r c_iso w_iso < <(cpu3 "$bin" extract "$tmp/many" --out "$tmp/o-iso" --no-ocr -q --jobs 1)
read -r c_in w_in < <(cpu3 "$bin" extract "$tmp/many" --out "$tmp/o-in" --no-ocr -q --jobs 1 --in-process)
read -r c_one _ < <(cpu3 "$bin" extract "$tmp/many/d1.pdf" --out "$tmp/o-one" --no-ocr -q --jobs 1)
read -r c_one_in _ < <(cpu3 "$bin" extract "$tmp/many/d1.pdf" --out "$tmp/o-one-in" --no-ocr -q --jobs 1 --in-process)
printf "isolation   : 40 documents %.2f s CPU in worker processes, %.2f s in-process: %.1f ms per document; a worker's start %.2f s\n" \
  "$c_iso" "$c_in" "$(echo "($c_iso - $c_in - ($c_one - $c_one_in)) * 1000 / 40" | bc -l)" "$(echo "$c_one - $c_one_in" | bc -l)"

[ "$text_only" = 1 ] && exit 0

# 3. Scanned pages against the tesseract CLI at the pipeline's resolution.
scan_set() {  # NAME DIR GLOB
  local name=$1 dir=$2 glob=$3
  [ -d "$dir" ] || { echo "scanned     : $name missing, skipped"; return; }
  rm -rf "$tmp/scan" "$tmp/o-scan" "$tmp/png"; mkdir -p "$tmp/scan" "$tmp/png"
  for f in $dir/$glob; do [ -e "$f" ] && ln -s "$(realpath "$f")" "$tmp/scan/"; done
  read -r c_pipe w_pipe < <(cpu "$bin" extract "$tmp/scan" --out "$tmp/o-scan" -q --jobs 1)
  # The OCR pages of each output and the resolution chosen for each ("OCR at N dpi" when not
  # the default 300).
  python3 - "$tmp/o-scan" "$tmp/scan" > "$tmp/pages.txt" <<'PY'
import json, os, re, sys
out, src = sys.argv[1], sys.argv[2]
for fn in sorted(os.listdir(out)):
    if not fn.endswith(".json"):
        continue
    d = json.load(open(os.path.join(out, fn), encoding="utf-8"))
    dpi = {}
    for line in d.get("diagnostics") or []:
        m = re.match(r"page (\d+): OCR at (\d+) dpi", line)
        if m:
            dpi[int(m.group(1))] = int(m.group(2))
    for i, s in enumerate(d["source"].get("page_sources") or [], 1):
        if s == "ocr":
            print(os.path.join(src, fn[:-5] + ".pdf"), i, dpi.get(i, 300))
PY
  local n=0
  while read -r pdf page dpi; do
    n=$((n + 1))
    pdftoppm -r "$dpi" -gray -png -f "$page" -l "$page" -singlefile "$pdf" "$tmp/png/p$n"
  done < "$tmp/pages.txt"
  [ "$n" -gt 0 ] || { echo "scanned     : $name has no OCR pages"; return; }
  read -r c_cli _ < <(cpu bash -c "for p in $tmp/png/*.png; do OMP_THREAD_LIMIT=1 tesseract \"\$p\" - -l tha >/dev/null 2>&1; done")
  # The same documents without OCR: what their text-layer pages and the process cost, which
  # the CLI does not do. The difference is what the scanned pages themselves cost.
  read -r c_text_only _ < <(cpu "$bin" extract "$tmp/scan" --out "$tmp/o-scan-text" -q --jobs 1 --no-ocr)
  printf "scanned     : %-16s %3d OCR pages; pipeline %.2f s/page CPU, tesseract -l tha %.2f s/page at the same resolution: %.2fx\n" \
    "$name" "$n" "$(echo "$c_pipe / $n" | bc -l)" "$(echo "$c_cli / $n" | bc -l)" "$(echo "$c_pipe / $c_cli" | bc -l)"
  printf "              %-16s the OCR pages alone (run minus a --no-ocr run of the same files, %.1f s): %.2f s/page: %.2fx\n" \
    "$name" "$c_text_only" "$(echo "($c_pipe - $c_text_only) / $n" | bc -l)" "$(echo "($c_pipe - $c_text_only) / $c_cli" | bc -l)"
}
scan_set samples-dev "$dev" "*_scan*.pdf"
scan_set samples-hard-dev "$shared/samples-hard-dev" "*.pdf"
scan_set samples-real "$shared/samples-real" "*.pdf"

# 4. Memory with the default workers.
if [ -d "$shared/samples-real" ]; then
  read -r wall peak < <(python3 bench/peak_rss.py "$bin" extract "$shared/samples-real" --out "$tmp/o-real" -q 2>&1 | tail -1)
  echo "memory      : samples-real with the default workers ($(nproc)): ${wall} s, peak ${peak} MB (batch and workers summed)"
fi
