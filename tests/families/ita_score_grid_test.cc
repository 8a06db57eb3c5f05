#include "pipeline/families/ita_score_grid.h"

#include <gtest/gtest.h>

namespace ita {
namespace {

using Row = std::vector<std::string>;

TEST(IsScoreLineValue, ScoresChangesGradesAndDashes) {
  for (const char* v : {"85.47", "๘๕.๔๗", "100", "0", "+2.07", "-1.5", "85.47%", "A", "AA", "F", "-", "เพิ่มขึ้น",
                        "ลดลง", "คงที่"})
    EXPECT_TRUE(IsScoreLineValue(v)) << v;
  for (const char* v : {"2566", "101", "G", "ITA", "คะแนน", "ตัวชี้วัด", "1,250"})
    EXPECT_FALSE(IsScoreLineValue(v)) << v;
}

TEST(BeYearIn, ShortHeadersOnly) {
  EXPECT_EQ(BeYearIn("ปี ๒๕๖๔"), 2564);
  EXPECT_EQ(BeYearIn("ปีงบประมาณ พ.ศ. 2566"), 2566);
  EXPECT_EQ(BeYearIn("คะแนน ปีงบประมาณ พ.ศ. ๒๕๖๘"), 2568);
  EXPECT_EQ(BeYearIn("2449"), std::nullopt);  // no year an ITA report names
  EXPECT_EQ(BeYearIn("12566"), std::nullopt);
  EXPECT_EQ(BeYearIn("ผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงานประจำปี 2566"), std::nullopt);
}

TEST(GridsInLines, HeaderCellsAndRows) {
  auto grids = GridsInLines({"ผลการประเมินตามตาราง", "ตัวชี้วัด ปี 2564 พ.ศ. 2565 ผลต่าง",
                             "1. การปฏิบัติหน้าที่ 79.12 83.40 +4.28", "ข้อความ", "การใช้อำนาจ 81.00 84.25 +3.25",
                             "ระดับ C B"});
  ASSERT_EQ(grids.size(), 1u);
  const ScoreGrid& g = grids[0];
  EXPECT_TRUE(g.has_header);
  EXPECT_TRUE(g.from_lines);
  ASSERT_EQ(g.rows.size(), 4u);
  EXPECT_EQ(g.rows[0], (Row{"ตัวชี้วัด", "ปี 2564", "พ.ศ. 2565", "ผลต่าง"}));
  EXPECT_EQ(g.rows[1], (Row{"1. การปฏิบัติหน้าที่", "79.12", "83.40", "+4.28"}));
  EXPECT_EQ(g.rows[3], (Row{"ระดับ", "C", "B"}));
  ASSERT_EQ(g.wrapped_labels.size(), 4u);
  EXPECT_EQ(g.wrapped_labels[1], "");
  EXPECT_EQ(g.wrapped_labels[2], "ข้อความ การใช้อำนาจ");
}

TEST(GridsInLines, ToolHeaderAndTextBetweenTables) {
  auto grids = GridsInLines({"ปีงบประมาณ IIT EIT OIT คะแนนรวม", "พ.ศ. 2566 84.90 86.02 88.40 86.68", "หนึ่ง", "สอง",
                             "สาม", "สี่", "คะแนนรวม 70.00"});
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].rows[0], (Row{"ปีงบประมาณ", "IIT", "EIT", "OIT", "คะแนนรวม"}));
  EXPECT_EQ(grids[0].rows[1], (Row{"พ.ศ. 2566", "84.90", "86.02", "88.40", "86.68"}));
  EXPECT_FALSE(grids[1].has_header);  // four lines of text ended the first table
  EXPECT_EQ(grids[1].rows[0], (Row{"คะแนนรวม", "70.00"}));
  // A line of values only (no label) and a line without values are no rows.
  EXPECT_TRUE(GridsInLines({"85.00 86.00", "ไม่มีตัวเลข"}).empty());
  EXPECT_EQ(ValuesAtEnd("คะแนนรวม 70.11 75.86 81.79"), 3u);
  EXPECT_EQ(ValuesAtEnd("ได้คะแนนรวม 81.79 คะแนน"), 0u);
  // Marks OCR puts beside a value are not part of it; a garbled number before the values leaves
  // their columns unknown, so the line is no row (a year is a label).
  auto noisy = GridsInLines({"7. ประสิทธิภาพการสื่อสาร ๆ72.10 76.35 ฯ+2.09"});
  ASSERT_EQ(noisy.size(), 1u);
  EXPECT_EQ(noisy[0].rows[0], (Row{"7. ประสิทธิภาพการสื่อสาร", "72.10", "76.35", "+2.09"}));
  EXPECT_TRUE(GridsInLines({"คุณภาพการดำเนินงาน 84.49 8342 87.77"}).empty());
  EXPECT_EQ(ValuesAtEnd("พ.ศ. 2566 84.90 86.02"), 2u);
}

TEST(GridOf, MergedCellsStandAtEveryPosition) {
  Table t;
  t.row_edges = {0, 10, 20};
  t.col_edges = {0, 10, 20};
  t.cells.push_back(Cell{});
  t.cells.back().row = 0;
  t.cells.back().col = 0;
  t.cells.back().row_span = 2;
  t.cells.back().text = "IIT";
  t.cells.push_back(Cell{});
  t.cells.back().row = 0;
  t.cells.back().col = 1;
  t.cells.back().text = "80";
  ScoreGrid g = GridOf(t);
  EXPECT_EQ(g.rows, (std::vector<Row>{{"IIT", "80"}, {"IIT", ""}}));
  EXPECT_FALSE(g.from_lines);
}

}  // namespace
}  // namespace ita
