// Which contract field a table header cell names, from a table of synonyms (data, not code).
//
//   HeaderFieldOf("ระยะเวลา ดำเนินการ")                    -> kPeriod
//   HeaderFieldOf("ผลลัพธ์หรือผลสัมฤทธิ์ในการดำเนินการ (outcome/result)") -> kOutcome
//   HeaderFieldOf("ขัน้ ตอนหรือวิธีการปฏิบัติ")  (broken text layer)      -> kMethod
//   HeaderFieldOf("วิธีดำเนนิการ")  (one letter off)                      -> kMethod
//
// Matching ignores spaces and digits' script, and tolerates one wrong letter in synonyms of
// six letters or more. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct HeaderSynonym {
  MeasureField field;
  std::string text;  // as written in reports, spaces ignored
};

// In priority order: the first synonym found in a header cell decides its field.
const std::vector<HeaderSynonym>& MeasureHeaderSynonyms();

std::optional<MeasureField> HeaderFieldOf(std::string_view header_text);

// A tick column's header that names a quarter or a month ("ไตรมาส ๑", "Q2", "ต.ค.", "มกราคม 67"):
// the fiscal months it covers, 1 = October .. 12 = September, first and last.
std::optional<std::pair<int, int>> PeriodTickOf(std::string_view header_text);

// The BE year a plan's year column is headed by ("ปี 2566 งบประมาณ (บาท)", "พ.ศ. ๒๕๖๗", "2568").
std::optional<int> YearColumnOf(std::string_view header_text);

// Header text normalised for matching: no spaces or line breaks, repaired Thai, ASCII digits,
// lower-case Latin.
std::u32string NormalizeHeader(std::string_view text);

}  // namespace ita
