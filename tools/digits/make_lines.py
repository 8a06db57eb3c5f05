#!/usr/bin/env python3
"""Training lines for the numeric/date OCR model: the forms that fill date, number and score
cells of ITA reports, in Thai and Arabic digits. Deterministic (seeded) so the model can be
reproduced. Usage: make_lines.py COUNT SEED > lines.txt"""
import random
import sys

THAI = "๐๑๒๓๔๕๖๗๘๙"
MONTHS_FULL = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_ABBR = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
               "พ.ย.", "ธ.ค."]
SEPS = [" - ", " – ", " ถึง ", "-", " – "]


def digits(n, thai):
    s = str(n)
    return "".join(THAI[int(c)] for c in s) if thai else s


def amount(r, thai):
    v = r.choice([500, 1000, 5000, 10000, 20000, 30000, 50000, 100000, 250000, 1500000])
    v = v * r.randint(1, 9) // r.choice([1, 1, 2, 5])
    s = f"{v:,}"
    if thai:
        s = "".join(THAI[int(c)] if c.isdigit() else c for c in s)
    return s + r.choice([".-", "", " บาท", ".๐๐" if thai else ".00"])


def date(r, thai, with_day=True):
    m = r.randrange(12)
    month = r.choice([MONTHS_FULL[m], MONTHS_ABBR[m], MONTHS_ABBR[m]])
    year = r.choice([r.randint(2560, 2572), r.randint(60, 72)])
    era = r.choice(["", "", "พ.ศ. ", "พ.ศ."])
    day = f"{digits(r.randint(1, 31), thai)} " if with_day else ""
    return f"{day}{month} {era}{digits(year, thai)}"


def line(r):
    thai = r.random() < 0.6
    kind = r.randrange(9)
    if kind == 0:
        return date(r, thai) + r.choice(SEPS) + date(r, thai)
    if kind == 1:
        return date(r, thai, with_day=False) + r.choice(SEPS) + date(r, thai, with_day=False)
    if kind == 2:
        a = r.randint(2560, 2570)
        return r.choice(["ตลอดปีงบประมาณ พ.ศ.", "ปีงบประมาณ พ.ศ. ", "ประจำปี พ.ศ. ", "ปีงบประมาณ "]) + digits(a, thai) + (
            r.choice(SEPS) + digits(a + 4, thai) if r.random() < 0.3 else "")
    if kind == 3:
        q = sorted(r.sample([1, 2, 3, 4], r.randint(1, 3)))
        body = ",".join(digits(x, thai) for x in q) if r.random() < 0.5 else f"{digits(q[0], thai)}-{digits(4, thai)}"
        return r.choice(["ไตรมาส ", "ไตรมาสที่ "]) + body
    if kind == 4:
        return "  ".join(amount(r, thai) for _ in range(r.randint(1, 3)))
    if kind == 5:
        scores = [f"{r.uniform(0, 100):.2f}" for _ in range(r.randint(1, 3))]
        if thai:
            scores = ["".join(THAI[int(c)] if c.isdigit() else c for c in s) for s in scores]
        return "  ".join(scores) + r.choice(["", " คะแนน", " " + r.choice(["AA", "A", "B", "C", "D", "E", "F"])])
    if kind == 6:
        return f"ร้อยละ {digits(r.randint(1, 100), thai)}" + r.choice(["", " ของ", " ขึ้นไป"])
    if kind == 7:
        return f"({digits(r.randint(1, 30), thai)}) " + digits(r.randint(1, 9), thai) + "." + digits(r.randint(1, 9), thai)
    return f"วันที่ {date(r, thai)}"


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    for _ in range(count):
        print(line(r))


if __name__ == "__main__":
    main()
