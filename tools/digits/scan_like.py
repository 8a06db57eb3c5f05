#!/usr/bin/env python3
"""Makes a crisp text2image page look like what the pipeline hands the numeric model when it
reads a scan: the page printed in grey ink, scanned at 150 to 240 dpi (blur, sensor noise, JPEG
for some), rendered back at the page's resolution, light pixels whitened and the rest binarized
as pipeline/page/second_readings.cc does (at min(200, paper - 30)). Strokes come out thinner, thicker or
broken depending on the ink and the threshold, as on real scans. The page keeps its size, so
text2image's boxes stay valid. Seeded by the file name: reruns give the same page.
Usage: scan_like.py IN.tif OUT.tif"""
import hashlib
import io
import random
import sys

import numpy as np
from PIL import Image, ImageFilter


def degrade(page, r):
    w, h = page.size
    grey = np.asarray(page.convert("L"), dtype=np.float32) / 255.0  # 1 = paper, 0 = ink
    ink, paper = r.uniform(20, 120), r.uniform(205, 250)
    img = Image.fromarray((paper + (ink - paper) * (1.0 - grey)).clip(0, 255).astype(np.uint8))
    # The scanner's resolution, as a share of the page's.
    scale = r.uniform(0.5, 0.8)
    small = img.resize((max(1, int(w * scale)), max(1, int(h * scale))), Image.BOX)
    small = small.filter(ImageFilter.GaussianBlur(r.uniform(0.3, 0.9)))
    a = np.asarray(small, dtype=np.float32)
    a = a + np.random.default_rng(r.randrange(1 << 30)).normal(0, r.uniform(2, 12), a.shape)
    small = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    if r.random() < 0.4:
        buf = io.BytesIO()
        small.save(buf, "JPEG", quality=r.randint(25, 70))
        small = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    a = np.asarray(small.resize((w, h), Image.BILINEAR), dtype=np.int32)
    # The pipeline's clean-up before the numeric reading.
    paper_level = int(np.percentile(a, 90))
    level = min(200, paper_level - 30) + r.randint(-25, 15)
    return Image.fromarray(np.where(a < level, 0, 255).astype(np.uint8))


def main():
    src, dst = sys.argv[1], sys.argv[2]
    r = random.Random(int(hashlib.sha1(src.encode()).hexdigest()[:8], 16))
    page = Image.open(src)
    degrade(page, r).save(dst, compression="tiff_lzw", dpi=page.info.get("dpi", (300, 300)))


if __name__ == "__main__":
    main()
