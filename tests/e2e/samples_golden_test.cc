// End to end on the PDFs in samples/ through Poppler:
//  1. against the ground truth beside each PDF (NAME.expected.json): family, organisation,
//     fiscal year, every measure's text fields and period dates;
//  2. against the reviewed full output in samples/golden/NAME.json, byte for byte, so any
//     change of output shows up as a diff. ITA_UPDATE_GOLDEN=1 rewrites the golden files;
//     review them with `git diff samples/golden` before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/io/contract_json.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/run/batch.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(ITA_SOURCE_DIR) / "samples";

// The scorer's normalisation: no whitespace, ASCII digits.
std::string Norm(const nlohmann::json& v) {
  if (v.is_null()) return "";
  std::string s = thai::ThaiDigitsToAscii(v.is_string() ? v.get<std::string>() : v.dump());
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t') out.push_back(c);
  }
  return out;
}

std::vector<std::string> SampleNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kSamples)) {
    if (e.path().extension() == ".pdf") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class SampleTest : public ::testing::TestWithParam<std::string> {
 protected:
  Extraction Run() {
    BatchOptions options;
    options.extract.validation.ita_items = &BuiltInItaItems();  // as the CLI does
    auto validator = SchemaValidator::Create();
    EXPECT_TRUE(validator);
    // The file name as the README's command gives it, so golden files do not depend on where
    // the checkout lives.
    fs::path cwd = fs::current_path();
    fs::current_path(kSamples.parent_path());
    Extraction ex = ProcessFile("samples/" + GetParam() + ".pdf", OpenPopplerPdf, options);
    fs::current_path(cwd);
    ApplySchema(ex, **validator);
    return ex;
  }
};

TEST_P(SampleTest, MatchesGroundTruth) {
  fs::path expected_path = kSamples / (GetParam() + ".expected.json");
  if (!fs::exists(expected_path)) GTEST_SKIP() << "no ground truth for " << GetParam();
  nlohmann::json gt = nlohmann::json::parse(std::ifstream(expected_path));
  nlohmann::json out = nlohmann::json::parse(ToContractText(Run()));
  ASSERT_FALSE(out["document"].is_null());
  EXPECT_EQ(out["document"]["family"], gt["document"]["family"]);
  for (const char* f : {"name", "type", "district", "province"})
    EXPECT_EQ(Norm(out["document"]["organization"][f]), Norm(gt["document"]["organization"][f])) << f;
  EXPECT_EQ(out["document"]["fiscal_year"], gt["document"]["fiscal_year"]);
  EXPECT_TRUE(out["validation"]["errors"].is_array());
  for (const auto& e : out["validation"]["errors"]) EXPECT_NE(e["code"], "format") << e.dump();
  if (!gt.contains("measures")) return;
  ASSERT_EQ(out["measures"].size(), gt["measures"].size());
  for (size_t i = 0; i < gt["measures"].size(); ++i) {
    const auto& g = gt["measures"][i];
    const auto& a = out["measures"][i];
    EXPECT_EQ(a["seq"], g["seq"]) << "measure " << i;
    for (const char* f : {"issue", "measure", "method", "responsible", "output", "outcome",
                          "findings", "suggestion", "follow_up"}) {
      if (!g.contains(f)) continue;
      EXPECT_EQ(Norm(a[f]), Norm(g[f])) << "measure " << i << " " << f;
    }
    if (g.contains("period") && !g["period"].is_null()) {
      EXPECT_EQ(a["period"]["start"], g["period"]["start"]) << "measure " << i;
      EXPECT_EQ(a["period"]["end"], g["period"]["end"]) << "measure " << i;
    }
    if (g.contains("dates")) {
      EXPECT_EQ(a["dates"], g["dates"]) << "measure " << i;
    }
  }
}

TEST_P(SampleTest, MatchesReviewedGoldenOutput) {
  std::string text = ToContractText(Run());
  fs::path golden = kSamples / "golden" / (GetParam() + ".json");
  if (std::getenv("ITA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << text;
    GTEST_SKIP() << "golden file rewritten: " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing " << golden << " (run with ITA_UPDATE_GOLDEN=1)";
  std::ifstream in(golden, std::ios::binary);
  std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(text == expected) << "output differs from " << golden
                                << "; rerun with ITA_UPDATE_GOLDEN=1 and review git diff";
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleTest, ::testing::ValuesIn(SampleNames()));

}  // namespace
}  // namespace ita
