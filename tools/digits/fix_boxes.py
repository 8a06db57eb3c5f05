#!/usr/bin/env python3
"""Rewrites the line ends of a text2image box file from geometry.

text2image ends a line whenever a box starts left of the previous one. A Thai mark set over the
first letter of a line (the ี of "ปีงบประมาณ") starts left of its letter, so the line is cut after
one letter and its transcription begins with a bare mark, which lstmtraining cannot encode and
drops. Here a line ends only where the next letter (not a mark) lies wholly below the current\nline's band.
Usage: fix_boxes.py FILE.box   (rewritten in place)"""
import sys
import unicodedata


def parse(path):
    boxes = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            raw = raw.rstrip("\n")
            if not raw:
                continue
            text, rest = raw[0], raw[2:].split()
            if text == "\t":
                continue  # line ends are recomputed
            x1, y1, x2, y2, page = map(int, rest)
            boxes.append((text, x1, y1, x2, y2, page))
    return boxes


def group_lines(boxes):
    lines, current, band = [], [], None  # band: (bottom, top), y grows upward
    for box in boxes:
        text, _, y1, _, y2, page = box
        is_mark = unicodedata.category(text[0]) == "Mn"  # sits above or below its letter
        starts_new = current and (page != current[-1][5] or
                                  (text != " " and not is_mark and band and y2 < band[0]))
        if starts_new:
            lines.append(current)
            current, band = [], None
        current.append(box)
        if text != " " and not is_mark:
            band = (y1, y2) if band is None else (min(band[0], y1), max(band[1], y2))
    if current:
        lines.append(current)
    return lines


def main():
    path = sys.argv[1]
    out = []
    for line in group_lines(parse(path)):
        while line and line[-1][0] == " ":
            line.pop()
        if not line:
            continue
        out.extend(f"{t} {x1} {y1} {x2} {y2} {p}" for t, x1, y1, x2, y2, p in line)
        _, _, _, x2, _, p = line[-1]
        y1 = min(b[2] for b in line)
        out.append(f"\t {x2} {y1} {x2 + 1} {y1 + 1} {p}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
