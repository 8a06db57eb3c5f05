#include "pipeline/families/measures.h"

#include <gtest/gtest.h>

#include "pipeline/families/header_synonyms.h"
#include "tests/testutil/tables.h"

namespace ita {
namespace {

Table MakeTable(int page, int rows, int cols, std::vector<Cell> cells) {
  return testing::GridTable(page, rows, cols, std::move(cells));
}
Cell C(int row, int col, std::string text, int row_span = 1, int col_span = 1) {
  return testing::TextCell(row, col, std::move(text), row_span, col_span);
}

TEST(HeaderFieldOf, SynonymsSpacesAndSpelling) {
  struct Case {
    const char* header;
    MeasureField field;
  } cases[] = {
      {"ลำดับที่", MeasureField::kSeq},
      {"ที่", MeasureField::kSeq},
      {"ประเด็น", MeasureField::kIssue},
      {"ข้อคำถาม", MeasureField::kQuestions},
      {"ข้อค้นพบ", MeasureField::kFindings},
      {"มาตรการ/ แนวทาง", MeasureField::kMeasure},
      {"มาตรการหรือกิจกรรมที่ ดำเนินการ", MeasureField::kMeasure},
      {"วิธีการดำเนินการ", MeasureField::kMethod},
      {"วิธีดำเนินการ", MeasureField::kMethod},
      {"ขั้นตอน/วิธีการปฏิบัติ", MeasureField::kMethod},
      {"ขั้นตอนหรือวิธีการปฏิบัติ", MeasureField::kMethod},
      {"ผู้รับผิดชอบ", MeasureField::kResponsible},
      {"หน่วยงานที่รับผิดชอบ", MeasureField::kResponsible},
      {"ระยะเวลา ดำเนินการ", MeasureField::kPeriod},
      {"ช่วงระยะ เวลาในการ ดำเนินการ", MeasureField::kPeriod},
      {"ผลการ ดำเนินการ", MeasureField::kOutput},
      {"ผลการดำเนินการ (output)", MeasureField::kOutput},
      {"ผลลัพธ์หรือผลสัมฤทธิ์ ในการดำเนินการ (out come/result)", MeasureField::kOutcome},
      {"ข้อเสนอแนะ", MeasureField::kSuggestion},
      {"การติดตามผล", MeasureField::kFollowUp},
      {"วิธีดำเนนิการ", MeasureField::kMethod},      // one letter off
      {"ผู้รับผิดชอ", MeasureField::kResponsible},    // one letter lost
  };
  for (const Case& c : cases) EXPECT_EQ(HeaderFieldOf(c.header), c.field) << c.header;
  EXPECT_EQ(HeaderFieldOf("สวัสดี"), std::nullopt);
  EXPECT_EQ(HeaderFieldOf(""), std::nullopt);
  // Long cell text is data, even if it mentions a header word.
  EXPECT_EQ(HeaderFieldOf(std::string(40, 'x') + " ระยะเวลา " + std::string(60, 'y')), std::nullopt);
}

TEST(BuildMeasures, SimpleReportTable) {
  Table t = MakeTable(1, 3, 5,
                      {C(0, 0, "มาตรการ"), C(0, 1, "วิธีการดำเนินการ"), C(0, 2, "ผู้รับผิดชอบ"),
                       C(0, 3, "ระยะเวลาดำเนินการ"), C(0, 4, "ผลการดำเนินการ"),
                       C(1, 0, "1. การสร้างฐานความคิด"), C(1, 1, "- อบรม"), C(1, 2, "กองคลัง"),
                       C(1, 3, "ต.ค. 63 - มี.ค. 64"), C(1, 4, "จัดอบรมเมื่อวันที่ 11 ธันวาคม 2564"),
                       C(2, 0, "2. การสร้างสังคม"), C(2, 1, "- รณรงค์"), C(2, 2, ""),
                       C(2, 3, "ทุกไตรมาส"), C(2, 4, "")});
  MeasuresResult r = BuildMeasures({t}, 2564);
  ASSERT_EQ(r.measures.size(), 2u);
  const Measure& a = r.measures[0];
  EXPECT_EQ(a.seq, 1);
  EXPECT_EQ(a.columns.at(MeasureField::kMeasure), "1. การสร้างฐานความคิด");
  EXPECT_EQ(a.columns.at(MeasureField::kResponsible), "กองคลัง");
  ASSERT_TRUE(a.period);
  EXPECT_EQ(a.period->start, "2020-10-01");
  EXPECT_EQ(a.period->end, "2021-03-31");
  EXPECT_EQ(a.dates, std::vector<std::string>{"2021-12-11"});
  EXPECT_EQ(a.provenance.pages, std::vector<int>{2});
  const Measure& b = r.measures[1];
  EXPECT_EQ(b.seq, 2);
  EXPECT_EQ(b.columns.at(MeasureField::kResponsible), "");  // column exists, cell empty
  EXPECT_EQ(b.period->end, "2021-09-30");
  EXPECT_FALSE(b.Has(MeasureField::kSuggestion));          // no such column
}

// A column no header word names ("หน่วยงาน") is the responsible unit when its cells are units;
// a column of prose that opens with "งาน…" is not.
TEST(BuildMeasures, UnnamedColumnOfUnitsIsTheResponsible) {
  Table t = MakeTable(1, 4, 4,
                      {C(0, 0, "กิจกรรม"), C(0, 1, "ผลการดำเนินงาน"), C(0, 2, "หน่วยงาน"), C(0, 3, "รายละเอียด"),
                       C(1, 0, "อบรมบุคลากร"), C(1, 1, "ผู้เข้าร่วม 48 คน"), C(1, 2, "สำนักปลัด"),
                       C(1, 3, "งานอบรมจัดขึ้นที่ห้องประชุมใหญ่ของสำนักงานโดยมีผู้บริหารเป็นประธานเปิดงาน"),
                       C(2, 0, "เผยแพร่ประกาศ"), C(2, 1, "เผยแพร่แล้ว"), C(2, 2, "งานประชาสัมพันธ์"), C(2, 3, "-"),
                       C(3, 0, "ตรวจสอบการเบิกจ่าย"), C(3, 1, "ไม่พบข้อบกพร่อง"), C(3, 2, "กองคลัง"), C(3, 3, "-")});
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kResponsible), "สำนักปลัด");
  EXPECT_EQ(r.measures[2].columns.at(MeasureField::kResponsible), "กองคลัง");
}

// A column no header word names ("วัน/เดือน/ปี") is the period when its cells are dated; a
// column of prose that mentions a date is not.
TEST(BuildMeasures, UnnamedColumnOfDatesIsThePeriod) {
  Table t = MakeTable(1, 4, 4,
                      {C(0, 0, "กิจกรรม"), C(0, 1, "วัน/เดือน/ปี"), C(0, 2, "ผลการดำเนินงาน"), C(0, 3, "อื่น ๆ"),
                       C(1, 0, "อบรมบุคลากร"), C(1, 1, "12 ธ.ค. 2567"), C(1, 2, "ผู้เข้าร่วม 48 คน"), C(1, 3, "-"),
                       C(2, 0, "เผยแพร่ประกาศ"), C(2, 1, "ม.ค. - มี.ค. 2568"), C(2, 2, "เผยแพร่แล้ว"), C(2, 3, "-"),
                       C(3, 0, "ตรวจสอบการเบิกจ่าย"), C(3, 1, "รอดำเนินการ"), C(3, 2, "ไม่พบข้อบกพร่อง"), C(3, 3, "-")});
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 3u);
  ASSERT_TRUE(r.measures[0].period);
  EXPECT_EQ(r.measures[0].period->start, "2024-12-12");
  EXPECT_EQ(r.measures[1].period->end, "2025-03-31");
  EXPECT_FALSE(r.measures[0].Has(MeasureField::kRemark));
  // Two dated cells of three: still the period column. One of three would not be.
  Table fewer = MakeTable(1, 4, 3,
                          {C(0, 0, "กิจกรรม"), C(0, 1, "วันที่"), C(0, 2, "ผลการดำเนินงาน"),
                           C(1, 0, "อบรมบุคลากร"), C(1, 1, "12 ธ.ค. 2567"), C(1, 2, "ดำเนินการแล้ว"),
                           C(2, 0, "เผยแพร่ประกาศ"), C(2, 1, "รอ"), C(2, 2, "ดำเนินการแล้ว"),
                           C(3, 0, "ตรวจสอบ"), C(3, 1, "รอ"), C(3, 2, "ดำเนินการแล้ว")});
  MeasuresResult none = BuildMeasures({fewer}, 2568);
  ASSERT_EQ(none.measures.size(), 3u);
  EXPECT_FALSE(none.measures[0].period);
}

// Seed 001's layout: a two-level header and questions in sub-rows spanned by the issue.
TEST(BuildMeasures, TwoLevelHeaderAndQuestionSubRows) {
  Table t = MakeTable(1, 4, 6,
                      {C(0, 0, "ประเด็น", 2), C(0, 1, "การนำผลการวิเคราะห์ไปสู่การปฏิบัติ", 1, 2),
                       C(0, 3, "ขั้นตอน/วิธีการปฏิบัติ", 2), C(0, 4, "ระยะเวลาดำเนินการ", 2),
                       C(0, 5, "ผู้รับผิดชอบ", 2), C(1, 1, "ข้อคำถาม"), C(1, 2, "ข้อค้นพบ"),
                       C(2, 0, "(๑) กระบวนการ", 2), C(2, 1, "I1 เจ้าหน้าที่ปฏิบัติงาน"),
                       C(2, 2, "ไม่มีการปรับปรุง", 2), C(2, 3, "สำรวจความพึงพอใจ", 2),
                       C(2, 4, "ไตรมาส ๒-๔", 2), C(2, 5, "ทุกสำนัก/กอง", 2),
                       C(3, 1, "E11 การให้บริการ")});
  MeasuresResult r = BuildMeasures({t}, std::nullopt);
  ASSERT_EQ(r.measures.size(), 1u);
  const Measure& m = r.measures[0];
  EXPECT_EQ(m.seq, 1);
  EXPECT_EQ(m.columns.at(MeasureField::kIssue), "(๑) กระบวนการ");
  EXPECT_EQ(m.columns.at(MeasureField::kFindings), "ไม่มีการปรับปรุง");
  ASSERT_EQ(m.questions.size(), 2u);
  EXPECT_EQ(m.questions[0].code, "I1");
  EXPECT_EQ(m.questions[0].text, "เจ้าหน้าที่ปฏิบัติงาน");
  EXPECT_EQ(m.questions[1].code, "E11");
  ASSERT_TRUE(m.period);
  EXPECT_TRUE(m.period->start.empty());  // no fiscal year to resolve quarters against
}

// A row split across pages: the next page repeats the header, and its first row has an
// empty measure cell; a third page has no header at all but the same columns.
TEST(BuildMeasures, ContinuationRowsAcrossPages) {
  auto header = [] {
    return std::vector<Cell>{C(0, 0, "มาตรการ"), C(0, 1, "วิธีการดำเนินการ"),
                             C(0, 2, "ผู้รับผิดชอบ")};
  };
  std::vector<Cell> p1 = header();
  p1.push_back(C(1, 0, "1. มาตรการแรก"));
  p1.push_back(C(1, 1, "- ขั้นแรก"));
  p1.push_back(C(1, 2, "สำนักปลัด"));
  std::vector<Cell> p2 = header();
  p2.push_back(C(1, 0, ""));
  p2.push_back(C(1, 1, "- ขั้นที่สอง"));
  p2.push_back(C(1, 2, ""));
  p2.push_back(C(2, 0, "2. มาตรการที่สอง"));
  p2.push_back(C(2, 1, "- ทำ"));
  p2.push_back(C(2, 2, "กองช่าง"));
  std::vector<Cell> p3 = {C(0, 0, "ต่อจากหน้าก่อน"), C(0, 1, "- อีกขั้น"), C(0, 2, ""),
                          C(1, 0, "3. มาตรการที่สาม"), C(1, 1, "- ทำ"), C(1, 2, "กองคลัง")};
  MeasuresResult r = BuildMeasures(
      {MakeTable(0, 2, 3, p1), MakeTable(1, 3, 3, p2), MakeTable(2, 2, 3, p3)}, 2564);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMethod), "- ขั้นแรก\n- ขั้นที่สอง");
  EXPECT_EQ(r.measures[0].provenance.pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.measures[1].columns.at(MeasureField::kMethod), "- ทำ\n- อีกขั้น");
  EXPECT_EQ(r.measures[1].columns.at(MeasureField::kMeasure), "2. มาตรการที่สองต่อจากหน้าก่อน");
  EXPECT_EQ(r.measures[2].seq, 3);
}

TEST(BuildMeasures, SequenceColumnDecidesRows) {
  Table t = MakeTable(0, 4, 3,
                      {C(0, 0, "ลำดับที่"), C(0, 1, "มาตรการหรือกิจกรรมที่ดำเนินการ"),
                       C(0, 2, "ผู้รับผิดชอบ"), C(1, 0, "1"), C(1, 1, "- การปฏิบัติ"),
                       C(1, 2, "สำนักปลัด"), C(2, 0, ""), C(2, 1, "ต่อ"), C(2, 2, ""),
                       C(3, 0, "2"), C(3, 1, "ปรับปรุง"), C(3, 2, "กองคลัง")});
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 2u);
  EXPECT_EQ(r.measures[0].seq, 1);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMeasure), "- การปฏิบัติต่อ");
  EXPECT_FALSE(r.measures[0].Has(MeasureField::kSeq));  // emitted as seq, not as text
  EXPECT_EQ(r.measures[1].seq, 2);
}

// OCR can miss a lone digit in the sequence column; the measure's own cell still starts a row.
TEST(BuildMeasures, EmptySequenceCellBelowTheFirstRowStillStartsAMeasure) {
  Table t = MakeTable(0, 4, 3,
                      {C(0, 0, "ลำดับที่"), C(0, 1, "มาตรการ"), C(0, 2, "ผู้รับผิดชอบ"),
                       C(1, 0, ""), C(1, 1, "ต่อจากหน้าก่อน"), C(1, 2, ""),
                       C(2, 0, "2"), C(2, 1, "สอง"), C(2, 2, "กองคลัง"),
                       C(3, 0, ""), C(3, 1, "สาม"), C(3, 2, "กองช่าง")});
  for (Cell& c : t.cells) c.origin = Origin::kOcr;
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMeasure), "ต่อจากหน้าก่อน");
  EXPECT_EQ(r.measures[1].seq, 2);
  EXPECT_EQ(r.measures[2].seq, std::nullopt);
  EXPECT_EQ(r.measures[2].columns.at(MeasureField::kMeasure), "สาม");
}

TEST(BuildMeasures, IgnoresTablesThatAreNotMeasures) {
  Table scores = MakeTable(0, 2, 3, {C(0, 0, "เครื่องมือ"), C(0, 1, "ตัวชี้วัด"), C(0, 2, "๒๕๖๔"),
                                     C(1, 0, "IIT"), C(1, 1, "การปฏิบัติหน้าที่"), C(1, 2, "86.02")});
  EXPECT_TRUE(BuildMeasures({scores}, 2564).measures.empty());
  EXPECT_TRUE(BuildMeasures({}, 2564).measures.empty());
}

TEST(SplitQuestions, CodesAndText) {
  auto q = SplitQuestions("I1 เจ้าหน้าที่ของหน่วยงาน\nE11 การปฏิบัติ O5 เปิดเผย");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].code, "I1");
  EXPECT_EQ(q[1].code, "E11");
  EXPECT_EQ(q[1].text, "การปฏิบัติ");
  EXPECT_EQ(q[2].code, "O5");
  auto lead = SplitQuestions("คำถามไม่มีรหัส");
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_EQ(lead[0].code, "");
  EXPECT_EQ(SplitQuestions("I๑๙ ข้อ")[0].code, "I19");
  EXPECT_TRUE(SplitQuestions("").empty());
}

}  // namespace
}  // namespace ita
