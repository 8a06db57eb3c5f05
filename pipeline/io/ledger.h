// The batch ledger: one JSON line per input per run, appended to OUT/ledger.jsonl (or the file
// of --ledger). Each line is written with one write(2) on an O_APPEND descriptor under an
// fcntl lock, so array tasks sharing one ledger (NFS included) never interleave, and a process
// killed mid-batch leaves whole lines only. Readers skip a line that does not parse.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ita {

// The statuses a line can carry.
inline constexpr const char* kLedgerOk = "ok";
inline constexpr const char* kLedgerError = "error";          // an error record was written
inline constexpr const char* kLedgerSkipped = "skipped";      // --resume: its output is current
inline constexpr const char* kLedgerDuplicate = "duplicate";  // same bytes as an earlier input
inline constexpr const char* kLedgerInterrupted = "interrupted";  // abandoned at SIGINT/SIGTERM
inline constexpr const char* kLedgerRefused = "refused";      // its output holds another input's record

struct LedgerEntry {
  std::string input;
  std::string output;
  std::string sha256;
  std::string status;
  std::string error_code;     // status error: the record's code
  std::string message;        // status error: its message; duplicate: the first input; refused: why
  std::string earlier_status;  // status skipped: what the kept output is (ok or error)
  double earlier_seconds = -1;  // status skipped: the seconds of the run that made it, if known
  int pages = 0;
  int ocr_pages = 0;
  double seconds = 0;
  std::string version;        // of the program
  std::string shard;          // "I/N", or empty
  std::string time;           // UTC, ISO 8601
};

std::string LedgerLine(const LedgerEntry& entry);  // one line of JSON, with the newline
std::optional<LedgerEntry> ParseLedgerLine(const std::string& line);

// Appends one line atomically: under the lock, a torn last line (a writer killed or a disk
// full in mid-line) is cut back first, and a short write is undone, so the file only ever
// holds whole lines. False (and `error`, with the system's reason) when it cannot be written.
bool AppendLedgerLine(const std::string& path, const std::string& line, std::string* error);

struct LedgerFile {
  std::vector<LedgerEntry> entries;
  std::vector<int> unreadable_lines;  // 1-based numbers of lines that do not parse
};
LedgerFile ReadLedger(const std::string& path);

// The last entry per input, in first-seen order.
std::vector<LedgerEntry> LatestPerInput(const std::vector<LedgerEntry>& entries);

struct LedgerSummary {
  int inputs = 0;                            // distinct inputs with a line
  int ok = 0;                                // last line ok or skipped (output current)
  int duplicates = 0;
  int interrupted = 0;
  std::map<std::string, int> failed_by_code;
  std::vector<std::string> failed_inputs;
  std::vector<std::string> pending;          // given inputs with no line at all
  // Outputs named by the latest lines of two or more inputs: one of them overwrote the other.
  std::map<std::string, std::vector<std::string>> shared_outputs;
  int pages = 0;
  int ocr_pages = 0;
  double seconds = 0;
};

// Summarises the latest line per input; `expected` (optional) are the inputs a batch should
// cover, for the pending list.
LedgerSummary SummarizeLedger(const std::vector<LedgerEntry>& entries,
                              const std::vector<std::string>& expected);

// `ledger --json`: the summary of the ledger at `path`, pretty-printed, with a trailing newline.
std::string LedgerSummaryJson(const std::string& path, const LedgerSummary& summary,
                              const std::vector<int>& unreadable_lines);

std::string UtcNow();

}  // namespace ita
