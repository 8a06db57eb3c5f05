// Thai numbers as reports print them, to typed values.
//
//   ParseAmountBaht("๑๐,๐๐๐.-")           -> 10000
//   ParseAmountBaht("-")                  -> 0      (a dash in a budget column means none)
//   ParseAmountBaht("ไม่ใช้งบประมาณ")        -> 0
//   ParsePercent("ร้อยละ ๘๐")               -> 80
//   ParseDecimal("๕๙.๔๖")                 -> 59.46
//   ParseInteger("๑๒")                    -> 12
//
// All return std::nullopt when the text holds no such number. Thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace ita::thai {

std::optional<long long> ParseInteger(std::string_view text);
std::optional<double> ParseDecimal(std::string_view text);
std::optional<double> ParseAmountBaht(std::string_view text);
std::optional<double> ParsePercent(std::string_view text);

// The number an enumerated item starts with: "1.", "๑.", "(1)", "1)", "๒)" -> 1, 1, 1, 1, 2.
std::optional<int> LeadingEnumerator(std::string_view text);

// The Thai digits of one OCR reading put into another. OCR's main Thai model reads the words
// and Arabic digits right but lacks ๔ ๖ ๗ ๘ ๙ (it reads "พ.ศ. ๒๕๖๔" as "พ.ศ. ๒๕๒๕" or
// "พ.ศ. ๒๕๒๐๕"); the numeric model reads the digits right but not the words. Runs of Thai digits
// (joined by single . , :) are matched: when both readings have as many, in order (a numeric
// run longer than the text's is not taken); otherwise each run of `text_reading` takes the next
// run of `digits_reading` with the same length. Runs without a partner stay. Spaces between
// digits in `digits_reading` are ignored.
std::string SpliceDigitRuns(std::string_view text_reading, std::string_view digits_reading);

}  // namespace ita::thai
