// Measures tables as real offices and ministries' forms make them: column roles named by
// companion words, two-level headers of tick columns, strategy headings, merged cells, blank
// templates, sub-items. Hard negatives stay out.
#include <gtest/gtest.h>

#include "pipeline/families/classify.h"
#include "pipeline/families/header_synonyms.h"
#include "pipeline/families/measures.h"
#include "pipeline/layout/text_lines.h"
#include "tests/testutil/tables.h"

namespace ita {
namespace {

using testing::GridTable;
Cell C(int row, int col, std::string text, int row_span = 1, int col_span = 1) {
  return testing::TextCell(row, col, std::move(text), row_span, col_span);
}

TEST(HeaderFieldOf, CompanionRolesOfRealForms) {
  struct Case {
    const char* header;
    MeasureField field;
  } cases[] = {
      {"ข้อที่", MeasureField::kSeq},
      {"มาตรการป้องกันการรับสินบน", MeasureField::kMeasure},
      {"แผนงาน/โครงการ/กิจกรรม", MeasureField::kMeasure},
      {"กลุ่มเป้าหมาย", MeasureField::kTarget},
      {"วัตถุประสงค์", MeasureField::kObjective},
      {"สถิติการกระทำผิด ความรับผิดทางละเมิด/ อาญา", MeasureField::kStatistic},
      {"ผลการปฏิบัติตามมาตรการ", MeasureField::kOutput},
      {"ระยะเวลาการติดตามและรายงานผล", MeasureField::kPeriod},
      {"การดำเนินงาน", MeasureField::kStatus},
      {"ดำเนินการ แล้ว", MeasureField::kDone},
      {"ยังมิได้ ดำเนินการ", MeasureField::kNotDone},
      {"ยังไม่ได้ดำเนินการ", MeasureField::kNotDone},
      {"อยู่ระหว่างดำเนินการ", MeasureField::kInProgress},
      {"จำนวน", MeasureField::kQuantity},
      {"หมายเหตุ", MeasureField::kRemark},
      {"ไตรมาส ๑", MeasureField::kPeriodTick},
      {"ต.ค. 66", MeasureField::kPeriodTick},
      {"กำหนดแล้วเสร็จ", MeasureField::kPeriod},
      {"ระยะเวลาแล้วเสร็จ", MeasureField::kPeriod},
      {"แล้วเสร็จ", MeasureField::kDone},
      {"ผลผลิต", MeasureField::kOutput},
      {"กอง/ฝ่ายที่รับผิดชอบ", MeasureField::kResponsible},
      {"ส่วนราชการที่รับผิดชอบ", MeasureField::kResponsible},
  };
  for (const Case& c : cases) EXPECT_EQ(HeaderFieldOf(c.header), c.field) << c.header;
  // A plan's column a year holds that year's money.
  EXPECT_EQ(HeaderFieldOf("ปี 2566 งบประมาณ (บาท)"), MeasureField::kBudget);
  EXPECT_EQ(HeaderFieldOf("พ.ศ. ๒๕๖๗"), MeasureField::kBudget);
  EXPECT_EQ(YearColumnOf("ปี 2566 งบประมาณ (บาท)"), 2566);
  EXPECT_EQ(YearColumnOf("ปีงบประมาณ พ.ศ. ๒๕๖๘"), 2568);
  EXPECT_EQ(YearColumnOf("2569"), 2569);
  EXPECT_EQ(YearColumnOf("25690"), std::nullopt);
  EXPECT_EQ(YearColumnOf("งบประมาณ (บาท)"), std::nullopt);
  EXPECT_EQ(YearColumnOf("ปีที่ 1"), std::nullopt);
  EXPECT_EQ(YearColumnOf("1250"), std::nullopt);
  // A companion word inside a cell's text is data, not a header.
  EXPECT_EQ(HeaderFieldOf("จนท. จำนวน 150 คน"), std::nullopt);
  EXPECT_EQ(HeaderFieldOf("ชื่อ-สกุล"), std::nullopt);
}

TEST(PeriodTickOf, QuartersAndMonthsAsFiscalMonths) {
  using P = std::pair<int, int>;
  EXPECT_EQ(PeriodTickOf("ไตรมาส 1"), P(1, 3));
  EXPECT_EQ(PeriodTickOf("ไตรมาสที่ ๒"), P(4, 6));
  EXPECT_EQ(PeriodTickOf("Q4"), P(10, 12));
  EXPECT_EQ(PeriodTickOf("ต.ค."), P(1, 1));
  EXPECT_EQ(PeriodTickOf("ธ.ค. 66"), P(3, 3));
  EXPECT_EQ(PeriodTickOf("มกราคม 2567"), P(4, 4));
  EXPECT_EQ(PeriodTickOf("ก.ย."), P(12, 12));
  EXPECT_EQ(PeriodTickOf("ไตรมาส 5"), std::nullopt);
  EXPECT_EQ(PeriodTickOf("มี"), std::nullopt);  // a checklist's "yes" is not มี.ค.
  EXPECT_EQ(PeriodTickOf("ผลการดำเนินงาน"), std::nullopt);
}

// The bribery-measures report form: a sequence column "ข้อที่", the measure cell holding the
// rules it rests on as sub-items, one period cell merged down over every row.
TEST(RealForms, SubItemsAndAPeriodMergedOverAllRows) {
  Table t = GridTable(0, 3, 6,
                      {C(0, 0, "ข้อที่"), C(0, 1, "มาตรการป้องกันการรับสินบน"), C(0, 2, "กลุ่มเป้าหมาย"),
                       C(0, 3, "สถิติการกระทำผิด"), C(0, 4, "ผลการปฏิบัติตามมาตรการ"),
                       C(0, 5, "ระยะเวลาการติดตามและรายงานผล"),
                       C(1, 0, "1"), C(1, 1, "มาตรการการใช้รถราชการ\n1.1 ประกาศโรงพยาบาล เรื่อง ระเบียบการใช้รถ 1.2 คู่มือ"),
                       C(1, 2, "เจ้าหน้าที่"), C(1, 3, "ไม่พบ"), C(1, 4, "ไม่พบอุบัติการณ์"),
                       C(1, 5, "รอบ 12 เดือน", 2),
                       C(2, 0, "2"), C(2, 1, "มาตรการการจัดหาพัสดุ ตามข้อ 2.1 ของระเบียบ"),
                       C(2, 2, "เจ้าหน้าที่"), C(2, 3, "ไม่พบ"), C(2, 4, "ไม่พบข้อร้องเรียน")});
  MeasuresResult r = BuildMeasures({t}, 2567);
  ASSERT_EQ(r.measures.size(), 2u);
  const Measure& a = r.measures[0];
  EXPECT_EQ(a.seq, 1);
  EXPECT_EQ(a.columns.at(MeasureField::kMeasure), "มาตรการการใช้รถราชการ");
  ASSERT_EQ(a.items.size(), 2u);
  EXPECT_EQ(a.items[0], "1.1 ประกาศโรงพยาบาล เรื่อง ระเบียบการใช้รถ");
  EXPECT_EQ(a.items[1], "1.2 คู่มือ");
  EXPECT_EQ(a.columns.at(MeasureField::kPeriod), "รอบ 12 เดือน");
  EXPECT_FALSE(a.Has(MeasureField::kTarget));  // companions are not contract fields
  const Measure& b = r.measures[1];
  EXPECT_EQ(b.columns.at(MeasureField::kPeriod), "รอบ 12 เดือน");  // merged down: its too
  // A clause cited by number ("ตามข้อ 2.1") is not a sub-item.
  EXPECT_TRUE(b.items.empty());
  EXPECT_EQ(b.columns.at(MeasureField::kMeasure), "มาตรการการจัดหาพัสดุ ตามข้อ 2.1 ของระเบียบ");
}

// A plan report whose strategy rows span the table and whose items are numbered anew under
// each strategy; the first column names projects, a later "กิจกรรม" column their activities.
TEST(RealForms, StrategyHeadingsAreGroupsNotMeasures) {
  Table t = GridTable(0, 6, 4,
                      {C(0, 0, "แผนงาน/โครงการ/กิจกรรม"), C(0, 1, "วัตถุประสงค์"), C(0, 2, "กิจกรรม"),
                       C(0, 3, "ผลการดำเนินงาน"),
                       C(1, 0, "กลยุทธ์ที่ 1 : ปลูกฝังจิตสำนึก", 1, 4),
                       C(2, 0, "1. การอบรมให้ความรู้"), C(2, 1, "- เพื่อให้รู้"), C(2, 2, "- จัดอบรม"), C(2, 3, "- อบรมแล้ว"),
                       C(3, 0, "2. ประกาศรายชื่อ"), C(3, 1, "- ยกย่อง"), C(3, 2, "- ประกาศ"), C(3, 3, "- ประกาศแล้ว"),
                       C(4, 0, "กลยุทธ์ที่ 2 วางรากฐาน", 1, 4),
                       C(5, 0, "1. นำค่านิยม MOPH"), C(5, 1, "- ปลูกฝัง"), C(5, 2, "- สอดแทรก"), C(5, 3, "- มีค่านิยม")});
  MeasuresResult r = BuildMeasures({t}, 2567);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].group, "กลยุทธ์ที่ 1 : ปลูกฝังจิตสำนึก");
  EXPECT_EQ(r.measures[1].group, "กลยุทธ์ที่ 1 : ปลูกฝังจิตสำนึก");
  EXPECT_EQ(r.measures[2].group, "กลยุทธ์ที่ 2 วางรากฐาน");
  EXPECT_EQ(r.measures[2].seq, 1);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMeasure), "1. การอบรมให้ความรู้");
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMethod), "- จัดอบรม");  // the activities column
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kOutput), "- อบรมแล้ว");
}

// An ethics club's form: "การดำเนินงาน" over two tick columns, a numbered first row whose cells
// happen to hold header words, the header repeated on the next page.
TEST(RealForms, TickColumnsGiveStatusAndNumberedRowsAreData) {
  auto header = [] {
    return std::vector<Cell>{C(0, 0, "กิจกรรม", 2), C(0, 1, "การดำเนินงาน", 1, 2), C(0, 3, "จำนวน", 2),
                             C(0, 4, "ผลการดำเนินงาน", 2), C(1, 1, "ดำเนินการแล้ว"), C(1, 2, "ยังมิได้ดำเนินการ")};
  };
  std::vector<Cell> p1 = header();
  for (Cell c : {C(2, 0, "๑. โครงการสร้างคุณธรรม"), C(2, 1, "/"), C(2, 2, ""), C(2, 3, "จนท. 150 คน"),
                 C(2, 4, "จนท. จำนวน 150 คน เข้าร่วม"), C(3, 0, "๒. โครงการจิตอาสา"), C(3, 1, ""),
                 C(3, 2, "✓"), C(3, 3, ""), C(3, 4, "")})
    p1.push_back(c);
  std::vector<Cell> p2 = header();
  for (Cell c : {C(2, 0, "3. กิจกรรม 5 ส."), C(2, 1, ""), C(2, 2, ""), C(2, 3, ""), C(2, 4, "ทำแล้ว")})
    p2.push_back(c);
  MeasuresResult r = BuildMeasures({GridTable(0, 4, 5, p1), GridTable(1, 3, 5, p2)}, 2567);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kOutput), "จนท. จำนวน 150 คน เข้าร่วม");
  EXPECT_EQ(r.measures[0].status, "done");
  EXPECT_EQ(r.measures[1].status, "not_done");
  EXPECT_EQ(r.measures[2].status, "");  // the column exists, no tick
  EXPECT_EQ(r.measures[2].provenance.pages, std::vector<int>{2});
}

// A plan's schedule: quarters ticked under "ระยะเวลาดำเนินการ" become the period.
// An approach row right under the header is a group, not a row of sub-headings (its one cell
// spans the table; sub-headings stand under a spanning heading).
TEST(RealForms, QuarterTicksBecomeThePeriod) {
  Table t = GridTable(0, 5, 6,
                      {C(0, 0, "โครงการ", 2), C(0, 1, "ผู้รับผิดชอบ", 2), C(0, 2, "ระยะเวลาดำเนินการ", 1, 4),
                       C(1, 2, "ไตรมาส 1"), C(1, 3, "ไตรมาส 2"), C(1, 4, "ไตรมาส 3"), C(1, 5, "ไตรมาส 4"),
                       C(2, 0, "แนวทางที่ ๑ การเปิดเผยข้อมูล", 1, 6),
                       C(3, 0, "1. อบรม"), C(3, 1, "สำนักปลัด"), C(3, 2, ""), C(3, 3, "☑"), C(3, 4, "☑"), C(3, 5, ""),
                       C(4, 0, "2. ประกาศ"), C(4, 1, "กองคลัง"), C(4, 2, "•"), C(4, 3, ""), C(4, 4, ""), C(4, 5, "")});
  MeasuresResult r = BuildMeasures({t}, 2567);
  ASSERT_EQ(r.measures.size(), 2u);
  EXPECT_EQ(r.measures[0].group, "แนวทางที่ ๑ การเปิดเผยข้อมูล");
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kResponsible), "สำนักปลัด");
  ASSERT_TRUE(r.measures[0].period);
  EXPECT_EQ(r.measures[0].period->text, "ไตรมาส 2, ไตรมาส 3");
  EXPECT_EQ(r.measures[0].period->start, "2024-01-01");
  EXPECT_EQ(r.measures[0].period->end, "2024-06-30");
  ASSERT_TRUE(r.measures[1].period);
  EXPECT_EQ(r.measures[1].period->start, "2023-10-01");
  EXPECT_EQ(r.measures[1].period->end, "2023-12-31");
  // Without a fiscal year the ticks are kept as text, with the reason.
  MeasuresResult no_year = BuildMeasures({t}, std::nullopt);
  ASSERT_TRUE(no_year.measures[0].period);
  EXPECT_TRUE(no_year.measures[0].period->start.empty());
  EXPECT_FALSE(no_year.measures[0].period->reason.empty());
}

// An OCR'd plan: the "ที่" heading misread ("งท"), yet the column counts on and is the sequence;
// drawn ticks read as quotes and slashes; a dash and an empty box are not ticks.
TEST(RealForms, OcrReadingsOfSequenceAndTicks) {
  Table t = GridTable(0, 5, 4,
                      {C(0, 0, "งท"), C(0, 1, "มาตรการ/กิจกรรม"), C(0, 2, "ไตรมาส ๑"), C(0, 3, "ไตรมาส ๒"),
                       C(1, 0, "๑"), C(1, 1, "อบรม"), C(1, 2, "/”"), C(1, 3, "-"),
                       C(2, 0, "๒"), C(2, 1, "ประกาศ"), C(2, 2, "☐"), C(2, 3, "“”"),
                       C(3, 0, "6"), C(3, 1, "เผยแพร่"), C(3, 2, "v"), C(3, 3, "ไม่มี"),
                       C(4, 0, "๔"), C(4, 1, "รายงาน"), C(4, 2, ""), C(4, 3, "12")});
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 4u);
  EXPECT_EQ(r.measures[0].seq, 1);
  EXPECT_EQ(r.measures[3].seq, 4);
  EXPECT_EQ(r.measures[0].period->text, "ไตรมาส ๑");
  EXPECT_EQ(r.measures[1].period->text, "ไตรมาส ๒");
  EXPECT_EQ(r.measures[2].period->text, "ไตรมาส ๑");
  EXPECT_FALSE(r.measures[3].period);  // a number in a tick column is not a tick
}

// A ministry's blank template: placeholder rows and rows with only their number are not
// measures; a header repeated in part on the next page is not a row.
TEST(RealForms, TemplatePlaceholdersAndRepeatedHeadersAreNotMeasures) {
  std::vector<Cell> p1 = {C(0, 0, "ที่"), C(0, 1, "โครงการ/กิจกรรม"), C(0, 2, "ผู้รับผิดชอบ"),
                          C(1, 0, "1"), C(1, 1, "(1) ชื่อโครงการ / กิจกรรม ................"), C(1, 2, "............"),
                          C(2, 0, "2"), C(2, 1, ""), C(2, 2, ""),
                          C(3, 0, "3"), C(3, 1, "โครงการส่งเสริมคุณธรรม"), C(3, 2, "กองการศึกษา")};
  // The next page repeats the header in part: the measure column's heading is blank.
  std::vector<Cell> p2 = {C(0, 0, "ที่"), C(0, 1, ""), C(0, 2, "หน่วยงานรับผิดชอบ"),
                          C(1, 0, "4"), C(1, 1, "โครงการจิตอาสา"), C(1, 2, "สำนักปลัด")};
  // A third page whose header was read as a row under a line of noise the grid took in.
  std::vector<Cell> p3 = {C(0, 0, "| ' ."), C(0, 1, ""), C(0, 2, ""),
                          C(1, 0, "ที่"), C(1, 1, "โครงการ / กิจกรรม"), C(1, 2, "ผู้รับผิดชอบ"),
                          C(2, 0, "5"), C(2, 1, "มาตรการการใช้รถราชการ"), C(2, 2, "ผู้รับผิดชอบงานยานพาหนะ"),
                          // the header again, read as a row (one letter misread)
                          C(3, 0, "ที่"), C(3, 1, "โครงการ / กิจกรม"), C(3, 2, "ผู้รับผิดชอบ")};
  MeasuresResult r =
      BuildMeasures({GridTable(0, 4, 3, p1), GridTable(1, 2, 3, p2), GridTable(2, 4, 3, p3)}, 2567);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[2].seq, 5);  // a data row with header words in it stays a row
  EXPECT_EQ(r.measures[2].columns.at(MeasureField::kMeasure), "มาตรการการใช้รถราชการ");
  EXPECT_EQ(r.measures[0].seq, 3);
  EXPECT_EQ(r.measures[1].seq, 4);
  EXPECT_EQ(r.measures[1].columns.at(MeasureField::kResponsible), "สำนักปลัด");
}

// A fax lost the ruling between the period and the responsible columns: the merged cell's
// lines go to the columns they stand in.
TEST(RealForms, ACellMergedAcrossColumnsGivesEachLineToItsColumn) {
  Cell merged = C(1, 2, "ตลอดปีงบประมาณ\nทุกสำนัก/กอง", 1, 2);
  TextLine period, unit;
  period.text = "ตลอดปีงบประมาณ";
  period.box = Box{255, 95, 340, 108};  // in column 2 (250..350)
  unit.text = "ทุกสำนัก/กอง";
  unit.box = Box{360, 110, 440, 123};   // in column 3 (350..450)
  merged.lines = {period, unit};
  Table t = GridTable(0, 2, 4, {C(0, 0, "มาตรการ"), C(0, 1, "วิธีการดำเนินการ"), C(0, 2, "ระยะเวลาดำเนินการ"),
                                C(0, 3, "ผู้รับผิดชอบ"), C(1, 0, "1. การเปิดเผยข้อมูล"), C(1, 1, "- เผยแพร่"), merged});
  MeasuresResult r = BuildMeasures({t}, 2567);
  ASSERT_EQ(r.measures.size(), 1u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kPeriod), "ตลอดปีงบประมาณ");
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kResponsible), "ทุกสำนัก/กอง");
  ASSERT_TRUE(r.measures[0].period);
  EXPECT_EQ(r.measures[0].period->start, "2023-10-01");
}

// A table ruled by its columns only: one tall row whose measure cell holds items 1 to 3 one under
// the other, the other columns' lines beside them. One measure per item; a cell whose lines
// are a measure and its own sub-steps ("1) …") stays one.
TEST(RealForms, ACellNeverSwallowsSeveralNumberedRows) {
  auto line = [](const std::string& text, double x, double y) {
    TextLine l;
    l.text = text;
    l.box = Box{x, y, x + 80, y + 12};
    return l;
  };
  auto cell = [](int row, int col, std::vector<TextLine> lines) {
    Cell c = C(row, col, "");
    for (const TextLine& l : lines) AppendWrapped(c.text, l.text);
    c.lines = std::move(lines);
    c.box = Box{50.0 + 100 * col, 90, 150.0 + 100 * col, 250};
    return c;
  };
  Table t = GridTable(0, 2, 3, {C(0, 0, "มาตรการ"), C(0, 1, "ผู้รับผิดชอบ"), C(0, 2, "ระยะเวลา"),
                                cell(1, 0, {line("1. การเปิดเผยข้อมูล", 55, 95), line("ต่อสาธารณะ", 55, 110),
                                            line("2. การประกาศเจตจำนง", 55, 140), line("3. การอบรม", 55, 190)}),
                                cell(1, 1, {line("กองคลัง", 155, 95), line("สำนักปลัด", 155, 140),
                                            line("กองการศึกษา", 155, 190)}),
                                cell(1, 2, {line("ต.ค. 67", 255, 95), line("ไตรมาส 2", 255, 190)})});
  t.row_edges = {50, 90, 250};
  MeasuresResult r = BuildMeasures({t}, 2568);
  ASSERT_EQ(r.measures.size(), 3u);
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kMeasure), "1. การเปิดเผยข้อมูลต่อสาธารณะ");
  EXPECT_EQ(r.measures[0].columns.at(MeasureField::kResponsible), "กองคลัง");
  EXPECT_EQ(r.measures[1].seq, 2);
  EXPECT_EQ(r.measures[1].columns.at(MeasureField::kResponsible), "สำนักปลัด");
  EXPECT_EQ(r.measures[1].columns.at(MeasureField::kPeriod), "");
  EXPECT_EQ(r.measures[2].columns.at(MeasureField::kResponsible), "กองการศึกษา");
  EXPECT_EQ(r.measures[2].columns.at(MeasureField::kPeriod), "ไตรมาส 2");
  // Sub-steps numbered on their own do not split their measure.
  Table steps = GridTable(0, 2, 2, {C(0, 0, "มาตรการ"), C(0, 1, "ผู้รับผิดชอบ"),
                                    cell(1, 0, {line("1. การเปิดเผยข้อมูล", 55, 95), line("1) จัดทำประกาศ", 55, 110),
                                                line("2) เผยแพร่", 55, 125)}),
                                    cell(1, 1, {line("กองคลัง", 155, 95)})});
  steps.row_edges = {50, 90, 250};
  EXPECT_EQ(BuildMeasures({steps}, 2568).measures.size(), 1u);
}

// Hard negatives: tables whose columns are not a measure with its companions.
TEST(RealForms, CountBudgetAndStaffTablesAreNotMeasures) {
  // A staff list.
  Table staff = GridTable(0, 2, 3, {C(0, 0, "ลำดับ"), C(0, 1, "ชื่อ-สกุล"), C(0, 2, "ตำแหน่ง"), C(1, 0, "1"),
                                    C(1, 1, "นายสมชาย ใจดี"), C(1, 2, "นักวิชาการ")});
  EXPECT_TRUE(BuildMeasures({staff}, 2567).measures.empty());
  // A budget summary: projects and amounts.
  Table budget = GridTable(0, 2, 3, {C(0, 0, "แผนงาน/โครงการ"), C(0, 1, "งบประมาณ"), C(0, 2, "หมายเหตุ"),
                                     C(1, 0, "โครงการพัฒนา"), C(1, 1, "10,000"), C(1, 2, "")});
  EXPECT_TRUE(BuildMeasures({budget}, 2567).measures.empty());
  // A risk register: no measure column.
  Table risks = GridTable(0, 2, 3, {C(0, 0, "โอกาส/ความเสี่ยงการทุจริต"), C(0, 1, "สถานะการดำเนินการ"),
                                    C(0, 2, "ผลการดำเนินงาน"), C(1, 0, "1. จัดซื้อ"), C(1, 1, "•"),
                                    C(1, 2, "ไม่พบ")});
  EXPECT_TRUE(BuildMeasures({risks}, 2567).measures.empty());
  // A complaints summary has an issue column and tick columns, but its title names no
  // measures, plan or integrity report: the document stays unknown.
  std::vector<MeasureField> fields = {MeasureField::kIssue, MeasureField::kDone, MeasureField::kInProgress,
                                      MeasureField::kNotDone};
  EXPECT_EQ(ClassifyDocument({"รายงานสรุปผลการดำเนินงานรับเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2567",
                              "ร้องเรียนการทุจริตและประพฤติมิชอบ"},
                             fields)
                .family,
            Family::kUnknown);
}

TEST(ClassifyDocument, TitlesOfRealForms) {
  // The title ends where the issuer's line, a form's field or the signature begins.
  Classification c = ClassifyDocument({"แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกัน ปราบปรามการทุจริต",
                                       "โรงพยาบาลน้ำยืน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", "ลงชื่อ ผู้รายงาน"},
                                      {});
  EXPECT_EQ(c.family, Family::kMeasuresReport);
  EXPECT_EQ(c.title, "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกัน ปราบปรามการทุจริต");
  // A document of no family keeps its title.
  Classification none = ClassifyDocument({"โรงพยาบาลน้ำยืน", "NAMYUEN HOSPITAL",
                                          "รายงานสรุปผลการดำเนินงานรับเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2567"},
                                         {});
  EXPECT_EQ(none.family, Family::kUnknown);
  EXPECT_EQ(none.title, "รายงานสรุปผลการดำเนินงานรับเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2567");
  EXPECT_EQ(ClassifyDocument({"โรงพยาบาลน้ำยืน", "เรียน ผู้อำนวยการ"}, {}).title, "");
  EXPECT_EQ(ClassifyDocument({"ประกาศสำนักงานสาธารณสุขอำเภอหนองใหญ่",
                              "เรื่อง มาตรการป้องกันการทุจริตในการจัดซื้อจัดจ้าง", "ตามพระราชบัญญัติ…"},
                             {})
                .title,
            "ประกาศสำนักงานสาธารณสุขอำเภอหนองใหญ่ เรื่อง มาตรการป้องกันการทุจริตในการจัดซื้อจัดจ้าง");
}

TEST(ClassifyDocument, ReportsOfRealForms) {
  std::vector<MeasureField> none;
  EXPECT_EQ(FamilyOfTitle("แบบรายงานสรุปผลการกำกับติดตามมาตรการการป้องกันการรับสินบนทุกรูปแบบ"),
            Family::kMeasuresReport);
  EXPECT_EQ(FamilyOfTitle("แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบของหน่วยงาน"),
            Family::kMeasuresReport);
  EXPECT_EQ(FamilyOfTitle("แบบรายงานผลการดำเนินงานตามแผนบริหารความเสี่ยง"), Family::kUnknown);
  EXPECT_EQ(FamilyOfTitle("ผลการประเมิน ITA ประจำปี 2564"), Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("สรุปผลคะแนนการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566"), Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("รายงานผลการประเมินผลคุณธรรมและความโปร่งใส"), Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("การวิเคราะห์ผลคะแนนการประเมินคุณธรรมและความโปร่งใส"), Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("ผลการประเมินความพึงพอใจของผู้รับบริการ"), Family::kUnknown);
  // Measures the ITA asks for by name, announced; a procurement notice's are not.
  EXPECT_EQ(FamilyOfTitle("เรื่อง มาตรการป้องกันการรับสินบน"), Family::kMeasuresPlan);
  EXPECT_EQ(FamilyOfTitle("เรื่อง มาตรการป้องกันผลประโยชน์ทับซ้อน"), Family::kMeasuresPlan);
  EXPECT_EQ(FamilyOfTitle("เรื่อง มาตรการป้องกันการทุจริตและประพฤติมิชอบในการจัดซื้อจัดจ้าง"), Family::kUnknown);
  EXPECT_EQ(FamilyOfTitle("ผู้ใดพบเห็นการเรียกรับสินบน มาตรการป้องกันการรับสินบนของหน่วยงาน"), Family::kUnknown);
  EXPECT_EQ(FamilyOfTitle("รายงานสรุปผลการดำเนินงานรับเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. 2567"), Family::kUnknown);
}

}  // namespace
}  // namespace ita
