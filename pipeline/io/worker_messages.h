// The lines a batch and its worker processes exchange (pipeline/batch/worker_process.h), one
// JSON object a line: the configuration each worker starts with, one request per document,
// progress lines while it is read, and the document's outcome. Paths travel as hex, so a name
// that is not UTF-8 keeps its bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/model/ocr_engine.h"

namespace ita {

// How documents are read, as the `extract` options set it: the one description both the batch
// process and its worker processes build their ExtractOptions and OCR engines from
// (pipeline/cli/engine_config.h).
struct EngineConfig {
  bool ocr = true;
  TesseractOptions tesseract;   // numeric_model_dir empty: no numeric model
  double ocr_dpi = 300;
  bool ocr_cells = false;
  uint64_t max_bytes = 512ull << 20;
  int max_pages = 2000;
  int ocr_threads = 1;          // OCR engines of one worker process
  uint64_t max_memory_mb = 0;   // address-space cap of a worker process; 0: none
  bool operator==(const EngineConfig&) const = default;
  std::string ToLine() const;
  // Fields a line lacks keep their defaults.
  static EngineConfig FromLine(const std::string& line);
};

// What happened to one input, for progress lines, the ledger and the summary.
struct DocumentOutcome {
  std::string input;
  std::string output;            // path of the JSON written (empty if none)
  std::string sha256;
  std::string status;            // ledger status: ok, error, skipped, duplicate, refused, interrupted
  std::optional<Error> error;    // the document's error record, if any
  std::string family;
  int pages = 0;
  int ocr_pages = 0;
  size_t measures = 0;
  double completeness = 0;
  bool write_failed = false;     // the JSON could not be written
  bool storage_fault = false;    // ... because of the disk (full, read-only, I/O): stop the batch
  std::string duplicate_of;      // status duplicate: the first input with these bytes
  std::string note;              // the ledger's message when not an error's: duplicate, refused
  std::string stream_json;       // out "-": the record, one line
  double seconds = 0;
  std::vector<PageTiming> timings;
};

// One document for a worker: read `input`, write its record to `output`.
struct WorkerRequest {
  std::string input;
  std::string output;
};
std::string WorkerRequestLine(const WorkerRequest& request);
std::optional<WorkerRequest> ParseWorkerRequest(const std::string& line);

// Pages done of N while a worker reads a document. Every progress line starts with
// kProgressPrefix, which no outcome line does.
inline constexpr std::string_view kProgressPrefix = "{\"progress\":";
std::string ProgressLine(int done, int total);
std::optional<std::pair<int, int>> ParseProgressLine(const std::string& line);

// A document's outcome, the worker's reply.
std::string OutcomeToLine(const DocumentOutcome& outcome);
std::optional<DocumentOutcome> OutcomeFromLine(const std::string& line);

}  // namespace ita
