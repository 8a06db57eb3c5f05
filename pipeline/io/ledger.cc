#include "pipeline/io/ledger.h"

#include "pipeline/io/output_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>

namespace ita {

std::string LedgerLine(const LedgerEntry& e) {
  nlohmann::ordered_json j;
  j["input"] = e.input;
  j["output"] = e.output;
  j["sha256"] = e.sha256;
  j["status"] = e.status;
  if (!e.error_code.empty()) j["error"] = e.error_code;
  if (!e.message.empty()) j["message"] = e.message;
  if (!e.earlier_status.empty()) j["earlier_status"] = e.earlier_status;
  j["pages"] = e.pages;
  j["ocr_pages"] = e.ocr_pages;
  j["seconds"] = std::round(e.seconds * 1000) / 1000;
  if (e.earlier_seconds >= 0) j["earlier_seconds"] = std::round(e.earlier_seconds * 1000) / 1000;
  j["version"] = e.version;
  if (!e.shard.empty()) j["shard"] = e.shard;
  j["time"] = e.time;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<LedgerEntry> ParseLedgerLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("input") || !j["input"].is_string() || !j.contains("status") ||
      !j["status"].is_string()) {
    return std::nullopt;
  }
  auto text = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
  };
  auto number = [&](const char* key) {
    return j.contains(key) && j[key].is_number() ? j[key].get<double>() : 0.0;
  };
  LedgerEntry e;
  e.input = text("input");
  e.output = text("output");
  e.sha256 = text("sha256");
  e.status = text("status");
  e.error_code = text("error");
  e.message = text("message");
  e.earlier_status = text("earlier_status");
  if (j.contains("earlier_seconds") && j["earlier_seconds"].is_number()) e.earlier_seconds = number("earlier_seconds");
  e.pages = static_cast<int>(number("pages"));
  e.ocr_pages = static_cast<int>(number("ocr_pages"));
  e.seconds = number("seconds");
  e.version = text("version");
  e.shard = text("shard");
  e.time = text("time");
  return e;
}

namespace {

// Under the lock: when the file does not end in a newline (a writer killed or a disk full in
// mid-line), cuts it back to the end of its last whole line.
bool CutTornTail(int fd, off_t size) {
  if (size == 0) return true;
  char last = 0;
  if (::pread(fd, &last, 1, size - 1) != 1) return false;
  if (last == '\n') return true;
  off_t end = size;
  char buffer[4096];
  while (end > 0) {
    off_t start = end > static_cast<off_t>(sizeof buffer) ? end - static_cast<off_t>(sizeof buffer) : 0;
    ssize_t n = ::pread(fd, buffer, static_cast<size_t>(end - start), start);
    if (n <= 0) return false;
    for (ssize_t k = n - 1; k >= 0; --k) {
      if (buffer[k] == '\n') return ::ftruncate(fd, start + k + 1) == 0;
    }
    end = start;
  }
  return ::ftruncate(fd, 0) == 0;
}

}  // namespace

bool AppendLedgerLine(const std::string& path, const std::string& line, std::string* error) {
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot open ledger " + path + ": " + std::strerror(errno);
    return false;
  }
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  while (::fcntl(fd, F_SETLKW, &lock) != 0 && errno == EINTR) {
  }
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && CutTornTail(fd, st.st_size);
  off_t before = ok ? ::lseek(fd, 0, SEEK_END) : -1;
  ok = ok && before >= 0 && WriteAll(fd, line);
  if (!ok) {
    *error = "cannot write ledger " + path + ": " + std::strerror(errno);
    if (before >= 0 && ::ftruncate(fd, before) != 0) {
      // The short line stays; the next append cuts it back.
    }
  }
  ::close(fd);  // also releases the lock
  return ok;
}

LedgerFile ReadLedger(const std::string& path) {
  LedgerFile out;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (auto e = ParseLedgerLine(line)) out.entries.push_back(std::move(*e));
    else out.unreadable_lines.push_back(number);
  }
  return out;
}

std::vector<LedgerEntry> LatestPerInput(const std::vector<LedgerEntry>& entries) {
  std::vector<LedgerEntry> out;
  std::map<std::string, size_t> index;
  for (const LedgerEntry& e : entries) {
    auto [it, fresh] = index.emplace(e.input, out.size());
    if (fresh) out.push_back(e);
    else out[it->second] = e;
  }
  return out;
}

LedgerSummary SummarizeLedger(const std::vector<LedgerEntry>& entries,
                              const std::vector<std::string>& expected) {
  LedgerSummary s;
  std::set<std::string> seen;
  // The seconds an input's output cost: the last line that made it, not a resume's skip.
  std::map<std::string, double> work_seconds;
  for (const LedgerEntry& e : entries)
    if (e.status != kLedgerSkipped) work_seconds[e.input] = e.seconds;
  for (const LedgerEntry& e : LatestPerInput(entries)) {
    seen.insert(e.input);
    ++s.inputs;
    s.pages += e.pages;
    s.ocr_pages += e.ocr_pages;
    auto work = work_seconds.find(e.input);
    double skipped_work = e.earlier_seconds >= 0 ? e.earlier_seconds : work != work_seconds.end() ? work->second : e.seconds;
    s.seconds += e.status == kLedgerSkipped ? skipped_work : e.seconds;
    // A skipped input whose kept output is an error record is still a failure.
    if (!e.output.empty()) s.shared_outputs[e.output].push_back(e.input);
    if (e.status == kLedgerOk || (e.status == kLedgerSkipped && e.error_code.empty())) {
      ++s.ok;
    } else if (e.status == kLedgerDuplicate) {
      ++s.duplicates;
    } else if (e.status == kLedgerInterrupted) {
      ++s.interrupted;
    } else {
      ++s.failed_by_code[e.error_code.empty() ? e.status : e.error_code];
      s.failed_inputs.push_back(e.input);
    }
  }
  for (const std::string& in : expected) {
    if (!seen.count(in)) s.pending.push_back(in);
  }
  for (auto it = s.shared_outputs.begin(); it != s.shared_outputs.end();) {
    if (it->second.size() < 2) it = s.shared_outputs.erase(it);
    else ++it;
  }
  return s;
}

std::string LedgerSummaryJson(const std::string& path, const LedgerSummary& s,
                              const std::vector<int>& unreadable_lines) {
  int failed = 0;
  for (const auto& [code, n] : s.failed_by_code) failed += n;
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
  j["unreadable_lines"] = unreadable_lines;
  j["shared_outputs"] = s.shared_outputs;
  j["pages"] = s.pages;
  j["ocr_pages"] = s.ocr_pages;
  j["seconds"] = s.seconds;
  return j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace ita
