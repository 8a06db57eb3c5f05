#include "pipeline/validate/completeness.h"

#include <gtest/gtest.h>

namespace ita {
namespace {

Measure M(int seq, std::map<MeasureField, std::string> columns) {
  Measure m;
  m.seq = seq;
  m.columns = std::move(columns);
  return m;
}

Extraction Doc(Family family, std::vector<Measure> measures) {
  Extraction ex;
  ex.document = DocumentInfo{};
  ex.document->family = family;
  ex.measures = std::move(measures);
  return ex;
}

TEST(CheckCompleteness, RequiredValuesOfAReport) {
  Extraction ex = Doc(Family::kMeasuresReport,
                      {M(1, {{MeasureField::kMeasure, "ก"}, {MeasureField::kMethod, "ข"},
                             {MeasureField::kResponsible, "ค"}, {MeasureField::kOutput, "ง"}}),
                       M(4, {{MeasureField::kMeasure, "ก"}, {MeasureField::kMethod, ""},
                             {MeasureField::kResponsible, ""}, {MeasureField::kOutput, "ง"}})});
  Validation v = CheckCompleteness(ex);
  EXPECT_EQ(v.schema, "measures_report");
  EXPECT_FALSE(v.valid);
  EXPECT_DOUBLE_EQ(v.completeness, 6.0 / 8.0);
  ASSERT_EQ(v.errors.size(), 2u);
  EXPECT_EQ(v.errors[0].path, "/measures/1/method");
  EXPECT_EQ(v.errors[0].code, "required_missing");
  EXPECT_EQ(v.errors[1].path, "/measures/1/responsible");
  EXPECT_EQ(v.errors[1].message, "มาตรการที่ 4: ไม่ระบุผู้รับผิดชอบ (responsible is empty)");
}

TEST(CheckCompleteness, OutputIsRequiredOnlyInReports) {
  Extraction plan = Doc(Family::kMeasuresPlan,
                        {M(1, {{MeasureField::kIssue, "ก"}, {MeasureField::kOutput, ""}})});
  EXPECT_TRUE(CheckCompleteness(plan).valid);
  EXPECT_DOUBLE_EQ(CheckCompleteness(plan).completeness, 1.0);
}

TEST(CheckCompleteness, IssueStandsInForMeasureOnlyWithoutAMeasureColumn) {
  Extraction a = Doc(Family::kMeasuresPlan, {M(1, {{MeasureField::kIssue, ""}})});
  ASSERT_EQ(CheckCompleteness(a).errors.size(), 1u);
  EXPECT_EQ(CheckCompleteness(a).errors[0].path, "/measures/0/issue");
  Extraction b = Doc(Family::kMeasuresPlan,
                     {M(1, {{MeasureField::kIssue, ""}, {MeasureField::kMeasure, "ก"}})});
  EXPECT_TRUE(CheckCompleteness(b).valid);
}

// An action plan whose years were read but no project is a finding (a one-year plan whose
// projects were missed once came out "valid, complete").
TEST(CheckCompleteness, AnActionPlanWithoutProjectsIsAFinding) {
  Extraction ex = Doc(Family::kActionPlan, {});
  ActionPlan plan;
  plan.year_from = 2569;
  plan.year_to = 2569;
  ex.action_plan = plan;
  Validation v = CheckCompleteness(ex);
  EXPECT_FALSE(v.valid);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].path, "/action_plan/projects");
  EXPECT_EQ(v.errors[0].code, "no_measures");
  EXPECT_DOUBLE_EQ(v.completeness, 0.5);
  ex.action_plan->projects.push_back(Project{1, 1, "1.1", "โครงการอบรม", "", ProjectDetail{}});
  EXPECT_TRUE(CheckCompleteness(ex).valid);
}

TEST(CheckCompleteness, NoMeasuresUnparsedPeriodAndLowConfidence) {
  EXPECT_EQ(CheckCompleteness(Doc(Family::kMeasuresPlan, {})).errors.at(0).code, "no_measures");
  // An unclassified document is not assessed: never valid, no completeness (null in JSON).
  Validation unknown = CheckCompleteness(Doc(Family::kUnknown, {}));
  EXPECT_FALSE(unknown.valid);
  EXPECT_FALSE(unknown.assessed);
  EXPECT_TRUE(unknown.errors.empty());

  Measure m = M(2, {{MeasureField::kMeasure, "ก"}, {MeasureField::kPeriod, "ตามความเหมาะสม"}});
  m.period = Period{"ตามความเหมาะสม", "", "", "no date found"};
  m.confidence[MeasureField::kMeasure] = 0.31;
  Validation v = CheckCompleteness(Doc(Family::kMeasuresPlan, {m}));
  ASSERT_EQ(v.errors.size(), 2u);
  EXPECT_EQ(v.errors[0].code, "period_unparsed");
  EXPECT_EQ(v.errors[1].code, "ocr_low_confidence");
  EXPECT_EQ(v.errors[1].path, "/measures/0/measure");
  EXPECT_DOUBLE_EQ(v.completeness, 1.0);  // present, though unreadable
}

TEST(CheckCompleteness, ErrorRecord) {
  Extraction ex;
  ex.error = Error{ErrorCode::kEncrypted, "needs a password"};
  Validation v = CheckCompleteness(ex);
  EXPECT_EQ(v.schema, "error");
  EXPECT_FALSE(v.valid);
  EXPECT_DOUBLE_EQ(v.completeness, 0.0);
}

}  // namespace
}  // namespace ita
