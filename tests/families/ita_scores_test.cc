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
  EXPECT_EQ(s->indicators[2].no, 10);
  EXPECT_EQ(s->indicators[2].tool, "OIT");
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
  // With the change words swapped, the right column is this year's.
  for (Cell& c : t.cells)
    if (c.col == 3 && c.row > 0) c.text = c.text == "ลดลง" ? "เพิ่มขึ้น" : "ลดลง";
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
  // Two unexplained columns of numbers (a count beside a score) are not one year's scores.
  Table counts = MakeTable(4, 3, {C(0, 0, "ตัวชี้วัด"), C(0, 1, "คะแนน"), C(0, 2, "คะแนนเต็ม"),
                                  C(1, 0, "การปฏิบัติหน้าที่"), C(1, 1, "80"), C(1, 2, "100"),
                                  C(2, 0, "การใช้งบประมาณ"), C(2, 1, "70"), C(2, 2, "100"),
                                  C(3, 0, "การใช้อำนาจ"), C(3, 1, "60"), C(3, 2, "100")});
  EXPECT_FALSE(BuildItaScores({counts}, {}, 2567));
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
  // A score in a sentence that is not about the ITA, or a number that is no score.
  EXPECT_FALSE(StatesItaResult({"นักเรียนได้คะแนนรวม 65.38 คะแนน"}));
  EXPECT_FALSE(StatesItaResult({"การประเมิน ITA ประจำปี 2562 ได้คะแนนรวม 512.5"}));
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
