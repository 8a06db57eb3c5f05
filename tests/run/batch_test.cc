// The batch runner on real files through the Poppler adapter: bad inputs become error
// records, the batch goes on, nothing partial is left behind, and resume skips done work.
#include "pipeline/run/batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/run/sha256.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = ITA_SOURCE_DIR;

fs::path TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("ita_batch_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

nlohmann::json ReadJson(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

TEST(Sha256, KnownVectors) {
  Sha256 a;
  EXPECT_EQ(a.HexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 b;
  b.Update("abc");
  EXPECT_EQ(b.HexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 c;  // streaming across block boundaries equals one-shot
  std::string s(1000, 'q');
  for (size_t i = 0; i < s.size(); i += 7) c.Update(std::string_view(s).substr(i, 7));
  Sha256 d;
  d.Update(s);
  EXPECT_EQ(c.HexDigest(), d.HexDigest());
}

TEST(ExpandInputs, FilesFoldersListsAndProblems) {
  fs::path dir = TempDir("expand");
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.pdf") << "x";
  std::ofstream(dir / "sub" / "a.PDF") << "x";
  std::ofstream(dir / "notes.txt") << "x";
  std::ofstream(dir / "list.txt") << "# comment\n\n" << (dir / "b.pdf").string() << "\n";
  std::vector<std::string> problems;
  auto found = ExpandInputs({dir.string(), "@" + (dir / "list.txt").string(), "/no/such.pdf"}, &problems);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], (dir / "b.pdf").string());
  EXPECT_EQ(found[1], (dir / "sub" / "a.PDF").string());
  EXPECT_EQ(found[2], (dir / "b.pdf").string());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("/no/such.pdf"), std::string::npos);
}

TEST(OutputNames, CollisionsGetAHashSuffix) {
  auto names = OutputNames({"x/report.pdf", "y/report.pdf", "z/other.pdf"});
  EXPECT_EQ(names[2], "other.json");
  EXPECT_NE(names[0], names[1]);
  EXPECT_EQ(names[0].rfind("report-", 0), 0u);
  EXPECT_EQ(names[0].size(), std::string("report-12345678.json").size());
}

TEST(RunBatch, BadInputsBecomeErrorRecordsAndTheBatchGoesOn) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  fs::path out = TempDir("bad");
  std::vector<std::string> inputs;
  for (const char* f : {"not_pdf", "empty", "truncated", "encrypted", "garbage_body", "zero_pages"})
    inputs.push_back((kSource / "tests/data/bad" / (std::string(f) + ".pdf")).string());
  inputs.push_back((kSource / "samples/dev_001_born.pdf").string());
  BatchOptions options;
  options.out_dir = out.string();
  options.jobs = 2;
  std::vector<DocumentOutcome> outcomes;
  BatchSummary s = RunBatch(inputs, OpenPopplerPdf, **validator, options,
                            [&](const DocumentOutcome& o) { outcomes.push_back(o); });
  EXPECT_EQ(s.documents, 7);
  EXPECT_EQ(s.failed, 6);
  EXPECT_EQ(s.ok, 1);
  EXPECT_EQ(outcomes.size(), 7u);
  std::map<std::string, std::string> expected = {
      {"not_pdf", "not_pdf"},     {"empty", "empty"},       {"truncated", "corrupt"},
      {"encrypted", "encrypted"}, {"garbage_body", "corrupt"}, {"zero_pages", "empty"}};
  for (const auto& [name, code] : expected) {
    nlohmann::json j = ReadJson(out / (name + ".json"));
    EXPECT_TRUE(j["document"].is_null()) << name;
    EXPECT_EQ(j["error"]["code"], code) << name;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty()) << name;
    EXPECT_EQ(j["validation"]["schema"], "error") << name;
    EXPECT_EQ(j["validation"]["errors"].size(), 0u) << name << ": error records validate";
  }
  nlohmann::json good = ReadJson(out / "dev_001_born.json");
  EXPECT_EQ(good["document"]["family"], "measures_plan");
  EXPECT_EQ(good["source"]["sha256"].get<std::string>().size(), 64u);
  for (const auto& entry : fs::directory_iterator(out))
    EXPECT_EQ(entry.path().extension(), ".json") << "left behind: " << entry.path();
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 7);
}

TEST(RunBatch, TooLargeAndResume) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  fs::path out = TempDir("resume");
  std::vector<std::string> inputs = {(kSource / "samples/dev_001_born.pdf").string()};
  BatchOptions options;
  options.out_dir = out.string();
  options.max_bytes = 1000;
  RunBatch(inputs, OpenPopplerPdf, **validator, options, nullptr);
  EXPECT_EQ(ReadJson(out / "dev_001_born.json")["error"]["code"], "too_large");

  options.resume = true;
  options.max_bytes = 1ull << 30;
  BatchSummary s = RunBatch(inputs, OpenPopplerPdf, **validator, options, nullptr);
  EXPECT_EQ(s.skipped, 1);
  EXPECT_EQ(ReadJson(out / "dev_001_born.json")["error"]["code"], "too_large");  // untouched
}

TEST(WriteFileAtomically, FailsCleanlyOnAMissingFolder) {
  std::string error;
  EXPECT_FALSE(WriteFileAtomically("/no/such/folder/x.json", "{}", &error));
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace ita
