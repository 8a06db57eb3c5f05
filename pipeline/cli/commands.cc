#include "pipeline/cli/commands.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <fstream>

#include "extractors/poppler_pdf_source.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/cli/progress.h"
#include "pipeline/cli/worker.h"
#include "pipeline/io/export.h"
#include "pipeline/io/export_sqlite.h"
#include "pipeline/io/html_report.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/model/version.h"
#include "pipeline/ocr/english_words.h"
#include "pipeline/run/batch.h"
#include "pipeline/run/ledger.h"
#include "pipeline/run/revalidate.h"
#include "pipeline/run/vowel_pass.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/text_repair.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

const std::string kVersionText =
    std::string("ita-extract ") + kProgramVersion + " (contract thai-ita-extract/1)";

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

// Fails early when `dir` cannot take files: creates it and a probe file.
bool CheckWritableFolder(const std::string& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create the output folder " + dir + ": " + ec.message();
    return false;
  }
  std::string probe = (fs::path(dir) / (".ita-probe-" + std::to_string(::getpid()))).string();
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write in the output folder " + dir + ": " + std::strerror(errno) +
             " (choose another --out or fix its permissions)";
    return false;
  }
  ::close(fd);
  fs::remove(probe, ec);
  return true;
}

bool CheckLedger(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write the ledger " + path + ": " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  return true;
}

// The model files an engine of `tesseract` loads, each as "path:size:mtime", with the program's
// version: the key under which a successful load is remembered. Empty when a file cannot be
// found where Tesseract looks (then the models are loaded to check them).
std::string ModelFilesKey(const TesseractOptions& tesseract) {
  std::string dir = tesseract.tessdata_dir;
  if (dir.empty()) {
    const char* prefix = std::getenv("TESSDATA_PREFIX");
    dir = prefix != nullptr && *prefix != '\0' ? prefix : "/usr/share/tesseract-ocr/5/tessdata";
  }
  std::vector<std::string> files;
  std::stringstream languages(tesseract.languages + "+" + tesseract.latin_languages);
  for (std::string lang; std::getline(languages, lang, '+');)
    if (!lang.empty()) files.push_back(dir + "/" + lang + ".traineddata");
  if (!tesseract.numeric_model_dir.empty()) files.push_back(tesseract.numeric_model_dir + "/thd.traineddata");
  std::string key = kProgramVersion;
  for (const std::string& f : files) {
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    if (ec) return "";
    auto time = fs::last_write_time(f, ec).time_since_epoch().count();
    key += " " + f + ":" + std::to_string(size) + ":" + std::to_string(time);
  }
  return key;
}

// Where loads that succeeded are remembered (XDG cache), or empty.
std::string ModelCheckStamp() {
  const char* base = std::getenv("XDG_CACHE_HOME");
  if (base != nullptr && *base != '\0') return std::string(base) + "/ita-extract/ocr-models-checked";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.cache/ita-extract/ocr-models-checked";
  return "";
}

// Loads the OCR models once, before any document, so a wrong --tessdata or --numeric-model
// stops the batch at once instead of yielding empty results. A load that succeeded is
// remembered with the files' sizes and times: the next run with the same files skips it (a
// tenth of a second, most of the start of a one-file run).
bool CheckOcrModels(const TesseractOptions& tesseract, std::string* error) {
  std::string key = ModelFilesKey(tesseract);
  std::string stamp = ModelCheckStamp();
  std::string known;  // the stamp's lines, read once
  if (!key.empty() && !stamp.empty()) {
    std::ifstream in(stamp);
    std::stringstream lines;
    lines << in.rdbuf();
    known = lines.str();
    for (std::string line; std::getline(lines, line);)
      if (line == key) return true;
  }
  auto engine = CreateTesseractEngine(tesseract);
  if (!engine) {
    *error = engine.error().message +
             " (install tesseract-ocr-tha, or give --tessdata DIR with tha.traineddata; "
             "--numeric-model DIR must hold thd.traineddata, --no-numeric-model skips it)";
    return false;
  }
  if (!key.empty() && !stamp.empty()) {
    std::string ignored;
    WriteFileAtomically(stamp, known + key + "\n", &ignored);  // a cache: failing to write it costs time only
  }
  return true;
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
  cmd->set_version_flag("-V,--version", kVersionText);
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

  // Checks before work: everything a document needs is known to load before the first one.
  std::string error;
  bool stream = a.out == "-";
  options.ledger = a.ledger.empty() ? (stream ? "-" : (fs::path(a.out) / "ledger.jsonl").string()) : a.ledger;
  if (!stream && !CheckWritableFolder(a.out, &error)) {
    std::cerr << "ita-extract: fatal: " << error << "\n";
    return kExitFatal;
  }
  if (options.ledger != "-" && !CheckLedger(options.ledger, &error)) {
    std::cerr << "ita-extract: fatal: " << error << "\n";
    return kExitFatal;
  }
  // One batch per output folder (or per shard of an array): a second writer is refused.
  OutputFolderLock folder_lock;
  if (!stream && !folder_lock.Acquire(a.out, options.shard.index, options.shard.count, &error)) {
    std::cerr << "ita-extract: fatal: " << error << "\n";
    return kExitFatal;
  }
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract: fatal: " << validator.error().message << "\n";
    return kExitFatal;
  }
  if (config.ocr && !CheckOcrModels(config.tesseract, &error)) {
    std::cerr << "ita-extract: fatal: " << error << "\n";
    return kExitFatal;
  }
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

  size_t in_shard = 0;
  for (const BatchInput& in : inputs) in_shard += InShard(in, options.shard) ? 1 : 0;
  int threads = BatchThreads(options, in_shard);
  // A batch of fewer documents than CPUs gives each document's pages the spare CPUs.
  int cpus = a.jobs > 0 ? a.jobs : AvailableCpus();
  config.ocr_threads = std::max(1, cpus / threads);

  BatchControl control;
  g_control = &control;
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  // Past a file size limit (ulimit -f) a write fails with EFBIG, which stops the batch with a
  // reason, instead of the signal killing it without one.
  ::signal(SIGXFSZ, SIG_IGN);

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
  std::atomic<bool> ticking{tty};
  std::thread ticker;
  if (tty) {
    ticker = std::thread([&] {
      while (ticking.load()) {
        {
          std::lock_guard<std::mutex> lock(counts_mu);
          ProgressCounts c = counts;
          c.running = control.running.load();
          if (workers) c.in_flight = workers->PagesInFlight();
          status.Show(FormatProgress(c, elapsed()));
        }
        for (int i = 0; i < 10 && ticking.load(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  // Why stdout refused a record (--out -), once. RunBatch calls this callback one at a time.
  std::string stream_error;
  int records_lost = 0;
  BatchSummary summary = RunBatch(inputs, options, runner, [&](const DocumentOutcome& o) {
    if (a.timings) {
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
    if (!o.stream_json.empty()) {
      if (stream_error.empty() && !status.Print(o.stream_json + "\n", stdout)) {
        // A closed pipe (EPIPE) or a full disk: no later record can be delivered either, so
        // no new document starts; the ledger keeps what was done.
        stream_error = std::strerror(errno);
        control.stop.store(true);
      }
      if (!stream_error.empty()) ++records_lost;
    }
    bool quiet_kind = o.status == kLedgerSkipped || o.status == kLedgerDuplicate;
    if (o.error || o.status == kLedgerInterrupted || o.status == kLedgerRefused) {
      status.Print(OutcomeLine(o), stderr);
    } else if (!a.quiet && !tty && !stream && (!quiet_kind || a.verbose)) {
      status.Print(OutcomeLine(o), stdout);
    } else if (!a.quiet && (a.verbose || !quiet_kind) && tty && !stream) {
      status.Print(OutcomeLine(o), stdout);
    }
    std::lock_guard<std::mutex> lock(counts_mu);
    ++counts.done;
    counts.pages += o.pages;
    counts.ocr_pages += o.ocr_pages;
    if (o.status == kLedgerError || o.status == kLedgerRefused) ++counts.failed;
  }, &control);
  ticking.store(false);
  if (ticker.joinable()) ticker.join();
  status.Clear();
  workers.reset();
  g_control = nullptr;

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

// ---------------------------------------------------------------- ledger

struct LedgerArgs {
  std::string path;
  std::vector<std::string> inputs;
  std::string base;
  bool json = false;
};

int RunLedger(const LedgerArgs& a) {
  std::string path = a.path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) path = (fs::path(path) / "ledger.jsonl").string();
  if (!fs::exists(path, ec)) {
    std::cerr << "ita-extract: no ledger at " << path << "\n";
    return kExitUsage;
  }
  std::vector<std::string> expected;
  if (!a.inputs.empty()) {
    std::vector<std::string> fatal;
    for (const BatchInput& in : ExpandInputs(a.inputs, a.base, &std::cin, &fatal)) expected.push_back(ShownName(in.path));
    for (const std::string& p : fatal) std::cerr << "ita-extract: " << PrintableName(p) << "\n";
  }
  LedgerFile file = ReadLedger(path);
  const std::vector<LedgerEntry>& entries = file.entries;
  LedgerSummary s = SummarizeLedger(entries, expected);
  int failed = 0;
  for (const auto& [code, n] : s.failed_by_code) failed += n;
  if (a.json) {
    nlohmann::ordered_json j;
    j["ledger"] = path;
    j["inputs"] = s.inputs;
    j["done"] = s.ok;
    j["duplicates"] = s.duplicates;
    j["interrupted"] = s.interrupted;
    j["failed"] = failed;
    j["failed_by_code"] = s.failed_by_code;
    j["failed_inputs"] = s.failed_inputs;
    j["pending"] = s.pending;
    j["unreadable_lines"] = file.unreadable_lines;
    j["shared_outputs"] = s.shared_outputs;
    j["pages"] = s.pages;
    j["ocr_pages"] = s.ocr_pages;
    j["seconds"] = s.seconds;
    std::cout << j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    std::cout << path << ": " << s.inputs << " inputs: " << s.ok << " done, " << failed << " failed, "
              << s.duplicates << " duplicates, " << s.interrupted << " interrupted";
    if (!expected.empty()) std::cout << ", " << s.pending.size() << " pending";
    char rate[128];
    std::snprintf(rate, sizeof rate, "; %d pages (%d OCR), %.0f s of work\n", s.pages, s.ocr_pages, s.seconds);
    std::cout << rate;
    for (const auto& [code, n] : s.failed_by_code) std::cout << "  failed " << code << ": " << n << "\n";
    for (const LedgerEntry& e : LatestPerInput(entries)) {
      if (e.status == kLedgerError || e.status == kLedgerRefused || (e.status == kLedgerSkipped && !e.error_code.empty())) {
        std::string code = e.error_code.empty() ? e.status : e.error_code;
        std::cout << "  " << code << "  " << PrintableName(e.input) << ": " << PrintableName(e.message) << "\n";
      }
    }
    for (const std::string& p : s.pending) std::cout << "  pending  " << PrintableName(p) << "\n";
    if (!file.unreadable_lines.empty()) {
      std::cout << "  " << file.unreadable_lines.size() << " line(s) do not parse (torn or edited by hand): line";
      for (size_t i = 0; i < file.unreadable_lines.size() && i < 10; ++i) std::cout << " " << file.unreadable_lines[i];
      if (file.unreadable_lines.size() > 10) std::cout << " …";
      std::cout << "\n";
    }
    for (const auto& [output, inputs] : s.shared_outputs) {
      std::cout << "  shared output " << PrintableName(output) << ": claimed by";
      for (const std::string& in : inputs) std::cout << " " << PrintableName(in);
      std::cout << " (only the last one's record is in it)\n";
    }
  }
  bool trouble = failed > 0 || !s.pending.empty() || s.interrupted > 0 || !file.unreadable_lines.empty() ||
                 !s.shared_outputs.empty();
  return trouble ? kExitDocumentFailed : kExitOk;
}

// ---------------------------------------------------------------- tool

int DumpTables(const std::string& file, int only_page, const std::string& numeric_model) {
  EngineConfig config = ShippedEngineConfig();
  if (!numeric_model.empty()) config.tesseract.numeric_model_dir = numeric_model;
  OcrPool pool(TesseractEngineFactory(config.tesseract), 1);
  BatchOptions batch;
  ApplyEngineConfig(config, &pool, &batch);
  const ExtractOptions& options = batch.extract;
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(file, &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  // The vowel repair is decided from the whole document's text layer, so every page is read
  // first (OCR only for the pages shown).
  std::vector<PageResult> pages;
  for (int p = 0; p < pdf->PageCount(); ++p) {
    bool shown = only_page < 0 || p == only_page;
    pages.push_back(shown ? ReadPage(*pdf, p, options) : AnalyzePage(*pdf, p, options));
  }
  if (options.dictionary != nullptr) {
    std::string repaired = DescribeVowelPass(RepairDocumentVowels(pages, *options.dictionary));
    if (!repaired.empty()) std::cout << "! repair: " << repaired << "\n";
  }
  for (int p = 0; p < pdf->PageCount(); ++p) {
    if (only_page >= 0 && p != only_page) continue;
    const PageResult& page = pages[p];
    std::cout << "=== page " << p + 1 << " ("
              << (page.page.source == TextSource::kText ? "text" : "ocr") << ")\n";
    for (const std::string& d : page.page.diagnostics) std::cout << "! " << d << "\n";
    for (const TextLine& l : page.free_lines) std::cout << "  | " << l.text << "\n";
    for (size_t t = 0; t < page.tables.size(); ++t) {
      const Table& table = page.tables[t];
      std::cout << "  table " << t + 1 << ": " << table.Rows() << " rows x " << table.Cols()
                << " cols\n";
      for (const Cell& c : table.cells) {
        std::string text = c.text;
        for (char& ch : text) ch = ch == '\n' ? '/' : ch;
        std::cout << "    [" << c.row << "," << c.col << "]";
        if (c.row_span > 1 || c.col_span > 1) std::cout << " span " << c.row_span << "x" << c.col_span;
        std::cout << " " << text << "\n";
      }
    }
  }
  return kExitOk;
}

// Each page's text-layer measures and the route they choose.
int DumpTrust(const std::string& file) {
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(file, &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  ExtractOptions options;
  const thai::ThaiDictionary* dict = thai::ThaiDictionary::System();
  for (int p = 0; p < pdf->PageCount(); ++p) {
    auto words = pdf->Words(p);
    auto render = pdf->Render(p, options.layout_dpi);
    static const Raster kNone;
    TextSourceDecision d = ChooseTextSource(words ? *words : std::vector<Word>{},
                                            render ? *render : kNone, options.text_source, dict);
    char line[400];
    std::snprintf(line, sizeof line,
                  "page %d: %s chars %d garbage %.2f junk %.2f thai_letters %d coverage %.2f: %s\n",
                  p + 1, d.source == TextSource::kText ? "text" : "ocr ", d.trust.chars,
                  d.trust.garbage, d.trust.junk, d.trust.thai_letters, d.trust.thai_coverage,
                  d.reason.c_str());
    std::cout << line;
  }
  return kExitOk;
}

struct ToolArgs {
  std::string text;
  std::string file;
  int fiscal_year = 0;
  int page = 0;
  std::string numeric_model;
};

void AddTool(CLI::App& app, ToolArgs& a, int* result) {
  CLI::App* tool = app.add_subcommand("tool", "debugging tools: repair, period, dates, tables, trust");
  tool->set_version_flag("-V,--version", kVersionText);
  tool->require_subcommand(1);
  CLI::App* repair = tool->add_subcommand("repair", "TEXT after Thai repair (PUA glyphs, SARA AM, mark order, spaces)");
  repair->add_option("TEXT", a.text)->required();
  repair->callback([&a, result] { std::cout << thai::RepairThai(a.text) << "\n"; *result = kExitOk; });
  CLI::App* period = tool->add_subcommand("period", "{\"text\",\"start\",\"end\"} (and \"reason\" when unreadable) as JSON");
  period->add_option("TEXT", a.text)->required();
  period->add_option("--fiscal-year", a.fiscal_year, "BE fiscal year the period belongs to")->check(CLI::Range(2400, 2700));
  period->callback([&a, result] {
    thai::DateContext context;
    if (a.fiscal_year > 0) context.fiscal_year_be = a.fiscal_year;
    Period p = thai::ParsePeriod(a.text, context);
    nlohmann::ordered_json j;
    j["text"] = p.text;
    j["start"] = p.start.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.start);
    j["end"] = p.end.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.end);
    if (p.start.empty()) j["reason"] = p.reason;
    std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    *result = kExitOk;
  });
  CLI::App* dates = tool->add_subcommand("dates", "the ISO dates mentioned in TEXT as a JSON array");
  dates->add_option("TEXT", a.text)->required();
  dates->callback([&a, result] {
    nlohmann::json j = thai::FindDates(a.text);
    std::cout << j.dump() << "\n";
    *result = kExitOk;
  });
  CLI::App* tables = tool->add_subcommand("tables", "each page's text source, ruled tables (cells with spans) and free text lines");
  tables->add_option("FILE", a.file, "a PDF")->required();
  tables->add_option("--page", a.page, "only this page (from 1)")->check(CLI::Range(1, 1000000));
  tables->add_option("--numeric-model", a.numeric_model, "folder with thd.traineddata");
  tables->callback([&a, result] { *result = DumpTables(a.file, a.page - 1, a.numeric_model); });
  CLI::App* trust = tool->add_subcommand("trust", "each page's text-layer measures and whether they send it to OCR");
  trust->add_option("FILE", a.file, "a PDF")->required();
  trust->callback([&a, result] { *result = DumpTrust(a.file); });
}

// ---------------------------------------------------------------- validate

struct ValidateArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool update = false;
};

int RunValidate(const ValidateArgs& a) {
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract: " << validator.error().message << "\n";
    return kExitFatal;
  }
  ValidationOptions options;
  options.ita_items = &BuiltInItaItems();
  std::vector<std::string> problems;
  std::vector<DocumentReport> all_docs = RevalidateFiles(a.paths, **validator, options, a.update, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: " << PrintableName(p) << "\n";
  // The same PDF twice (its record copied, or extracted into two folders) counts once.
  std::vector<DocumentReport> docs;
  int duplicates = 0;
  for (DocumentReport& d : all_docs) {
    duplicates += d.duplicate_of.empty() ? 0 : 1;
    if (d.duplicate_of.empty()) docs.push_back(std::move(d));
    else std::cerr << "ita-extract: " << PrintableName(d.path) << ": ผลของ PDF เดียวกับ / the same PDF as "
                   << PrintableName(d.duplicate_of) << ", counted once\n";
  }
  if (docs.empty()) {
    // Nothing to validate is not a pass: the same rule as report and export.
    std::cerr << "ita-extract: ไม่พบผลที่จะตรวจ / nothing to validate: no thai-ita-extract/1 record in the paths given\n";
    return kExitUsage;
  }
  bool json = a.json;
  std::vector<OrganizationReport> orgs = ByOrganization(docs);
  bool all_valid = true;
  // Unreadable or failed records fail the run; unclassified ones are listed, not assessed.
  for (const DocumentReport& d : docs) {
    bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
    all_valid = all_valid && d.problem.empty() && (!assessable || d.validation.valid);
  }
  // Field names and finding codes with their Thai labels, for auditors.
  static const std::map<std::string, std::string> kThai = {
      {"measure", "มาตรการ"}, {"issue", "ประเด็น"}, {"method", "วิธีการ"}, {"period", "ระยะเวลา"},
      {"responsible", "ผู้รับผิดชอบ"}, {"output", "ผลการดำเนินการ"}, {"outcome", "ผลลัพธ์"},
      {"total", "คะแนนรวม"}, {"grade", "ระดับ"}, {"indicators", "ตัวชี้วัด"}, {"projects", "โครงการ"},
      {"required_missing", "ขาดค่าที่ต้องมี"}, {"format", "รูปแบบผิด"}, {"grade_mismatch", "ระดับไม่ตรงคะแนน"},
      {"period_unparsed", "อ่านระยะเวลาไม่ได้"}, {"period_outside_fiscal_year", "ระยะเวลานอกปีงบ"},
      {"no_measures", "ไม่พบมาตรการ"}, {"ocr_low_confidence", "OCR ไม่แน่ใจ"}, {"total_mismatch", "ยอดรวมไม่ตรง"}};
  auto missing_text = [](const std::map<std::string, int>& m) {
    std::string s;
    for (const auto& [field, n] : m) {
      auto th = kThai.find(field);
      s += (s.empty() ? "" : ", ") + (th == kThai.end() ? field : th->second + "/" + field) + " " + std::to_string(n);
    }
    return s.empty() ? std::string("-") : s;
  };
  if (json) {
    nlohmann::ordered_json out;
    // The counts report and export give for the same paths (tests/cli/one_story.sh).
    int failed = 0, unreadable = 0, named = 0;
    size_t findings = 0;
    for (const DocumentReport& d : docs) {
      if (d.unreadable) ++unreadable;
      else if (!d.problem.empty()) ++failed;
      if (!d.unreadable) findings += d.validation.errors.size();
    }
    for (const OrganizationReport& o : orgs) named += o.organization == "(unknown)" ? 0 : 1;
    out["summary"] = {{"documents", static_cast<int>(docs.size()) - unreadable}, {"failed", failed},
                      {"unreadable", unreadable}, {"duplicates", duplicates}, {"organizations", named},
                      {"findings", findings}};
    out["documents"] = nlohmann::ordered_json::array();
    for (const DocumentReport& d : docs) {
      nlohmann::ordered_json e;
      e["file"] = d.path;
      e["family"] = d.family.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.family);
      e["organization"] = d.organization;
      e["province"] = d.province;
      e["fiscal_year"] = d.fiscal_year ? nlohmann::ordered_json(*d.fiscal_year) : nlohmann::ordered_json(nullptr);
      e["measures"] = d.measures;
      bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
      // An unclassified or failed document is never valid, only not assessed: it does not fail
      // the run (the exit code), but it is not counted as a pass either.
      e["valid"] = assessable && d.validation.valid;
      e["assessable"] = assessable;  // read and classified: completeness means something
      e["completeness"] = assessable ? nlohmann::ordered_json(d.validation.completeness) : nlohmann::ordered_json(nullptr);
      e["errors"] = d.validation.errors.size();
      e["missing"] = d.missing_by_field;
      e["errors_by_code"] = d.errors_by_code;
      if (!d.problem.empty()) e["problem"] = d.problem;
      out["documents"].push_back(e);
    }
    out["organizations"] = nlohmann::ordered_json::array();
    for (const OrganizationReport& o : orgs) {
      out["organizations"].push_back({{"organization", o.organization}, {"province", o.province},
                                      {"documents", o.documents}, {"invalid", o.invalid},
                                      {"measures", o.measures},
                                      {"completeness", o.assessed ? nlohmann::ordered_json(o.completeness) : nlohmann::ordered_json(nullptr)},
                                      {"missing", o.missing_by_field}});
    }
    std::cout << out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return all_valid ? kExitOk : kExitDocumentFailed;
  }
  std::cout << "เอกสาร / documents\n";
  std::cout << "ครบถ้วน/complete  ถูกต้อง/valid  มาตรการ/measures  ขาด/missing  ข้อผิดพลาด/errors  ไฟล์/file\n";
  for (const DocumentReport& d : docs) {
    // A failed or unclassified document has no completeness to report: it is a finding.
    bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
    char line[96];
    if (assessable) {
      std::snprintf(line, sizeof line, "%6.1f%%  %-5s  %4zu  ", d.validation.completeness * 100,
                    d.validation.valid ? "yes" : "no", d.measures);
    } else {
      std::snprintf(line, sizeof line, "%7s  %-5s  %4zu  ", d.problem.empty() ? "unknown" : "failed", "no", d.measures);
    }
    std::cout << line << missing_text(d.missing_by_field) << "  " << missing_text(d.errors_by_code)
              << "  " << d.path;
    if (!d.problem.empty()) std::cout << "  [" << d.problem << "]";
    std::cout << "\n";
  }
  std::cout << "\nหน่วยงาน / organizations\n";
  std::cout << "ครบถ้วน/complete  เอกสาร/docs  ไม่ผ่าน/invalid  มาตรการ/measures  ขาด/missing  หน่วยงาน/organization\n";
  for (const OrganizationReport& o : orgs) {
    char line[64];
    if (o.assessed > 0) {
      std::snprintf(line, sizeof line, "%6.1f%%  %3d  %3d  %4zu  ", std::floor(o.completeness * 1000) / 10,
                    o.documents, o.invalid, o.measures);
    } else {
      std::snprintf(line, sizeof line, "%7s  %3d  %3d  %4zu  ", "-", o.documents, o.invalid, o.measures);
    }
    std::cout << line << missing_text(o.missing_by_field) << "  " << o.organization
              << (o.province.empty() ? "" : " (" + o.province + ")") << "\n";
  }
  return all_valid ? kExitOk : kExitDocumentFailed;
}

// ---------------------------------------------------------------- export and report

// Output folders and files as given; a ledger (*.jsonl) stands for the outputs it lists.
// Where a ledger's output path is, read from the ledger's folder (the batch wrote it relative
// to the folder it ran in, usually the ledger's parent): the longest tail of the path that
// exists under the ledger's folder, else the path as written.
std::string OutputNamedByLedger(const std::string& ledger, const std::string& output) {
  fs::path out(output);
  if (out.is_absolute()) return output;
  fs::path dir = fs::path(ledger).parent_path();
  std::vector<fs::path> parts(out.begin(), out.end());
  for (size_t k = 0; k < parts.size(); ++k) {
    fs::path tail;
    for (size_t i = k; i < parts.size(); ++i) tail /= parts[i];
    std::error_code ec;
    if (fs::is_regular_file(dir / tail, ec)) return (dir / tail).string();
  }
  return output;
}

// Output folders and files as given; a ledger (*.jsonl) stands for the outputs it lists. Files
// that are not readable records are said on stderr and returned in `unreadable`.
std::vector<ContractRecord> ReadRecords(const std::vector<std::string>& paths,
                                        std::vector<std::string>* unreadable = nullptr) {
  std::vector<std::string> expanded;
  for (const std::string& p : paths) {
    if (fs::path(p).extension() == ".jsonl" && fs::is_regular_file(p)) {
      for (const LedgerEntry& e : LatestPerInput(ReadLedger(p).entries))
        if (!e.output.empty()) expanded.push_back(OutputNamedByLedger(p, e.output));
    } else {
      expanded.push_back(p);
    }
  }
  std::vector<std::string> problems;
  std::vector<ContractRecord> records = ReadContractRecords(expanded, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: skipped " << PrintableName(p) << "\n";
  if (unreadable != nullptr) *unreadable = problems;
  return records;
}

struct ExportArgs {
  std::vector<std::string> paths;
  std::string format = "csv";
  std::string to;
  bool dictionary = false;
};

int RunExport(const ExportArgs& a) {
  if (a.dictionary) {
    std::cout << DataDictionaryMarkdown();
    return kExitOk;
  }
  if (a.paths.empty() || a.to.empty()) {
    std::cerr << "ita-extract: export needs PATH... and --to (see ita-extract export --help)\n";
    return kExitUsage;
  }
  std::vector<std::string> unreadable;
  std::vector<ContractRecord> records = ReadRecords(a.paths, &unreadable);
  if (records.empty()) {
    std::cerr << "ita-extract: no contract records found in the given paths\n";
    return kExitUsage;
  }
  std::vector<ExportTable> tables = BuildExportTables(records, unreadable.size());
  std::string error;
  if (a.format == "sqlite") {
    if (!WriteSqlite(tables, a.to, &error)) {
      std::cerr << "ita-extract: " << error << "\n";
      return kExitFatal;
    }
  } else {
    for (const ExportTable& t : tables) {
      std::string file = (fs::path(a.to) / (t.name + (a.format == "csv" ? ".csv" : ".jsonl"))).string();
      if (!WriteFileAtomically(file, a.format == "csv" ? ToCsv(t) : ToJsonLines(t), &error)) {
        std::cerr << "ita-extract: " << error << "\n";
        return kExitFatal;
      }
    }
  }
  std::cout << records.size() << " records ->";
  for (const ExportTable& t : tables) std::cout << " " << t.name << " " << t.rows.size();
  std::cout << " (" << a.format << ": " << a.to << ")\n";
  // Files that are not readable records were said on stderr; the dataset lacks them.
  return unreadable.empty() ? kExitOk : kExitDocumentFailed;
}

struct ReportArgs {
  std::vector<std::string> paths;
  std::string html;
};

int RunReport(const ReportArgs& a) {
  std::vector<std::string> unreadable;
  std::vector<ContractRecord> records = ReadRecords(a.paths, &unreadable);
  if (records.empty()) {
    std::cerr << "ita-extract: no contract records found in the given paths\n";
    return kExitUsage;
  }
  std::string error;
  if (!WriteFileAtomically(a.html, RenderHtmlReport(records, kProgramVersion, unreadable), &error)) {
    std::cerr << "ita-extract: " << error << "\n";
    return kExitFatal;
  }
  std::cout << records.size() << " records -> " << a.html;
  if (!unreadable.empty()) std::cout << " (" << unreadable.size() << " file(s) could not be read: listed in the report)";
  std::cout << "\n";
  return unreadable.empty() ? kExitOk : kExitDocumentFailed;
}

// ---------------------------------------------------------------- schemas

int RunSchemas(const std::string& name) {
  const auto& schemas = EmbeddedSchemas();
  auto it = schemas.find(name);
  if (it == schemas.end()) {
    std::cerr << "ita-extract: no schema named " << name << "; built-in:";
    for (const auto& [n, text] : schemas) std::cerr << " " << n;
    std::cerr << "\n";
    return kExitUsage;
  }
  std::cout << it->second;
  return kExitOk;
}

}  // namespace

EngineConfig ExtractEngineConfig(const std::vector<std::string>& args) {
  CLI::App app;
  ExtractArgs a;
  AddExtract(app, a);
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  app.parse(reversed);
  return EngineConfigOf(a);
}

int RunCli(int argc, char** argv) {
  CLI::App app{"ita-extract: Thai ITA report PDFs to validated contract JSON (thai-ita-extract/1)",
               "ita-extract"};
  app.set_version_flag("-V,--version", kVersionText);
  app.require_subcommand(1);
  app.footer("'ita-extract COMMAND --help' for a command's options and exit codes.");
  int result = kExitOk;

  ExtractArgs extract;
  AddExtract(app, extract);
  app.get_subcommand("extract")->callback([&] { result = RunExtract(extract); });

  LedgerArgs ledger;
  CLI::App* ledger_cmd = app.add_subcommand("ledger", "summarise a batch ledger: done, failed by code, pending");
  ledger_cmd->set_version_flag("-V,--version", kVersionText);
  ledger_cmd->add_option("LEDGER", ledger.path, "an output folder (its ledger.jsonl) or a ledger file")->required();
  ledger_cmd->add_option("INPUT", ledger.inputs, "the batch's inputs, to list those still pending");
  ledger_cmd->add_option("--base", ledger.base, "as given to extract");
  ledger_cmd->add_flag("--json", ledger.json, "print the summary as JSON");
  ledger_cmd->footer("\nexit codes: 0 every input done; 1 some failed, refused, interrupted or pending, a line that does\n"
                     "not parse, or an output claimed by two inputs; 2 no ledger");
  ledger_cmd->callback([&] { result = RunLedger(ledger); });

  ValidateArgs validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate", "re-check existing JSON; completeness per document and organization");
  validate_cmd->set_version_flag("-V,--version", kVersionText);
  validate_cmd->add_option("PATH", validate.paths, "JSON files or folders (searched recursively for *.json)")->required();
  validate_cmd->add_flag("--json", validate.json, "print the report as JSON instead of tables");
  validate_cmd->add_flag("--update", validate.update, "rewrite each file's validation block in place (atomically)");
  validate_cmd->footer("\nAn unclassified or failed document is never valid; it is listed, not assessed. The same PDF\n"
                       "(sha256) counts once.\n"
                       "exit codes: 0 every assessable document valid; 1 one invalid, or a file or record not readable;\n"
                       "2 bad arguments or no record at all");
  validate_cmd->callback([&] { result = RunValidate(validate); });

  ExportArgs export_args;
  CLI::App* export_cmd = app.add_subcommand("export", "flat tables for datasets: documents, measures, findings, ITA indicators, action-plan projects and budgets");
  export_cmd->set_version_flag("-V,--version", kVersionText);
  export_cmd->add_option("PATH", export_args.paths, "output folders, JSON files or a ledger.jsonl");
  export_cmd->add_option("--format", export_args.format, "csv (UTF-8 with BOM, one file per table), jsonl (one file per table) or sqlite (one database)")
      ->check(CLI::IsMember({"csv", "jsonl", "sqlite"}))->capture_default_str();
  export_cmd->add_option("--to", export_args.to, "a folder for csv and jsonl, a file for sqlite");
  export_cmd->add_flag("--dictionary", export_args.dictionary, "print the data dictionary (Markdown) of the tables and exit");
  export_cmd->footer("\nColumns: docs/data-dictionary.md. The same PDF (sha256) appears once; an unclassified or failed\n"
                     "document is never valid or complete. A ledger's outputs are found from the ledger's folder.\n"
                     "exit codes: 0 written; 1 written, but some files given were not readable records (said on\n"
                     "stderr); 2 nothing to export or bad arguments; 3 cannot write");
  export_cmd->callback([&] { result = RunExport(export_args); });

  ReportArgs report;
  CLI::App* report_cmd = app.add_subcommand("report", "an HTML completeness report for auditors (Thai and English)");
  report_cmd->set_version_flag("-V,--version", kVersionText);
  report_cmd->add_option("PATH", report.paths, "output folders, JSON files or a ledger.jsonl")->required();
  report_cmd->add_option("--html", report.html, "the report file to write")->required();
  report_cmd->footer("\nexit codes: 0 written; 1 written, but some files given were not readable records (counted and\n"
                     "listed in the report); 2 nothing to report or bad arguments; 3 cannot write");
  report_cmd->callback([&] { result = RunReport(report); });

  ToolArgs tool;
  AddTool(app, tool, &result);

  std::string schema_name;
  CLI::App* schemas_cmd = app.add_subcommand("schemas", "print the built-in JSON Schema of a family");
  schemas_cmd->set_version_flag("-V,--version", kVersionText);
  schemas_cmd->add_option("NAME", schema_name, "measures_plan, measures_report, ita_analysis, action_plan, unknown, error, common")->required();
  schemas_cmd->callback([&] { result = RunSchemas(schema_name); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ita-extract: " << e.what() << "\n(see ita-extract --help, or ita-extract COMMAND --help)\n";
    return kExitUsage;
  }
  return result;
}

}  // namespace ita::cli
