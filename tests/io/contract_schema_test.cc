#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/schema_validator.h"
#include "pipeline/validate/completeness.h"

namespace ita {
namespace {

Extraction SampleReport() {
  Extraction ex;
  ex.source.file = "a.pdf";
  ex.source.sha256 = std::string(64, 'a');
  ex.source.pages = 2;
  ex.source.page_sources = {TextSource::kText, TextSource::kOcr};
  DocumentInfo d;
  d.family = Family::kMeasuresReport;
  d.title = "รายงานผล";
  d.organization.name = "เทศบาลเมืองบ้านทุ่ม";
  d.organization.type = OrganizationType::kThesabanMueang;
  d.organization.province = "ขอนแก่น";
  d.fiscal_year = 2564;
  ex.document = d;
  Measure m;
  m.seq = 1;
  m.columns = {{MeasureField::kMeasure, "1. ก"}, {MeasureField::kMethod, ""},
               {MeasureField::kPeriod, "ต.ค. 63"}, {MeasureField::kOutput, "ข"},
               {MeasureField::kQuestions, "I1 ค"}};
  m.questions = {{"I1", "ค"}};
  m.period = Period{"ต.ค. 63", "2020-10-01", "2020-10-31", ""};
  m.dates = {"2021-12-11"};
  m.provenance.pages = {2};
  ex.measures = {m};
  ex.validation = CheckCompleteness(ex);
  return ex;
}

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto v = SchemaValidator::Create();
    ASSERT_TRUE(v) << v.error().message;
    validator_ = *v;
  }
  std::shared_ptr<const SchemaValidator> validator_;
};

TEST_F(SchemaTest, EveryFamilyHasASchema) {
  auto names = validator_->SchemaNames();
  for (const char* n : {"measures_plan", "measures_report", "ita_analysis", "action_plan", "unknown", "error"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST_F(SchemaTest, ContractJsonShapeAndValidity) {
  Extraction ex = SampleReport();
  nlohmann::ordered_json j = ToContractJson(ex);
  EXPECT_EQ(j["contract"], "thai-ita-extract/1");
  EXPECT_EQ(j["source"]["page_sources"][1], "ocr");
  EXPECT_EQ(j["document"]["organization"]["district"], nullptr);
  const auto& m = j["measures"][0];
  EXPECT_EQ(m["method"], nullptr);          // empty cell -> null
  EXPECT_FALSE(m.contains("responsible"));  // no column -> absent
  EXPECT_EQ(m["period"]["start"], "2020-10-01");
  EXPECT_EQ(m["questions"][0]["code"], "I1");
  EXPECT_EQ(m["dates"][0], "2021-12-11");
  EXPECT_EQ(j["validation"]["errors"][0]["path"], "/measures/0/method");
  EXPECT_TRUE(validator_->Validate(j, "measures_report").empty());
}

TEST_F(SchemaTest, ViolationsBecomeFormatErrorsWithPaths) {
  nlohmann::ordered_json j = ToContractJson(SampleReport());
  j["measures"][0]["period"]["start"] = "63-10-01";
  j["document"]["fiscal_year"] = 64;
  auto issues = validator_->Validate(j, "measures_report");
  ASSERT_FALSE(issues.empty());
  bool period_path = false, year_path = false;
  for (const auto& i : issues) {
    EXPECT_EQ(i.code, "format");
    period_path = period_path || i.path.find("/measures/0/period") == 0;
    year_path = year_path || i.path == "/document/fiscal_year";
  }
  EXPECT_TRUE(period_path);
  EXPECT_TRUE(year_path);
  // A report validated as the wrong family fails on the family constant.
  EXPECT_FALSE(validator_->Validate(ToContractJson(SampleReport()), "measures_plan").empty());
}

TEST_F(SchemaTest, ErrorRecordValidates) {
  Extraction ex;
  ex.source.file = "bad.pdf";
  ex.source.sha256 = std::string(64, '0');
  ex.error = Error{ErrorCode::kCorrupt, "damaged"};
  ex.validation = CheckCompleteness(ex);
  nlohmann::ordered_json j = ToContractJson(ex);
  EXPECT_EQ(j["document"], nullptr);
  EXPECT_EQ(j["error"]["code"], "corrupt");
  EXPECT_TRUE(validator_->Validate(j, "error").empty());
}

TEST(ContractText, InvalidUtf8IsReplacedNotThrown) {
  Extraction ex = SampleReport();
  ex.document->title = "bad \xff byte";
  std::string text = ToContractText(ex);
  EXPECT_NE(text.find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

}  // namespace
}  // namespace ita
