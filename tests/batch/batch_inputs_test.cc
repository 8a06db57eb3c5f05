// The batch's rules without any PDF: output names, input expansion, shards, the ledger, the
// resume decision, the status line, and the worker process protocol (on /bin/sh children).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/cli/progress.h"
#include "pipeline/model/version.h"
#include "pipeline/batch/batch.h"
#include "pipeline/batch/batch_inputs.h"
#include "pipeline/io/ledger.h"
#include "pipeline/io/sha256.h"
#include "pipeline/batch/worker_process.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("ita_inputs_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

TEST(Sha256, KnownVectors) {
  Sha256 a;
  EXPECT_EQ(a.HexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 b;
  b.Update("abc");
  EXPECT_EQ(b.HexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 c;  // streaming equals one-shot
  std::string s(1000, 'q');
  for (size_t i = 0; i < s.size(); i += 7) c.Update(std::string_view(s).substr(i, 7));
  Sha256 d;
  d.Update(s);
  EXPECT_EQ(c.HexDigest(), d.HexDigest());
  std::string error;
  EXPECT_FALSE(Sha256OfFile("/no/such/file", &error));
  EXPECT_FALSE(error.empty());
}

TEST(OutputPathFor, FolderFilesKeepTheirPathUnderTheFolder) {
  EXPECT_EQ(OutputPathFor("in/report.pdf", "in", ""), "report.json");
  EXPECT_EQ(OutputPathFor("in/muniA/report.PDF", "in", ""), "muniA/report.json");
  EXPECT_EQ(OutputPathFor("in/x.bin", "in", ""), "x.bin.json");
}

TEST(OutputPathFor, ListEntriesAreNamedRelativeToTheBase) {
  EXPECT_EQ(OutputPathFor("muniA/report.pdf", "", ""), "muniA/report.json");
  EXPECT_EQ(OutputPathFor("muniB/report.pdf", "", ""), "muniB/report.json");
  EXPECT_EQ(OutputPathFor("/data/muniA/report.pdf", "", "/data"), "muniA/report.json");
  EXPECT_EQ(OutputPathFor("/data/./muniA/../muniA/report.pdf", "", "/data/"), "muniA/report.json");
  // Outside the base: the absolute path, mirrored.
  EXPECT_EQ(OutputPathFor("/elsewhere/r.pdf", "", "/data"), "elsewhere/r.json");
  // The same in every run: a function of the input alone.
  EXPECT_EQ(OutputPathFor("a/b.pdf", "", ""), OutputPathFor("a/b.pdf", "", ""));
}

TEST(ExpandInputs, FoldersListsStdinAndMissingEntries) {
  fs::path dir = TempDir("expand");
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.pdf") << "x";
  std::ofstream(dir / "sub" / "a.PDF") << "x";
  std::ofstream(dir / "notes.txt") << "x";
  std::ofstream(dir / "list.txt") << "# comment\n\n" << (dir / "b.pdf").string() << "\r\n"
                                  << (dir / "gone.pdf").string() << "\n";
  std::istringstream stdin_list((dir / "sub" / "a.PDF").string() + "\n");
  std::vector<std::string> fatal;
  auto found = ExpandInputs({dir.string(), "@" + (dir / "list.txt").string(), "@-"},
                            dir.string(), &stdin_list, &fatal);
  EXPECT_TRUE(fatal.empty());
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].path, (dir / "b.pdf").string());
  EXPECT_EQ(found[0].output, "b.json");
  EXPECT_EQ(found[1].output, "sub/a.json");
  EXPECT_EQ(found[2].output, "b.json");  // the same file through the list: the same output
  EXPECT_TRUE(found[2].problem.empty());
  EXPECT_EQ(found[3].path, (dir / "gone.pdf").string());
  EXPECT_FALSE(found[3].problem.empty()) << "a missing list entry is an input with a problem";
  EXPECT_EQ(found[4].output, "sub/a.json");

  // A missing command-line path or list file stops the batch before it starts.
  fatal.clear();
  ExpandInputs({"/no/such.pdf", "@/no/list.txt"}, "", nullptr, &fatal);
  EXPECT_EQ(fatal.size(), 2u);
}

TEST(ExpandInputs, TwoInputsNeverShareAnOutput) {
  fs::path dir = TempDir("collide");
  std::ofstream(dir / "x.pdf") << "1";
  std::ofstream(dir / "x.PDF") << "2";
  std::vector<std::string> fatal;
  auto found = ExpandInputs({dir.string()}, "", nullptr, &fatal);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].output, found[1].output);
}

TEST(Shard, ParseRejectsWhatIsNotASlice) {
  ASSERT_TRUE(ParseShard("0/4"));
  EXPECT_EQ(ParseShard("3/4")->index, 3);
  EXPECT_EQ(ParseShard("3/4")->count, 4);
  for (const char* bad : {"4/4", "-1/4", "1/0", "1", "a/b", "1/4x", "", "1/", "/4"}) {
    EXPECT_FALSE(ParseShard(bad)) << bad;
  }
}

TEST(Shard, EveryInputInExactlyOneSliceWhateverTheOrder) {
  std::vector<BatchInput> inputs;
  for (int i = 0; i < 500; ++i) {
    std::string p = "muni" + std::to_string(i % 37) + "/report" + std::to_string(i) + ".pdf";
    inputs.push_back({p, OutputPathFor(p, "", ""), ""});
  }
  std::vector<int> sizes(7, 0);
  std::map<std::string, int> slice_of;
  for (const BatchInput& in : inputs) {
    int owners = 0;
    for (int s = 0; s < 7; ++s) {
      if (InShard(in, Shard{s, 7})) {
        ++owners;
        ++sizes[s];
        slice_of[in.path] = s;
      }
    }
    EXPECT_EQ(owners, 1) << in.path;
  }
  for (int n : sizes) EXPECT_GT(n, 40) << "slices are roughly even";
  std::reverse(inputs.begin(), inputs.end());  // another order of the list: the same slices
  for (const BatchInput& in : inputs) EXPECT_TRUE(InShard(in, Shard{slice_of[in.path], 7}));
  EXPECT_TRUE(InShard(inputs[0], Shard{0, 1}));
}

TEST(AvailableCpus, AtLeastOneAndNoMoreThanTheMachine) {
  EXPECT_GE(AvailableCpus(), 1);
  EXPECT_LE(AvailableCpus(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

TEST(Ledger, LinesRoundTripAndTornLinesAreSkipped) {
  LedgerEntry e;
  e.input = "a/ร.pdf";
  e.output = "out/a/ร.json";
  e.sha256 = std::string(64, 'a');
  e.status = kLedgerError;
  e.error_code = "corrupt";
  e.message = "broken\nxref";
  e.pages = 3;
  e.ocr_pages = 1;
  e.seconds = 1.25;
  e.version = kProgramVersion;
  e.shard = "1/4";
  e.time = UtcNow();
  std::string line = LedgerLine(e);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1) << "one line, whatever the message";
  auto back = ParseLedgerLine(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->input, e.input);
  EXPECT_EQ(back->error_code, "corrupt");
  EXPECT_EQ(back->message, e.message);
  EXPECT_EQ(back->pages, 3);
  EXPECT_EQ(back->shard, "1/4");
  EXPECT_FALSE(ParseLedgerLine(line.substr(0, line.size() / 2)));
  EXPECT_FALSE(ParseLedgerLine("{}"));
}

TEST(Ledger, ConcurrentProcessesNeverInterleave) {
  fs::path dir = TempDir("ledger");
  std::string path = (dir / "ledger.jsonl").string();
  const int kProcesses = 4, kLines = 200;
  std::vector<pid_t> children;
  for (int p = 0; p < kProcesses; ++p) {
    pid_t pid = ::fork();
    if (pid == 0) {
      for (int i = 0; i < kLines; ++i) {
        LedgerEntry e;
        e.input = "p" + std::to_string(p) + "/" + std::to_string(i) + std::string(300, 'x');
        e.status = kLedgerOk;
        std::string error;
        if (!AppendLedgerLine(path, LedgerLine(e), &error)) ::_exit(1);
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::ifstream in(path);
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    EXPECT_TRUE(ParseLedgerLine(line)) << "torn line: " << line.substr(0, 60);
  }
  EXPECT_EQ(lines, kProcesses * kLines);
  EXPECT_EQ(ReadLedger(path).entries.size(), static_cast<size_t>(kProcesses * kLines));
}

TEST(Ledger, SummaryTakesTheLastLinePerInput) {
  auto entry = [](std::string input, std::string status, std::string code = "") {
    LedgerEntry e;
    e.input = std::move(input);
    e.status = std::move(status);
    e.error_code = std::move(code);
    e.pages = 2;
    return e;
  };
  std::vector<LedgerEntry> entries = {entry("a", kLedgerError, "timeout"), entry("b", kLedgerOk),
                                      entry("c", kLedgerError, "corrupt"), entry("a", kLedgerOk),
                                      entry("d", kLedgerDuplicate), entry("e", kLedgerInterrupted)};
  LedgerSummary s = SummarizeLedger(entries, {"a", "b", "c", "d", "e", "f"});
  EXPECT_EQ(s.inputs, 5);
  EXPECT_EQ(s.ok, 2);  // a was retried and is done now
  EXPECT_EQ(s.duplicates, 1);
  EXPECT_EQ(s.interrupted, 1);
  EXPECT_EQ(s.failed_by_code.size(), 1u);
  EXPECT_EQ(s.failed_by_code["corrupt"], 1);
  EXPECT_EQ(s.failed_inputs, std::vector<std::string>{"c"});
  EXPECT_EQ(s.pending, std::vector<std::string>{"f"});
  EXPECT_EQ(s.pages, 10);
  // A resume that kept c's error record does not make it done; a resume's skip keeps the
  // seconds of the run that made the output.
  LedgerEntry made = entry("b", kLedgerOk);
  made.seconds = 4;
  entries.push_back(entry("c", kLedgerSkipped, "corrupt"));
  entries.push_back(entry("b", kLedgerSkipped));
  entries[1].seconds = 4;
  LedgerSummary resumed = SummarizeLedger(entries, {});
  EXPECT_EQ(resumed.ok, 2);
  EXPECT_EQ(resumed.failed_by_code["corrupt"], 1);
  EXPECT_EQ(resumed.failed_inputs, std::vector<std::string>{"c"});
  EXPECT_EQ(resumed.seconds, 4);
}

class ResumeRule : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = TempDir("resume_rule"); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string p = (dir_ / name).string();
    std::ofstream(p) << text;
    return p;
  }
  static std::string Record(const std::string& sha, const std::string& version, bool error) {
    std::string s = R"({"contract":"thai-ita-extract/1","source":{"file":"x.pdf","sha256":")" + sha +
                    R"(","pages":1,"page_sources":["text"])";
    if (!version.empty()) s += R"(,"extractor":{"name":"ita-extract","version":")" + version + R"("})";
    s += "}";
    s += error ? R"(,"document":null,"error":{"code":"corrupt","message":"m"}})" : R"(,"document":{}})";
    return s;
  }
  fs::path dir_;
};

TEST_F(ResumeRule, OnlyACurrentOutputFromTheSameBytesIsSkipped) {
  std::string sha(64, 'a'), other(64, 'b');
  std::string why;
  EXPECT_FALSE(OutputIsCurrent((dir_ / "none.json").string(), sha, false, &why));
  EXPECT_TRUE(OutputIsCurrent(Write("ok.json", Record(sha, kProgramVersion, false)), sha, false, &why));
  EXPECT_FALSE(OutputIsCurrent(Write("other.json", Record(other, kProgramVersion, false)), sha, false, &why));
  EXPECT_NE(why.find("other bytes"), std::string::npos);
  EXPECT_FALSE(OutputIsCurrent(Write("old.json", Record(sha, "0.1.0", false)), sha, false, &why));
  EXPECT_FALSE(OutputIsCurrent(Write("noversion.json", Record(sha, "", false)), sha, false, &why));
  EXPECT_FALSE(OutputIsCurrent(Write("torn.json", Record(sha, kProgramVersion, false).substr(0, 40)), sha, false, &why));
  std::string failed = Write("failed.json", Record(sha, kProgramVersion, true));
  DocumentOutcome earlier;
  EXPECT_TRUE(OutputIsCurrent(failed, sha, /*retry_failed=*/false, &why, &earlier));
  ASSERT_TRUE(earlier.error);  // the kept output's failure travels with the skip
  EXPECT_EQ(earlier.error->code, ErrorCode::kCorrupt);
  EXPECT_EQ(earlier.pages, 1);
  EXPECT_FALSE(OutputIsCurrent(failed, sha, /*retry_failed=*/true, &why));
}

TEST(CompatibleVersion, SameMajorMinor) {
  std::string v = kProgramVersion;
  EXPECT_TRUE(CompatibleVersion(v));
  EXPECT_TRUE(CompatibleVersion(v.substr(0, v.rfind('.')) + ".99"));
  EXPECT_FALSE(CompatibleVersion("0.0.1"));
  EXPECT_FALSE(CompatibleVersion(""));
}

TEST(WriteFileAtomically, CreatesFoldersAndLeavesNoTemporaryFile) {
  fs::path dir = TempDir("atomic");
  std::string path = (dir / "a" / "b" / "x.json").string();
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "{}", &error)) << error;
  EXPECT_FALSE(fs::exists(PartialPathFor(path)));
  std::string long_name = (dir / (std::string(250, 'n') + ".json")).string();
  EXPECT_TRUE(WriteFileAtomically(long_name, "{}", &error)) << "a 255-byte name still has room: " << error;
  EXPECT_FALSE(WriteFileAtomically("/proc/no/such/x.json", "{}", &error));
  EXPECT_FALSE(error.empty());
}

TEST(Progress, StatusLineSaysWhereTheBatchIs) {
  cli::ProgressCounts c{12, 300, 45, 10, 1, 2, {}};
  std::string s = cli::FormatProgress(c, 15.0);
  EXPECT_EQ(s.rfind("[12/300] 45 pages (10 OCR), 1 failed, 3.0 pages/s, 2 running, about 6 min left", 0), 0u) << s;
  // Pages of documents still running move the line: a long OCR document is not a stall.
  c.in_flight = {{4, 26}, {1, 3}};
  s = cli::FormatProgress(c, 10.0);
  EXPECT_EQ(s.rfind("[12/300] 50 pages (10 OCR), 1 failed, 5.0 pages/s, 2 running (p. 4/26, 1/3)", 0), 0u) << s;
  c.done = 300;
  EXPECT_EQ(cli::FormatProgress(c, 15.0).find("left"), std::string::npos);
  EXPECT_EQ(cli::PrintableName("a\nok\x1b[2J"), "a?ok?[2J");
  // A Latin-1 name (0xE9) is shown escaped, a Thai one as it is.
  EXPECT_EQ(cli::PrintableName("caf\xe9.pdf"), "caf\\xe9.pdf");
  EXPECT_EQ(cli::PrintableName("รายงาน.pdf"), "รายงาน.pdf");
}

// The worker protocol on stand-in children: a shell that answers, one that dies, one that hangs.
WorkerProcess Shell(const std::string& script) {
  return WorkerProcess({"/bin/sh", "-c", script}, "CONFIG");
}

TEST(WorkerProcess, RepliesComeBackOnFd3) {
  WorkerProcess w = Shell("read config; while read line; do echo \"$config:$line\" >&3; done");
  auto r = w.Call("one", 10, nullptr);
  ASSERT_EQ(r.kind, WorkerProcess::Reply::kDone);
  EXPECT_EQ(r.line, "CONFIG:one");
  pid_t first = w.pid();
  r = w.Call("two", 10, nullptr);
  EXPECT_EQ(r.line, "CONFIG:two");
  EXPECT_EQ(w.pid(), first) << "one child serves many documents";
}

TEST(WorkerProcess, ACrashIsReportedAndTheNextCallStartsAFreshChild) {
  WorkerProcess w = Shell("read config; read line; if [ \"$line\" = crash ]; then kill -SEGV $$; fi; echo ok >&3; cat >/dev/null");
  auto r = w.Call("crash", 10, nullptr);
  EXPECT_EQ(r.kind, WorkerProcess::Reply::kDied);
  EXPECT_EQ(r.signal, SIGSEGV);
  r = w.Call("fine", 10, nullptr);
  ASSERT_EQ(r.kind, WorkerProcess::Reply::kDone);
  EXPECT_EQ(r.line, "ok");
}

TEST(WorkerProcess, AHangIsKilledAtTheTimeLimit) {
  WorkerProcess w = Shell("read config; read line; exec sleep 30");
  auto t0 = std::chrono::steady_clock::now();
  auto r = w.Call("x", 0.5, nullptr);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.kind, WorkerProcess::Reply::kTimeout);
  EXPECT_LT(s, 5.0);
  std::atomic<bool> abandon{true};
  r = w.Call("x", 0, &abandon);
  EXPECT_EQ(r.kind, WorkerProcess::Reply::kAbandoned);
}

}  // namespace
}  // namespace ita
