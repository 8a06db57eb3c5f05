#include "pipeline/layout/text_source_policy.h"

#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

double InkShare(const Raster& r, int dark_level) {
  if (r.pixels.empty()) return -1;
  size_t dark = 0;
  for (unsigned char p : r.pixels) dark += p < dark_level;
  return static_cast<double>(dark) / static_cast<double>(r.pixels.size());
}

}  // namespace

double GarbageShare(const std::string& text) {
  std::u32string repaired = thai::MapPrivateUseGlyphs(thai::DecodeUtf8(text));
  size_t counted = 0;
  size_t bad = 0;
  for (char32_t c : repaired) {
    if (c == U' ' || c == U'\n') continue;
    ++counted;
    bool garbage = c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c < 0x20) ||
                   (c >= 0x7F && c < 0xA0) || (c >= 0x0E3B && c <= 0x0E3E);
    bad += garbage;
  }
  return counted == 0 ? 0.0 : static_cast<double>(bad) / static_cast<double>(counted);
}

TextSourceDecision ChooseTextSource(const std::vector<Word>& words, const Raster& render,
                                    const TextSourceOptions& options) {
  std::string all;
  for (const Word& w : words) {
    all += w.utf8;
    all += ' ';
  }
  size_t chars = thai::DecodeUtf8(all).size() - words.size();
  double ink = InkShare(render, options.dark_level);
  if (static_cast<int>(chars) < options.min_text_chars) {
    if (ink >= 0 && ink < options.min_ink_share) return {TextSource::kText, "blank page"};
    return {TextSource::kOcr, chars == 0 ? "no text layer" : "text layer nearly empty"};
  }
  double garbage = GarbageShare(all);
  if (garbage > options.max_garbage_share) {
    return {TextSource::kOcr, "text layer unreadable (" +
                                  std::to_string(static_cast<int>(garbage * 100)) +
                                  "% garbage characters)"};
  }
  return {TextSource::kText, "text layer"};
}

}  // namespace ita
