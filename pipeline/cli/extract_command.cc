// `extract`: PDFs to contract JSON, the batch with its status line, signals and summary.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/cli/progress.h"
#include "pipeline/cli/progress.h"
#include "pipeline/cli/subcommands.h"
#include "pipeline/cli/worker.h"
#include "pipeline/ocr/english_words.h"
#include "pipeline/batch/batch.h"
#include "pipeline/io/ledger.h"
#include "pipeline/io/output_files.h"
#include "pipeline/thai/dictionary.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kExtractFooter[] = R"(
INPUT is a PDF file, a folder (searched recursively for *.pdf), @LIST (a text file with one
path per line; blank lines and # comments skipped) or @- (the list on standard input). Use --
before inputs that start with '-'.

Output names come from each input alone, the same in every run and shard: a file found under
a folder argument D goes to OUT/<its path under D>.json; a file argument or list entry to
OUT/<its path relative to --base (default: the current folder)>.json, or, outside the base,
OUT/<its absolute path>.json. Each input gets one line in OUT/ledger.jsonl.

exit codes:
  0  every document was processed (validation findings do not count as failures)
  1  at least one document got an error record (not_pdf, corrupt, encrypted, timeout,
     crashed, not_found, ...); the others were processed
  2  bad arguments (unknown option, no input, a missing command-line path, no PDF found)
  3  fatal, found before any work: output folder or ledger not writable, another batch
     writing to the same output folder (or shard), OCR language data or the numeric model
     cannot be loaded, built-in schemas broken
  4  interrupted (SIGINT/SIGTERM): finished documents are kept, the ledger says which
  5  results could not be written during the run: stdout refused a record (--out -: closed
     pipe, full disk), or an output file or the ledger could not be written (full disk, quota,
     read-only folder, I/O error). The batch stopped, no new document started; the ledger
     holds whole lines only, and --resume goes on from there
)";

std::atomic<int> g_signals{0};  // lock-free: safe in a signal handler
std::atomic<BatchControl*> g_control{nullptr};

// Async-signal-safe: write(2) of text built in a fixed buffer.
void SayAtSignal(int seen, int running) {
  char text[256];
  size_t n = 0;
  auto put = [&](const char* s) {
    while (*s && n < sizeof text) text[n++] = *s++;
  };
  if (seen >= 2) {
    put("\nita-extract: abandoning the running documents (recorded as interrupted)\n");
  } else {
    char digits[12];
    int k = 0;
    do digits[k++] = static_cast<char>('0' + running % 10); while ((running /= 10) > 0 && k < 11);
    put("\nita-extract: stopping: no new document starts; finishing ");
    while (k > 0 && n < sizeof text) text[n++] = digits[--k];
    put(" running (Ctrl-C again to abandon them)\n");
  }
  ssize_t ignored = ::write(STDERR_FILENO, text, n);
  (void)ignored;
}

void OnStopSignal(int) {
  int seen = ++g_signals;
  if (BatchControl* control = g_control.load()) {
    control->stop.store(true);
    if (seen >= 2) control->abandon.store(true);
    SayAtSignal(seen, control->running.load());
  }
}

std::string OutcomeLine(const DocumentOutcome& o) {
  char line[2048];
  std::string input = PrintableName(o.input);
  if (o.status == kLedgerSkipped && o.error) {
    std::snprintf(line, sizeof line, "error  %s: %s: %s (kept from an earlier run; --retry-failed runs it again)\n",
                  input.c_str(), ErrorCodeName(o.error->code).c_str(), ErrorCodeThai(o.error->code).c_str());
  } else if (o.status == kLedgerSkipped) {
    std::snprintf(line, sizeof line, "skip   %s (output is current)\n", input.c_str());
  } else if (o.status == kLedgerDuplicate) {
    std::snprintf(line, sizeof line, "dup    %s (same bytes as %s)\n", input.c_str(),
                  PrintableName(o.duplicate_of).c_str());
  } else if (o.status == kLedgerInterrupted) {
    std::snprintf(line, sizeof line, "stop   %s (abandoned, no output)\n", input.c_str());
  } else if (o.status == kLedgerRefused) {
    std::snprintf(line, sizeof line, "error  %s: %s\n", input.c_str(), PrintableName(o.note).c_str());
  } else if (o.error) {
    std::snprintf(line, sizeof line, "error  %s: %s: %s / %s\n", input.c_str(),
                  ErrorCodeName(o.error->code).c_str(), ErrorCodeThai(o.error->code).c_str(),
                  PrintableName(o.error->message).c_str());
  } else if (o.family == "unknown") {
    // Not one of the four families: nothing to be complete against.
    std::snprintf(line, sizeof line, "ok     %s: unknown, %d pages (%d OCR), not assessed, %.2fs\n", input.c_str(),
                  o.pages, o.ocr_pages, o.seconds);
  } else {
    std::snprintf(line, sizeof line,
                  "ok     %s: %s, %d pages (%d OCR), %zu measures, complete %.0f%%, %.2fs\n",
                  input.c_str(), o.family.c_str(), o.pages, o.ocr_pages, o.measures,
                  o.completeness * 100, o.seconds);
  }
  return line;
}

// ---------------------------------------------------------------- extract

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string out = "out";
  std::string ledger;
  std::string base;
  std::string shard;
  int jobs = 0;
  bool resume = false;
  bool retry_failed = false;
  bool follow_links = false;
  // The reading options' defaults are what ships (ShippedEngineConfig).
  uint64_t max_mb = ShippedEngineConfig().max_bytes >> 20;
  int max_pages = ShippedEngineConfig().max_pages;
  double timeout = 600;
  uint64_t max_memory_mb = ShippedEngineConfig().max_memory_mb;
  bool in_process = false;
  bool quiet = false;
  bool verbose = false;
  bool no_ocr = false;
  double ocr_dpi = ShippedEngineConfig().ocr_dpi;
  bool ocr_cells = ShippedEngineConfig().ocr_cells;
  std::string tessdata = ShippedEngineConfig().tesseract.tessdata_dir;
  std::string ocr_lang = ShippedEngineConfig().tesseract.languages;
  std::string numeric_model;
  bool no_numeric_model = false;
  bool timings = false;
};

void AddExtract(CLI::App& app, ExtractArgs& a) {
  CLI::App* cmd = app.add_subcommand("extract", "PDFs to contract JSON, one file per PDF");
  cmd->footer(kExtractFooter);
  cmd->set_version_flag("-V,--version", VersionText());
  cmd->add_option("INPUT", a.inputs, "PDF files, folders, @LIST or @-")->required();
  cmd->add_option("-o,--out", a.out, "output folder, or - for JSON Lines on stdout")->capture_default_str();
  cmd->add_option("--ledger", a.ledger, "the batch ledger (default OUT/ledger.jsonl; - for none)");
  cmd->add_option("--base", a.base, "folder that list entries and file arguments are named relative to (default: the current folder)");
  cmd->add_option("--shard", a.shard, "I/N: only the I-th of N slices of the inputs (I from 0), for array jobs");
  cmd->add_option("-j,--jobs", a.jobs, "documents in parallel (default: the CPUs this process may use)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--resume", a.resume, "skip inputs whose output is current (same bytes, compatible version)");
  cmd->add_flag("--retry-failed", a.retry_failed, "with --resume: run again inputs whose output is an error record");
  cmd->add_flag("--follow-links", a.follow_links, "search folders that links point to (each folder once)");
  cmd->add_option("--max-mb", a.max_mb, "files larger than this get a too_large record")
      ->capture_default_str()->check(CLI::Range(uint64_t{1}, uint64_t{1} << 30));
  cmd->add_option("--max-pages", a.max_pages, "documents longer than this get a too_large record")
      ->capture_default_str()->check(CLI::Range(1, 1000000));
  cmd->add_option("--timeout-per-doc", a.timeout, "seconds a document may take before a timeout record (0: none)")
      ->capture_default_str()->check(CLI::Range(0.0, 1e7));
  cmd->add_option("--max-memory-mb", a.max_memory_mb, "address space of each worker process; beyond it a too_large record (0: none)")
      ->capture_default_str()->check(CLI::Range(uint64_t{0}, uint64_t{1} << 30));
  cmd->add_flag("--in-process", a.in_process, "read documents in this process, not in worker processes (no time or memory limit, no crash isolation)");
  cmd->add_flag("-q,--quiet", a.quiet, "no per-document lines and no status line: errors and the summary only");
  cmd->add_flag("-v,--verbose", a.verbose, "also show skipped and duplicate inputs, and each error's message in the summary");
  cmd->add_flag("--no-ocr", a.no_ocr, "do not OCR pages without a usable text layer");
  cmd->add_option("--ocr-dpi", a.ocr_dpi, "render resolution for OCR")->capture_default_str()->check(CLI::Range(50.0, 1200.0));
  cmd->add_flag("--ocr-cells", a.ocr_cells, "OCR each table cell on its own (slower)");
  cmd->add_option("--tessdata", a.tessdata, "Tesseract language data folder (default: the system's)");
  cmd->add_option("--ocr-lang", a.ocr_lang, "Tesseract languages")->capture_default_str();
  cmd->add_option("--numeric-model", a.numeric_model, "folder with thd.traineddata (default: the project's models/)");
  cmd->add_flag("--no-numeric-model", a.no_numeric_model, "read scanned pages with the main model only");
  cmd->add_flag("--timings", a.timings, "per-page timings (seconds by stage) on stderr");
}

// The reading configuration of an `extract` command line: what ships, with its options.
EngineConfig EngineConfigOf(const ExtractArgs& a) {
  EngineConfig config = ShippedEngineConfig();
  config.ocr = !a.no_ocr;
  config.tesseract.languages = a.ocr_lang;
  config.tesseract.tessdata_dir = a.tessdata;
  if (a.no_numeric_model) config.tesseract.numeric_model_dir.clear();
  if (!a.numeric_model.empty()) config.tesseract.numeric_model_dir = a.numeric_model;
  config.ocr_dpi = a.ocr_dpi;
  config.ocr_cells = a.ocr_cells;
  config.max_bytes = a.max_mb << 20;
  config.max_pages = a.max_pages;
  config.max_memory_mb = a.max_memory_mb;
  return config;
}

// Checks before work: everything a document needs is known to load before the first one.
// Holds the output folder's lock in `folder_lock` from here on; false with the reason in *error.
bool CheckBeforeWork(const ExtractArgs& a, const BatchOptions& options, const EngineConfig& config,
                     OutputFolderLock& folder_lock, std::string* error) {
  bool stream = a.out == "-";
  if (!stream && !CheckWritableFolder(a.out, error)) return false;
  if (options.ledger != "-" && !CheckLedger(options.ledger, error)) return false;
  // One batch per output folder (or per shard of an array): a second writer is refused.
  if (!stream && !folder_lock.Acquire(a.out, options.shard.index, options.shard.count, error)) return false;
  if (config.ocr && !CheckOcrModels(config.tesseract, error)) return false;
  if (thai::ThaiDictionary::System() == nullptr) {
    std::cerr << "ita-extract: warning: no Thai word list found (/usr/share/libthai/thbrk.tri, "
                 "/usr/share/hunspell/th_TH.dic; Debian libthai-data, hunspell-th): vowel repair "
                 "and the text-layer trust check are off\n";
  }
  if (config.ocr && EnglishWords::System() == nullptr) {
    std::cerr << "ita-extract: warning: no English word list found (/usr/share/dict/american-english; "
                 "Debian wamerican): Latin words in scanned Thai lines are restored only when in "
                 "capitals or names\n";
  }
  return true;
}

// SIGINT and SIGTERM stop the batch (twice: abandon); a closed pipe and a file size limit
// become write errors with a reason instead of killing the process without one.
void InstallStopSignals(BatchControl* control) {
  g_control = control;
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);
}

// Per-page timings of one document (--timings), on stderr.
void PrintTimings(const DocumentOutcome& o, StatusLine& status) {
  for (const PageTiming& t : o.timings) {
    char line[768];
    std::snprintf(line, sizeof line,
                  "timing %s p%d %s text %.3f ocr_prepare %.3f ocr_wait %.3f ocr_recognize %.3f ocr_reread %.3f"
                  " reread_cells %.3f reread_digits %.3f reread_latin_words %.3f reread_latin_codes %.3f\n",
                  PrintableName(o.input).c_str(), t.page, t.source == TextSource::kText ? "text" : "ocr",
                  t.text, t.ocr_prepare, t.ocr_wait, t.ocr_recognize, t.ocr_reread, t.reread_cells,
                  t.reread_digits, t.reread_latin_words, t.reread_latin_codes);
    status.Print(line, stderr);
  }
}

// The batch's last lines: counts, and the inputs that failed (all with --verbose).
void PrintSummary(const ExtractArgs& a, const BatchOptions& options, const BatchSummary& summary) {
  bool stream = a.out == "-";
  char line[512];
  std::snprintf(line, sizeof line,
                "%d documents: %d ok, %d failed%s, %d skipped, %d duplicates%s; %d pages (%d OCR), "
                "%zu measures; %.1fs -> %s\n",
                summary.documents, summary.ok, summary.failed + summary.write_failed,
                summary.failed_earlier > 0 ? (" (" + std::to_string(summary.failed_earlier) + " kept from earlier runs)").c_str() : "",
                summary.skipped, summary.duplicates,
                summary.interrupted > 0 ? (", " + std::to_string(summary.interrupted) + " not done (interrupted)").c_str() : "",
                summary.pages, summary.ocr_pages, summary.measures, summary.seconds,
                stream ? "stdout" : a.out.c_str());
  (stream ? std::cerr : std::cout) << line;
  if (!summary.failed_inputs.empty()) {
    std::ostream& out = stream ? std::cerr : std::cout;
    size_t shown = a.verbose ? summary.failed_inputs.size() : std::min<size_t>(10, summary.failed_inputs.size());
    out << "failed:";
    for (size_t i = 0; i < shown; ++i) out << " " << PrintableName(summary.failed_inputs[i]);
    if (shown < summary.failed_inputs.size()) out << " … (" << summary.failed_inputs.size() - shown << " more)";
    if (options.ledger != "-") out << "\n  details: ita-extract ledger " << options.ledger;
    out << "\n";
  }
}

// Calls `tick` about once a second on a thread of its own until Stop (when `on`).
class Ticker {
 public:
  Ticker(bool on, std::function<void()> tick) : running_(on) {
    if (!on) return;
    thread_ = std::thread([this, tick = std::move(tick)] {
      while (running_.load()) {
        tick();
        for (int i = 0; i < 10 && running_.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  ~Ticker() { Stop(); }
  void Stop() {
    running_.store(false);
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> running_;
  std::thread thread_;
};

// One document's line: errors always (stderr), others unless --quiet, skipped and duplicate
// inputs only with --verbose; none on stdout when the records go there.
void PrintOutcome(const DocumentOutcome& o, const ExtractArgs& a, StatusLine& status) {
  bool quiet_kind = o.status == kLedgerSkipped || o.status == kLedgerDuplicate;
  if (o.error || o.status == kLedgerInterrupted || o.status == kLedgerRefused) {
    status.Print(OutcomeLine(o), stderr);
  } else if (!a.quiet && a.out != "-" && (!quiet_kind || a.verbose)) {
    status.Print(OutcomeLine(o), stdout);
  }
}

// The documented exit code of a finished batch, with the reason a run that stopped says.
int ExitCodeOf(const BatchSummary& summary, const std::string& stream_error, int records_lost) {
  if (!stream_error.empty()) {
    std::cerr << "ita-extract: เขียนผลลงเอาต์พุตมาตรฐานไม่ได้ / cannot write records to stdout: " << stream_error
              << "; " << records_lost << " record(s) not delivered, the batch stopped (the ledger says what was done)\n";
    return kExitOutputFailed;
  }
  if (!summary.halted.empty()) {
    std::cerr << "ita-extract: เขียนผลลัพธ์ไม่ได้ หยุดงาน / cannot write results, the batch stopped: "
              << PrintableName(summary.halted) << "; " << summary.interrupted
              << " document(s) not started. Free space (or fix the folder) and run again with --resume\n";
    return kExitOutputFailed;
  }
  if (summary.interrupted > 0 || g_signals > 0) return kExitInterrupted;
  if (summary.write_failed > 0) return kExitFatal;
  return summary.failed > 0 ? kExitDocumentFailed : kExitOk;
}

int RunExtract(const ExtractArgs& a) {
  BatchOptions options;
  options.out_dir = a.out;
  options.jobs = a.jobs;
  options.resume = a.resume;
  options.retry_failed = a.retry_failed;
  if (!a.shard.empty()) {
    std::optional<Shard> shard = ParseShard(a.shard);
    if (!shard) {
      std::cerr << "ita-extract: --shard needs I/N with 0 <= I < N (got " << a.shard << ")\n";
      return kExitUsage;
    }
    options.shard = *shard;
  }
  EngineConfig config = EngineConfigOf(a);

  std::vector<std::string> fatal, notes;
  std::vector<BatchInput> inputs = ExpandInputs(a.inputs, a.base, &std::cin, &fatal, &notes, a.follow_links);
  for (const std::string& p : fatal) std::cerr << "ita-extract: " << PrintableName(p) << "\n";
  if (!fatal.empty()) return kExitUsage;
  for (const std::string& n : notes) std::cerr << "ita-extract: note: " << PrintableName(n) << "\n";
  if (inputs.empty()) {
    std::cerr << "ita-extract: ไม่พบไฟล์ PDF / nothing to do: no PDF in the inputs given\n";
    return kExitUsage;
  }

  bool stream = a.out == "-";
  options.ledger = a.ledger.empty() ? (stream ? "-" : (fs::path(a.out) / "ledger.jsonl").string()) : a.ledger;
  OutputFolderLock folder_lock;
  std::string error;
  auto validator = SchemaValidator::Create();
  if (!validator) error = validator.error().message;
  if (!error.empty() || !CheckBeforeWork(a, options, config, folder_lock, &error)) {
    std::cerr << "ita-extract: fatal: " << error << "\n";
    return kExitFatal;
  }

  size_t in_shard = 0;
  for (const BatchInput& in : inputs) in_shard += InShard(in, options.shard) ? 1 : 0;
  int threads = BatchThreads(options, in_shard);
  // A batch of fewer documents than CPUs gives each document's pages the spare CPUs.
  int cpus = a.jobs > 0 ? a.jobs : AvailableCpus();
  config.ocr_threads = std::max(1, cpus / threads);

  BatchControl control;
  InstallStopSignals(&control);

  std::unique_ptr<OcrPool> pool;
  std::unique_ptr<WorkerRunner> workers;
  DocumentRunner runner;
  if (a.in_process) {
    if (config.ocr) pool = std::make_unique<OcrPool>(TesseractEngineFactory(config.tesseract), cpus);
    ApplyEngineConfig(config, pool.get(), &options);
    runner = InProcessRunner(OpenPopplerPdf, **validator, options);
  } else {
    ApplyEngineConfig(config, nullptr, &options);
    workers = std::make_unique<WorkerRunner>(config, threads, a.timeout, **validator, &control);
    runner = workers->AsRunner();
  }

  bool tty = ::isatty(STDERR_FILENO) == 1 && !a.quiet;
  StatusLine status(tty);
  ProgressCounts counts;
  counts.total = static_cast<int>(in_shard);
  std::mutex counts_mu;
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  // On a terminal the status line also moves while a long document runs.
  Ticker ticker(tty, [&] {
    std::lock_guard<std::mutex> lock(counts_mu);
    ProgressCounts c = counts;
    c.running = control.running.load();
    if (workers) c.in_flight = workers->PagesInFlight();
    status.Show(FormatProgress(c, elapsed()));
  });
  // Why stdout refused a record (--out -), once. RunBatch calls this callback one at a time.
  std::string stream_error;
  int records_lost = 0;
  BatchSummary summary = RunBatch(inputs, options, runner, [&](const DocumentOutcome& o) {
    if (a.timings) PrintTimings(o, status);
    if (!o.stream_json.empty()) {
      if (stream_error.empty() && !status.Print(o.stream_json + "\n", stdout)) {
        // A closed pipe (EPIPE) or a full disk: no later record can be delivered either, so
        // no new document starts; the ledger keeps what was done.
        stream_error = std::strerror(errno);
        control.stop.store(true);
      }
      if (!stream_error.empty()) ++records_lost;
    }
    PrintOutcome(o, a, status);
    std::lock_guard<std::mutex> lock(counts_mu);
    ++counts.done;
    counts.pages += o.pages;
    counts.ocr_pages += o.ocr_pages;
    if (o.status == kLedgerError || o.status == kLedgerRefused) ++counts.failed;
  }, &control);
  ticker.Stop();
  status.Clear();
  workers.reset();
  g_control = nullptr;

  PrintSummary(a, options, summary);
  return ExitCodeOf(summary, stream_error, records_lost);
}

}  // namespace

void AddExtractCommand(CLI::App& app, int* result) {
  auto args = std::make_shared<ExtractArgs>();
  AddExtract(app, *args);
  app.get_subcommand("extract")->callback([args, result] { *result = RunExtract(*args); });
}

EngineConfig ExtractEngineConfig(const std::vector<std::string>& args) {
  CLI::App app;
  ExtractArgs a;
  AddExtract(app, a);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  app.parse(reversed);
  return EngineConfigOf(a);
}

}  // namespace ita::cli
