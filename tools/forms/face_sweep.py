#!/usr/bin/env python3
"""Periods on scans in faces the samples do not use: one measures plan (five periods: a month, a
fiscal-year range, a quarter, a month range, "ตลอดปีงบประมาณ") printed in each Thai face, with
Arabic and with Thai digits, scanned at 200 dpi grey, extracted, and its periods compared with
the dates they mean.

  python3 tools/forms/face_sweep.py [BINARY]     (default build/ita-extract; needs chromium,
                                                 fonts-thai-tlwg, fonts-noto-core)

Prints one line per face and digit set, then `periods exact N / M`. Not a test: OCR of sixteen
pages takes a minute; run it when OCR, the period grammar or the numeric model changes.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_forms  # noqa: E402

FACES = ["Loma", "Noto Sans Thai", "Noto Serif Thai", "Purisa", "Sawasdee", "Tlwg Mono", "Tlwg Typist", "Umpush"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# The plan's fiscal year is 2568 (October 2024 to September 2025).
EXPECTED = [("2024-10-01", "2024-10-31"), ("2024-10-01", "2025-09-30"), ("2025-01-01", "2025-03-31"),
            ("2025-01-01", "2025-03-31"), ("2024-10-01", "2025-09-30")]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/ita-extract"
    html = make_forms.narrow_margin_plan()
    with tempfile.TemporaryDirectory() as work:
        scans = os.path.join(work, "scans")
        os.makedirs(scans)
        for face in FACES:
            for digits in ("arabic", "thai"):
                page = html.replace("'Kinnari'", "'%s'" % face)
                if digits == "thai":
                    head, body = page.split("<tbody>")
                    page = head + "<tbody>" + body.translate(THAI_DIGITS)
                name = "%s_%s" % (face.replace(" ", "_"), digits)
                pdf = os.path.join(work, name + ".pdf")
                make_forms.print_pdf(page, pdf, work)
                make_forms.scan_of(pdf, os.path.join(scans, name + ".pdf"))
        out = os.path.join(work, "out")
        subprocess.run([binary, "extract", scans, "--out", out, "--ledger", "-"], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        exact = total = 0
        for path in sorted(glob.glob(os.path.join(out, "**", "*.json"), recursive=True)):
            with open(path, encoding="utf-8") as f:
                record = json.load(f)
            measures = record.get("measures") or []
            good = sum(1 for m, want in zip(measures, EXPECTED)
                       if m.get("period") and (m["period"].get("start"), m["period"].get("end")) == want)
            exact += good
            total += len(EXPECTED)
            print("%-28s measures %d  periods exact %d/%d" % (os.path.basename(path)[:-5], len(measures), good,
                                                              len(EXPECTED)))
            for m, want in zip(measures, EXPECTED):  # what was read where a period is not exact
                period = m.get("period") or {}
                if (period.get("start"), period.get("end")) != want:
                    print("    read %r as %s..%s, want %s..%s" % (period.get("text"), period.get("start"),
                                                                  period.get("end"), *want))
        print("periods exact %d / %d" % (exact, total))


if __name__ == "__main__":
    main()
