#include "pipeline/cli/progress.h"

#include <cerrno>

#include <cmath>

#include "pipeline/io/output_files.h"

namespace ita::cli {

std::string FormatProgress(const ProgressCounts& c, double elapsed) {
  char line[256];
  // Pages of documents still running count too: a long OCR document moves the line.
  int pages = c.pages;
  for (const auto& [done, total] : c.in_flight) pages += done;
  double rate = elapsed > 0 ? pages / elapsed : 0;
  int n = std::snprintf(line, sizeof line, "[%d/%d] %d pages (%d OCR), %d failed, %.1f pages/s",
                        c.done, c.total, pages, c.ocr_pages, c.failed, rate);
  std::string s(line, static_cast<size_t>(n));
  if (c.running > 0) s += ", " + std::to_string(c.running) + " running";
  if (!c.in_flight.empty()) {
    s += " (p.";
    for (size_t i = 0; i < c.in_flight.size() && i < 4; ++i) {
      s += (i ? ", " : " ") + std::to_string(c.in_flight[i].first) + "/" + std::to_string(c.in_flight[i].second);
    }
    s += c.in_flight.size() > 4 ? ", …)" : ")";
  }
  if (c.done > 0 && c.done < c.total && elapsed > 0) {
    double left = elapsed / c.done * (c.total - c.done);
    if (left < 90) s += ", about " + std::to_string(static_cast<int>(std::ceil(left))) + " s left";
    else if (left < 5400) s += ", about " + std::to_string(static_cast<int>(std::round(left / 60))) + " min left";
    else s += ", about " + std::to_string(static_cast<int>(std::round(left / 3600))) + " h left";
  }
  return s;
}

std::string PrintableName(const std::string& text) {
  std::string out;
  for (unsigned char c : ShownName(text)) out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  return out;
}

void StatusLine::Show(const std::string& text) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  shown_ = text;
  std::fprintf(stderr, "\r\x1b[K%s", text.c_str());
  std::fflush(stderr);
}

bool StatusLine::Print(const std::string& line, FILE* stream) {
  std::lock_guard<std::mutex> lock(mu_);
  if (enabled_ && !shown_.empty()) std::fprintf(stderr, "\r\x1b[K");
  bool written = std::fputs(line.c_str(), stream) >= 0;
  written = std::fflush(stream) == 0 && written;
  int saved = errno;
  if (enabled_ && !shown_.empty()) {
    std::fprintf(stderr, "%s", shown_.c_str());
    std::fflush(stderr);
  }
  errno = saved;
  return written;
}

void StatusLine::Clear() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (!shown_.empty()) std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_.clear();
}

}  // namespace ita::cli
