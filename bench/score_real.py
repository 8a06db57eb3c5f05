#!/usr/bin/env python3
"""Scores ita-extract output on a labelled set of real PDFs (../shared/samples-real/labels.json).

  python3 bench/score_real.py --labels ../shared/samples-real/labels.json --actual OUT [--json F]

Per file: family, organization name/type/district/province, fiscal year (each exact after NFC
and Thai-digit normalisation, or one of the label's `accept` answers), invented measures (more
than `max_measures`), and text defects left in any output string: PUA code points, decomposed
SARA AM, SARA AM dropped or drawn as mai tho, SARA AA drawn as SARA AM, Latin letters glued to
Thai letters. The defect word lists are common forms seen in real text layers; they are a
check on the output, not used by the pipeline.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Words whose SARA AM (ำ) was dropped (า) or drawn as mai tho + SARA AA (้า) in broken layers.
DROPPED_AM = ["ตาบล", "ดาเนิน", "ประจาปี", "สานัก", "กาหนด", "อาเภอ", "สาหรับ", "จานวน", "สาคัญ",
              "ทาให้", "คาสั่ง", "นาเสนอ", "ตาแหน่ง", "กากับ", "จาเป็น", "ชานาญ", "บารุง", "ลาดับ",
              "สารวจ", "อานาจ", "อานวย", "ทางาน", "คาแนะนา", "ส้าคัญ", "ด้าเนิน", "ต้าบล",
              "ประจ้าปี", "ส้านัก", "ก้าหนด", "อ้าเภอ", "จ้านวน", "ค้าสั่ง"]
# Words whose SARA AA (า) was drawn as SARA AM (ำ).
AA_AS_AM = ["สำนักงำน", "กำร", "ควำม", "ข้ำพเจ้ำ", "งำน", "ตำม", "วิทยำ", "ปรำ", "สำธำรณ"]

FIELDS = ["name", "type", "district", "province"]


def norm(v):
    if v is None:
        return None
    s = unicodedata.normalize("NFC", str(v)).translate(THAI_DIGITS)
    return re.sub(r"\s+", "", s)


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            if k in ("diagnostics", "source", "validation"):
                continue
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def defects(doc):
    found = {"pua": 0, "decomposed_am": 0, "dropped_am": 0, "aa_as_am": 0, "latin_in_thai": 0}
    examples = []
    for s in strings(doc):
        if any(0xE000 <= ord(c) <= 0xF8FF for c in s):
            found["pua"] += 1
            examples.append(s[:40])
        if "\u0e4d\u0e32" in s or "\u0e4d\u0e48\u0e32" in s or "\u0e4d\u0e49\u0e32" in s:
            found["decomposed_am"] += 1
        for w in DROPPED_AM:
            if w in s:
                found["dropped_am"] += 1
                examples.append(w)
        for w in AA_AS_AM:
            if w in s:
                found["aa_as_am"] += 1
                examples.append(w)
        if re.search(r"[\u0e01-\u0e2e][A-Za-z]|[A-Za-z][\u0e01-\u0e2e]", s):
            found["latin_in_thai"] += 1
    return found, examples[:6]


def accepted(label, key, value):
    answers = [label_value(label, key)] + list(label.get("accept", {}).get(key, []))
    return norm(value) in [norm(a) for a in answers]


def label_value(label, key):
    if key == "family":
        return label["family"]
    if key == "fiscal_year":
        return label["fiscal_year"]
    org = label["organization"]
    field = key.split(".")[1]
    return None if org is None else org.get(field)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", required=True)
    ap.add_argument("--actual", required=True)
    ap.add_argument("--json")
    args = ap.parse_args()
    labels = json.load(open(args.labels, encoding="utf-8"))
    rows = []
    for label in labels["files"]:
        name = os.path.splitext(label["file"])[0]
        path = os.path.join(args.actual, name + ".json")
        try:
            out = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            out = {}
        doc = out.get("document") or {}
        org = doc.get("organization") or {}
        row = {"file": name}
        row["family"] = accepted(label, "family", doc.get("family"))
        for f in FIELDS:
            row[f] = accepted(label, "organization." + f, org.get(f))
        row["fiscal_year"] = accepted(label, "fiscal_year", doc.get("fiscal_year"))
        measures = len(out.get("measures") or [])
        row["invented"] = max(0, measures - label.get("max_measures", 0))
        found, examples = defects({"document": doc, "measures": out.get("measures"),
                                   "ita_scores": out.get("ita_scores"),
                                   "action_plan": out.get("action_plan")})
        row["defects"] = sum(found.values())
        row["defect_kinds"] = {k: v for k, v in found.items() if v}
        row["defect_examples"] = examples
        row["got"] = {"family": doc.get("family"), "org": org, "fy": doc.get("fiscal_year")}
        rows.append(row)

    cols = ["family", "name", "type", "district", "province", "fiscal_year"]
    print("| file | " + " | ".join(cols) + " | invented | defects |")
    print("|---|" + "---|" * (len(cols) + 2))
    for r in rows:
        marks = ["ok" if r[c] else "**x**" for c in cols]
        print(f"| {r['file']} | " + " | ".join(marks) + f" | {r['invented']} | {r['defects']} |")
    n = len(rows)
    totals = {c: sum(r[c] for r in rows) / n for c in cols}
    meta = sum(totals[c] for c in ["name", "type", "district", "province", "fiscal_year"]) / 5
    clean = sum(1 for r in rows if r["defects"] == 0) / n
    no_invented = sum(1 for r in rows if r["invented"] == 0) / n
    summary = {"family": totals["family"], "meta": meta, "no_invented": no_invented,
               "defect_free": clean,
               "score": (totals["family"] + meta + no_invented + clean) / 4}
    print("| ALL | " + " | ".join(f"{totals[c]:.2f}" for c in cols) +
          f" | {no_invented:.2f} clean | {clean:.2f} clean |")
    print(" ".join(f"{k}={v:.3f}" for k, v in summary.items()))
    for r in rows:
        bad = [c for c in cols if not r[c]]
        if bad or r["defects"] or r["invented"]:
            print(f"  {r['file']}: wrong {bad} got {json.dumps(r['got'], ensure_ascii=False)}"
                  f" defects {r['defect_kinds']} {r['defect_examples']}")
    if args.json:
        json.dump({"summary": summary, "files": rows}, open(args.json, "w", encoding="utf-8"),
                  ensure_ascii=False, indent=1)


if __name__ == "__main__":
    sys.exit(main())
