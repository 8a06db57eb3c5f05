#!/usr/bin/env python3
"""Writes test documents in forms the samples do not have, as PDFs printed by headless Chromium.

  python3 tools/forms/make_forms.py OUT_DIR

Each form is one HTML page set in a Thai face of fonts-thai-tlwg or fonts-noto-core (apt-get
install fonts-thai-tlwg fonts-noto-core chromium ghostscript): ticks in quarter columns under a spanning heading, approach rows that
span the table, a table long enough that its header repeats on the next page (Chromium repeats
<thead>), a one-year action plan whose preamble quotes a framework's years, an ITA result table
of one year, a ministry's blank template, and tables that are not measures (staff, budget);
the quarter-tick plan also as a scan (pages rendered to grey pixels, no text layer); ITA score
tables of other shapes (weights, one row a year, without rulings; as text, scans, a scan fed
sideways and outlined glyphs), plans with a column a year, and a hospital's report behind the
ministry's cover form for publishing on the web (as text and as a scan).
The PDFs in tests/data/forms/ were made with this script; tests/e2e/forms_test.cc reads them
through the shipped pipeline. Content is invented for the tests; the wording follows the forms
offices use.
"""
import os
import subprocess
import sys
import tempfile
import zlib

STYLE = """
<style>
@page { size: A4 %(orient)s; margin: %(margin)s; }
body { font-family: '%(face)s'; font-size: %(size)spt; }
h1, h2 { font-size: %(hsize)spt; text-align: center; margin: 2pt 0; font-weight: bold; }
table { border-collapse: collapse; width: 100%%; margin-top: 8pt; }
th, td { border: 0.8pt solid black; padding: 3pt 4pt; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.c { text-align: center; }
tr { page-break-inside: avoid; }
p { margin: 3pt 0; text-indent: 30pt; }
</style>
"""


def page(title_lines, body, face, orient="portrait", size=15, hsize=17, margin="18mm 15mm"):
    head = "".join("<h1>%s</h1>" % t for t in title_lines)
    return ("<html><head><meta charset='utf-8'>" + STYLE % dict(face=face, orient=orient, size=size, hsize=hsize, margin=margin)
            + "</head><body>" + head + body + "</body></html>")


THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def quarter_ticks_plan():
    """A measures plan: quarters ticked, approach rows spanning the table, 14 measures over two pages."""
    approaches = [
        ("แนวทางที่ ๑ การเปิดเผยข้อมูลและการมีส่วนร่วม", [
            ("เผยแพร่ข้อมูลข่าวสารของหน่วยงานผ่านเว็บไซต์และเพจของหน่วยงาน", "งานประชาสัมพันธ์ สำนักปลัด", "1111"),
            ("จัดประชุมประชาคมเพื่อรับฟังความคิดเห็นของประชาชนต่อแผนพัฒนาท้องถิ่น", "กองยุทธศาสตร์และงบประมาณ", "0100"),
            ("ประกาศแผนการจัดซื้อจัดจ้างประจำปีให้ประชาชนทราบโดยทั่วกัน", "กองคลัง", "1000"),
            ("รายงานผลการใช้จ่ายงบประมาณรายไตรมาสต่อสาธารณะ", "กองคลัง", "0111"),
            ("เปิดช่องทางรับฟังความคิดเห็นออนไลน์ของผู้รับบริการ", "สำนักปลัด", "1111"),
        ]),
        ("แนวทางที่ ๒ การป้องกันการรับสินบนและผลประโยชน์ทับซ้อน", [
            ("ประกาศนโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)", "นายก อบต.", "1000"),
            ("อบรมให้ความรู้เรื่องผลประโยชน์ทับซ้อนแก่พนักงานส่วนตำบลและพนักงานจ้าง", "สำนักปลัด", "0010"),
            ("จัดทำคู่มือการปฏิบัติงานเพื่อป้องกันการรับสินบนในงานบริการประชาชน", "กองช่าง", "0110"),
            ("ตรวจสอบการใช้ทรัพย์สินของราชการและการยืมพัสดุครุภัณฑ์", "กองคลัง", "0001"),
        ]),
        ("แนวทางที่ ๓ การส่งเสริมคุณธรรมและจริยธรรม", [
            ("ยกย่องเชิดชูบุคลากรผู้ประพฤติตนเป็นแบบอย่างที่ดีด้านคุณธรรม", "สำนักปลัด", "0001"),
            ("จัดกิจกรรมจิตอาสาพัฒนาชุมชนร่วมกับประชาชนในพื้นที่", "กองสาธารณสุขและสิ่งแวดล้อม", "0100"),
            ("ประเมินความเสี่ยงการทุจริตในกระบวนการอนุมัติ อนุญาต", "หน่วยตรวจสอบภายใน", "1000"),
            ("ทบทวนประมวลจริยธรรมของพนักงานส่วนท้องถิ่นและเผยแพร่", "สำนักปลัด", "0010"),
            ("จัดทำรายงานผลการดำเนินการตามมาตรการเสนอผู้บริหาร", "สำนักปลัด", "0011"),
        ]),
    ]
    rows = []
    n = 0
    for heading, items in approaches:
        rows.append("<tr><td colspan='7'><b>%s</b></td></tr>" % heading)
        for name, unit, quarters in items:
            n += 1
            ticks = "".join("<td class='c'>%s</td>" % ("✓" if q == "1" else "") for q in quarters)
            rows.append("<tr><td class='c'>%s</td><td>%s</td><td>%s</td>%s</tr>"
                        % (str(n).translate(THAI_DIGITS), name, unit, ticks))
    body = ("<table><thead><tr><th rowspan='2'>ที่</th><th rowspan='2'>มาตรการ/กิจกรรม</th>"
            "<th rowspan='2'>หน่วยงานรับผิดชอบ</th><th colspan='4'>ระยะเวลาดำเนินการ</th></tr>"
            "<tr><th>ไตรมาส ๑</th><th>ไตรมาส ๒</th><th>ไตรมาส ๓</th><th>ไตรมาส ๔</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
    return page(["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                 "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                 "องค์การบริหารส่วนตำบลโนนสะอาด อำเภอเมืองชัยภูมิ จังหวัดชัยภูมิ"], body, "Laksaman", size=16)


def one_year_action_plan():
    """A one-year plan: its fiscal year in the title, a national framework's years in the preamble."""
    projects = [
        ("โครงการอบรมเสริมสร้างคุณธรรมจริยธรรมสำหรับบุคลากร", "เพื่อให้บุคลากรมีจิตสำนึกที่ดี", "20,000", "มกราคม 2569", "สำนักปลัดเทศบาล"),
        ("กิจกรรมประกาศเจตจำนงสุจริตของผู้บริหาร", "เพื่อแสดงเจตจำนงในการต่อต้านการทุจริต", "ไม่ใช้งบประมาณ", "ตุลาคม 2568", "สำนักปลัดเทศบาล"),
        ("โครงการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างต่อสาธารณะ", "เพื่อความโปร่งใสในการจัดซื้อจัดจ้าง", "5,000", "ต.ค. 68 - ก.ย. 69", "กองคลัง"),
        ("กิจกรรมจัดทำคู่มือป้องกันผลประโยชน์ทับซ้อน", "เพื่อเป็นแนวทางการปฏิบัติงาน", "ไม่ใช้งบประมาณ", "ไตรมาส 2", "กองช่าง"),
        ("โครงการส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบ", "เพื่อให้ประชาชนมีส่วนร่วม", "15,000", "ไตรมาส 3-4", "กองการศึกษา"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td class='c'>%s</td><td>%s</td><td>%s</td></tr>"
                   % (i + 1, *p) for i, p in enumerate(projects))
    body = ("<p>ตามที่ยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต ระยะที่ ๓ (พ.ศ. 2566 - 2570) "
            "กำหนดให้หน่วยงานของรัฐจัดทำแผนปฏิบัติการป้องกันการทุจริต เทศบาลตำบลท่าเดื่อ-มืดกา "
            "จึงได้จัดทำแผนปฏิบัติการฉบับนี้ขึ้น เพื่อใช้เป็นกรอบในการดำเนินงานของหน่วยงาน</p>"
            "<table><thead><tr><th>ลำดับ</th><th>โครงการ/กิจกรรม</th><th>วัตถุประสงค์</th><th>งบประมาณ (บาท)</th>"
            "<th>ระยะเวลา</th><th>ผู้รับผิดชอบ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["แผนปฏิบัติการป้องกันและปราบปรามการทุจริต", "ประจำปีงบประมาณ พ.ศ. 2569",
                 "เทศบาลตำบลท่าเดื่อ-มืดกา อำเภอดอยเต่า จังหวัดเชียงใหม่"], body, "Garuda", "landscape", 13, 15)


def ita_one_year():
    """An ITA result as an office reports it: one year's scores, the total and grade."""
    scores = [("การปฏิบัติหน้าที่", "96.45"), ("การใช้งบประมาณ", "89.10"), ("การใช้อำนาจ", "92.33"),
              ("การใช้ทรัพย์สินของราชการ", "90.05"), ("การแก้ไขปัญหาการทุจริต", "93.80"),
              ("คุณภาพการดำเนินงาน", "88.72"), ("ประสิทธิภาพการสื่อสาร", "87.95"),
              ("การปรับปรุงการทำงาน", "86.40"), ("การเปิดเผยข้อมูล", "100.00"), ("การป้องกันการทุจริต", "87.50")]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td class='c'>%s</td></tr>" % (i + 1, n, s)
                   for i, (n, s) in enumerate(scores))
    body = ("<table><thead><tr><th>ที่</th><th>ประเด็นการประเมิน</th><th>คะแนน</th></tr></thead><tbody>" + rows
            + "<tr><td colspan='2'><b>คะแนนภาพรวม</b></td><td class='c'><b>91.23</b></td></tr>"
            "<tr><td colspan='2'><b>ระดับผลการประเมิน</b></td><td class='c'><b>A</b></td></tr></tbody></table>"
            "<p>จากผลการประเมินดังกล่าว หน่วยงานจะนำข้อเสนอแนะไปปรับปรุงการดำเนินงานในปีต่อไป</p>")
    return page(["สรุปผลคะแนนการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)",
                 "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", "เทศบาลตำบลบ้านเป็ด อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"], body, "Waree", size=14)


ITA_INDICATORS = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของราชการ",
                  "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
                  "การปรับปรุงการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]


def ita_weighted():
    """One year's scores beside each indicator's weight and weighted score; indicators named
    "ตัวชี้วัดที่ N …"; the year only in a long header ("ปีงบประมาณ พ.ศ. 2568"); the total
    given in the weighted column only."""
    weights = [6, 6, 6, 6, 6, 10, 10, 10, 20, 20]
    scores = [88.51, 84.20, 90.12, 86.75, 91.04, 82.33, 80.90, 79.65, 95.00, 87.50]
    rows = "".join(
        "<tr><td>ตัวชี้วัดที่ %d %s</td><td class='c'>%d</td><td class='c'>%.2f</td><td class='c'>%.2f</td></tr>"
        % (i + 1, ITA_INDICATORS[i], w, s, w * s / 100) for i, (w, s) in enumerate(zip(weights, scores)))
    total = sum(w * s / 100 for w, s in zip(weights, scores))
    body = ("<p>ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน ปรากฏผลตามตาราง</p>"
            "<table><thead><tr><th>ตัวชี้วัด</th><th>น้ำหนัก (ร้อยละ)</th><th>คะแนน ปีงบประมาณ พ.ศ. 2568</th>"
            "<th>คะแนนถ่วงน้ำหนัก</th></tr></thead><tbody>" + rows
            + "<tr><td><b>คะแนนรวม</b></td><td class='c'>100</td><td></td><td class='c'><b>%.2f</b></td></tr>"
            "<tr><td><b>ผลการประเมิน</b></td><td></td><td></td><td class='c'><b>ระดับ A</b></td></tr>"
            "</tbody></table>" % total)
    return page(["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน",
                 "ของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2568",
                 "องค์การบริหารส่วนตำบลดอนแก้ว อำเภอแม่ริม จังหวัดเชียงใหม่"], body, "Kinnari", size=14)


def ita_years_as_rows():
    """A history of results: one row a year, the three tools' scores, the total and the grade."""
    years = [(2564, 71.20, 80.45, 65.10, 71.85, "C"), (2565, 78.33, 82.10, 74.50, 77.95, "B"),
             (2566, 84.90, 86.02, 88.40, 86.68, "A"), (2567, 90.15, 88.76, 96.30, 92.18, "A")]
    rows = "".join("<tr><td class='c'>พ.ศ. %s</td><td class='c'>%.2f</td><td class='c'>%.2f</td>"
                   "<td class='c'>%.2f</td><td class='c'>%.2f</td><td class='c'>%s</td></tr>"
                   % (str(y).translate(THAI_DIGITS), i, e, o, t, g) for y, i, e, o, t, g in years)
    body = ("<p>ผลคะแนนการประเมิน ITA ของเทศบาลย้อนหลัง 4 ปี เป็นดังนี้</p>"
            "<table><thead><tr><th>ปีงบประมาณ</th><th>IIT</th><th>EIT</th><th>OIT</th><th>คะแนนรวม</th>"
            "<th>ระดับผลการประเมิน</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส (ITA)", "ประจำปีงบประมาณ พ.ศ. 2567",
                 "เทศบาลเมืองลำพูน อำเภอเมืองลำพูน จังหวัดลำพูน"], body, "Tlwg Typo", size=14)


def ita_three_years_borderless():
    """Three years' indicator scores and the change, set as a table without any ruling."""
    data = [(79.12, 83.40, 85.47), (76.30, 80.11, 82.64), (81.00, 84.25, 88.90), (74.55, 78.02, 80.13),
            (70.20, 75.66, 79.81), (77.45, 79.90, 83.02), (72.10, 76.35, 78.44), (69.80, 73.20, 77.65),
            (60.00, 71.43, 85.71), (55.00, 62.50, 75.00)]
    rows = "".join("<tr><td>%d. %s</td><td class='c'>%.2f</td><td class='c'>%.2f</td><td class='c'>%.2f</td>"
                   "<td class='c'>+%.2f</td></tr>" % (i + 1, ITA_INDICATORS[i], a, b, c, c - b)
                   for i, (a, b, c) in enumerate(data))
    style = "<style>table td, table th { border: none; padding: 2pt 6pt; }</style>"
    body = (style + "<p>เปรียบเทียบผลคะแนนรายตัวชี้วัด ปี 2564 ถึง 2566</p>"
            "<table><thead><tr><th style='text-align:left'>ตัวชี้วัด</th><th>ปี 2564</th><th>ปี 2565</th>"
            "<th>ปี 2566</th><th>ผลต่าง</th></tr></thead><tbody>" + rows
            + "<tr><td><b>คะแนนรวม</b></td><td class='c'>70.11</td><td class='c'>75.86</td><td class='c'><b>81.79</b></td>"
            "<td class='c'>+5.93</td></tr><tr><td><b>ระดับ</b></td><td class='c'>C</td><td class='c'>B</td>"
            "<td class='c'><b>B</b></td><td></td></tr></tbody></table>")
    return page(["การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน", "ประจำปีงบประมาณ พ.ศ. 2566",
                 "องค์การบริหารส่วนตำบลบ้านใหม่ อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา"], body, "Purisa", size=13)


def borderless_action_plan():
    """A four-year plan's projects with one budget column a year, set without any ruling."""
    projects = [
        ("โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน", ["30,000", "30,000", "30,000", "30,000"], "สำนักปลัด"),
        ("กิจกรรมประกาศเจตจำนงสุจริตในการบริหารงาน", ["-", "-", "-", "-"], "สำนักปลัด"),
        ("โครงการเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง", ["10,000", "10,000", "15,000", "15,000"], "กองคลัง"),
        ("มาตรการตรวจสอบการใช้ดุลยพินิจในการอนุมัติ อนุญาต", ["-", "-", "-", "-"], "กองช่าง"),
        ("โครงการส่งเสริมเครือข่ายภาคประชาชนต่อต้านการทุจริต", ["20,000", "20,000", "20,000", "25,000"], "กองสวัสดิการสังคม"),
        ("กิจกรรมรายงานผลการใช้จ่ายงบประมาณต่อสาธารณะ", ["-", "5,000", "5,000", "5,000"], "กองคลัง"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td>%s<td>%s</td></tr>"
                   % (i + 1, name, "".join("<td class='c'>%s</td>" % b for b in budgets), unit)
                   for i, (name, budgets, unit) in enumerate(projects))
    style = "<style>table td, table th { border: none; padding: 3pt 5pt; }</style>"
    body = (style + "<p>แผนปฏิบัติการป้องกันการทุจริตฉบับนี้ประกอบด้วยโครงการ กิจกรรม และมาตรการ ดังต่อไปนี้</p>"
            "<table><thead><tr><th>ที่</th><th>โครงการ/กิจกรรม/มาตรการ</th><th>ปี 2566 งบประมาณ (บาท)</th>"
            "<th>ปี 2567 งบประมาณ (บาท)</th><th>ปี 2568 งบประมาณ (บาท)</th><th>ปี 2569 งบประมาณ (บาท)</th>"
            "<th>ผู้รับผิดชอบ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["แผนปฏิบัติการป้องกันการทุจริต 4 ปี", "(พ.ศ. 2566 - 2569)",
                 "องค์การบริหารส่วนตำบลหนองแวง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"], body, "Tlwg Typist", "landscape", 13, 15)


def narrow_margin_plan():
    """A measures plan printed almost to the paper's edge (5 mm margins): the table's frame runs
    near the page border, where a scanner's dark edge would be."""
    items = [
        ("ประกาศเจตจำนงสุจริตในการบริหารงาน", "ผู้บริหารลงนามประกาศและเผยแพร่ทางเว็บไซต์", "ตุลาคม 2567", "สำนักปลัด"),
        ("เปิดเผยข้อมูลการจัดซื้อจัดจ้างทุกเดือน", "จัดทำสรุปผลการจัดซื้อจัดจ้างรายเดือนเผยแพร่", "ต.ค. 67 - ก.ย. 68", "กองคลัง"),
        ("ป้องกันผลประโยชน์ทับซ้อน", "อบรมบุคลากรและจัดทำคู่มือ", "ไตรมาส 2", "สำนักปลัด"),
        ("ส่งเสริมการมีส่วนร่วมของประชาชน", "จัดเวทีประชาคมรับฟังความคิดเห็น", "มกราคม - มีนาคม 2568", "กองยุทธศาสตร์ฯ"),
        ("รับเรื่องร้องเรียนการทุจริต", "เปิดช่องทางร้องเรียนออนไลน์และตู้รับเรื่อง", "ตลอดปีงบประมาณ", "สำนักปลัด"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i + 1, *it)
                   for i, it in enumerate(items))
    body = ("<table><thead><tr><th>ที่</th><th>มาตรการ</th><th>วิธีการดำเนินการ</th><th>ระยะเวลาดำเนินการ</th>"
            "<th>ผู้รับผิดชอบ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "ประจำปีงบประมาณ พ.ศ. 2568",
                 "เทศบาลตำบลนาข่า อำเภอเมืองอุดรธานี จังหวัดอุดรธานี"], body, "Kinnari", size=14, margin="5mm 4mm")


def ita_comparison_noto():
    """Two years' indicator scores with tools and the change in words, in Noto Sans Thai."""
    prev = [82.39, 69.17, 81.50, 71.46, 69.29, 83.42, 87.09, 80.61, 41.49, 12.50]
    now = [86.02, 67.18, 76.01, 70.55, 70.04, 84.49, 85.18, 79.98, 36.54, 25.00]
    tools = ["IIT"] * 5 + ["EIT"] * 3 + ["OIT"] * 2
    rows = "".join("<tr><td class='c'>%s</td><td>%d. %s</td><td class='c'>%.2f</td><td class='c'>%.2f</td>"
                   "<td class='c'>%s</td></tr>" % (tools[i], i + 1, ITA_INDICATORS[i], prev[i], now[i],
                                                  "เพิ่มขึ้น" if now[i] > prev[i] else "ลดลง")
                   for i in range(10))
    body = ("<p>ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน เปรียบเทียบกับปีที่ผ่านมา ดังนี้</p>"
            "<table><thead><tr><th>เครื่องมือ</th><th>ตัวชี้วัด</th><th>2565</th><th>2566</th>"
            "<th>การเปลี่ยนแปลง</th></tr></thead><tbody>" + rows
            + "<tr><td colspan='2'><b>คะแนนเฉลี่ย</b></td><td class='c'>62.10</td><td class='c'>65.38</td>"
            "<td class='c'>เพิ่มขึ้น</td></tr><tr><td colspan='2'><b>ระดับการประเมิน</b></td><td class='c'>D</td>"
            "<td class='c'>C</td><td></td></tr></tbody></table>")
    return page(["รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
                 "ประจำปีงบประมาณ พ.ศ. 2566", "เทศบาลตำบลหนองหาน อำเภอหนองหาน จังหวัดอุดรธานี"],
                body, "Noto Sans Thai", size=12, hsize=14)


def blank_template():
    """A ministry's form handed out blank: placeholders and numbered empty rows, no measure."""
    rows = ("<tr><td class='c'>1</td><td>(1) ชื่อโครงการ / กิจกรรม ..............................</td>"
            "<td>..............................</td><td>..................</td><td></td></tr>"
            "<tr><td class='c'>2</td><td>(2) ชื่อโครงการ / กิจกรรม ..............................</td>"
            "<td>..............................</td><td>..................</td><td></td></tr>"
            + "".join("<tr><td class='c'>%d</td><td></td><td></td><td></td><td></td></tr>" % i for i in range(3, 6)))
    body = ("<p style='text-indent:0'>ชื่อหน่วยงาน ..........................................................</p>"
            "<table><thead><tr><th>ที่</th><th>มาตรการ/โครงการ/กิจกรรม</th><th>ผลการดำเนินงาน</th>"
            "<th>ระยะเวลาดำเนินการ</th><th>หมายเหตุ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["แบบรายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                 "ประจำปีงบประมาณ พ.ศ. ........"], body, "Norasi", size=15)


def not_measures():
    """Tables a municipality posts that are not measures: a staff list and a budget summary."""
    staff = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i + 1, n, p, u) for i, (n, p, u) in enumerate([
        ("นายสมชาย ใจดี", "ปลัดองค์การบริหารส่วนตำบล", "สำนักปลัด"),
        ("นางสาวสมหญิง รักงาน", "นักวิชาการเงินและบัญชี", "กองคลัง"),
        ("นายวิชัย มั่นคง", "นายช่างโยธา", "กองช่าง")]))
    budget = "".join("<tr><td>%s</td><td class='c'>%s</td><td>%s</td></tr>" % r for r in [
        ("แผนงานบริหารงานทั่วไป", "12,500,000", "งบบุคลากรและงบดำเนินงาน"),
        ("แผนงานการศึกษา", "4,200,000", "อาหารเสริม (นม) และอาหารกลางวัน"),
        ("แผนงานเคหะและชุมชน", "6,800,000", "โครงการก่อสร้างถนนคอนกรีต")])
    body = ("<table><thead><tr><th>ลำดับ</th><th>ชื่อ-สกุล</th><th>ตำแหน่ง</th><th>สังกัด</th></tr></thead><tbody>"
            + staff + "</tbody></table><h2>งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2568</h2>"
            "<table><thead><tr><th>แผนงาน/โครงการ</th><th>งบประมาณ (บาท)</th><th>หมายเหตุ</th></tr></thead><tbody>"
            + budget + "</tbody></table>")
    return page(["ข้อมูลบุคลากรและงบประมาณ", "องค์การบริหารส่วนตำบลหนองบัว อำเภอเมืองชัยภูมิ จังหวัดชัยภูมิ"],
                body, "Loma", size=14)


def column_ruled_report():
    """A report whose table is ruled by its columns only: items one under the other, no rule between."""
    items = [
        ("จัดทำประกาศเจตจำนงสุจริตของผู้บริหารและเผยแพร่บนเว็บไซต์", "ดำเนินการแล้ว เผยแพร่เมื่อวันที่ 15 ตุลาคม 2567", "สำนักปลัด"),
        ("อบรมเสริมสร้างความรู้เรื่องการป้องกันผลประโยชน์ทับซ้อน", "บุคลากรเข้าร่วม 45 คน", "สำนักปลัด"),
        ("เปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน", "เผยแพร่ครบ 12 เดือน", "กองคลัง"),
        ("สำรวจความพึงพอใจของผู้รับบริการ", "ความพึงพอใจร้อยละ 92", "กองช่าง"),
        ("ทบทวนคู่มือการร้องเรียนการทุจริตและประพฤติมิชอบ", "ปรับปรุงคู่มือแล้ว", "สำนักปลัด"),
        ("รายงานผลการดำเนินงานตามมาตรการต่อผู้บริหาร", "รายงานรอบ 6 เดือน และ 12 เดือน", "สำนักปลัด"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i + 1, *it)
                   for i, it in enumerate(items))
    style = ("<style>tbody td { border-top: none; border-bottom: none; padding-bottom: 10pt; }"
             " tbody tr:last-child td { border-bottom: 0.8pt solid black; }</style>")
    body = (style + "<table><thead><tr><th>ที่</th><th>มาตรการ/กิจกรรม</th><th>ผลการดำเนินงาน</th>"
            "<th>ผู้รับผิดชอบ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                 "ประจำปีงบประมาณ พ.ศ. 2568", "เทศบาลเมืองกาฬสินธุ์ อำเภอเมืองกาฬสินธุ์ จังหวัดกาฬสินธุ์"],
                body, "Sawasdee", size=14)


def bribery_announcement():
    """An announcement that lists its measures as numbered paragraphs, no table."""
    items = [
        "ห้ามมิให้บุคลากรเรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใดจากผู้มาติดต่อราชการ",
        "ให้ผู้บังคับบัญชากำกับดูแลการปฏิบัติงานของผู้ใต้บังคับบัญชาอย่างใกล้ชิด",
        "จัดให้มีช่องทางการร้องเรียนการเรียกรับสินบนผ่านเว็บไซต์และตู้รับเรื่องร้องเรียน",
        "เผยแพร่ขั้นตอนและระยะเวลาการให้บริการให้ประชาชนทราบอย่างทั่วถึง",
        "หากพบการกระทำผิดให้ดำเนินการทางวินัยอย่างเคร่งครัด",
    ]
    body = ("<p>เพื่อให้การปฏิบัติราชการเป็นไปด้วยความโปร่งใส เทศบาลตำบลหนองบัว จึงกำหนดมาตรการ ดังนี้</p>"
            + "".join("<p>%s. %s</p>" % (str(i + 1).translate(THAI_DIGITS), t) for i, t in enumerate(items))
            + "<p>จึงประกาศให้ทราบโดยทั่วกัน</p><p>ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗</p>")
    return page(["ประกาศเทศบาลตำบลหนองบัว", "เรื่อง มาตรการป้องกันการรับสินบน"], body, "Umpush", size=15)


def moph_cover_report():
    """A hospital's six-month report behind the ministry's form for publishing on the web: a cover
    page that is one ruled table (issuer with district and province, date, topic "EB 11",
    signatures), then the measures with method, month-range periods, unit and result."""
    cover = (
        "<div style='page-break-after: always'><table>"
        "<tr><td colspan=2 style='text-align:center'><b>แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงานในสังกัด"
        "สำนักงานปลัดกระทรวงสาธารณสุข</b><br><b>แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์ของโรงพยาบาลบ้านแพง</b></td></tr>"
        "<tr><td colspan=2>ชื่อหน่วยงาน : โรงพยาบาลบ้านแพง อำเภอบ้านแพง จังหวัดนครพนม<br>วัน/เดือน/ปี : 18 เมษายน 2567<br>"
        "หัวข้อ : EB 11 รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รอบ 6 เดือน<br>"
        "รายละเอียดข้อมูล (โดยสรุปหรือเอกสารแนบ)<br>- รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
        " ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน<br>Link ภายนอก : ไม่มี<br>หมายเหตุ : ....................................</td></tr>"
        "<tr><td style='text-align:center'><b>ผู้รับผิดชอบการให้ข้อมูล</b><br><br>(นางสาวสมใจ ใจดี)<br>"
        "ตำแหน่ง นักจัดการงานทั่วไปปฏิบัติการ<br>วันที่ 18 เดือน เมษายน พ.ศ. 2567</td>"
        "<td style='text-align:center'><b>ผู้อนุมัติรับรอง</b><br><br>(นายสมชาย รักษาดี)<br>"
        "ตำแหน่ง ผู้อำนวยการโรงพยาบาลบ้านแพง<br>วันที่ 18 เดือน เมษายน พ.ศ. 2567</td></tr>"
        "<tr><td colspan=2 style='text-align:center'><b>ผู้รับผิดชอบการนำข้อมูลขึ้นเผยแพร่</b><br><br>"
        "(นายสมศักดิ์ เผยแพร่)<br>ตำแหน่ง นักวิชาการคอมพิวเตอร์<br>วันที่ 18 เดือน เมษายน พ.ศ. 2567</td></tr>"
        "</table></div>")
    items = [
        ("ประกาศเจตจำนงสุจริตในการบริหารงานของผู้บริหาร", "ผู้อำนวยการประกาศเจตจำนงและเผยแพร่บนเว็บไซต์", "ต.ค. 66",
         "กลุ่มงานบริหารทั่วไป", "ดำเนินการแล้ว"),
        ("เปิดเผยข้อมูลการจัดซื้อจัดจ้างของโรงพยาบาล", "สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1) เผยแพร่บนเว็บไซต์",
         "ต.ค. 66 - มี.ค. 67", "งานพัสดุ", "เผยแพร่ครบ 6 เดือน"),
        ("ป้องกันผลประโยชน์ทับซ้อนในการปฏิบัติงาน", "อบรมให้ความรู้แก่เจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน", "ม.ค. 67",
         "กลุ่มงานบริหารทั่วไป", "ผู้เข้าร่วม 62 คน"),
        ("ส่งเสริมการมีส่วนร่วมของผู้รับบริการ", "สำรวจความพึงพอใจของผู้รับบริการแผนกผู้ป่วยนอก", "ธ.ค. 66 - ก.พ. 67",
         "กลุ่มงานประกันสุขภาพ", "ความพึงพอใจร้อยละ 88.5"),
        ("จัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "เปิดช่องทางร้องเรียนทางเว็บไซต์ ตู้รับเรื่อง และโทรศัพท์",
         "ต.ค. 66 - มี.ค. 67", "ศูนย์รับเรื่องร้องเรียน", "ไม่มีเรื่องร้องเรียน"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td class='c'>%s</td><td>%s</td><td>%s</td></tr>"
                   % (i + 1, *it) for i, it in enumerate(items))
    report = ("<h1>รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส</h1>"
              "<h1>โรงพยาบาลบ้านแพง ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 6 เดือน)</h1>"
              "<table><thead><tr><th>ลำดับ</th><th>มาตรการ</th><th>วิธีการดำเนินการ</th><th>ระยะเวลา</th>"
              "<th>ผู้รับผิดชอบ</th><th>ผลการดำเนินงาน</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page([], cover + report, "Loma", size=14)


def dated_activities_report():
    """A report whose date column is headed "วัน/เดือน/ปี" and whose unit column "หน่วยงาน": no
    header word names a period, so the column is known by the dates it holds."""
    items = [
        ("ประชุมชี้แจงแนวทางการประเมินคุณธรรมและความโปร่งใสแก่บุคลากร", "12 ธ.ค. 2567", "บุคลากรเข้าร่วม 48 คน", "สำนักปลัด"),
        ("เผยแพร่ประกาศเจตนารมณ์การต่อต้านการทุจริตบนเว็บไซต์", "5 ม.ค. 2568", "เผยแพร่แล้ว", "งานประชาสัมพันธ์"),
        ("ตรวจสอบการเบิกจ่ายงบประมาณตามแผนการใช้จ่าย", "ม.ค. - มี.ค. 2568", "ไม่พบข้อบกพร่อง", "กองคลัง"),
        ("จัดกิจกรรมวันต่อต้านคอร์รัปชันสากล", "9 ธ.ค. 2567", "ผู้เข้าร่วม 120 คน", "สำนักปลัด"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td class='c'>%s</td><td>%s</td><td>%s</td></tr>"
                   % (i + 1, *it) for i, it in enumerate(items))
    body = ("<table><thead><tr><th>ที่</th><th>กิจกรรม</th><th>วัน/เดือน/ปี</th><th>ผลการดำเนินงาน</th>"
            "<th>หน่วยงาน</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                 "องค์การบริหารส่วนตำบลดอนตูม อำเภอบางเลน จังหวัดนครปฐม", "ประจำปีงบประมาณ พ.ศ. 2568"],
                body, "Sawasdee", size=14)


def typewriter_report():
    """A measures report typed in a monospaced face (Tlwg Mono), as offices with old templates
    still do: OCR of such a face writes each mark after the letter that follows it."""
    items = [
        ("จัดทำคู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้าง", "ธันวาคม 2567", "จัดทำแล้วเสร็จและเผยแพร่", "กองคลัง"),
        ("ประชาสัมพันธ์ช่องทางร้องเรียนเรื่องทุจริต", "ตุลาคม 2567 - กันยายน 2568", "ไม่มีเรื่องร้องเรียน", "สำนักปลัด"),
        ("ฝึกอบรมจริยธรรมให้แก่พนักงานส่วนตำบล", "กุมภาพันธ์ 2568", "ผู้เข้าร่วม 35 คน", "สำนักปลัด"),
        ("ตรวจสอบการใช้รถยนต์ส่วนกลาง", "ไตรมาส 3", "ไม่พบการใช้ผิดวัตถุประสงค์", "กองช่าง"),
    ]
    rows = "".join("<tr><td class='c'>%d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % (i + 1, *it)
                   for i, it in enumerate(items))
    body = ("<table><thead><tr><th>ที่</th><th>มาตรการ/กิจกรรม</th><th>ระยะเวลาดำเนินการ</th>"
            "<th>ผลการดำเนินการ</th><th>ผู้รับผิดชอบ</th></tr></thead><tbody>" + rows + "</tbody></table>")
    return page(["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                 "ประจำปีงบประมาณ พ.ศ. 2568", "องค์การบริหารส่วนตำบลหนองแวง อำเภอเมืองร้อยเอ็ด จังหวัดร้อยเอ็ด"],
                body, "Tlwg Mono", size=14)


FORMS = {
    "bribery_announcement": bribery_announcement,
    "column_ruled_report": column_ruled_report,
    "quarter_ticks_plan": quarter_ticks_plan,
    "one_year_action_plan": one_year_action_plan,
    "ita_one_year": ita_one_year,
    "ita_weighted": ita_weighted,
    "ita_years_as_rows": ita_years_as_rows,
    "ita_three_years_borderless": ita_three_years_borderless,
    "borderless_action_plan": borderless_action_plan,
    "narrow_margin_plan": narrow_margin_plan,
    "ita_comparison_noto": ita_comparison_noto,
    "blank_template": blank_template,
    "not_measures": not_measures,
    "moph_cover_report": moph_cover_report,
    "dated_activities_report": dated_activities_report,
    "typewriter_report": typewriter_report,
}


def turned(width, height, pixels):
    """Grey pixels turned a quarter clockwise, as a sheet fed sideways into a scanner."""
    w, h = int(width), int(height)
    rows = [bytes(reversed(pixels[c::w])) for c in range(w)]
    return str(h).encode(), str(w).encode(), b"".join(rows)


def scan_of(pdf, out, dpi=200, turn=False):
    """A scanner's copy of `pdf`: each page rendered to grey pixels (pdftoppm) and placed as one
    image, no text layer, so the pipeline has to OCR it; with `turn`, fed sideways."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), pdf, os.path.join(work, "p")], check=True)
        pages = sorted(f for f in os.listdir(work) if f.endswith(".pgm"))
        objects = [b"", b""]  # catalog, pages
        kids = []
        for name in pages:
            with open(os.path.join(work, name), "rb") as f:
                magic, width, height, depth, pixels = f.read().split(maxsplit=4)
            assert magic == b"P5" and depth == b"255"
            if turn:
                width, height, pixels = turned(width, height, pixels[:int(width) * int(height)])
            data = zlib.compress(pixels, 9)
            objects.append(b"<< /Type /XObject /Subtype /Image /Width %s /Height %s /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                           % (width, height, len(data), data))
            image = len(objects)
            w_pt, h_pt = int(width) * 72.0 / dpi, int(height) * 72.0 / dpi
            content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w_pt, h_pt)
            objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
            objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject "
                           b"<< /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (w_pt, h_pt, image, image + 1))
            kids.append(len(objects))
        objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
        body = bytearray(b"%PDF-1.4\n")
        offsets = []
        for i, o in enumerate(objects):
            offsets.append(len(body))
            body += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o)
        xref = len(body)
        body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
        body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        with open(out, "wb") as f:
            f.write(body)


def print_pdf(html, pdf, work):
    """`html` (a page's text) printed to `pdf` by headless Chromium; `work` holds the page and
    the browser's profile."""
    src = os.path.join(work, os.path.basename(pdf) + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--user-data-dir=" + os.path.join(work, "profile"), "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, "file://" + src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def outlined_of(pdf, out):
    """The same pages with every glyph drawn as a vector path (Ghostscript's -dNoOutputFonts):
    no text layer, no image; the pipeline has to OCR a clean rendering."""
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                    "-sOutputFile=" + out, pdf], check=True)


# Forms also written with their glyphs outlined (apt-get install ghostscript).
OUTLINED = ["narrow_margin_plan", "ita_three_years_borderless"]

# Forms also written as scans fed sideways (the page's pixels turned a quarter).
TURNED = ["ita_comparison_noto"]

# Forms also written as scans: OCR must find the same structure and read the ticks.
SCANNED = ["quarter_ticks_plan", "ita_weighted", "ita_three_years_borderless", "moph_cover_report",
           "typewriter_report"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/forms"
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name, make in FORMS.items():
            pdf = os.path.abspath(os.path.join(out, name + ".pdf"))
            print_pdf(make(), pdf, work)
            print(pdf)
            if name in OUTLINED:
                outlined = os.path.abspath(os.path.join(out, name + "_outlined.pdf"))
                outlined_of(pdf, outlined)
                print(outlined)
            if name in TURNED:
                scan = os.path.abspath(os.path.join(out, name + "_scan_turned.pdf"))
                scan_of(pdf, scan, turn=True)
                print(scan)
            if name in SCANNED:
                scan = os.path.abspath(os.path.join(out, name + "_scan.pdf"))
                scan_of(pdf, scan)
                print(scan)


if __name__ == "__main__":
    main()
