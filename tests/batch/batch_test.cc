// The batch runner on real files through the Poppler adapter: bad inputs become error
// records, the batch goes on, nothing partial is left behind, and resume skips done work.
#include "pipeline/batch/batch.h"
#include "pipeline/io/contract_json.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/model/version.h"
#include "pipeline/io/ledger.h"
#include "tests/testutil/pdf_bytes.h"
#include <set>

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

// The inputs as a batch sees them: every file in one folder, so outputs are OUT/NAME.json.
std::vector<BatchInput> Inputs(const std::vector<std::string>& files, const std::string& name) {
  fs::path in = TempDir(name + "_in");
  for (const std::string& f : files) fs::copy_file(f, in / fs::path(f).filename());
  std::vector<std::string> fatal;
  return ExpandInputs({in.string()}, "", nullptr, &fatal);
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
  BatchSummary s = RunBatch(Inputs(inputs, "bad"), options, InProcessRunner(OpenPopplerPdf, **validator, options),
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
  for (const auto& entry : fs::directory_iterator(out)) {
    if (entry.path().filename() == "ledger.jsonl") continue;
    EXPECT_EQ(entry.path().extension(), ".json") << "left behind: " << entry.path();
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 8);
  // The ledger: one line per input, with its status and error code.
  auto ledger = ReadLedger((out / "ledger.jsonl").string()).entries;
  ASSERT_EQ(ledger.size(), 7u);
  int errors = 0;
  for (const LedgerEntry& e : ledger) {
    errors += e.status == kLedgerError ? 1 : 0;
    EXPECT_FALSE(e.output.empty());
    EXPECT_EQ(e.version, kProgramVersion);
  }
  EXPECT_EQ(errors, 6);
}

TEST(RunBatch, ResumeSkipsCurrentOutputsAndRetriesFailures) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  fs::path out = TempDir("resume");
  auto inputs = Inputs({(kSource / "samples/dev_001_born.pdf").string()}, "resume");
  BatchOptions options;
  options.out_dir = out.string();
  options.max_bytes = 1000;
  RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options), nullptr);
  EXPECT_EQ(ReadJson(out / "dev_001_born.json")["error"]["code"], "too_large");

  // An error record is kept by --resume, and stays a failure...
  options.resume = true;
  options.max_bytes = 1ull << 30;
  BatchSummary s = RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options), nullptr);
  EXPECT_EQ(s.skipped, 0);
  EXPECT_EQ(s.failed, 1);
  EXPECT_EQ(s.failed_earlier, 1);
  EXPECT_EQ(ReadJson(out / "dev_001_born.json")["error"]["code"], "too_large");  // untouched
  // ...and run again with --retry-failed.
  options.retry_failed = true;
  s = RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options), nullptr);
  EXPECT_EQ(s.ok, 1);
  EXPECT_EQ(ReadJson(out / "dev_001_born.json")["document"]["family"], "measures_plan");
  // An output from other bytes (another file once at this name) is not trusted.
  nlohmann::json j = ReadJson(out / "dev_001_born.json");
  j["source"]["sha256"] = std::string(64, '0');
  std::ofstream(out / "dev_001_born.json") << j.dump();
  std::ofstream(PartialPathFor((out / "dev_001_born.json").string())) << "{\"torn";  // a killed run's
  s = RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options), nullptr);
  EXPECT_EQ(s.ok, 1);
  EXPECT_NE(ReadJson(out / "dev_001_born.json")["source"]["sha256"], std::string(64, '0'));
  EXPECT_FALSE(fs::exists(PartialPathFor((out / "dev_001_born.json").string())));
  EXPECT_EQ(ReadLedger((out / "ledger.jsonl").string()).entries.size(), 4u);
}

TEST(RunBatch, IdenticalFilesAreExtractedOnceAndRecordedAsDuplicates) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  fs::path in = TempDir("dups_in");
  fs::copy_file(kSource / "samples/dev_001_born.pdf", in / "a.pdf");
  fs::copy_file(kSource / "samples/dev_001_born.pdf", in / "b.pdf");
  std::ofstream(in / "list.txt") << (in / "a.pdf").string() << "\n" << (in / "b.pdf").string() << "\n"
                                 << (in / "gone.pdf").string() << "\n";
  fs::path out = TempDir("dups");
  std::vector<std::string> fatal;
  auto inputs = ExpandInputs({"@" + (in / "list.txt").string()}, in.string(), nullptr, &fatal);
  ASSERT_TRUE(fatal.empty());
  BatchOptions options;
  options.out_dir = out.string();
  options.jobs = 2;
  BatchSummary s = RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options), nullptr);
  EXPECT_EQ(s.ok, 1);
  EXPECT_EQ(s.duplicates, 1);
  EXPECT_EQ(s.failed, 1) << "the missing entry is an error record, not a failed batch";
  EXPECT_TRUE(fs::exists(out / "a.json"));
  EXPECT_FALSE(fs::exists(out / "b.json"));
  EXPECT_EQ(ReadJson(out / "gone.json")["error"]["code"], "not_found");
  auto latest = LatestPerInput(ReadLedger((out / "ledger.jsonl").string()).entries);
  ASSERT_EQ(latest.size(), 3u);
  for (const LedgerEntry& e : latest) {
    if (e.input == (in / "b.pdf").string()) {
      EXPECT_EQ(e.status, kLedgerDuplicate);
      EXPECT_EQ(e.message, (in / "a.pdf").string());
    }
  }
}

TEST(RunBatch, ShardsPartitionTheInputs) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  std::vector<std::string> files;
  for (const char* f : {"not_pdf", "empty", "truncated", "encrypted", "garbage_body", "zero_pages"})
    files.push_back((kSource / "tests/data/bad" / (std::string(f) + ".pdf")).string());
  auto inputs = Inputs(files, "shards");
  fs::path out = TempDir("shards");
  std::multiset<std::string> written;
  for (int i = 0; i < 3; ++i) {
    BatchOptions options;
    options.out_dir = out.string();
    options.shard = Shard{i, 3};
    RunBatch(inputs, options, InProcessRunner(OpenPopplerPdf, **validator, options),
             [&](const DocumentOutcome& o) { written.insert(o.output); });
  }
  EXPECT_EQ(written.size(), files.size());
  EXPECT_EQ(std::set<std::string>(written.begin(), written.end()).size(), files.size());
  for (const LedgerEntry& e : ReadLedger((out / "ledger.jsonl").string()).entries) EXPECT_FALSE(e.shard.empty());
}

TEST(RunBatch, AStopRequestEndsTheDispatch) {
  auto validator = SchemaValidator::Create();
  ASSERT_TRUE(validator);
  auto inputs = Inputs({(kSource / "samples/dev_001_born.pdf").string(),
                        (kSource / "samples/dev_002_born.pdf").string()}, "stop");
  fs::path out = TempDir("stop");
  BatchOptions options;
  options.out_dir = out.string();
  options.jobs = 1;
  BatchControl control;
  DocumentRunner inner = InProcessRunner(OpenPopplerPdf, **validator, options);
  DocumentRunner runner = [&](const BatchInput& in, const std::string& o, const std::string& sha, int w) {
    control.stop = true;  // as SIGINT during the first document
    return inner(in, o, sha, w);
  };
  BatchSummary s = RunBatch(inputs, options, runner, nullptr, &control);
  EXPECT_EQ(s.ok, 1) << "the running document finishes";
  EXPECT_EQ(s.interrupted, 1) << "the next is not started";
  EXPECT_EQ(ReadLedger((out / "ledger.jsonl").string()).entries.size(), 1u);
}

// A page whose /Rotate leaves its text running down (or up) the displayed page is read turned
// upright: the same measures as the upright original.
TEST(PopplerPages, RotatedPagesReadLikeUprightOnes) {
  BatchOptions options;
  Extraction upright = ProcessFile((kSource / "samples/dev_001_born.pdf").string(), OpenPopplerPdf, options);
  ASSERT_EQ(upright.measures.size(), 7u);
  for (const char* name : {"rotate90.pdf", "rotate270.pdf"}) {
    Extraction turned = ProcessFile((kSource / "tests/data/rotated" / name).string(), OpenPopplerPdf, options);
    // Everything but the cell boxes (rulings found on the turned render land a pixel apart).
    auto without_boxes = [](nlohmann::ordered_json measures) {
      for (auto& m : measures) m.erase("provenance");
      return measures;
    };
    EXPECT_TRUE(without_boxes(ToContractJson(turned)["measures"]) ==
                without_boxes(ToContractJson(upright)["measures"])) << name;
    Error error;
    auto pdf = OpenPopplerPdf((kSource / "tests/data/rotated" / name).string(), &error);
    ASSERT_TRUE(pdf);
    auto box = pdf->PageBox(1);
    ASSERT_TRUE(box);
    EXPECT_GT(box->Width(), box->Height()) << "the landscape table page is landscape again";
    auto raster = pdf->Render(1, 36);
    ASSERT_TRUE(raster);
    EXPECT_GT(raster->width, raster->height) << "its render turns with it";
  }
}

// What Poppler repaired on its way is in the record, once per message.
TEST(PopplerPages, LibraryMessagesBecomeDiagnostics) {
  BatchOptions options;
  Extraction ex = ProcessFile((kSource / "tests/data/damaged_stream_length.pdf").string(), OpenPopplerPdf, options);
  ASSERT_FALSE(ex.error);
  bool said = false;
  for (const std::string& d : ex.diagnostics) said = said || d.rfind("pdf library: ", 0) == 0;
  EXPECT_TRUE(said);
  Extraction clean = ProcessFile((kSource / "samples/dev_001_born.pdf").string(), OpenPopplerPdf, options);
  for (const std::string& d : clean.diagnostics) EXPECT_NE(d.rfind("pdf library: ", 0), 0u) << d;
}

// The same damage at many places of a file is one message with its count: Poppler names the
// byte of each ("error (812): ..."), which would make every place a message of its own.
TEST(PopplerPages, RepeatedDamageIsOneMessageWithItsCount) {
  // A page whose resources dictionary holds eight keys that are not names.
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 >> >>",
      "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 720 Td (Damaged page) Tj ET\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = testing::PdfFromObjects(objects);
  fs::path path = fs::temp_directory_path() / ("ita_repeated_damage_" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  Extraction ex = ProcessFile(path.string(), OpenPopplerPdf, BatchOptions{});
  fs::remove(path);
  ASSERT_FALSE(ex.error);
  int counted = 0;
  for (const std::string& d : ex.diagnostics) {
    EXPECT_EQ(d.find("error ("), std::string::npos) << d;
    counted += d.rfind("pdf library: error: Dictionary key must be a name object (", 0) == 0 &&
               d.find(" times)") != std::string::npos;
  }
  EXPECT_EQ(counted, 1);
}

}  // namespace
}  // namespace ita
