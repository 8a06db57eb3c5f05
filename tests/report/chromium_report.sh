#!/usr/bin/env bash
# The auditors' HTML report in a real browser: builds the report of the samples' reviewed
# outputs plus a hostile record (markup in its title and organization name), renders it in
# headless Chromium, and checks the DOM (summary counts, organization rows, the hostile text
# shown as text, nothing executed) and that a screenshot is not blank.
#   tests/report/chromium_report.sh BUILD/ita-extract SOURCE_DIR
# Skipped (exit 77) where Chromium is not installed (tools/install-deps.sh --test installs it).
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "skipped: chromium is not installed (apt-get install chromium)"; exit 77; }
work=$(mktemp -d /tmp/ita_report.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$work/out"
cp "$src"/samples/golden/*.json "$work/out/"
python3 - "$work/out/dev_001_born.json" "$work/out/hostile.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["source"]["sha256"] = "f" * 64
d["source"]["file"] = "samples/<b>hostile</b>.pdf"
d["document"]["title"] = "<script>document.title='pwned'</script>"
d["document"]["organization"]["name"] = "เทศบาลตำบล<img src=x onerror=\"document.title='pwned'\">"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
records=$(ls "$work"/out/*.json | wc -l)
"$bin" report "$work/out" --html "$work/report.html" >/dev/null
flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile")
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html" > "$work/dom.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --window-size=1400,1000 --screenshot="$work/report.png" \
  "file://$work/report.html" >/dev/null 2>&1
python3 - "$work/dom.html" "$work/report.png" "$records" <<'PY' || fail "see above"
import re, struct, sys, zlib
dom = open(sys.argv[1], encoding="utf-8").read()
records = int(sys.argv[3])
def cell(id_):
    m = re.search(r'id="%s">([^<]*)<' % id_, dom)
    assert m, "no #%s in the DOM" % id_
    return m.group(1)
assert cell("n-documents") == str(records), ("documents", cell("n-documents"), records)
assert int(cell("n-organizations")) >= 3, cell("n-organizations")
assert int(cell("n-findings")) > 0
assert len(re.findall(r'class="org-row"', dom)) >= 3, "organization rows"
# The hostile strings are text: escaped in the DOM, no element made of them, nothing ran.
assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom, "title not shown as text"
assert "<script>document.title" not in dom
assert "&lt;img src=x" in dom and not re.search(r"<img[^>]*src=\"?x", dom), "markup became an element"
assert "<title>รายงานความครบถ้วน ITA" in dom and "pwned</title>" not in dom
assert "เทศบาลเมืองบ้านทุ่ม" in dom, "an organization row of the samples"
# The screenshot: a PNG that is not one flat colour.
data = open(sys.argv[2], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width, height, depth, ctype = 8, b"", 0, 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4, 0: 1, 4: 2}[ctype]
stride = width * channels + 1
dark = sum(1 for y in range(0, height, 4) for x in range(0, width * channels, channels * 4)
           if raw[y * stride + 1 + x] < 128)
assert dark > 500, "the screenshot is blank (%d dark samples)" % dark
print("report DOM and screenshot checked: %d records, %d dark samples" % (records, dark))
PY
