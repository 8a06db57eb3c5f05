#!/usr/bin/env bash
# Regenerates the bad-input fixtures in tests/data/bad/ (committed; run again only to change
# them). Needs qpdf for the encrypted file.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/bad
good=samples/dev_001_born.pdf
mkdir -p "$out"
printf 'This is a text file, not a PDF.\n' > "$out/not_pdf.pdf"
: > "$out/empty.pdf"
head -c 3000 "$good" > "$out/truncated.pdf"
{ printf '%%PDF-1.4\n'; head -c 4000 /dev/zero | tr '\0' 'x'; printf '\n%%%%EOF\n'; } > "$out/garbage_body.pdf"
qpdf --encrypt secret owner 256 -- "$good" "$out/encrypted.pdf"
# A well-formed PDF whose page tree has no pages.
cat > "$out/zero_pages.pdf" <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R /Size 3 >>
%%EOF
PDF
echo "fixtures written to $out"

# Pages turned by /Rotate (qpdf sets the page's /Rotate; the content is untouched), and a
# content stream whose /Length is wrong (Poppler reads it and says so).
mkdir -p tests/data/rotated
qpdf --rotate=+90 "$good" tests/data/rotated/rotate90.pdf
qpdf --rotate=+270 "$good" tests/data/rotated/rotate270.pdf
python3 - "$good" tests/data/damaged_stream_length.pdf <<'PY'
import re, sys
b = open(sys.argv[1], "rb").read()
m = re.search(rb"/Length (\d+)", b)
open(sys.argv[2], "wb").write(b[:m.start(1)] + str(int(m.group(1)) + 50).encode() + b[m.end(1):])
PY
