// Re-validation of written output: edits to a file are caught without re-extracting, the
// report groups by organization, and --update rewrites only the validation block.
#include "pipeline/io/revalidate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/io/contract_json.h"
#include "pipeline/io/contract_reader.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/batch/batch.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

class RevalidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ita_revalidate_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    auto v = SchemaValidator::Create();
    ASSERT_TRUE(v);
    validator_ = *v;
    BatchOptions options;
    options.out_dir = dir_.string();
    options.extract.validation.ita_items = &BuiltInItaItems();
    // Both inputs in one folder, so their outputs are dir_/NAME.json.
    fs::path in = dir_.string() + "_in";
    fs::remove_all(in);
    fs::create_directories(in);
    fs::copy_file(std::string(ITA_SOURCE_DIR) + "/samples/dev_000_born.pdf", in / "dev_000_born.pdf");
    fs::copy_file(std::string(ITA_SOURCE_DIR) + "/tests/data/bad/not_pdf.pdf", in / "not_pdf.pdf");
    std::vector<std::string> fatal;
    RunBatch(ExpandInputs({in.string()}, "", nullptr, &fatal), options,
             InProcessRunner(OpenPopplerPdf, *validator_, options), nullptr);
  }
  nlohmann::ordered_json Read(const std::string& name) {
    std::ifstream in(dir_ / name);
    return nlohmann::ordered_json::parse(in);
  }
  void Write(const std::string& name, const nlohmann::ordered_json& j) {
    std::ofstream(dir_ / name) << j.dump(1);
  }
  fs::path dir_;
  std::shared_ptr<const SchemaValidator> validator_;
};

TEST_F(RevalidateTest, CleanOutputStaysValid) {
  ValidationOptions options;
  options.ita_items = &BuiltInItaItems();
  std::vector<std::string> problems;
  auto docs = RevalidateFiles({dir_.string()}, *validator_, options, false, &problems);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(docs[0].family, "measures_report");
  EXPECT_TRUE(docs[0].validation.valid);
  EXPECT_EQ(docs[0].measures, 23u);
  EXPECT_EQ(docs[1].problem, "not_pdf");
  EXPECT_EQ(Read("dev_000_born.json")["document"]["ita_item"], "O43");  // FY 2564 report
}

TEST_F(RevalidateTest, EditedFileIsCaughtAndUpdated) {
  nlohmann::ordered_json j = Read("dev_000_born.json");
  j["measures"][3]["responsible"] = nullptr;
  j["measures"][5]["period"]["start"] = "2021/01/01";
  Write("dev_000_born.json", j);
  ValidationOptions options;
  std::vector<std::string> problems;
  auto docs = RevalidateFiles({(dir_ / "dev_000_born.json").string()}, *validator_, options, true, &problems);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].validation.valid);
  EXPECT_EQ(docs[0].missing_by_field.at("responsible"), 1);
  EXPECT_GE(docs[0].errors_by_code.at("format"), 1);
  nlohmann::ordered_json updated = Read("dev_000_born.json");
  EXPECT_EQ(updated["measures"][5]["period"]["start"], "2021/01/01");  // data untouched
  bool found = false;
  for (const auto& e : updated["validation"]["errors"])
    found = found || e["path"] == "/measures/3/responsible";
  EXPECT_TRUE(found);
  EXPECT_LT(updated["validation"]["completeness"].get<double>(), 1.0);
}

TEST_F(RevalidateTest, ByOrganizationAggregates) {
  ValidationOptions options;
  std::vector<std::string> problems;
  auto docs = RevalidateFiles({dir_.string()}, *validator_, options, false, &problems);
  auto orgs = ByOrganization(docs);
  ASSERT_EQ(orgs.size(), 1u);  // the error record has no organization
  EXPECT_EQ(orgs[0].organization, "เทศบาลเมืองบ้านทุ่ม");
  EXPECT_EQ(orgs[0].province, "ขอนแก่น");
  EXPECT_EQ(orgs[0].documents, 1);
  EXPECT_EQ(orgs[0].measures, 23u);
  // A copy of a record (the same PDF bytes) is named a duplicate of the first and counted once.
  fs::copy_file(dir_ / "dev_000_born.json", dir_ / "zz_copy.json");
  docs = RevalidateFiles({dir_.string()}, *validator_, options, false, &problems);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs.back().duplicate_of, (dir_ / "dev_000_born.json").string());
  EXPECT_EQ(ByOrganization(docs)[0].documents, 1);
}

TEST(ReadContractJson, RejectsWhatIsNotAContractObject) {
  EXPECT_FALSE(ReadContractJson("not json"));
  EXPECT_FALSE(ReadContractJson("{\"contract\": \"other\"}"));
  EXPECT_TRUE(ReadContractJson("{\"contract\": \"thai-ita-extract/1\", \"document\": null}"));
}

// A provenance entry for a field the measure does not have is dropped, and the record then
// writes and reads back the same (contract_fuzzer found "provenance": {} read back as none).
TEST(ReadContractJson, ProvenanceOfAbsentFieldsRoundTrips) {
  auto read = ReadContractJson(R"({"contract": "thai-ita-extract/1", "document": {"family": "measures_plan"},
      "measures": [{"measure": "ก", "pages": [3], "provenance": {"issue": {"page": 2, "box": [1, 2, 3, 4],
      "source": "text"}}}]})");
  ASSERT_TRUE(read) << read.error().message;
  std::string written = ToContractText(*read);
  EXPECT_EQ(written.find("\"provenance\""), std::string::npos) << written;
  auto again = ReadContractJson(written);
  ASSERT_TRUE(again);
  EXPECT_EQ(ToContractText(*again), written);
}

// The extensions for real forms (a measure's group, its sub-items, its ticked status) read back
// as written, and the record passes the schema.
TEST(ReadContractJson, GroupItemsAndStatusRoundTripAndValidate) {
  auto read = ReadContractJson(R"({"contract": "thai-ita-extract/1", "document": {"family": "measures_report"},
      "measures": [{"seq": 1, "group": "กลยุทธ์ที่ 1 : ปลูกฝัง", "measure": "มาตรการการใช้รถราชการ",
      "items": ["1.1 ประกาศ", "1.2 คู่มือ"], "status": "done", "output": null, "pages": [1]},
      {"seq": 2, "measure": "มาตรการการจัดหาพัสดุ", "status": null, "output": "ไม่พบ", "pages": [1]}]})");
  ASSERT_TRUE(read) << read.error().message;
  ASSERT_EQ(read->measures.size(), 2u);
  EXPECT_EQ(read->measures[0].group, "กลยุทธ์ที่ 1 : ปลูกฝัง");
  EXPECT_EQ(read->measures[0].items, (std::vector<std::string>{"1.1 ประกาศ", "1.2 คู่มือ"}));
  EXPECT_EQ(read->measures[0].status, "done");
  EXPECT_EQ(read->measures[1].status, "");  // present, no tick
  std::string written = ToContractText(*read);
  auto again = ReadContractJson(written);
  ASSERT_TRUE(again);
  EXPECT_EQ(ToContractText(*again), written);
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  auto json = nlohmann::ordered_json::parse(written);
  EXPECT_TRUE((*validator)->Validate(json, "measures_report").empty()) << written;
  json["measures"][0]["status"] = "finished";  // not one of the states
  EXPECT_FALSE((*validator)->Validate(json, "measures_report").empty());
}

TEST(ParseItaItems, TableAndErrors) {
  auto items = ParseItaItems(R"({"years": {"2566": {"measures_plan": {"item": "O42",
      "required_fields": ["measure", "findings"]}}}})");
  ASSERT_TRUE(items);
  const ItaItemRule* rule = items->Find(2566, Family::kMeasuresPlan);
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->item, "O42");
  EXPECT_EQ(rule->required_fields.size(), 2u);
  EXPECT_EQ(items->Find(2565, Family::kMeasuresPlan), nullptr);
  EXPECT_FALSE(ParseItaItems(R"({"years": {"2566": {"nonsense": {"item": "O1"}}}})"));
  EXPECT_FALSE(ParseItaItems(R"({"years": {"2566": {"measures_plan": {"item": "O1", "required_fields": ["x"]}}}})"));
  EXPECT_NE(BuiltInItaItems().Find(2566, Family::kActionPlan), nullptr);
}

TEST(CheckCompleteness, ItaItemAddsRequiredFields) {
  ItaItems items;
  items.Add(2566, Family::kMeasuresPlan, ItaItemRule{"O42", {MeasureField::kFindings}});
  Extraction ex;
  ex.document = DocumentInfo{};
  ex.document->family = Family::kMeasuresPlan;
  ex.document->fiscal_year = 2566;
  Measure m;
  m.columns = {{MeasureField::kIssue, "ก"}, {MeasureField::kFindings, ""}};
  ex.measures = {m};
  ValidationOptions options;
  EXPECT_TRUE(CheckCompleteness(ex, options).valid);
  options.ita_items = &items;
  Validation v = CheckCompleteness(ex, options);
  ASSERT_EQ(v.errors.size(), 1u);
  EXPECT_EQ(v.errors[0].path, "/measures/0/findings");
}

// `validate` (and `validate --update`) over the extraction's own outputs finds exactly what
// the extraction found, OCR confidence findings included: they are rebuilt from each field's
// provenance. The reviewed golden outputs are the extraction's outputs.
TEST(RevalidateGolden, ReproducesTheExtractionsFindings) {
  fs::path dir = fs::temp_directory_path() / ("ita_revalidate_golden_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(fs::path(ITA_SOURCE_DIR) / "samples/golden"))
    fs::copy_file(e.path(), dir / e.path().filename());
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  ValidationOptions options;
  options.ita_items = &BuiltInItaItems();
  std::vector<std::string> problems;
  auto docs = RevalidateFiles({dir.string()}, **validator, options, /*update=*/true, &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_GE(docs.size(), 7u);
  int low_confidence = 0;
  for (const DocumentReport& d : docs) {
    std::ifstream in(fs::path(ITA_SOURCE_DIR) / "samples/golden" / fs::path(d.path).filename());
    nlohmann::ordered_json golden = nlohmann::ordered_json::parse(in);
    const auto& expected = golden["validation"]["errors"];
    ASSERT_EQ(d.validation.errors.size(), expected.size()) << d.path;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(d.validation.errors[i].path, expected[i]["path"]) << d.path;
      EXPECT_EQ(d.validation.errors[i].code, expected[i]["code"]) << d.path;
      EXPECT_EQ(d.validation.errors[i].message, expected[i]["message"]) << d.path;
      low_confidence += expected[i]["code"] == "ocr_low_confidence" ? 1 : 0;
    }
    EXPECT_EQ(d.validation.valid, golden["validation"]["valid"].get<bool>()) << d.path;
    // --update rewrote the block: the same findings are still there.
    std::ifstream again(d.path);
    EXPECT_EQ(nlohmann::ordered_json::parse(again)["validation"], golden["validation"]) << d.path;
  }
  EXPECT_GT(low_confidence, 0) << "the samples include OCR values below the threshold";
}

}  // namespace
}  // namespace ita
