#!/usr/bin/env python3
"""Digit accuracy of OCR output: for each document, the digits (Thai digits mapped to Arabic)
of every measure text field and ITA score, in order, compared with the ground truth by edit
distance. Accuracy = 1 - distance / digits in the ground truth; also the share of the ground
truth's Thai digits ๔๖๗๘๙ (which Debian's tha model cannot output) that were read right.
Usage: digit_accuracy.py EXPECTED_DIR ACTUAL_DIR [NAME_FILTER]"""
import json
import os
import sys

THAI = "๐๑๒๓๔๕๖๗๘๙"
FIELDS = ["issue", "measure", "method", "responsible", "output", "outcome", "findings", "suggestion",
          "follow_up"]


def digits(text):
    return "".join(str(THAI.index(c)) if c in THAI else c for c in text if c.isdigit() or c in THAI)


def texts(doc):
    out = []
    for m in doc.get("measures") or []:
        for f in FIELDS:
            if isinstance(m.get(f), str):
                out.append(m[f])
        p = m.get("period")
        if isinstance(p, dict) and isinstance(p.get("text"), str):
            out.append(p["text"])
    s = doc.get("ita_scores") or {}
    for i in s.get("indicators") or []:
        for k in ("score", "previous"):
            if i.get(k) is not None:
                out.append("%.2f" % i[k])
    return out


def distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def main():
    expected, actual = sys.argv[1], sys.argv[2]
    name_filter = sys.argv[3] if len(sys.argv) > 3 else "_scan"
    total = errors = 0
    for name in sorted(os.listdir(expected)):
        if not name.endswith(".expected.json") or name_filter not in name:
            continue
        gt = json.load(open(os.path.join(expected, name)))
        path = os.path.join(actual, name.replace(".expected.json", ".json"))
        out = json.load(open(path)) if os.path.exists(path) else {}
        g = digits("".join(texts(gt)))
        a = digits("".join(texts(out)))
        d = distance(g, a) if g else 0
        total += len(g)
        errors += min(d, len(g))
        print("%-22s digits %5d  accuracy %.3f" % (name.replace(".expected.json", ""), len(g),
                                                 1 - min(d, len(g)) / len(g) if g else 1.0))
    print("all scans              digits %5d  accuracy %.3f" % (total, 1 - errors / total if total else 1.0))


if __name__ == "__main__":
    main()
