#include "pipeline/run/batch.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "pipeline/io/contract_json.h"
#include "pipeline/run/sha256.h"

namespace ita {
namespace fs = std::filesystem;
namespace {

bool IsPdfName(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
}

void AddPath(const std::string& arg, std::vector<std::string>& out,
             std::vector<std::string>* problems) {
  std::error_code ec;
  fs::file_status st = fs::status(arg, ec);
  if (ec || !fs::exists(st)) {
    problems->push_back(arg + ": no such file or folder");
    return;
  }
  if (fs::is_directory(st)) {
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(
             arg, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && IsPdfName(it->path())) found.push_back(it->path().string());
    }
    if (ec) problems->push_back(arg + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    return;
  }
  out.push_back(arg);
}

std::string HashHex8(const std::string& s) {
  Sha256 h;
  h.Update(s);
  return h.HexDigest().substr(0, 8);
}

Extraction ErrorRecord(const std::string& path, SourceInfo source, ErrorCode code,
                       std::string message) {
  Extraction ex;
  source.file = path;
  ex.source = std::move(source);
  ex.error = Error{code, std::move(message)};
  ex.validation = CheckCompleteness(ex);
  return ex;
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args,
                                      std::vector<std::string>* problems) {
  std::vector<std::string> out;
  for (const std::string& arg : args) {
    if (arg.size() > 1 && arg[0] == '@') {
      std::ifstream list(arg.substr(1));
      if (!list) {
        problems->push_back(arg.substr(1) + ": cannot read list file");
        continue;
      }
      std::string line;
      while (std::getline(list, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        AddPath(line, out, problems);
      }
      continue;
    }
    AddPath(arg, out, problems);
  }
  return out;
}

std::vector<std::string> OutputNames(const std::vector<std::string>& inputs) {
  std::map<std::string, int> count;
  std::vector<std::string> stems;
  for (const std::string& in : inputs) {
    std::string stem = fs::path(in).stem().string();
    stems.push_back(stem);
    ++count[stem];
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (count[stems[i]] > 1) {
      names.push_back(stems[i] + "-" + HashHex8(fs::absolute(inputs[i]).lexically_normal().string()) + ".json");
    } else {
      names.push_back(stems[i] + ".json");
    }
  }
  return names;
}

Extraction ProcessFile(const std::string& path, PdfOpener opener, const BatchOptions& options) {
  SourceInfo source;
  source.file = path;
  try {
    std::error_code ec;
    uintmax_t size = fs::file_size(path, ec);
    if (ec) return ErrorRecord(path, source, ErrorCode::kIo, "cannot read file: " + ec.message());
    std::ifstream in(path, std::ios::binary);
    if (!in) return ErrorRecord(path, source, ErrorCode::kIo, "cannot open file");
    Sha256 hash;
    std::string chunk(1 << 16, '\0');
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
      hash.Update(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())));
    }
    source.sha256 = hash.HexDigest();
    if (size == 0) return ErrorRecord(path, source, ErrorCode::kEmpty, "file is empty (0 bytes)");
    if (size > options.max_bytes) {
      return ErrorRecord(path, source, ErrorCode::kTooLarge,
                         "file is " + std::to_string(size >> 20) + " MiB, over the limit of " +
                             std::to_string(options.max_bytes >> 20) + " MiB");
    }
    Error error;
    std::unique_ptr<PdfSource> pdf = opener(path, &error);
    if (!pdf) return ErrorRecord(path, source, error.code, error.message);
    return ExtractDocument(*pdf, source, options.extract);
  } catch (const std::exception& e) {
    return ErrorRecord(path, source, ErrorCode::kInternal, std::string("internal error: ") + e.what());
  } catch (...) {
    return ErrorRecord(path, source, ErrorCode::kInternal, "internal error");
  }
}

void ApplySchema(Extraction& extraction, const SchemaValidator& validator) {
  std::string schema = SchemaNameOf(extraction);
  std::vector<ValidationIssue> issues = validator.Validate(ToContractJson(extraction), schema);
  for (ValidationIssue& i : issues) extraction.validation.errors.push_back(std::move(i));
  if (!issues.empty()) extraction.validation.valid = false;
}

bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." +
                    std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()) % 100000);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      *error = "cannot write " + tmp;
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    *error = "cannot rename to " + path + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

BatchSummary RunBatch(const std::vector<std::string>& inputs, PdfOpener opener,
                      const SchemaValidator& validator, const BatchOptions& options,
                      const std::function<void(const DocumentOutcome&)>& on_done) {
  auto started = std::chrono::steady_clock::now();
  BatchSummary summary;
  summary.documents = static_cast<int>(inputs.size());
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  std::vector<std::string> names = OutputNames(inputs);
  std::atomic<size_t> next{0};
  std::mutex mu;
  auto worker = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) {
      auto t0 = std::chrono::steady_clock::now();
      DocumentOutcome outcome;
      outcome.input = inputs[i];
      std::string out_path = (fs::path(options.out_dir) / names[i]).string();
      if (options.resume && fs::exists(out_path)) {
        outcome.skipped = true;
      } else {
        Extraction ex = ProcessFile(inputs[i], opener, options);
        ApplySchema(ex, validator);
        std::string error;
        if (WriteFileAtomically(out_path, ToContractText(ex), &error)) {
          outcome.output = out_path;
        } else {
          outcome.write_failed = true;
          outcome.error = Error{ErrorCode::kIo, error};
        }
        if (ex.error) outcome.error = ex.error;
        outcome.family = ex.document ? FamilyName(ex.document->family) : "";
        outcome.pages = ex.source.pages;
        outcome.ocr_pages = static_cast<int>(std::count(
            ex.source.page_sources.begin(), ex.source.page_sources.end(), TextSource::kOcr));
        outcome.measures = ex.measures.size();
        outcome.completeness = ex.validation.completeness;
        outcome.timings = ex.timings;
      }
      outcome.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::lock_guard<std::mutex> lock(mu);
      if (outcome.skipped) {
        ++summary.skipped;
      } else if (outcome.write_failed) {
        ++summary.write_failed;
      } else if (outcome.error) {
        ++summary.failed;
      } else {
        ++summary.ok;
      }
      summary.pages += outcome.pages;
      summary.measures += outcome.measures;
      if (on_done) on_done(outcome);
    }
  };
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::clamp(jobs, 1, std::max(1, static_cast<int>(inputs.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace ita
