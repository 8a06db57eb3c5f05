#include "pipeline/families/ita_scores.h"

#include <gtest/gtest.h>

#include "pipeline/validate/completeness.h"
#include "tests/testutil/tables.h"

namespace ita {
namespace {

Cell C(int row, int col, std::string text, int row_span = 1, int col_span = 1) {
  return testing::TextCell(row, col, std::move(text), row_span, col_span);
}
Table MakeTable(int rows, int cols, std::vector<Cell> cells) {
  return testing::GridTable(0, rows, cols, std::move(cells), 10, 10);
}

// Seed 002's comparison table, Thai digits, tool column spanning rows.
Table ComparisonTable() {
  return MakeTable(6, 5, {C(0, 0, "เครื่องมือ"), C(0, 1, "ตัวชี้วัด"), C(0, 2, "๒๕๖๓"), C(0, 3, "๒๕๖๔"),
                          C(0, 4, "การเปลี่ยนแปลง"), C(1, 0, "IIT", 2), C(1, 1, "๑. การปฏิบัติหน้าที่"),
                          C(1, 2, "๘๒.๓๙"), C(1, 3, "๘๖.๐๒"), C(1, 4, "เพิ่มขึ้น"),
                          C(2, 1, "๒. การใช้งบประมาณ"), C(2, 2, "๖๙.๑๗"), C(2, 3, "๖๗.๑๘"),
                          C(3, 0, "OIT"), C(3, 1, "๑๐. การป้องกันการทุจริต"), C(3, 2, "๑๒.๕๐"),
                          C(3, 3, "๒๕.๐๐"), C(4, 0, "คะแนนเฉลี่ย", 1, 2), C(4, 2, "๕๘.๐๕"),
                          C(4, 3, "๕๙.๔๖"), C(5, 0, "ระดับการประเมิน", 1, 2), C(5, 2, "D"),
                          C(5, 3, "D")});
}

// A ranking table with the same numbers but no years: must lose to the comparison table.
Table RankingTable() {
  return MakeTable(4, 3, {C(0, 0, "อันดับ"), C(0, 1, "ตัวชี้วัด"), C(0, 2, "คะแนน"), C(1, 0, "1"),
                          C(1, 1, "การปฏิบัติหน้าที่"), C(1, 2, "86.02"), C(2, 0, "2"),
                          C(2, 1, "ประสิทธิภาพการสื่อสาร"), C(2, 2, "85.18"), C(3, 0, "3"),
                          C(3, 1, "คุณภาพการดำเนินงาน"), C(3, 2, "84.49")});
}

TEST(BuildItaScores, ComparisonTable) {
  auto s = BuildItaScores({RankingTable(), ComparisonTable()}, {}, 2564);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2564);
  EXPECT_EQ(s->current.total, 59.46);
  EXPECT_EQ(s->current.grade, "D");
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->year, 2563);
  EXPECT_EQ(s->previous->total, 58.05);
  ASSERT_EQ(s->indicators.size(), 3u);
  EXPECT_EQ(s->indicators[0].no, 1);
  EXPECT_EQ(s->indicators[0].tool, "IIT");
  EXPECT_EQ(s->indicators[0].name, "การปฏิบัติหน้าที่");
  EXPECT_EQ(s->indicators[0].score, 86.02);
  EXPECT_EQ(s->indicators[0].previous, 82.39);
  EXPECT_EQ(s->indicators[1].tool, "IIT");  // spanned tool cell
  // "เฉลี่ย" with a letter misread still names the average row.
  Table misread = ComparisonTable();
  for (Cell& c : misread.cells)
    if (c.text == "คะแนนเฉลี่ย") c.text = "คะแนนเลลี่ย";
  auto average = BuildItaScores({misread}, {}, 2564);
  ASSERT_TRUE(average);
  EXPECT_EQ(average->current.total, 59.46);
  // OCR's comma beside the decimal point is not part of the score.
  Table commas = ComparisonTable();
  for (Cell& c : commas.cells)
    if (c.text == "๘๖.๐๒") c.text = "๘๖,.๐๒";
  auto with_commas = BuildItaScores({commas}, {}, 2564);
  ASSERT_TRUE(with_commas);
  EXPECT_EQ(with_commas->indicators[0].score, 86.02);
  EXPECT_EQ(s->indicators[2].no, 10);
  EXPECT_EQ(s->indicators[2].tool, "OIT");
  // Both grades written but misread (a bold D as "1)"): the NACC's bands give each from its
  // year's total; an empty grade cell stays empty.
  Table bold = ComparisonTable();
  for (Cell& c : bold.cells)
    if (c.text == "D") c.text = c.col == 2 ? "1)" : "1";
  auto misread_grades = BuildItaScores({bold}, {}, 2564);
  ASSERT_TRUE(misread_grades);
  EXPECT_EQ(misread_grades->current.grade, "D");
  ASSERT_TRUE(misread_grades->previous);
  EXPECT_EQ(misread_grades->previous->grade, "D");
  Table blank = ComparisonTable();
  for (Cell& c : blank.cells)
    if (c.text == "D" && c.col == 2) c.text = "";
  auto no_previous_grade = BuildItaScores({blank}, {}, 2564);
  ASSERT_TRUE(no_previous_grade && no_previous_grade->previous);
  EXPECT_EQ(no_previous_grade->previous->grade, "");
}

// Year headers unreadable (a stamp over them): the change column says which scores are this
// year's. Here this year's are on the left, against the usual order.
TEST(BuildItaScores, ComparisonTableWithoutReadableYears) {
  Table t = MakeTable(5, 4, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "(“เษอ"), C(0, 2, "๒"), C(0, 3, "การเปลี่ยนแปลง"),
                             C(1, 0, "๑. การปฏิบัติหน้าที่"), C(1, 1, "๘๖.๐๒"), C(1, 2, "๘๒.๓๙"), C(1, 3, "เพิ่มขึ้น"),
                             C(2, 0, "๒. การใช้งบประมาณ"), C(2, 1, "๖๗.๑๘"), C(2, 2, "๖๙.๑๗"), C(2, 3, "ลดลง"),
                             C(3, 0, "๓. การใช้อำนาจ"), C(3, 1, "๗๖.๐๑"), C(3, 2, "๘๑.๕๐"), C(3, 3, "ลดลง"),
                             C(4, 0, "๕. การแก้ไขปัญหาการทุจริต"), C(4, 1, "๗๐.๐๔"), C(4, 2, "๖๙.๒๙"), C(4, 3, "เพิ่มขึ้น")});
  auto s = BuildItaScores({t}, {}, 2564);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2564);
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->year, 2563);
  ASSERT_EQ(s->indicators.size(), 4u);
  EXPECT_EQ(s->indicators[0].score, 86.02);
  EXPECT_EQ(s->indicators[0].previous, 82.39);
  EXPECT_EQ(s->indicators[1].score, 67.18);
  // A row whose change word contradicts its two scores has one of them misread: neither is given.
  Table contradicted = t;
  contradicted.cells.push_back(C(5, 0, "๗. ประสิทธิภาพการสื่อสาร"));
  contradicted.cells.push_back(C(5, 1, "๘.๕๑"));  // 85.18 misread
  contradicted.cells.push_back(C(5, 2, "๘๗.๐๙"));
  contradicted.cells.push_back(C(5, 3, "เพิ่มขึ้น"));
  contradicted.row_edges.push_back(60);
  auto c = BuildItaScores({contradicted}, {}, 2564);
  ASSERT_TRUE(c);
  ASSERT_EQ(c->indicators.size(), 4u);
  EXPECT_EQ(c->indicators[3].no, 5);
  // With the change words swapped, the right column is this year's.
  for (Cell& cell : t.cells)
    if (cell.col == 3 && cell.row > 0) cell.text = cell.text == "ลดลง" ? "เพิ่มขึ้น" : "ลดลง";
  auto swapped = BuildItaScores({t}, {}, 2564);
  ASSERT_TRUE(swapped);
  EXPECT_EQ(swapped->indicators[0].score, 82.39);
  EXPECT_EQ(swapped->indicators[0].previous, 86.02);
}

// Score tables of other shapes, as offices make them: one year's scores under "คะแนน", the
// year from the document; a table whose indicator column has no header word at all.
TEST(BuildItaScores, OneYearsScoresInTablesOfOtherShapes) {
  Table one = MakeTable(6, 3, {C(0, 0, "ที่"), C(0, 1, "ประเด็นการประเมิน"), C(0, 2, "คะแนน"),
                               C(1, 0, "1"), C(1, 1, "การปฏิบัติหน้าที่"), C(1, 2, "96.12"),
                               C(2, 0, "2"), C(2, 1, "การใช้งบประมาณ"), C(2, 2, "88.40"),
                               C(3, 0, "3"), C(3, 1, "การใช้อำนาจ"), C(3, 2, "91.35"),
                               C(4, 0, "9"), C(4, 1, "การเปิดเผยข้อมูล"), C(4, 2, "100"),
                               C(5, 0, "คะแนนภาพรวม", 1, 2), C(5, 2, "92.87")});
  auto s = BuildItaScores({one}, {}, 2567);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2567);
  EXPECT_EQ(s->current.total, 92.87);
  EXPECT_FALSE(s->previous);
  ASSERT_EQ(s->indicators.size(), 4u);
  EXPECT_EQ(s->indicators[0].no, 1);
  EXPECT_EQ(s->indicators[0].score, 96.12);
  EXPECT_EQ(s->indicators[3].no, 9);
  EXPECT_EQ(s->indicators[3].tool, "OIT");
  // The year in the score column's header is the assessed year.
  Table headed = MakeTable(4, 2, {C(0, 0, "รายการ"), C(0, 1, "ผลคะแนน ปี 2566"),
                                  C(1, 0, "๑. การปฏิบัติหน้าที่"), C(1, 1, "๘๕.๐๐"),
                                  C(2, 0, "๖. คุณภาพการดำเนินงาน"), C(2, 1, "๗๐.๕๐"),
                                  C(3, 0, "๗. ประสิทธิภาพการสื่อสาร"), C(3, 1, "๗๑.๒๕")});
  auto h = BuildItaScores({headed}, {}, 2567);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->current.year, 2566);
  ASSERT_EQ(h->indicators.size(), 3u);
  EXPECT_EQ(h->indicators[1].no, 6);
  EXPECT_EQ(h->indicators[1].score, 70.5);
  // Beside the full marks (คะแนนเต็ม) the scores are the other column.
  Table full = MakeTable(4, 3, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "คะแนน"), C(0, 2, "คะแนนเต็ม"),
                                C(1, 0, "การปฏิบัติหน้าที่"), C(1, 1, "80"), C(1, 2, "100"),
                                C(2, 0, "การใช้งบประมาณ"), C(2, 1, "70"), C(2, 2, "100"),
                                C(3, 0, "การใช้อำนาจ"), C(3, 1, "60"), C(3, 2, "100")});
  auto f = BuildItaScores({full}, {}, 2567);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->indicators.size(), 3u);
  EXPECT_EQ(f->indicators[2].score, 60);
  // Two unexplained columns of numbers (a count beside a score) are not one year's scores.
  Table counts = full;
  for (Cell& c : counts.cells)
    if (c.row == 0 && c.col > 0) c.text = c.col == 1 ? "ก" : "ข";
  EXPECT_FALSE(BuildItaScores({counts}, {}, 2567));
}

// One year's scores beside each indicator's weight: the total stands in the weighted column
// only, the grade in a sentence-like cell, the year in a long header; the weights applied to the
// scores give the total.
TEST(BuildItaScores, WeightedScoresTable) {
  Table t = MakeTable(6, 4, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "น้ำหนัก (ร้อยละ)"),
                             C(0, 2, "คะแนน ปีงบประมาณ พ.ศ. ๒๕๖๘"), C(0, 3, "คะแนนถ่วงน้ำหนัก"),
                             C(1, 0, "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"), C(1, 1, "30"), C(1, 2, "90.00"), C(1, 3, "27.00"),
                             C(2, 0, "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน (EIT)"), C(2, 1, "30"), C(2, 2, "80.00"),
                             C(2, 3, "24.00"),
                             C(3, 0, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), C(3, 1, "40"), C(3, 2, "100"), C(3, 3, "40.00"),
                             C(4, 0, "คะแนนรวม"), C(4, 1, "100"), C(4, 3, "91.00"),
                             C(5, 0, "ผลการประเมิน"), C(5, 3, "ระดับ A")});
  auto s = BuildItaScores({t}, {}, 2567);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2568);  // the header's year, not the document's
  EXPECT_EQ(s->current.total, 91);
  EXPECT_EQ(s->current.grade, "A");
  EXPECT_FALSE(s->previous);
  ASSERT_EQ(s->indicators.size(), 3u);
  EXPECT_EQ(s->indicators[0].no, 1);
  EXPECT_EQ(s->indicators[0].score, 90);
  EXPECT_EQ(s->indicators[1].name, "คุณภาพการดำเนินงาน");
  EXPECT_EQ(s->indicators[1].score, 80);
  EXPECT_EQ(s->indicators[2].score, 100);
}

// A tool's average between its indicators is neither the total nor an indicator; a number
// alone names its indicator.
TEST(BuildItaScores, ToolAveragesAndBareIndicatorNumbers) {
  Table t = MakeTable(7, 2, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "คะแนน"),
                             C(1, 0, "ตัวชี้วัดที่ 1"), C(1, 1, "80.00"),
                             C(2, 0, "ตัวชี้วัดที่ 2"), C(2, 1, "70.00"),
                             C(3, 0, "คะแนนเฉลี่ย IIT"), C(3, 1, "75.00"),
                             C(4, 0, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (OIT)"), C(4, 1, "90.00"),
                             C(5, 0, "คะแนนเฉลี่ย OIT"), C(5, 1, "90.00"),
                             C(6, 0, "คะแนนรวม"), C(6, 1, "81.50")});
  auto s = BuildItaScores({t}, {}, 2566);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.total, 81.5);
  ASSERT_EQ(s->indicators.size(), 3u);
  EXPECT_EQ(s->indicators[0].no, 1);
  EXPECT_EQ(s->indicators[1].no, 2);
  EXPECT_EQ(s->indicators[2].no, 9);
  EXPECT_EQ(s->indicators[2].name, "การเปิดเผยข้อมูล");
  // Without the overall row, a tool's average is not taken for it.
  t.cells.resize(t.cells.size() - 2);
  auto no_total = BuildItaScores({t}, {}, 2566);
  ASSERT_TRUE(no_total);
  EXPECT_FALSE(no_total->current.total);
}

// A summary by tools gives the total and grade; the tools' weights give nothing.
TEST(BuildItaScores, SummaryByTools) {
  Table t = MakeTable(6, 2, {C(0, 0, "เครื่องมือการประเมิน"), C(0, 1, "คะแนน"),
                             C(1, 0, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)"), C(1, 1, "85.12"),
                             C(2, 0, "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)"), C(2, 1, "80.00"),
                             C(3, 0, "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)"), C(3, 1, "90.00"),
                             C(4, 0, "คะแนนรวม"), C(4, 1, "85.54"), C(5, 0, "ระดับผลการประเมิน"), C(5, 1, "A")});
  auto s = BuildItaScores({t}, {}, 2567);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2567);
  EXPECT_EQ(s->current.total, 85.54);
  EXPECT_EQ(s->current.grade, "A");
  EXPECT_TRUE(s->indicators.empty());
  auto lines = BuildItaScores({}, {"IIT 85.12", "EIT 80.00", "OIT 90.00", "คะแนนรวม 85.54", "ระดับ A"}, 2567);
  ASSERT_TRUE(lines);
  EXPECT_EQ(lines->current.total, 85.54);
  EXPECT_EQ(lines->current.grade, "A");
  EXPECT_FALSE(BuildItaScores({}, {"IIT 30", "EIT 30", "OIT 40", "รวม 100"}, 2567));
}

// Years as rows, the tools' scores as columns: this year's row is the fiscal year's.
TEST(BuildItaScores, YearsAsRows) {
  Table t = MakeTable(4, 6, {C(0, 0, "ปีงบประมาณ"), C(0, 1, "IIT"), C(0, 2, "EIT"), C(0, 3, "OIT"),
                             C(0, 4, "คะแนนรวม"), C(0, 5, "ระดับผลการประเมิน"),
                             C(1, 0, "พ.ศ. ๒๕๖๕"), C(1, 1, "78.33"), C(1, 2, "82.10"), C(1, 3, "74.50"),
                             C(1, 4, "77.95"), C(1, 5, "B"),
                             C(2, 0, "พ.ศ. ๒๕๖๖"), C(2, 1, "84.90"), C(2, 2, "86.02"), C(2, 3, "88.40"),
                             C(2, 4, "86.68"), C(2, 5, "A"),
                             C(3, 0, "พ.ศ. ๒๕๖๗"), C(3, 1, "90.15"), C(3, 2, "88.76"), C(3, 3, "96.30"),
                             C(3, 4, "92.18"), C(3, 5, "A")});
  auto s = BuildItaScores({t}, {}, 2566);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2566);
  EXPECT_EQ(s->current.total, 86.68);
  EXPECT_EQ(s->current.grade, "A");
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->year, 2565);
  EXPECT_EQ(s->previous->total, 77.95);
  EXPECT_EQ(s->previous->grade, "B");
  EXPECT_TRUE(s->indicators.empty());  // the tools' scores are no indicator's
  // Without the document's year, the newest row.
  auto newest = BuildItaScores({t}, {}, std::nullopt);
  ASSERT_TRUE(newest);
  EXPECT_EQ(newest->current.year, 2567);
  EXPECT_EQ(newest->current.total, 92.18);
  // A column of totals beside years, without the tools or indicators, could be anything's.
  Table totals = MakeTable(3, 2, {C(0, 0, "ปี"), C(0, 1, "คะแนนรวม"), C(1, 0, "2565"), C(1, 1, "70.00"),
                                  C(2, 0, "2566"), C(2, 1, "75.00")});
  EXPECT_FALSE(BuildItaScores({totals}, {}, 2566));
}

// Indicators as columns and one row of scores, with no year in it: the document's year's
// scores (or a year not known). A second row of scores with no year says nothing of which is
// this year's: no reading.
TEST(BuildItaScores, IndicatorsAsColumnsOneRowWithoutYear) {
  Table t = MakeTable(2, 7, {C(0, 0, "รายการ"), C(0, 1, "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่"),
                             C(0, 2, "ตัวชี้วัดที่ 2 การใช้งบประมาณ"), C(0, 3, "ตัวชี้วัดที่ 3 การใช้อำนาจ"),
                             C(0, 4, "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"), C(0, 5, "คะแนนรวม"), C(0, 6, "ระดับ"),
                             C(1, 0, "คะแนนที่ได้"), C(1, 1, "๙๑.๒๐"), C(1, 2, "85.75"), C(1, 3, "88.10"),
                             C(1, 4, "100"), C(1, 5, "90.33"), C(1, 6, "A")});
  auto s = BuildItaScores({t}, {}, 2568);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2568);
  EXPECT_EQ(s->current.total, 90.33);
  EXPECT_EQ(s->current.grade, "A");
  EXPECT_FALSE(s->previous);
  ASSERT_EQ(s->indicators.size(), 4u);
  EXPECT_EQ(s->indicators[0].score, 91.2);
  EXPECT_EQ(s->indicators[3].no, 9);
  EXPECT_EQ(s->indicators[3].tool, "OIT");
  auto unknown_year = BuildItaScores({t}, {}, std::nullopt);
  ASSERT_TRUE(unknown_year);
  EXPECT_EQ(unknown_year->current.year, 0);
  EXPECT_EQ(unknown_year->current.total, 90.33);
  Table two = MakeTable(3, 7, {});
  two.cells = t.cells;
  for (int c = 0; c < 7; ++c) two.cells.push_back(C(2, c, c == 0 ? "คะแนนเดิม" : c == 6 ? "B" : "80.00"));
  EXPECT_FALSE(BuildItaScores({two}, {}, 2568));
}

// A table without rulings reaches the reader as lines: the header line's years head the values
// each line ends in; the signed change column is no year's.
TEST(BuildItaScores, TableWithoutRulingsReadFromLines) {
  std::vector<std::string> lines = {
      "เปรียบเทียบผลคะแนนรายตัวชี้วัด ปี 2564 ถึง 2566",
      "ตัวชี้วัด ปี 2564 ปี 2565 ปี 2566 ผลต่าง",
      "1. การปฏิบัติหน้าที่ 79.12 83.40 85.47 +2.07",
      "2. การใช้งบประมาณ 76.30 80.11 82.64 +2.53",
      "4. การใช้ทรัพย์สินของ",
      "ราชการ 74.55 78.02 80.13 +2.11",
      "10. การป้องกันการทุจริต 55.00 62.50 75.00 +12.50",
      "คะแนนรวม 70.11 75.86 81.79 +5.93",
      "ระดับ C B B",
      "จากผลคะแนนรวม 81.79 หน่วยงานจะปรับปรุงต่อไป"};
  auto s = BuildItaScores({}, lines, 2566);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2566);
  EXPECT_EQ(s->current.total, 81.79);
  EXPECT_EQ(s->current.grade, "B");
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->year, 2565);
  EXPECT_EQ(s->previous->total, 75.86);
  ASSERT_EQ(s->indicators.size(), 4u);
  EXPECT_EQ(s->indicators[0].score, 85.47);
  EXPECT_EQ(s->indicators[0].previous, 83.40);
  EXPECT_EQ(s->indicators[2].no, 4);  // the name wrapped onto two lines
  EXPECT_EQ(s->indicators[2].score, 80.13);
  EXPECT_EQ(s->indicators[3].no, 10);
  EXPECT_EQ(s->indicators[3].score, 75);
  // The table's totals are not the sentence's: without the header line, a row of three totals
  // does not give the first as this year's.
  auto rows_only = BuildItaScores({}, {"คะแนนรวม 70.11 75.86 81.79", "ได้คะแนนรวม 81.79 คะแนน"}, 2566);
  ASSERT_TRUE(rows_only);
  EXPECT_EQ(rows_only->current.total, 81.79);
}

// Years as rows written as lines, the tools named in the header line.
TEST(BuildItaScores, YearsAsRowsReadFromLines) {
  auto s = BuildItaScores({}, {"ปีงบประมาณ IIT EIT OIT คะแนนรวม ระดับ", "พ.ศ. ๒๕๖๖ 84.90 86.02 88.40 86.68 A",
                               "พ.ศ. ๒๕๖๗ 90.15 88.76 96.30 92.18 A"},
                          2567);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.year, 2567);
  EXPECT_EQ(s->current.total, 92.18);
  EXPECT_EQ(s->current.grade, "A");
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->total, 86.68);
}

TEST(BuildItaScores, OverallScoreFromProseWhenNoTable) {
  auto s = BuildItaScores({}, {"คะแนนภาพรวมหน่วยงาน อปท. เทศบาลตำบลบ้านฆ้อง : ๕๙.๔๖ คะแนน ระดับผล",
                               "การประเมิน D"}, 2564);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->current.total, 59.46);
  EXPECT_EQ(s->current.grade, "D");
  EXPECT_EQ(s->current.year, 2564);
  // A ranking of the indicators by score, alone, is one year's scores (the document's year);
  // beside the comparison table it loses (ComparisonTable).
  auto ranking = BuildItaScores({RankingTable()}, {"ไม่มีคะแนน"}, 2564);
  ASSERT_TRUE(ranking);
  EXPECT_EQ(ranking->current.year, 2564);
  EXPECT_FALSE(ranking->current.total);
  ASSERT_EQ(ranking->indicators.size(), 3u);
  EXPECT_EQ(ranking->indicators[0].no, 1);
  EXPECT_EQ(ranking->indicators[1].no, 6);  // in indicator order, not rank order
  EXPECT_FALSE(BuildItaScores({}, {"ไม่มีคะแนน"}, 2564));
}

TEST(BuildItaScores, ResultStatedInSentences) {
  // A real announcement: the total and grade in a sentence, no table.
  std::vector<std::string> prose = {
      "เทศบาลตำบลเขาตอก เป็นหน่วยงานที่เข้ารับการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปี 2562",
      "ผลการประเมิน ได้คะแนนรวม 65.38 ระดับ C"};
  EXPECT_TRUE(StatesItaResult(prose));
  auto s = BuildItaScores({}, prose, 2562);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(*s->current.total, 65.38);
  EXPECT_EQ(s->current.grade, "C");
  EXPECT_EQ(s->current.year, 2562);
  // A score said to be got, or led by "คะแนน ITA".
  for (const char* sentence : {"ผลการประเมิน ITA ประจำปี 2567 หน่วยงานได้ 92.45 คะแนน อยู่ในระดับ A",
                               "คะแนน ITA ของหน่วยงาน 92.45 ระดับ A"}) {
    std::vector<std::string> said = {"การประเมินคุณธรรมและความโปร่งใส", sentence};
    EXPECT_TRUE(StatesItaResult(said)) << sentence;
    auto got = BuildItaScores({}, said, 2567);
    ASSERT_TRUE(got) << sentence;
    EXPECT_EQ(got->current.total, 92.45) << sentence;
    EXPECT_EQ(got->current.grade, "A") << sentence;
  }
  // A score in a sentence that is not about the ITA, or a number that is no score.
  EXPECT_FALSE(StatesItaResult({"นักเรียนได้คะแนนรวม 65.38 คะแนน"}));
  EXPECT_FALSE(StatesItaResult({"การประเมิน ITA ประจำปี 2562 ได้คะแนนรวม 512.5"}));
}

// Last year's result as the analysis compares it in a sentence: filled where the table has no
// column for it; a heading's number ("๓.๑") after the year is no score, and a sentence about
// another year gives nothing.
TEST(BuildItaScores, LastYearFromTheComparingSentence) {
  std::vector<std::string> prose = {
      "๑) เทศบาลตำบลบ้านฆ้อง ได้รับผลการประเมินอยู่ในระดับ D (๕๙.๔๖ คะแนน) ซึ่ง",
      "เพิ่มขึ้นจากปีงบประมาณ พ.ศ. ๒๕๖๓ ที่ได้รับผลการประเมินอยู่ในระดับ D (๕๘.๐๕",
      "คะแนน) คิดเป็นร้อยละ ๒.๔๓"};
  Table one_year = MakeTable(4, 2, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "คะแนน"), C(1, 0, "การปฏิบัติหน้าที่"),
                                    C(1, 1, "86.02"), C(2, 0, "การใช้งบประมาณ"), C(2, 1, "67.18"),
                                    C(3, 0, "การใช้อำนาจ"), C(3, 1, "76.01")});
  auto s = BuildItaScores({one_year}, prose, 2564);
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->previous);
  EXPECT_EQ(s->previous->year, 2563);
  EXPECT_EQ(s->previous->total, 58.05);
  EXPECT_EQ(s->previous->grade, "D");
  // The table's own last-year column is kept over the sentence.
  auto table = BuildItaScores({ComparisonTable()}, {"จากปีงบประมาณ พ.ศ. ๒๕๖๓ ได้ ๗๐.๐๐ คะแนน ระดับ C"}, 2564);
  ASSERT_TRUE(table && table->previous);
  EXPECT_EQ(table->previous->total, 58.05);
  EXPECT_EQ(table->previous->grade, "D");
  // A heading's number after the year is no score; another year's sentence says nothing.
  auto heading = BuildItaScores({one_year}, {"(เทียบกับปีงบประมาณ พ.ศ. ๒๕๖๓) ดังนี้", "๓.๑ ตัวชี้วัดที่ ๑"}, 2564);
  ASSERT_TRUE(heading);
  EXPECT_FALSE(heading->previous);
  auto other = BuildItaScores({one_year}, {"ปีงบประมาณ พ.ศ. ๒๕๖๒ ได้ ๖๐.๐๐ คะแนน"}, 2564);
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->previous);
}

TEST(Grades, BandsAndIndicators) {
  EXPECT_EQ(GradeOf(95), "AA");
  EXPECT_EQ(GradeOf(94.99), "A");
  EXPECT_EQ(GradeOf(85), "A");
  EXPECT_EQ(GradeOf(84.99), "B");
  EXPECT_EQ(GradeOf(65), "C");
  EXPECT_EQ(GradeOf(59.46), "D");
  EXPECT_EQ(GradeOf(50), "E");
  EXPECT_EQ(GradeOf(49.99), "F");
  EXPECT_EQ(ToolOfIndicator(5), "IIT");
  EXPECT_EQ(ToolOfIndicator(8), "EIT");
  EXPECT_EQ(ToolOfIndicator(9), "OIT");
  EXPECT_EQ(IndicatorNumberOf("การปรับปรุงระบบการทำงาน"), 8);
  EXPECT_EQ(IndicatorNumberOf("การเปิดเผยข้อมูล"), 9);
  EXPECT_EQ(IndicatorNumberOf("ภาพรวม"), std::nullopt);
  // A name inside a few letters of OCR's noise; not inside a sentence.
  EXPECT_EQ(IndicatorNumberOf("๒,. การใช้งบประมาณม% โญ"), 2);
  EXPECT_EQ(IndicatorNumberOf("ษ์: คุณภาพการดำเนินงาน"), 6);
  EXPECT_EQ(IndicatorNumberOf("หน่วยงานควรปรับปรุงการใช้งบประมาณให้เป็นไปตามแผนที่วางไว้"), std::nullopt);
}

TEST(CheckCompleteness, GradeMismatchAndScoreOutOfRange) {
  Extraction ex;
  ex.document = DocumentInfo{};
  ex.document->family = Family::kItaAnalysis;
  ex.measures.push_back(Measure{});
  ItaScores s;
  s.current = YearScore{2564, 59.46, "C"};        // 59.46 is D
  s.previous = YearScore{2563, 58.05, "D"};       // consistent
  s.indicators = {{1, "IIT", "การปฏิบัติหน้าที่", 186.02, 82.39}};
  ex.ita_scores = s;
  Validation v = CheckCompleteness(ex);
  std::vector<std::string> codes;
  for (const auto& e : v.errors) codes.push_back(e.code + " " + e.path);
  EXPECT_EQ(codes, (std::vector<std::string>{"grade_mismatch /ita_scores/grade",
                                             "format /ita_scores/indicators/0/score"}));
  ex.ita_scores.reset();
  EXPECT_EQ(CheckCompleteness(ex).errors.at(0).path, "/ita_scores");
}

}  // namespace
}  // namespace ita
