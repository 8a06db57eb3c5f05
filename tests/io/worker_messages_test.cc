// The lines a batch and its workers exchange: each kind read back as it was written, paths
// with any bytes, and lines of another kind or no JSON refused.
#include "pipeline/io/worker_messages.h"

#include <gtest/gtest.h>

#include "pipeline/io/ledger.h"

namespace ita {
namespace {

TEST(Outcome, TheWorkerReplyRoundTrips) {
  DocumentOutcome o;
  o.input = "a.pdf";
  o.output = "out/a.json";
  o.sha256 = std::string(64, 'c');
  o.status = kLedgerError;
  o.error = Error{ErrorCode::kEncrypted, "needs a password"};
  o.pages = 4;
  o.ocr_pages = 2;
  o.measures = 3;
  o.completeness = 0.5;
  o.timings.push_back(PageTiming{1, TextSource::kOcr, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9});
  std::string line = OutcomeToLine(o);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto back = OutcomeFromLine(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->input, "a.pdf");
  ASSERT_TRUE(back->error);
  EXPECT_EQ(back->error->code, ErrorCode::kEncrypted);
  EXPECT_EQ(back->ocr_pages, 2);
  ASSERT_EQ(back->timings.size(), 1u);
  EXPECT_EQ(back->timings[0].source, TextSource::kOcr);
  EXPECT_DOUBLE_EQ(back->timings[0].ocr_recognize, 0.4);
  EXPECT_DOUBLE_EQ(back->timings[0].ocr_reread, 0.5);
  EXPECT_DOUBLE_EQ(back->timings[0].reread_cells, 0.6);
  EXPECT_DOUBLE_EQ(back->timings[0].reread_digits, 0.7);
  EXPECT_DOUBLE_EQ(back->timings[0].reread_latin_words, 0.8);
  EXPECT_DOUBLE_EQ(back->timings[0].reread_latin_codes, 0.9);
  EXPECT_FALSE(OutcomeFromLine("not json"));
}

TEST(WorkerRequest, PathsKeepBytesThatAreNotUtf8) {
  // A TIS-620 name from a Windows zip file, and a newline a shell let through.
  WorkerRequest request{"in/\xc3\xa1\xe0\xb9\xa2\xa0.pdf", "out/a\nb.json"};
  std::string line = WorkerRequestLine(request);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  std::optional<WorkerRequest> back = ParseWorkerRequest(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->input, request.input);
  EXPECT_EQ(back->output, request.output);
  EXPECT_FALSE(ParseWorkerRequest("[1,2]"));
  EXPECT_FALSE(ParseWorkerRequest("{\"input_hex\""));
}

TEST(WorkerProgress, PagesDoneOfNAndNothingElse) {
  std::string line = ProgressLine(3, 26);
  EXPECT_TRUE(line.starts_with(kProgressPrefix));
  std::optional<std::pair<int, int>> pages = ParseProgressLine(line);
  ASSERT_TRUE(pages);
  EXPECT_EQ(pages->first, 3);
  EXPECT_EQ(pages->second, 26);
  EXPECT_FALSE(ParseProgressLine("{\"progress\":[3]}"));
  EXPECT_FALSE(ParseProgressLine("{\"progress\":[\"3\",26]}"));
  // An outcome is never taken for progress.
  DocumentOutcome o;
  o.input = "a.pdf";
  EXPECT_FALSE(OutcomeToLine(o).starts_with(kProgressPrefix));
  EXPECT_FALSE(ParseProgressLine(OutcomeToLine(o)));
}

TEST(EngineConfigLine, EveryFieldTravels) {
  EngineConfig c;
  c.ocr = false;
  c.tesseract.languages = "tha+eng";
  c.tesseract.tessdata_dir = "/opt/tessdata";
  c.tesseract.numeric_model_dir = "/opt/models";
  c.tesseract.latin_languages = "eng+fra";
  c.ocr_dpi = 200;
  c.ocr_cells = true;
  c.max_bytes = 1234;
  c.max_pages = 7;
  c.ocr_threads = 3;
  c.max_memory_mb = 4096;
  EXPECT_EQ(EngineConfig::FromLine(c.ToLine()), c);
  EXPECT_FALSE(EngineConfig::FromLine(EngineConfig().ToLine()) == c);
  // A line that is not JSON gives the defaults, which a worker then reports as its own.
  EXPECT_EQ(EngineConfig::FromLine("garbage"), EngineConfig());
}

}  // namespace
}  // namespace ita
