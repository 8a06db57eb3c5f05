#include "pipeline/thai/numerals.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

std::string Trimmed(std::string_view text) {
  std::string s = ThaiDigitsToAscii(text);
  size_t b = s.find_first_not_of(" \n\t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \n\t");
  return s.substr(b, e - b + 1);
}

// Reads digits with thousands separators and an optional fraction starting at `pos`.
std::optional<double> ReadNumber(const std::string& s, size_t pos, size_t* end) {
  std::string digits;
  size_t i = pos;
  bool any = false;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) ||
                          (s[i] == ',' && any && i + 1 < s.size() &&
                           std::isdigit(static_cast<unsigned char>(s[i + 1]))))) {
    if (s[i] != ',') digits.push_back(s[i]);
    any = true;
    ++i;
  }
  if (!any) return std::nullopt;
  size_t integer_digits = digits.size();
  if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    digits.push_back('.');
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) digits.push_back(s[i++]);
  }
  if (end) *end = i;
  // No amount or score in a report has more than 15 digits; longer runs are not numbers we can
  // represent exactly (found by the repair fuzzer: std::stod threw on them).
  if (integer_digits > 15 || digits.size() > 32) return std::nullopt;
  return std::strtod(digits.c_str(), nullptr);
}

std::optional<double> FirstNumber(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      auto v = ReadNumber(s, i, nullptr);
      if (v && i > 0 && s[i - 1] == '-') return -*v;
      return v;
    }
  }
  return std::nullopt;
}

struct Run {
  size_t from, to;  // [from, to) in code points
};

// Digit runs: digits joined by single separators (a decimal point, a thousands comma, a time
// colon) and, when `skip_spaces`, by spaces.
std::vector<Run> DigitRuns(const std::u32string& s, bool skip_spaces) {
  std::vector<Run> runs;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigitOfEitherSet(s[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    for (;;) {
      size_t k = j;
      if (skip_spaces)
        while (k < s.size() && s[k] == U' ') ++k;
      if (k < s.size() && IsDigitOfEitherSet(s[k])) {
        j = k + 1;
        continue;
      }
      if (k + 1 < s.size() && (s[k] == U'.' || s[k] == U',' || s[k] == U':')) {
        size_t m = k + 1;
        if (skip_spaces)
          while (m < s.size() && s[m] == U' ') ++m;
        if (m < s.size() && IsDigitOfEitherSet(s[m])) {
          j = m + 1;
          continue;
        }
      }
      break;
    }
    runs.push_back({i, j});
    i = j;
  }
  return runs;
}

}  // namespace

std::string SpliceDigitRuns(std::string_view text_reading, std::string_view digits_reading) {
  std::u32string text = DecodeUtf8(text_reading);
  std::u32string digits = DecodeUtf8(digits_reading);
  auto thai_digits = [](const std::u32string& s, const Run& r) {
    return std::any_of(s.begin() + r.from, s.begin() + r.to, [](char32_t c) { return IsThaiDigit(c); });
  };
  auto compact = [&digits](const Run& r) {
    std::u32string run;
    for (size_t i = r.from; i < r.to; ++i)
      if (digits[i] != U' ') run.push_back(digits[i]);
    return run;
  };
  std::vector<std::pair<Run, std::u32string>> replacements;
  // Thai digit runs only: the main model reads Arabic digits, and tells them from Thai ones;
  // the numeric model, reading words it does not know, makes up stray Arabic digits.
  {
    std::vector<Run> into, from;
    for (const Run& r : DigitRuns(text, false))
      if (thai_digits(text, r)) into.push_back(r);
    for (const Run& r : DigitRuns(digits, true))
      if (thai_digits(digits, r)) from.push_back(r);
    if (into.size() == from.size()) {
      // As many runs in both: they are the same numbers, whatever the main model made of them.
      // It may read a digit it lacks as two ("๒๕๖๔" as "๒๕๒๐๕"), never as none: a longer run
      // in the numeric reading has a digit too many and is not taken.
      for (size_t k = 0; k < into.size(); ++k) {
        std::u32string run = compact(from[k]);
        if (run.size() <= into[k].to - into[k].from) replacements.push_back({into[k], std::move(run)});
      }
    } else {
      // One reading has a stray run: in order, each run takes the next run of the same length.
      size_t next = 0;
      for (const Run& target : into) {
        for (size_t k = next; k < from.size(); ++k) {
          std::u32string run = compact(from[k]);
          if (run.size() != target.to - target.from) continue;
          replacements.push_back({target, std::move(run)});
          next = k + 1;
          break;
        }
      }
    }
  }
  std::sort(replacements.begin(), replacements.end(),
            [](const auto& a, const auto& b) { return a.first.from > b.first.from; });
  for (const auto& [run, value] : replacements) text.replace(run.from, run.to - run.from, value);
  return EncodeUtf8(text);
}

std::optional<long long> ParseInteger(std::string_view text) {
  std::string s = Trimmed(text);
  size_t end = 0;
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return std::nullopt;
  auto v = ReadNumber(s, 0, &end);
  if (!v || end != s.size() || s.find('.') != std::string::npos) return std::nullopt;
  return static_cast<long long>(*v);
}

std::optional<double> ParseDecimal(std::string_view text) {
  std::string s = Trimmed(text);
  size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  size_t end = 0;
  if (start >= s.size() || !std::isdigit(static_cast<unsigned char>(s[start]))) return std::nullopt;
  auto v = ReadNumber(s, start, &end);
  if (!v || end != s.size()) return std::nullopt;
  return s[0] == '-' ? -*v : *v;
}

std::optional<double> ParseAmountBaht(std::string_view text) {
  std::string s = Trimmed(text);
  if (s.empty()) return std::nullopt;
  // "-", "–", "ไม่ใช้งบประมาณ", "ไม่ใช้งบ…": no money is planned.
  if (s == "-" || s == "\u2013" || s == "\u2014" || s.rfind("ไม่ใช้งบ", 0) == 0 ||
      s.rfind("ไม่มีงบ", 0) == 0) {
    return 0.0;
  }
  return FirstNumber(s);
}

std::optional<double> ParsePercent(std::string_view text) {
  std::string s = Trimmed(text);
  bool marked = s.find("ร้อยละ") != std::string::npos || s.find('%') != std::string::npos;
  if (!marked) return std::nullopt;
  return FirstNumber(s);
}

std::optional<int> LeadingEnumerator(std::string_view text) {
  std::string s = Trimmed(text);
  size_t i = 0;
  bool paren = false;
  if (i < s.size() && s[i] == '(') {
    paren = true;
    ++i;
  }
  size_t start = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == start || i - start > 3) return std::nullopt;
  int value = std::stoi(s.substr(start, i - start));
  if (paren) return (i < s.size() && s[i] == ')') ? std::optional<int>(value) : std::nullopt;
  if (i < s.size() && (s[i] == ')' || s[i] == '.')) {
    // "1.5" is a number, not an enumerator.
    if (s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))
      return std::nullopt;
    return value;
  }
  // A bare number followed by space, as in a ลำดับ cell joined with its measure ("1 การ…").
  if (i == s.size()) return value;
  return std::nullopt;
}

}  // namespace ita::thai
