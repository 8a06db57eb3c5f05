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

# Working in it: a filtered, sorted view is a link (its state in the address); the browser
# applies it on load, so --dump-dom shows what an auditor sees.
org=$(python3 - "$work/out" <<'PY'
import glob, json, sys, collections
count = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.json"):
    d = json.load(open(f, encoding="utf-8"))
    name = ((d.get("document") or {}).get("organization") or {}).get("name")
    if name and len((d.get("validation") or {}).get("errors") or []) > 1: count[name] += 1
print(count.most_common(1)[0][0])
PY
)
enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$org")
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html#org=$enc" > "$work/org.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html#sort=docs:3:desc" > "$work/sorted.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html#code=period_unparsed&family=measures_plan" > "$work/code.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --print-to-pdf="$work/printed.pdf" --no-pdf-header-footer "file://$work/report.html" >/dev/null 2>&1
python3 - "$work" "$org" <<'PY' || fail "filtering, sorting or page links"
import glob, html, json, re, sys
work, org = sys.argv[1], sys.argv[2]
def rows(path):
    dom = open(path, encoding="utf-8").read()
    out = []
    for m in re.finditer(r'<tr class="(doc-[a-z]+)[^"]*"([^>]*)>', dom):
        attrs = dict(re.findall(r'(data-[a-z]+|style)="([^"]*)"', m.group(2)))
        out.append((m.group(1), attrs, "display: none" not in attrs.get("style", "")))
    return dom, out
# Filter by organization: the organization's documents only, each with all its findings.
dom, rs = rows(work + "/org.html")
shown = [r for r in rs if r[2]]
assert shown and all(html.unescape(a["data-org"]) == org for _, a, _ in shown), "rows of other organizations shown"
docs = {a["data-doc"] for _, a, _ in shown}
for d in docs:
    all_rows = [r for r in rs if r[1]["data-doc"] == d]
    assert all(r[2] for r in all_rows), "a document's finding rows were split by the filter"
expected = 0
for f in glob.glob(work + "/out/*.json"):
    j = json.load(open(f, encoding="utf-8"))
    if ((j.get("document") or {}).get("organization") or {}).get("name") == org:
        expected += max(1, len(j["validation"]["errors"]))
assert len(shown) == expected, ("finding rows of the organization", len(shown), expected)
assert re.search(r'id="n-shown">%d<' % len(docs), dom), "the shown count"
# Sorted by fiscal year, descending: documents move whole.
dom, rs = rows(work + "/sorted.html")
years = [int(a["data-fy"]) for kind, a, _ in rs if kind == "doc-first" and a["data-fy"]]
assert years == sorted(years, reverse=True) and len(set(years)) > 1, years
order = [a["data-doc"] for _, a, _ in rs]
assert all(order[i] == order[i - 1] or order[i] not in order[:i] for i in range(1, len(order))), "a document's rows were separated"
assert 'aria-sort="descending"' in dom
# Two filters at once: every shown document has the finding and the year.
dom, rs = rows(work + "/code.html")
shown = [a for kind, a, s in rs if s and kind == "doc-first"]
assert shown and all("period_unparsed" in a["data-codes"].split() and a["data-family"] == "measures_plan" for a in shown), shown
assert len(shown) < len([r for r in rs if r[0] == "doc-first"]), "the filters hid nothing"
# Each finding on a page links to the PDF at that page.
assert re.search(r'<a href="[^"#]+\.pdf#page=\d+">\d+</a>', dom), "no page link"
# Printed: landscape pages, without the controls.
import subprocess
info = subprocess.run(["pdfinfo", work + "/printed.pdf"], capture_output=True, text=True).stdout
w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
assert w > h, ("printed portrait", w, h)
text = subprocess.run(["pdftotext", work + "/printed.pdf", "-"], capture_output=True, text=True).stdout
assert "ค้นหา" not in text, "the filter controls were printed"
# Every column is printed: the last headings of both wide tables are on the page.
flat = re.sub(r"\s+", " ", text)
for heading in ("projects", "indicators", "finding", "field"):
    assert heading in flat, ("a column was cut off in print", heading)
print("report filtering, sorting, page links and print checked: %d documents of %s" % (len(docs), org))
PY
