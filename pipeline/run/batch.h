// Batch runner: many PDFs in, one contract JSON file per PDF out.
//
// - Inputs: PDF files, folders (searched recursively for *.pdf, sorted), and @list files with
//   one path per line (blank lines and lines starting with # ignored).
// - Each document is independent: any failure (not a PDF, encrypted, corrupt, too large, an
//   internal error) becomes an error record in its own output file; the batch goes on.
// - Output files are written atomically (temporary file, then rename): a crash never leaves a
//   partial JSON behind, and `resume` skips inputs whose output already exists.
// - Documents run in parallel on `jobs` threads, each with its own PdfSource.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/io/schema_validator.h"
#include "pipeline/model/pdf_source.h"
#include "pipeline/run/extract_document.h"

namespace ita {

struct BatchOptions {
  std::string out_dir = "out";           // created if missing
  int jobs = 0;                          // documents in parallel; 0 = number of cores
  uint64_t max_bytes = 512ull << 20;     // larger files get a too_large record, unread
  bool resume = false;                   // skip inputs whose output file already exists
  ExtractOptions extract;
};

// What happened to one input, for progress lines and the summary.
struct DocumentOutcome {
  std::string input;
  std::string output;            // path of the JSON written (empty if skipped)
  std::optional<Error> error;    // the document's error record, if any
  std::string family;
  int pages = 0;
  int ocr_pages = 0;
  size_t measures = 0;
  double completeness = 0;
  bool skipped = false;          // resume: output existed
  bool write_failed = false;     // the JSON could not be written
  double seconds = 0;
  std::vector<PageTiming> timings;
};

struct BatchSummary {
  int documents = 0;
  int ok = 0;
  int failed = 0;       // error records written
  int skipped = 0;
  int write_failed = 0;
  int pages = 0;
  size_t measures = 0;
  double seconds = 0;
};

// Expands INPUT arguments to PDF paths in a stable order; problems (a missing path, an
// unreadable list) are reported in `problems` and the rest still expanded.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args,
                                      std::vector<std::string>* problems);

// NAME.json for each input; when two inputs share a name, each gets NAME-<8 hex of path>.json.
std::vector<std::string> OutputNames(const std::vector<std::string>& inputs);

// Hashes, opens and extracts one file; never throws, always returns a record.
Extraction ProcessFile(const std::string& path, PdfOpener opener, const BatchOptions& options);

// Validates `extraction` against its schema and appends `format` errors to its validation.
void ApplySchema(Extraction& extraction, const SchemaValidator& validator);

// Writes `text` to `path` atomically. Returns false (and `error`) on failure.
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error);

BatchSummary RunBatch(const std::vector<std::string>& inputs, PdfOpener opener,
                      const SchemaValidator& validator, const BatchOptions& options,
                      const std::function<void(const DocumentOutcome&)>& on_done);

}  // namespace ita
