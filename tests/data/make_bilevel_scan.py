#!/usr/bin/env python3
"""Writes tests/data/bilevel_scan.pdf: an A4 page that is one 1-bit (CCITT) image at 100 ppi,
as fax and bilevel office scanners write them, with a few black bars for text. Deterministic.
Needs python3-pil (Debian)."""
import os
from PIL import Image, ImageDraw

page = Image.new("1", (827, 1169), 1)
draw = ImageDraw.Draw(page)
for row in range(12):
    y = 120 + row * 60
    draw.rectangle([90, y, 90 + 40 * (row % 5 + 8), y + 18], fill=0)
page.save(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bilevel_scan.pdf"), resolution=100)
