#include "pipeline/batch/batch.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <new>
#include <thread>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/contract_reader.h"
#include "pipeline/model/version.h"
#include "pipeline/io/ledger.h"
#include "pipeline/io/sha256.h"

namespace ita {
namespace fs = std::filesystem;

Extraction ErrorRecord(const std::string& path, const std::string& sha256, ErrorCode code,
                       std::string message) {
  Extraction ex;
  ex.source.file = ShownName(path);
  ex.source.sha256 = sha256;
  ex.source.extractor_version = kProgramVersion;
  ex.error = Error{code, std::move(message)};
  ex.validation = CheckCompleteness(ex);
  return ex;
}

Extraction ProcessFile(const std::string& path, PdfOpener opener, const BatchOptions& options) {
  std::string sha256;
  try {
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    if (ec) {
      // Gone since the batch listed it (deleted or moved during the run): not found, not a disk fault.
      ErrorCode code = ec == std::errc::no_such_file_or_directory ? ErrorCode::kNotFound : ErrorCode::kIo;
      return ErrorRecord(path, "", code, "cannot read file: " + ec.message());
    }
    std::string error;
    std::optional<std::string> hash = Sha256OfFile(path, &error);
    if (!hash) return ErrorRecord(path, "", ErrorCode::kIo, error);
    sha256 = *hash;
    if (size == 0) return ErrorRecord(path, sha256, ErrorCode::kEmpty, "file is empty (0 bytes)");
    if (size > options.max_bytes) {
      return ErrorRecord(path, sha256, ErrorCode::kTooLarge,
                         "file is " + std::to_string(size >> 20) + " MiB, over the limit of " +
                             std::to_string(options.max_bytes >> 20) + " MiB");
    }
    Error open_error;
    std::unique_ptr<PdfSource> pdf = opener(path, &open_error);
    if (!pdf) return ErrorRecord(path, sha256, open_error.code, open_error.message);
    SourceInfo source;
    source.file = ShownName(path);
    source.sha256 = sha256;
    source.extractor_version = kProgramVersion;
    return ExtractDocument(*pdf, source, options.extract);
  } catch (const std::bad_alloc&) {
    return ErrorRecord(path, sha256, ErrorCode::kTooLarge, "out of memory while reading the document");
  } catch (const std::exception& e) {
    return ErrorRecord(path, sha256, ErrorCode::kInternal, std::string("internal error: ") + e.what());
  } catch (...) {
    return ErrorRecord(path, sha256, ErrorCode::kInternal, "internal error");
  }
}

DocumentOutcome Deliver(const std::string& input, const std::string& out_path, Extraction ex) {
  DocumentOutcome outcome;
  outcome.input = input;
  outcome.sha256 = ex.source.sha256;
  if (out_path == "-") {
    outcome.stream_json = ToContractLine(ex);
  } else {
    std::string error;
    int errnum = 0;
    if (WriteFileAtomically(out_path, ToContractText(ex), &error, &errnum)) {
      outcome.output = out_path;
    } else {
      outcome.write_failed = true;
      outcome.storage_fault = IsStorageFault(errnum);
      outcome.error = Error{ErrorCode::kIo, error};
    }
  }
  if (ex.error && !outcome.write_failed) outcome.error = ex.error;
  outcome.status = outcome.error ? kLedgerError : kLedgerOk;
  outcome.family = ex.document ? FamilyName(ex.document->family) : "";
  outcome.pages = ex.source.pages;
  outcome.ocr_pages = static_cast<int>(std::count(ex.source.page_sources.begin(),
                                                  ex.source.page_sources.end(), TextSource::kOcr));
  outcome.measures = ex.measures.size();
  outcome.completeness = ex.validation.completeness;
  outcome.timings = ex.timings;
  return outcome;
}

namespace {

// The record in an existing output; nullopt when it cannot be read as a contract record.
std::optional<Extraction> ReadRecord(const std::string& out_path) {
  std::ifstream in(out_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<Extraction> record = ReadContractJson(text);
  if (!record) return std::nullopt;
  return std::move(*record);
}

bool RecordIsCurrent(const std::optional<Extraction>& record, bool exists, const std::string& sha256,
                     bool retry_failed, std::string* why, DocumentOutcome* earlier) {
  if (!exists) {
    *why = "no output yet";
    return false;
  }
  if (!record) {
    *why = "the output does not parse as a contract record";
    return false;
  }
  if (record->source.sha256 != sha256) {
    *why = "the output was made from other bytes";
    return false;
  }
  const std::string& version = record->source.extractor_version;
  if (!CompatibleVersion(version)) {
    *why = "the output was made by version " + (version.empty() ? "unknown" : version);
    return false;
  }
  if (retry_failed && record->error) {
    *why = "the output is an error record";
    return false;
  }
  if (earlier != nullptr) {
    // What the kept output says, so that a resumed run reports it as the run that made it did:
    // an error record stays a failure; pages and measures still count.
    earlier->pages = record->source.pages;
    earlier->ocr_pages = static_cast<int>(std::count(record->source.page_sources.begin(),
                                                     record->source.page_sources.end(), TextSource::kOcr));
    earlier->measures = record->measures.size();
    if (record->document) earlier->family = FamilyName(record->document->family);
    if (record->error) earlier->error = record->error;
  }
  return true;
}

// The input an existing output was made from, when that is another input than `input` (other
// name, other bytes): the output must not be overwritten. Empty when the output is free, is
// this input's, or is not a contract record (a torn or foreign file is replaced as before).
std::string OtherOwner(const std::optional<Extraction>& record, const std::string& input,
                       const std::string& sha256) {
  if (!record) return "";
  const std::string& file = record->source.file;
  if (file.empty() || file == ShownName(input)) return "";
  if (!sha256.empty() && record->source.sha256 == sha256) return "";  // the same bytes: moved
  std::error_code a, b;
  if (fs::equivalent(fs::path(file), fs::path(input), a) && !a && !b) return "";
  return file;
}

}  // namespace

bool OutputIsCurrent(const std::string& out_path, const std::string& sha256, bool retry_failed,
                     std::string* why, DocumentOutcome* earlier) {
  std::error_code ec;
  bool exists = fs::exists(out_path, ec);
  return RecordIsCurrent(exists ? ReadRecord(out_path) : std::nullopt, exists, sha256, retry_failed,
                         why, earlier);
}

DocumentRunner InProcessRunner(PdfOpener opener, const SchemaValidator& validator,
                               const BatchOptions& options) {
  return [opener, &validator, &options](const BatchInput& input, const std::string& out_path,
                                        const std::string&, int) {
    Extraction ex = ProcessFile(input.path, opener, options);
    ApplySchema(ex, validator);
    return Deliver(input.path, out_path, std::move(ex));
  };
}

int BatchThreads(const BatchOptions& options, size_t inputs) {
  int jobs = options.jobs > 0 ? options.jobs : AvailableCpus();
  return std::clamp(jobs, 1, std::max(1, static_cast<int>(inputs)));
}

BatchSummary RunBatch(const std::vector<BatchInput>& all_inputs, const BatchOptions& options,
                      const DocumentRunner& runner,
                      const std::function<void(const DocumentOutcome&)>& on_done,
                      BatchControl* control) {
  auto started = std::chrono::steady_clock::now();
  std::vector<BatchInput> inputs;
  for (const BatchInput& in : all_inputs) {
    if (InShard(in, options.shard)) inputs.push_back(in);
  }
  BatchSummary summary;
  summary.documents = static_cast<int>(inputs.size());
  bool stream = options.out_dir == "-";
  std::string ledger = options.ledger;
  if (ledger.empty() && !stream) ledger = (fs::path(options.out_dir) / "ledger.jsonl").string();
  if (ledger == "-") ledger.clear();
  std::string shard_text = options.shard.count > 1
      ? std::to_string(options.shard.index) + "/" + std::to_string(options.shard.count) : "";
  auto out_path_of = [&](const BatchInput& in) {
    return stream ? std::string("-") : (fs::path(options.out_dir) / in.output).string();
  };
  if (!stream) {
    // Temporary files a killed run left for this batch's outputs (not other shards').
    std::vector<std::string> outputs;
    for (const BatchInput& in : inputs) outputs.push_back(out_path_of(in));
    SweepStalePartials(outputs);
  }
  // What made each kept output, for the skipped lines of --resume: the last line that did work.
  std::map<std::string, LedgerEntry> earlier_work;
  if (options.resume && !ledger.empty()) {
    for (LedgerEntry& e : ReadLedger(ledger).entries) {
      if (e.status != kLedgerSkipped) earlier_work[e.input] = std::move(e);
    }
  }
  std::mutex mu;
  size_t next = 0;
  std::atomic<bool> halted{false};  // an output or the ledger could not be written: stop
  std::map<std::string, std::string> first_input_by_sha;  // duplicates within this run
  auto finish = [&](DocumentOutcome& outcome, double seconds) {
    outcome.seconds = seconds;
    LedgerEntry e;
    e.input = ShownName(outcome.input);
    e.output = ShownName(outcome.output);
    e.sha256 = outcome.sha256;
    e.status = outcome.status;
    if (outcome.error) {
      e.error_code = ErrorCodeName(outcome.error->code);
      e.message = outcome.error->message;
    }
    if (!outcome.note.empty()) e.message = outcome.note;
    e.pages = outcome.pages;
    e.ocr_pages = outcome.ocr_pages;
    e.seconds = seconds;
    if (outcome.status == kLedgerSkipped) {
      auto it = earlier_work.find(e.input);
      e.earlier_status = outcome.error ? kLedgerError : kLedgerOk;
      if (it != earlier_work.end()) e.earlier_seconds = it->second.seconds;
    }
    e.version = kProgramVersion;
    e.shard = shard_text;
    e.time = UtcNow();
    std::string ledger_error;
    std::lock_guard<std::mutex> lock(mu);
    if (!ledger.empty() && !AppendLedgerLine(ledger, LedgerLine(e), &ledger_error)) {
      outcome.write_failed = true;
      outcome.storage_fault = true;  // a batch whose ledger cannot be written must not go on
      if (!outcome.error) outcome.error = Error{ErrorCode::kIo, ledger_error};
      if (summary.halted.empty()) summary.halted = ledger_error;
    }
    if (outcome.storage_fault) {
      if (summary.halted.empty()) summary.halted = outcome.error ? outcome.error->message : "cannot write";
      halted.store(true);
    }
    if (outcome.status == kLedgerSkipped && outcome.error) {
      ++summary.failed;  // an error record kept: still a failure until retried
      ++summary.failed_earlier;
      summary.failed_inputs.push_back(outcome.input);
    } else if (outcome.status == kLedgerSkipped) ++summary.skipped;
    else if (outcome.status == kLedgerDuplicate) ++summary.duplicates;
    else if (outcome.status == kLedgerInterrupted) ++summary.interrupted;
    else if (outcome.write_failed) ++summary.write_failed;
    else if (outcome.error || outcome.status == kLedgerRefused) ++summary.failed;
    else ++summary.ok;
    if (outcome.status == kLedgerError || outcome.status == kLedgerRefused || outcome.write_failed)
      summary.failed_inputs.push_back(outcome.input);
    summary.pages += outcome.pages;
    summary.ocr_pages += outcome.ocr_pages;
    summary.measures += outcome.measures;
    if (on_done) on_done(outcome);
  };
  auto worker = [&](int worker_index) {
    for (;;) {
      if (control != nullptr && control->stop.load()) return;
      if (halted.load()) return;
      size_t i;
      std::string sha256, hash_error, duplicate_of;
      {
        // Claimed and hashed in input order, so the first of two identical files is the one
        // listed first.
        std::lock_guard<std::mutex> lock(mu);
        if (next >= inputs.size()) return;
        i = next++;
        if (inputs[i].problem.empty()) {
          if (auto h = Sha256OfFile(inputs[i].path, &hash_error)) {
            sha256 = *h;
            auto [it, fresh] = first_input_by_sha.emplace(sha256, inputs[i].path);
            if (!fresh) duplicate_of = it->second;  // also a file listed twice
          }
        }
      }
      const BatchInput& input = inputs[i];
      if (control != nullptr) ++control->running;
      auto t0 = std::chrono::steady_clock::now();
      std::string out_path = out_path_of(input);
      DocumentOutcome outcome;
      outcome.input = input.path;
      outcome.sha256 = sha256;
      std::string why;
      std::error_code ec;
      bool exists = !stream && fs::exists(out_path, ec);
      std::optional<Extraction> kept = exists ? ReadRecord(out_path) : std::nullopt;
      std::string owner = exists ? OtherOwner(kept, input.path, sha256) : "";
      if (!owner.empty()) {
        // Another input's result (an earlier run with another input of the same name): kept.
        outcome.status = kLedgerRefused;
        outcome.note = "refused: " + ShownName(out_path) + " holds the record of " + owner +
                       "; give this input another --out (or --base), or remove that file";
      } else if (!input.problem.empty()) {
        Extraction ex = ErrorRecord(input.path, "", ErrorCode::kNotFound, input.problem);
        outcome = Deliver(input.path, out_path, std::move(ex));
      } else if (!duplicate_of.empty()) {
        outcome.status = kLedgerDuplicate;
        outcome.duplicate_of = duplicate_of;
        outcome.note = ShownName(duplicate_of);
      } else if (options.resume && !stream && !sha256.empty() &&
                 RecordIsCurrent(kept, exists, sha256, options.retry_failed, &why, &outcome)) {
        outcome.status = kLedgerSkipped;
        outcome.output = out_path;
      } else {
        outcome = runner(input, out_path, sha256, worker_index);
        outcome.input = input.path;  // the bytes of the names, whatever the worker's JSON made of them
        if (!outcome.output.empty()) outcome.output = out_path;
        if (!sha256.empty() && !outcome.sha256.empty() && outcome.sha256 != sha256 && outcome.note.empty()) {
          outcome.note = "the file changed while the batch read it: the record is of the bytes read last";
        }
      }
      finish(outcome, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      if (control != nullptr) --control->running;
    }
  };
  int jobs = BatchThreads(options, inputs.size());
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker, t);
  worker(0);
  for (std::thread& t : threads) t.join();
  if ((control != nullptr && control->stop.load()) || halted.load()) {
    summary.interrupted += static_cast<int>(inputs.size() - std::min(next, inputs.size()));
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace ita
