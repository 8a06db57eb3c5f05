#include "pipeline/cli/worker.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/io/ledger.h"

namespace ita::cli {
namespace {

// A test hook: ITA_WORKER_FAULT="crash:NAME,hang:NAME,alloc:NAME" makes the worker crash, hang
// or allocate without bound on the input whose file name is NAME (tests/cli/batch_e2e.sh).
void InjectFault(const std::string& input) {
  const char* spec = std::getenv("ITA_WORKER_FAULT");
  if (spec == nullptr) return;
  std::string name = std::filesystem::path(input).filename().string();
  std::string all = spec;
  size_t start = 0;
  while (start < all.size()) {
    size_t end = all.find(',', start);
    if (end == std::string::npos) end = all.size();
    std::string item = all.substr(start, end - start);
    start = end + 1;
    size_t colon = item.find(':');
    if (colon == std::string::npos || item.substr(colon + 1) != name) continue;
    std::string kind = item.substr(0, colon);
    if (kind == "crash") ::raise(SIGSEGV);
    if (kind == "hang") for (;;) ::pause();
    if (kind == "alloc") {
      std::vector<std::unique_ptr<char[]>> hog;
      // Address space, not pages touched, is what the cap limits: reserving reaches it at once
      // however busy the machine is.
      for (;;) {
        hog.emplace_back(new char[64 << 20]);
        hog.back()[0] = 1;
      }
    }
  }
}

}  // namespace

int WorkerMain() {
  // Replies go to fd 3; the batch decides about interruptions, and a worker whose batch is
  // gone (killed) stops with it.
  ::signal(SIGINT, SIG_IGN);
  ::signal(SIGTERM, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);  // a file size limit: EFBIG, reported (see RunExtract)
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  EngineConfig config = EngineConfig::FromLine(line);
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reserves terabytes of address space for its shadow: no cap applies.
  config.max_memory_mb = 0;
#endif
  if (config.max_memory_mb > 0) {
    struct rlimit limit;
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(config.max_memory_mb) << 20;
    ::setrlimit(RLIMIT_AS, &limit);
  }
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract worker: " << validator.error().message << "\n";
    return 3;
  }
  BatchOptions options;
  std::unique_ptr<OcrPool> pool;
  if (config.ocr) {
    pool = std::make_unique<OcrPool>(TesseractEngineFactory(config.tesseract), std::max(1, config.ocr_threads));
  }
  ApplyEngineConfig(config, pool.get(), &options);
  while (std::getline(std::cin, line)) {
    std::optional<WorkerRequest> request = ParseWorkerRequest(line);
    if (!request) continue;
    const std::string& input = request->input;
    const std::string& out_path = request->output;
    // Pages done of N, for the batch's status line.
    options.extract.on_page_done = [](int done, int total) {
      WriteAll(3, ProgressLine(done, total) + "\n");
    };
    Extraction ex;
    try {
      InjectFault(input);
      ex = ProcessFile(input, OpenPopplerPdf, options);
    } catch (const std::bad_alloc&) {
      // The address-space cap reached in C++ code: a record, and the memory is back. (A
      // library that aborts instead is told apart by the batch from the worker's peak size.)
      ex = ErrorRecord(input, "", ErrorCode::kTooLarge,
                       "ran out of memory: over the limit of " + std::to_string(config.max_memory_mb) +
                           " MB per worker (--max-memory-mb)");
    }
    ApplySchema(ex, **validator);
    DocumentOutcome outcome = Deliver(input, out_path, std::move(ex));
    if (!WriteAll(3, OutcomeToLine(outcome) + "\n")) return 1;
  }
  return 0;
}

WorkerRunner::WorkerRunner(const EngineConfig& config, int workers, double timeout_seconds,
                           const SchemaValidator& validator, const BatchControl* control)
    : config_(config), timeout_seconds_(timeout_seconds), validator_(validator), control_(control) {
  for (int i = 0; i < workers; ++i) {
    progress_.push_back(std::make_unique<PageProgress>());
    workers_.push_back(std::make_unique<WorkerProcess>(
        std::vector<std::string>{"/proc/self/exe", "__worker"}, config_.ToLine()));
  }
}

DocumentOutcome WorkerRunner::Run(const BatchInput& input, const std::string& out_path,
                                  const std::string& sha256, int worker) {
  WorkerProcess& process = *workers_.at(static_cast<size_t>(worker));
  PageProgress& progress = *progress_.at(static_cast<size_t>(worker));
  progress.done.store(0);
  progress.total.store(0);
  WorkerProcess::Reply reply = process.Call(
      WorkerRequestLine({input.path, out_path}), timeout_seconds_, control_ != nullptr ? &control_->abandon : nullptr,
      [&progress](const std::string& line) {
        if (std::optional<std::pair<int, int>> pages = ParseProgressLine(line)) {
          progress.done.store(pages->first);
          progress.total.store(pages->second);
        }
      });
  progress.total.store(0);
  if (reply.kind == WorkerProcess::Reply::kDone) {
    if (std::optional<DocumentOutcome> outcome = OutcomeFromLine(reply.line)) return *outcome;
    reply.kind = WorkerProcess::Reply::kDied;
  }
  // The worker gave no record: the batch writes one (and removes what the worker left).
  std::error_code ec;
  if (out_path != "-") std::filesystem::remove(PartialPathFor(out_path), ec);
  if (reply.kind == WorkerProcess::Reply::kAbandoned) {
    DocumentOutcome outcome;
    outcome.input = input.path;
    outcome.sha256 = sha256;
    outcome.status = kLedgerInterrupted;
    return outcome;
  }
  ErrorCode code = ErrorCode::kCrashed;
  std::string message;
  bool near_cap = config_.max_memory_mb > 0 &&
                  reply.max_rss_kb >= static_cast<long>(config_.max_memory_mb) * 1024 * 8 / 10;
  if (reply.kind == WorkerProcess::Reply::kTimeout) {
    code = ErrorCode::kTimeout;
    message = "not finished within the limit of " + std::to_string(static_cast<long>(timeout_seconds_)) +
              " s per document (--timeout-per-doc)";
  } else if (reply.kind == WorkerProcess::Reply::kNotStarted) {
    code = ErrorCode::kInternal;
    message = reply.message;
  } else if (near_cap) {
    code = ErrorCode::kTooLarge;
    message = "ran out of memory: over the limit of " + std::to_string(config_.max_memory_mb) +
              " MB per worker (--max-memory-mb)";
  } else if (reply.signal != 0) {
    message = std::string("the worker reading this document crashed (signal ") +
              std::to_string(reply.signal) + ", " + strsignal(reply.signal) + ")";
  } else {
    message = "the worker reading this document ended without a record (exit code " +
              std::to_string(reply.exit_code) + ")";
  }
  Extraction ex = ErrorRecord(input.path, sha256, code, message);
  ApplySchema(ex, validator_);
  return Deliver(input.path, out_path, std::move(ex));
}

std::vector<std::pair<int, int>> WorkerRunner::PagesInFlight() const {
  std::vector<std::pair<int, int>> out;
  for (const auto& p : progress_) {
    int total = p->total.load();
    if (total > 0) out.emplace_back(p->done.load(), total);
  }
  return out;
}

DocumentRunner WorkerRunner::AsRunner() {
  return [this](const BatchInput& input, const std::string& out_path, const std::string& sha256,
                int worker) { return Run(input, out_path, sha256, worker); };
}

}  // namespace ita::cli
