#include "pipeline/families/action_plan.h"

#include <gtest/gtest.h>

#include "pipeline/families/measures.h"
#include "pipeline/validate/completeness.h"
#include "tests/testutil/tables.h"

namespace ita {
namespace {

TextLine L(const std::string& text, double y) { return TextLine{Box{0, y, 100, y + 10}, text}; }

// A cell whose lines sit at the given y positions (the builder aligns remarks by them).
Cell C(int row, int col, std::vector<TextLine> lines, int row_span = 1, int col_span = 1) {
  Cell c;
  c.row = row;
  c.col = col;
  c.row_span = row_span;
  c.col_span = col_span;
  for (const TextLine& l : lines) c.text += (c.text.empty() ? "" : "\n") + l.text;
  c.lines = std::move(lines);
  c.box = Box{0, lines.empty() ? 0 : c.lines.front().box.y0, 100, c.lines.empty() ? 0 : c.lines.back().box.y1};
  return c;
}

Cell T(int row, int col, const std::string& text, int row_span = 1, int col_span = 1) {
  return C(row, col, {L(text, 100.0 * row)}, row_span, col_span);
}

Table MakeTable(int page, int rows, int cols, std::vector<Cell> cells) {
  Table t;
  t.page = page;
  for (int c = 0; c <= cols; ++c) t.col_edges.push_back(10.0 * c);
  for (int r = 0; r <= rows; ++r) t.row_edges.push_back(100.0 * r);
  t.cells = std::move(cells);
  return t;
}

std::vector<Cell> SummaryHeader() {
  return {T(0, 0, "มิติ", 2), T(0, 1, "ภารกิจตามมิติ", 2), T(0, 2, "โครงการ/กิจกรรม/มาตรการ", 2),
          T(0, 3, "ปี ๒๕๖๖"), T(0, 4, "ปี ๒๕๖๗"), T(0, 5, "หมายเหตุ", 2),
          T(1, 3, "งบประมาณ (บาท)"), T(1, 4, "งบประมาณ (บาท)")};
}

// Two summary pages: a mission with two projects and a remarks line for each; a project list
// that continues on the next page; a grand-total row.
std::vector<Table> SummaryTables(const std::string& total_2566, const std::string& stated_count) {
  std::vector<Cell> p1 = SummaryHeader();
  p1.push_back(T(2, 0, "๒. การบริหารราชการด้วยความโปร่งใส"));
  p1.push_back(T(2, 1, "๒.๑ การเปิดเผยข้อมูลสาธารณะ"));
  p1.push_back(C(2, 2, {L("๔) มาตรการปรับปรุงศูนย์ข้อมูล", 200), L("ข่าวสาร", 212),
                        L("๕) มาตรการเปิดเผยข้อมูล", 224)}));
  p1.push_back(T(2, 3, "๑๐,๐๐๐.-"));
  p1.push_back(C(2, 4, {L("๑๐,๐๐๐.", 200), L("-", 212)}));
  p1.push_back(C(2, 5, {L("สป.", 200), L("กองคลัง", 224)}));
  p1.push_back(T(3, 1, "๒.๒ มาตรการส่งเสริมคุณธรรม"));
  p1.push_back(C(3, 2, {L("๖) มาตรการแสดงเจตนารมณ์ในการ", 300)}));
  p1.push_back(C(3, 3, {L("-", 300)}));
  p1.push_back(C(3, 4, {L("-", 300)}));
  std::vector<Cell> p2 = SummaryHeader();
  p2.push_back(T(2, 2, "บริหารงาน"));  // continues project 6
  p2.push_back(T(3, 0, "รวมทั้งสิ้น", 1, 2));
  p2.push_back(T(3, 2, "จำนวน " + stated_count + " โครงการ"));
  p2.push_back(T(3, 3, total_2566));
  p2.push_back(T(3, 4, "๑๐,๐๐๐.-"));
  return {MakeTable(12, 4, 6, p1), MakeTable(13, 4, 6, p2)};
}

std::vector<ProseLine> Details() {
  return {{19, "- 20 -"},
          {19, "๑. ชื่อโครงการ : มาตรการปรับปรุงศูนย์ข้อมูลข่าวสาร"},
          {19, "๒. หลักการและเหตุผล"},
          {19, "พระราชบัญญัติข้อมูลข่าวสาร"},
          {19, "๓. วัตถุประสงค์"},
          {19, "๑) เพื่อเผยแพร่ข้อมูล"},
          {19, "๒) เพื่อให้ประชาชนตรวจสอบได้"},
          {20, "๔. วิธีดำเนินการ"},
          {20, "๑) จัดตั้งคณะทำงาน"},
          {20, "๕. ระยะเวลาดำเนินการ"},
          {20, "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐"},
          {20, "๖. งบประมาณดำเนินการ"},
          {20, "๑๐,๐๐๐ บาท"},
          {20, "๗. ผู้รับผิดชอบ"},
          {20, "สำนักปลัด"},
          {20, "๘. ผลผลิต/ผลลัพธ์"},
          {20, "ผลผลิต"},
          {20, "๑) มีศูนย์ข้อมูล"},
          {20, "ผลลัพธ์"},
          {20, "ประชาชนพึงพอใจ"}};
}

// An amount no local body's plan line holds (two amounts read as one) is set aside, said in
// the plan's notes, and the rest of the cell still counts.
TEST(BuildActionPlan, ImplausibleAmountsAreSetAsideAndSaid) {
  std::vector<Table> tables = SummaryTables("๑๐,๐๐๐.-", "๓");
  for (Cell& c : tables[0].cells) {
    if (c.row == 3 && c.col == 3) c = C(3, 3, {L("1,000,010,000", 300), L("5,000", 312)});
  }
  auto plan = BuildActionPlan(tables, Details(), {"แผนปฏิบัติการป้องกันการทุจริต", "(พ.ศ. 2566 - 2570)"});
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->missions.size(), 2u);
  EXPECT_EQ(plan->missions[1].budget.at(2566), 5000);
  ASSERT_EQ(plan->set_aside.size(), 1u);
  EXPECT_NE(plan->set_aside[0].find("1,000,010,000"), std::string::npos);
}

TEST(BuildActionPlan, MissionsProjectsBudgetsAndTotals) {
  auto plan = BuildActionPlan(SummaryTables("๑๐,๐๐๐.-", "๓"), Details(),
                              {"แผนปฏิบัติการป้องกันการทุจริต", "(พ.ศ. 2566 - 2570)"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->year_from, 2566);
  EXPECT_EQ(plan->year_to, 2570);
  ASSERT_EQ(plan->missions.size(), 2u);
  EXPECT_EQ(plan->missions[0].code, "2.1");
  EXPECT_EQ(plan->missions[0].dimension, 2);
  EXPECT_EQ(plan->missions[0].name, "การเปิดเผยข้อมูลสาธารณะ");
  EXPECT_EQ(plan->missions[0].budget.at(2566), 10000);
  EXPECT_EQ(plan->missions[0].budget.at(2567), 10000);  // "๑๐,๐๐๐." + "-" wrapped
  EXPECT_EQ(plan->missions[1].budget.at(2566), 0);
  ASSERT_EQ(plan->projects.size(), 3u);
  EXPECT_EQ(plan->projects[0].seq, 4);
  EXPECT_EQ(plan->projects[0].name, "มาตรการปรับปรุงศูนย์ข้อมูลข่าวสาร");
  EXPECT_EQ(plan->projects[0].responsible, "สป.");
  EXPECT_EQ(plan->projects[1].responsible, "กองคลัง");
  EXPECT_EQ(plan->projects[2].mission, "2.2");
  EXPECT_EQ(plan->projects[2].name, "มาตรการแสดงเจตนารมณ์ในการบริหารงาน");
  EXPECT_EQ(plan->stated_projects, 3);
  EXPECT_EQ(plan->stated_budget.at(2566), 10000);
  ASSERT_TRUE(plan->projects[0].detail);
  const ProjectDetail& d = *plan->projects[0].detail;
  EXPECT_EQ(d.rationale, "พระราชบัญญัติข้อมูลข่าวสาร");
  EXPECT_EQ(d.objectives.size(), 2u);
  EXPECT_EQ(d.method, std::vector<std::string>{"๑) จัดตั้งคณะทำงาน"});
  ASSERT_TRUE(d.period);
  EXPECT_EQ(d.period->start, "2022-10-01");
  EXPECT_EQ(d.budget_baht, 10000);
  EXPECT_EQ(d.responsible, "สำนักปลัด");
  EXPECT_EQ(d.outputs, std::vector<std::string>{"๑) มีศูนย์ข้อมูล"});
  EXPECT_EQ(d.outcomes, std::vector<std::string>{"ประชาชนพึงพอใจ"});
  EXPECT_EQ(d.pages, (std::vector<int>{20, 21}));
  EXPECT_FALSE(plan->projects[1].detail);
}

Extraction PlanExtraction(std::optional<ActionPlan> plan) {
  Extraction ex;
  ex.document = DocumentInfo{};
  ex.document->family = Family::kActionPlan;
  ex.action_plan = std::move(plan);
  return ex;
}

std::vector<std::string> Codes(const Validation& v) {
  std::vector<std::string> out;
  for (const auto& e : v.errors) out.push_back(e.code + " " + e.path);
  return out;
}

TEST(CheckCompleteness, ActionPlanCrossChecksCatchInconsistencies) {
  // Stated 25,000 for 2566 where missions sum to 10,000; 5 projects stated, 3 found;
  // projects 5 and 6 have no detail section.
  auto plan = BuildActionPlan(SummaryTables("๒๕,๐๐๐.-", "๕"), Details(), {"(พ.ศ. 2566 - 2570)"});
  ASSERT_TRUE(plan);
  Validation v = CheckCompleteness(PlanExtraction(plan));
  EXPECT_EQ(Codes(v), (std::vector<std::string>{
                          "total_mismatch /action_plan/totals/budget/2566",
                          "count_mismatch /action_plan/totals/projects",
                          "missing_detail /action_plan/projects/1/detail",
                          "missing_detail /action_plan/projects/2/detail"}));
  EXPECT_FALSE(v.valid);
  EXPECT_DOUBLE_EQ(v.completeness, 1.0);
}

TEST(CheckCompleteness, ConsistentPlanHasOnlyMissingDetails) {
  auto plan = BuildActionPlan(SummaryTables("๑๐,๐๐๐.-", "๓"), Details(), {"(พ.ศ. 2566 - 2570)"});
  Validation v = CheckCompleteness(PlanExtraction(plan));
  for (const auto& e : v.errors) EXPECT_EQ(e.code, "missing_detail") << e.path;
  Validation none = CheckCompleteness(PlanExtraction(std::nullopt));
  EXPECT_EQ(Codes(none), std::vector<std::string>{"required_missing /action_plan"});
}

TEST(BuildActionPlan, RisksMergeContinuationRows) {
  std::vector<Cell> header = {T(0, 0, "ลำดับ ที่"), T(0, 1, "ขั้นตอน การดำเนินงาน"),
                              T(0, 2, "ประเด็นความเสี่ยงการ ทุจริต"), T(0, 3, "Risk Score"),
                              T(0, 4, "มาตรการ ควบคุมความเสี่ยงการทุจริต")};
  std::vector<Cell> p1 = header;
  for (Cell c : {T(1, 0, "๑"), T(1, 1, "การบริหารงานบุคคล"), T(1, 2, "การบรรจุแต่งตั้ง"),
                 C(1, 3, {L("สูง", 100), L("ปานกลาง", 110)}), T(1, 4, "๑. กิจกรรม")})
    p1.push_back(c);
  std::vector<Cell> p2 = header;
  for (Cell c : {T(1, 0, ""), T(1, 1, ""), T(1, 2, "และการมอบหมายงาน"), T(1, 3, ""), T(1, 4, ""),
                 T(2, 0, "๒"), T(2, 1, "การให้บริการ"), T(2, 2, "ไม่เป็นไปตามลำดับ"), T(2, 3, "ต่ำ"),
                 T(2, 4, "มาตรการ")})
    p2.push_back(c);
  auto plan = BuildActionPlan({MakeTable(4, 2, 5, p1), MakeTable(5, 3, 5, p2)}, {}, {});
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->risks.size(), 2u);
  EXPECT_EQ(plan->risks[0].seq, 1);
  EXPECT_EQ(plan->risks[0].risk, "การบรรจุแต่งตั้งและการมอบหมายงาน");
  EXPECT_EQ(plan->risks[0].level, "สูง\nปานกลาง");
  EXPECT_EQ(plan->risks[1].level, "ต่ำ");
}


// A plan's projects in a table of their own with a column a year: each year's amount ("-" is
// none planned), the grand total summed from them.
TEST(ProjectsFromTableRows, BudgetsByYear) {
  Table t = testing::GridTable(0, 3, 4, {T(0, 0, "โครงการ/กิจกรรม"), T(0, 1, "ปี 2566 งบประมาณ (บาท)"),
                                         T(0, 2, "ปี 2567 งบประมาณ (บาท)"), T(0, 3, "ผู้รับผิดชอบ"),
                                         T(1, 0, "โครงการอบรมคุณธรรม"), T(1, 1, "30,000"), T(1, 2, "๓๕,๐๐๐.-"),
                                         T(1, 3, "สำนักปลัด"), T(2, 0, "กิจกรรมประกาศเจตจำนง"), T(2, 1, "-"),
                                         T(2, 2, "ตามแผน"), T(2, 3, "กองคลัง")});
  MeasuresResult rows = BuildMeasures({t}, std::nullopt);
  ASSERT_EQ(rows.measures.size(), 2u);
  std::vector<Project> projects = ProjectsFromTableRows(rows.measures);
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].budget, (std::map<int, double>{{2566, 30000}, {2567, 35000}}));
  EXPECT_EQ(projects[0].responsible, "สำนักปลัด");
  EXPECT_EQ(projects[1].budget, (std::map<int, double>{{2566, 0}}));  // no amount in 2567's cell
  ASSERT_TRUE(projects[0].detail);
  EXPECT_TRUE(projects[0].detail->budget_text.empty());  // the years' amounts are not one text
}

TEST(PlanYearsOf, ImplausibleRangesArePassedOver) {
  EXPECT_EQ(PlanYearsOf({"(พ.ศ. ๒๕๖๖ - ๒๕๗๐)"}), std::make_pair(2566, 2570));
  // A misread cover ("2561 - 2513"), a backwards or absurdly long span: none, or a later
  // plausible one.
  EXPECT_EQ(PlanYearsOf({"แผนปฏิบัติการ พ.ศ. 2561 - 2513"}), std::nullopt);
  EXPECT_EQ(PlanYearsOf({"พ.ศ. 2570 - 2566"}), std::nullopt);
  EXPECT_EQ(PlanYearsOf({"พ.ศ. 2561 - 2580"}), std::nullopt);  // a 20-year national strategy
  EXPECT_EQ(PlanYearsOf({"ยุทธศาสตร์ชาติ (พ.ศ. 2561 - 2580)", "แผน (พ.ศ. 2566 - 2570)"}),
            std::make_pair(2566, 2570));
}

TEST(NameSimilarity, Basics) {
  EXPECT_DOUBLE_EQ(NameSimilarity("มาตรการ ก", "มาตรการก"), 1.0);
  EXPECT_LT(NameSimilarity("มาตรการ ก", "โครงการ ข"), 0.7);
}

}  // namespace
}  // namespace ita
