#include "pipeline/thai/mark_shift.h"

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

std::u32string ShiftRun(std::u32string_view run) {
  // Consonants with the marks written after each, in order; text before the first consonant
  // and other letters (leading vowels, SARA AA) keep their places between them.
  std::u32string out;
  size_t previous = std::u32string::npos;  // in `out`: just after the consonant before the last
  size_t last = std::u32string::npos;      // ...and just after the last consonant
  for (size_t i = 0; i < run.size();) {
    char32_t c = run[i];
    if (IsThaiCombining(c)) {
      size_t j = i;
      while (j < run.size() && IsThaiCombining(run[j])) ++j;
      std::u32string_view marks = run.substr(i, j - i);
      // Marks right after a consonant that has one before it move onto that one.
      bool after_consonant = last != std::u32string::npos && last == out.size();
      if (after_consonant && previous != std::u32string::npos) {
        out.insert(previous, marks);
        last += marks.size();
      } else {
        out += marks;
      }
      i = j;
      continue;
    }
    out.push_back(c);
    if (IsThaiConsonant(c)) {
      previous = last;
      last = out.size();
    }
    ++i;
  }
  return out;
}

}  // namespace

std::string ShiftMarksBack(std::string_view utf8) {
  std::u32string text = DecodeUtf8(utf8);
  auto shifted = RewriteThaiRuns(text, [](std::u32string_view run) -> std::optional<std::u32string> {
    return ShiftRun(run);
  });
  return shifted ? EncodeUtf8(*shifted) : std::string(utf8);
}

MarkShiftEvidence WeighMarkShift(const std::vector<std::string>& lines, const ThaiDictionary& dict) {
  MarkShiftEvidence e;
  for (const std::string& line : lines) {
    std::u32string text = DecodeUtf8(line);
    for (const std::u32string& run : ThaiRuns(text)) {
      if (run.size() < 2) continue;
      e.thai_letters += static_cast<int>(run.size());
      e.covered_as_read += dict.Segment(run).in_long_words;
      e.covered_shifted += dict.Segment(ShiftRun(run)).in_long_words;
    }
  }
  return e;
}

}  // namespace ita::thai
