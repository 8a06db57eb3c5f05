// The date grammar's words: month names and abbreviations (each month's forms, OCR's
// misreadings of their marks), eras, keywords and numbers, as tokens. Internal to
// pipeline/thai/ (dates.cc composes them into periods).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace ita::thai {

// kWord stands for any other word, so that adjacency can be checked ("๕ เดือน เมษายน" is
// "5 months: April", not the 5th of April).
enum class Tok { kNum, kMonth, kBe, kCe, kSep, kComma, kFiscal, kThroughout, kQuarter, kEvery, kWord };

struct Token {
  Tok kind;
  int value = 0;   // number value or month
  int digits = 0;  // for numbers
  int letters = 0; // for other words: how many code points they span
};

// Position of the first non-space at or after `pos`.
size_t SkipSpaces(std::u32string_view s, size_t pos);

// The month (1-12) whose name or abbreviation starts at `pos`, and its length in *len.
std::optional<int> MatchMonth(std::u32string_view s, size_t pos, size_t* len);

// The tokens of a text (Thai digits read as Arabic ones).
std::vector<Token> Tokenize(std::string_view utf8);

}  // namespace ita::thai
