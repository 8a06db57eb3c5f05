#!/usr/bin/env python3
"""Generates the hostile-PDF suite into OUT (deterministic: the same bytes on every run) and
writes OUT/expected.json: for each case, the outcomes that are right (an error code, or "ok"
for a document read as far as it can be). qpdf (Debian) makes the encrypted cases; without it
they are left out and say so.
Usage: make.py OUT SAMPLE_PDF"""
import json
import os
import shutil
import subprocess
import sys
import zlib


def pdf(objects, root=1, header=b"%PDF-1.7", trailer_extra=b"", xref=True):
    """A PDF from object bodies (bytes), numbered from 1."""
    out = bytearray(header + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for o in offsets:
            out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, start)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page_doc(content, media=b"[0 0 595 842]", page_extra=b"", resources=b"<< /Font << /F1 4 0 R >> >>",
             extra_objects=(), catalog_extra=b"", header=b"%PDF-1.7"):
    objs = [b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Contents 5 0 R /Resources " + resources + b" " + page_extra + b">>",
            FONT, stream(content)] + list(extra_objects)
    return pdf(objs, header=header)


TEXT = b"BT /F1 12 Tf 72 720 Td (Hostile test page) Tj ET"


def cases(sample):
    c = {}
    good = open(sample, "rb").read()
    for pct in (1, 5, 10, 25, 50, 75, 90, 99):
        c[f"truncated_{pct:02d}pct"] = (good[: len(good) * pct // 100], ["ok", "corrupt", "empty"])
    c["truncated_header_only"] = (b"%PDF-1.7\n", ["corrupt", "empty"])
    c["not_pdf_png"] = (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ["not_pdf"])
    c["not_pdf_html"] = (b"<!DOCTYPE html><html><body>%PDF? no</body></html>\n" * 20, ["not_pdf", "corrupt"])
    c["not_pdf_zip"] = (b"PK\x03\x04" + b"\0" * 200, ["not_pdf"])
    c["empty_file"] = (b"", ["empty"])
    c["garbage_after_header"] = (b"%PDF-1.4\n" + bytes((i * 37) % 256 for i in range(5000)), ["corrupt"])
    c["pdf20_header"] = (page_doc(TEXT, header=b"%PDF-2.0"), ["ok"])
    c["no_root"] = (pdf([b"<< /Type /Pages /Kids [] /Count 0 >>"], root=9), ["corrupt", "empty"])
    c["zero_pages"] = (pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]), ["empty"])
    c["page_count_lies"] = (pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 100000 >>",
                                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]), ["corrupt"])
    c["page_tree_cycle"] = (pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
                                 b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"]), ["corrupt", "empty", "ok"])
    # The xref's trailer points back at itself.
    body = page_doc(TEXT)
    start = body.rindex(b"startxref")
    off = int(body[start + 10:].split(b"\n")[0])
    c["xref_prev_loop"] = (body.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % off), ["ok", "corrupt"])
    c["xref_missing"] = (page_doc(TEXT).replace(b"xref\n", b"xrex\n"), ["ok", "corrupt"])
    c["startxref_beyond_eof"] = (body[:start] + b"startxref\n99999999\n%%EOF\n", ["ok", "corrupt"])
    c["stream_length_wrong"] = (page_doc(TEXT).replace(b"/Length %d" % len(TEXT), b"/Length 9999"), ["ok"])
    c["flate_garbage"] = (page_doc(b"\x78\x9c" + bytes(range(200)), page_extra=b"").replace(
        b"/Length 202 >>", b"/Length 202 /Filter /FlateDecode >>"), ["ok"])
    c["deep_array_nesting"] = (page_doc(TEXT, page_extra=b"/Junk " + b"[" * 20000 + b"]" * 20000), ["ok", "corrupt"])
    c["deep_dict_nesting"] = (page_doc(TEXT, page_extra=b"/Junk " + b"<< /A " * 5000 + b"1" + b" >>" * 5000), ["ok", "corrupt"])
    c["nested_graphics_states"] = (page_doc(b"q " * 60000 + TEXT + b" Q" * 60000), ["ok"])
    c["many_tiny_text_objects"] = (page_doc(b"".join(b"BT /F1 1 Tf %d %d Td (x) Tj ET\n" % (i % 500 + 20, i // 500 + 20)
                                                     for i in range(120000))), ["ok"])
    c["huge_mediabox"] = (page_doc(TEXT, media=b"[0 0 14400 14400]"), ["ok"])
    c["absurd_mediabox"] = (page_doc(TEXT, media=b"[0 0 1e12 1e12]"), ["ok", "corrupt"])
    c["zero_mediabox"] = (page_doc(TEXT, media=b"[0 0 0 0]"), ["ok"])
    c["negative_mediabox"] = (page_doc(TEXT, media=b"[595 842 0 0]"), ["ok"])
    c["rotate_45"] = (page_doc(TEXT, page_extra=b"/Rotate 45"), ["ok"])
    c["rotate_270"] = (page_doc(TEXT, page_extra=b"/Rotate 270"), ["ok"])
    c["user_unit_huge"] = (page_doc(TEXT, page_extra=b"/UserUnit 75000"), ["ok"])
    img = zlib.compress(b"\0" * 100000)
    c["image_bomb"] = (page_doc(b"q 595 0 0 842 0 0 cm /Im1 Do Q",
                                resources=b"<< /XObject << /Im1 6 0 R >> >>",
                                extra_objects=[stream(img, b"/Type /XObject /Subtype /Image /Width 200000 /Height 200000 "
                                                           b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")]),
                       ["ok"])  # read without rendering: its 40 gigapixels are over max_image_pixels
    c["image_bad_dimensions"] = (page_doc(b"q 100 0 0 100 0 0 cm /Im1 Do Q", resources=b"<< /XObject << /Im1 6 0 R >> >>",
                                          extra_objects=[stream(b"\0" * 10, b"/Type /XObject /Subtype /Image /Width -5 /Height 0 "
                                                                           b"/ColorSpace /DeviceGray /BitsPerComponent 8 ")]), ["ok"])
    c["font_missing_file"] = (page_doc(TEXT).replace(FONT, b"<< /Type /Font /Subtype /TrueType /BaseFont /Nope "
                                                            b"/FontDescriptor << /FontFile2 99 0 R >> >>"), ["ok"])
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <48> <D800> <6F> <0000> endbfchar "
            b"1 beginbfrange <70> <7F> [<DC00> <FFFE>] endbfrange endcmap end end")
    c["tounicode_invalid_utf16"] = (page_doc(TEXT, resources=b"<< /Font << /F1 6 0 R >> >>",
                                             extra_objects=[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
                                                            stream(cmap)]), ["ok"])
    c["tounicode_garbage"] = (page_doc(TEXT, resources=b"<< /Font << /F1 6 0 R >> >>",
                                       extra_objects=[b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>",
                                                      stream(bytes((i * 91) % 256 for i in range(3000)))]), ["ok"])
    c["nul_and_controls_in_text"] = (page_doc(b"BT /F1 12 Tf 72 720 Td (a\\000b\\033[2Jc\\nd\\r) Tj ET"), ["ok"])
    c["javascript_open_action"] = (page_doc(TEXT, catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), ["ok"])
    c["launch_action"] = (page_doc(TEXT, catalog_extra=b"/OpenAction << /S /Launch /F (/bin/sh) >>"), ["ok"])
    c["embedded_file"] = (page_doc(TEXT, catalog_extra=b"/Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>] >> >>",
                                   extra_objects=[stream(b"MZ" + b"\0" * 100, b"/Type /EmbeddedFile ")]), ["ok"])
    c["portfolio_collection"] = (page_doc(TEXT, catalog_extra=b"/Collection << /Type /Collection /View /D >>"), ["ok"])
    c["incremental_update_junk"] = (page_doc(TEXT) + b"\n1 0 obj << /Type /Catalog /Pages 77 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", ["ok", "corrupt", "empty"])
    c["thousands_of_pages"] = (pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                    b"<< /Type /Pages /Kids [" + b" ".join(b"3 0 R" for _ in range(10000)) + b"] /Count 10000 >>",
                                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]), ["corrupt"])  # one page listed 10,000 times
    # 10,000 real pages (each its own object, one shared content stream): over max_pages.
    n = 10000
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
    c["ten_thousand_pages"] = (pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                                    b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
                                    stream(TEXT)] +
                                   [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + n)] * n + [FONT]),
                               ["too_large"])
    c["encrypt_word_in_damaged_file"] = (b"%PDF-1.4\n% /Encrypt is only a comment here\n" + bytes(3000), ["corrupt"])
    return c


def main():
    out, sample = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    expected = {}
    for name, (data, outcomes) in cases(sample).items():
        with open(os.path.join(out, name + ".pdf"), "wb") as f:
            f.write(data)
        expected[name] = outcomes
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", sample, os.path.join(out, "encrypted_user_password.pdf")], check=True)
        expected["encrypted_user_password"] = ["encrypted"]
        subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--", sample, os.path.join(out, "encrypted_owner_only.pdf")], check=True)
        expected["encrypted_owner_only"] = ["ok"]
    else:
        print("qpdf not installed: encrypted cases left out", file=sys.stderr)
    # Hostile names: a newline and an escape sequence, a leading dash, a long Thai name.
    for name in ["name\nok     forged.pdf", "name\x1b[2Jescape.pdf", "-looks-like-an-option.pdf", "ก" * 70 + ".pdf"]:
        # Each its own bytes: copies of one file would be recorded as duplicates.
        with open(os.path.join(out, name), "wb") as f:
            f.write(open(sample, "rb").read() + b"\n%" + name.encode("utf-8", "replace").replace(b"\n", b" ") + b"\n")
        expected[name[:-4]] = ["ok"]
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"{len(expected)} hostile cases in {out}")


if __name__ == "__main__":
    main()
