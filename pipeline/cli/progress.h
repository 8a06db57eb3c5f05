// The batch's status line on a terminal (ninja and OCRmyPDF are the models): one line that
// rewrites itself with documents done/total, pages, OCR pages, failures, pages per second and
// the time left. Off a terminal nothing here is printed: no control characters in logs.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ita::cli {

struct ProgressCounts {
  int done = 0;
  int total = 0;
  int pages = 0;
  int ocr_pages = 0;
  int failed = 0;
  int running = 0;
  std::vector<std::pair<int, int>> in_flight;  // pages done of N of the documents running now
};

// "[12/300] 45 pages (10 OCR), 1 failed, 3.2 pages/s, 2 running (p. 4/26, 1/3), about 5 min left"
std::string FormatProgress(const ProgressCounts& counts, double elapsed_seconds);

// Text safe to print on one terminal line: control characters (newlines, escapes) shown as '?'.
std::string PrintableName(const std::string& text);

class StatusLine {
 public:
  explicit StatusLine(bool enabled) : enabled_(enabled) {}
  void Show(const std::string& text);   // replaces the status line
  // A line above it (ends in \n); false when `stream` refused it (errno says why).
  bool Print(const std::string& line, FILE* stream);
  void Clear();

 private:
  bool enabled_;
  std::mutex mu_;
  std::string shown_;
};

}  // namespace ita::cli
