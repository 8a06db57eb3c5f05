// End to end on the PDFs in samples/ through Poppler:
//  1. against the ground truth beside each PDF (NAME.expected.json): family, organisation,
//     fiscal year, every measure's text fields and period dates;
//  2. against the reviewed full output in samples/golden/NAME.json, byte for byte, so any
//     change of output shows up as a diff. ITA_UPDATE_GOLDEN=1 rewrites the golden files;
//     review them with `git diff samples/golden` before committing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/io/contract_json.h"
#include "pipeline/batch/batch.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

namespace fs = std::filesystem;
const fs::path kSamples = fs::path(ITA_SOURCE_DIR) / "samples";

// Character-level similarity of two normalised texts (1 - edit distance / longer length).
double Similarity(const std::string& a, const std::string& b) {
  std::u32string x = thai::DecodeUtf8(a), y = thai::DecodeUtf8(b);
  if (x.empty() && y.empty()) return 1.0;
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] != y[j - 1])});
    std::swap(prev, cur);
  }
  return 1.0 - static_cast<double>(prev[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

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

// One OCR pool for the whole test program, as the CLI has one per run, built from what ships.
OcrPool* Pool() {
  static OcrPool pool(TesseractEngineFactory(cli::ShippedEngineConfig().tesseract), 2);
  return &pool;
}

class SampleTest : public ::testing::TestWithParam<std::string> {
 protected:
  Extraction Run() {
    // Exactly what `ita-extract extract` runs with no options (cli_config_test checks that the
    // CLI's defaults are ShippedEngineConfig).
    BatchOptions options;
    cli::ApplyEngineConfig(cli::ShippedEngineConfig(), Pool(), &options);
    EXPECT_FALSE(cli::ShippedEngineConfig().tesseract.numeric_model_dir.empty())
        << "the project's numeric model (models/thd.traineddata) was not found";
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
  if (GetParam().find("_scan") != std::string::npos) {
    // OCR: the text must be close, not identical (Debian's Thai model lacks ๔๖๗๘๙).
    double sum = 0;
    int n = 0;
    for (size_t i = 0; i < gt["measures"].size(); ++i) {
      for (const char* f : {"issue", "measure", "method", "responsible", "findings"}) {
        if (!gt["measures"][i].contains(f)) continue;
        sum += Similarity(Norm(out["measures"][i][f]), Norm(gt["measures"][i][f]));
        ++n;
      }
    }
    ASSERT_GT(n, 0);
    EXPECT_GT(sum / n, 0.85) << "mean text similarity of OCR fields";
    return;
  }
  for (size_t i = 0; i < gt["measures"].size(); ++i) {
    const auto& g = gt["measures"][i];
    const auto& a = out["measures"][i];
    EXPECT_EQ(a["seq"], g["seq"]) << "measure " << i;
    for (const char* f : {"issue", "measure", "method", "responsible", "output", "outcome",
                          "findings", "suggestion", "follow_up", "group", "status"}) {
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
