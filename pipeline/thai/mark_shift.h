// Marks read one letter late. OCR of some faces (the monospaced ones, such as Tlwg Mono) sees
// each mark above or below a letter over the letter after it, and writes it there:
// "ผรู้บัผดิชอบ" for "ผู้รับผิดชอบ", "สงเสรมิคณุธรรม" for "สงเสริมคุณธรรม". Whether a page was read
// so is the dictionary's to say: shifted back, such text becomes words; shifted, right text
// stops being words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/thai/dictionary.h"

namespace ita::thai {

// `utf8` with each run of marks that follows a consonant moved back onto the consonant before
// it, within each run of Thai (ThaiRuns); marks after a run's first consonant, or after no
// consonant, stay where they are.
std::string ShiftMarksBack(std::string_view utf8);

// How much of `lines` the dictionary covers as read and with marks shifted back.
struct MarkShiftEvidence {
  int thai_letters = 0;  // characters of its runs of Thai, marks included
  int covered_as_read = 0;
  int covered_shifted = 0;
  // Enough Thai to judge (a few lines), and shifted back it is clearly more words: at least
  // 1.3 times as much, and a fifth of all its letters more. Right text shifted stops being
  // words; text read so in a face that draws its marks late came out 50% covered as read,
  // 73% shifted back.
  bool ReadLate() const {
    return thai_letters >= 60 && covered_shifted * 10 >= covered_as_read * 13 &&
           (covered_shifted - covered_as_read) * 5 >= thai_letters;
  }
};
MarkShiftEvidence WeighMarkShift(const std::vector<std::string>& lines, const ThaiDictionary& dict);

}  // namespace ita::thai
