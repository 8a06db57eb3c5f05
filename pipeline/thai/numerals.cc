#include "pipeline/thai/numerals.h"

#include <cctype>
#include <cstdlib>
#include <string>

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

}  // namespace

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
