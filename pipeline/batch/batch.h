// Batch runner: many PDFs in, one contract JSON file per PDF out, one ledger line per input.
//
// - Inputs come from ExpandInputs (batch_inputs.h), with output names derived from each input
//   alone; `shard` keeps one slice of them for an array task.
// - Each document is independent: any failure (not a PDF, encrypted, corrupt, too large, a
//   crash or time-out in a worker, an internal error) becomes an error record in its own output
//   file; the batch goes on.
// - Outputs are written to a hidden temporary name beside them and renamed: a crash never
//   leaves a partial JSON behind, and the next run removes a stale temporary file.
// - Two inputs with the same bytes (sha256) are extracted once; the later is recorded as a
//   duplicate of the first.
// - `resume` skips an input whose output exists, parses, was made from the same bytes by a
//   compatible version, and is not an error record unless `retry_failed` is off.
// - How a document is run is the caller's choice (DocumentRunner): in this process
//   (InProcessRunner) or in isolated worker processes (pipeline/cli/worker.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/io/schema_validator.h"
#include "pipeline/io/worker_messages.h"
#include "pipeline/model/pdf_source.h"
#include "pipeline/batch/batch_inputs.h"
#include "pipeline/run/extract_document.h"
#include "pipeline/io/output_files.h"

namespace ita {

struct BatchOptions {
  std::string out_dir = "out";           // created if missing; "-": JSON Lines for the caller
  std::string ledger;                    // default OUT/ledger.jsonl; "-": none
  int jobs = 0;                          // documents in parallel; 0 = CPUs this process may use
  uint64_t max_bytes = 512ull << 20;     // larger files get a too_large record, unread
  bool resume = false;
  bool retry_failed = false;             // with resume: run again inputs whose record is an error
  Shard shard;
  ExtractOptions extract;
};

struct BatchSummary {
  int documents = 0;    // inputs in this shard
  int ok = 0;
  int failed = 0;       // error records written, and error records kept by --resume
  int failed_earlier = 0;  // of them, kept by --resume from an earlier run (not retried)
  int skipped = 0;      // outputs kept by --resume that are not error records
  int duplicates = 0;
  int interrupted = 0;  // abandoned or never started because of a stop request
  int write_failed = 0;
  int pages = 0;
  int ocr_pages = 0;
  size_t measures = 0;
  double seconds = 0;
  std::vector<std::string> failed_inputs;
  // Non-empty when the batch stopped early because an output or the ledger could not be
  // written (full disk, read-only folder): the reason, with the system's message.
  std::string halted;
};

// Hashes, opens and extracts one file; never throws, always returns a record.
Extraction ProcessFile(const std::string& path, PdfOpener opener, const BatchOptions& options);

// The error record for an input that yields nothing else.
Extraction ErrorRecord(const std::string& path, const std::string& sha256, ErrorCode code,
                       std::string message);

// Writes `extraction` to `out_path` (or into `stream_json` for "-") and fills the outcome.
DocumentOutcome Deliver(const std::string& input, const std::string& out_path, Extraction extraction);

// Whether --resume may skip an input whose output is `out_path`; `why` says why not. When it may,
// `earlier` (if given) gets what the kept output says: its error, pages, measures and family.
bool OutputIsCurrent(const std::string& out_path, const std::string& sha256, bool retry_failed,
                     std::string* why, DocumentOutcome* earlier = nullptr);

// Runs one input (never throws). `sha256` is its bytes' hash as the batch read them; `worker`
// is the index of the calling batch thread.
using DocumentRunner = std::function<DocumentOutcome(
    const BatchInput& input, const std::string& out_path, const std::string& sha256, int worker)>;

// Extraction in the calling thread: no isolation, no time limit.
DocumentRunner InProcessRunner(PdfOpener opener, const SchemaValidator& validator,
                               const BatchOptions& options);

// Stop requests, set from signal handlers: `stop` ends the dispatch of new inputs (running
// ones finish); `abandon` also gives up the running ones (a runner that can, does).
struct BatchControl {
  std::atomic<bool> stop{false};
  std::atomic<bool> abandon{false};
  std::atomic<int> running{0};  // documents being read now (for the message at a signal)
};

// The number of batch threads for `options` and `inputs` inputs.
int BatchThreads(const BatchOptions& options, size_t inputs);

BatchSummary RunBatch(const std::vector<BatchInput>& inputs, const BatchOptions& options,
                      const DocumentRunner& runner,
                      const std::function<void(const DocumentOutcome&)>& on_done,
                      BatchControl* control = nullptr);

}  // namespace ita
