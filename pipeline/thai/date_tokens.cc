#include "pipeline/thai/date_tokens.h"

#include <algorithm>
#include <string>

#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

// ------------------------------------------------------------------ lexicon

struct MonthNames {
  int month;
  std::vector<std::u32string> full;  // full names and common misspellings
  std::u32string abbr_first;         // the abbreviation's two parts: "ต" "ค" for ต.ค.
  std::u32string abbr_second;
};

const std::vector<MonthNames>& Months() {
  static const std::vector<MonthNames> months = {
      {1, {U"มกราคม", U"มกรา"}, U"ม", U"ค"},
      {2, {U"กุมภาพันธ์", U"กุมภาพันธ", U"กุมภา"}, U"ก", U"พ"},
      {3, {U"มีนาคม", U"มีนา"}, U"มี", U"ค"},
      {4, {U"เมษายน", U"เมษา"}, U"เม", U"ย"},
      {5, {U"พฤษภาคม", U"พฤษภา"}, U"พ", U"ค"},
      {6, {U"มิถุนายน", U"มิถุนา"}, U"มิ", U"ย"},
      {7, {U"กรกฎาคม", U"กรกฏาคม", U"กรกฎา"}, U"ก", U"ค"},
      {8, {U"สิงหาคม", U"สิงหา"}, U"ส", U"ค"},
      {9, {U"กันยายน", U"กันยา"}, U"ก", U"ย"},
      {10, {U"ตุลาคม", U"ตุลา"}, U"ต", U"ค"},
      {11, {U"พฤศจิกายน", U"พฤศจิกา"}, U"พ", U"ย"},
      {12, {U"ธันวาคม", U"ธันวา"}, U"ธ", U"ค"},
  };
  return months;
}

bool StartsWith(std::u32string_view s, size_t pos, std::u32string_view word) {
  return s.substr(pos, word.size()) == word;
}

bool IsLetterAt(std::u32string_view s, size_t pos) {
  return pos < s.size() && (IsThaiLetter(s[pos]) || IsThaiCombining(s[pos]) || s[pos] == 0x0E33);
}


// Matches a month abbreviation such as ต.ค. / ต.ค / ตค. / ต. ค. at `pos`; returns its length.
// Tolerant (OCR): marks the abbreviation does not have, and an อ OCR makes of a speck before
// the dot ("กอ.ย."), are skipped and counted in `stray`; a
// first part with a vowel mark (มี.ค., มิ.ย.) takes any mark before the second letter for its
// own, since OCR confuses the marks' shapes (มี.ค. read "ม.ุค") far more often than it invents one.
size_t MatchAbbreviation(std::u32string_view s, size_t pos, const MonthNames& m, bool tolerant,
                         int* stray = nullptr) {
  std::u32string_view first = m.abbr_first;
  bool wants_mark = false;
  if (tolerant && first.size() > 1 && IsThaiCombining(first.back())) {
    first.remove_suffix(1);
    wants_mark = true;
  }
  if (!StartsWith(s, pos, first)) return 0;
  size_t i = pos + first.size();
  int skipped = 0;
  auto skip_stray_marks = [&](size_t k, bool before_second) {
    while (tolerant && k < s.size() && IsThaiCombining(s[k])) {
      if (before_second && wants_mark) wants_mark = false;  // the first part's own mark, misread
      else ++skipped;
      ++k;
    }
    return k;
  };
  bool dotted = false;
  i = skip_stray_marks(i, true);
  if (tolerant && i + 1 < s.size() && s[i] == U'อ' && s[i + 1] == U'.') {
    ++skipped;
    ++i;
  }
  if (i < s.size() && s[i] == U'.') {
    dotted = true;
    ++i;
  }
  i = skip_stray_marks(SkipSpaces(s, i), true);
  if (wants_mark) return 0;  // มี.ค. without its mark is ม.ค.
  if (!StartsWith(s, i, m.abbr_second)) return 0;
  i += m.abbr_second.size();
  i = skip_stray_marks(i, false);
  if (i < s.size() && s[i] == U'.') {
    dotted = true;
    ++i;
  }
  // The second letter must end the abbreviation ("ก.พ.ร." and "ก.ค.ศ." are agencies).
  if (IsLetterAt(s, i)) {
    size_t after = i + 1;
    if (after < s.size() && s[after] == U'.') return 0;
    if (!dotted) return 0;
  }
  if (i < s.size() && s[i - 1] != U'.' && IsLetterAt(s, i)) return 0;
  // Undotted abbreviations must stand alone: "ตค" inside a word is not a month.
  if (!dotted && pos > 0 && IsLetterAt(s, pos - 1)) return 0;
  if (stray != nullptr) *stray = skipped;
  return i - pos;
}

// A full month name whose marks OCR misread, dropped or added ("ม๊นาคม", "ตลาคม" for มีนาคม,
// ตุลาคม): its letters in order with any marks between them, at most two marks different, and
// no letter right after it. The months' names differ in their letters alone, so the letters
// decide; short forms (มีนา) and abbreviations (มี.ค. against ม.ค.) need their marks and are
// not matched so. Returns the length matched, or 0.
size_t MatchNameByLetters(std::u32string_view s, size_t pos, std::u32string_view name) {
  size_t i = pos;
  int differences = 0;
  size_t k = 0;
  while (k < name.size()) {
    if (IsThaiCombining(name[k])) {
      // The name's mark: present in the text, another mark in its place, or missing.
      if (i < s.size() && IsThaiCombining(s[i])) {
        differences += s[i] == name[k] ? 0 : 1;
        ++i;
      } else {
        ++differences;
      }
      ++k;
      continue;
    }
    while (i < s.size() && IsThaiCombining(s[i])) {  // a mark the name does not have
      ++differences;
      ++i;
    }
    if (i >= s.size() || s[i] != name[k]) return 0;
    ++i;
    ++k;
  }
  while (i < s.size() && IsThaiCombining(s[i])) {
    ++differences;
    ++i;
  }
  if (differences > 2 || (i < s.size() && IsThaiLetter(s[i]))) return 0;
  return i - pos;
}

// Letters a month name or abbreviation can start with: a cheap test before the full lookup,
// which the tokenizer tries at every letter of every word.
bool CanStartMonth(char32_t c) {
  return c == U'ม' || c == U'ก' || c == U'พ' || c == U'เ' || c == U'ส' || c == U'ต' || c == U'ธ';
}


// Era markers: พ.ศ. / พ.ศ / พศ. / พ. ศ. and ค.ศ.
size_t MatchEra(std::u32string_view s, size_t pos, std::u32string_view first) {
  if (pos >= s.size() || s[pos] != first[0] || !StartsWith(s, pos, first)) return 0;
  size_t i = pos + first.size();
  bool dotted = false;
  if (i < s.size() && s[i] == U'.') {
    dotted = true;
    ++i;
  }
  i = SkipSpaces(s, i);
  if (!StartsWith(s, i, U"ศ")) return 0;
  ++i;
  if (i < s.size() && s[i] == U'.') {
    dotted = true;
    ++i;
  }
  if (!dotted) return 0;
  return i - pos;
}

struct Keyword {
  std::u32string_view text;
  Tok kind;
};


}  // namespace

size_t SkipSpaces(std::u32string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == U' ') ++pos;
  return pos;
}

// Finds the month named at `pos`; sets *len. Full names win over abbreviations.
std::optional<int> MatchMonth(std::u32string_view s, size_t pos, size_t* len) {
  if (pos >= s.size() || !CanStartMonth(s[pos])) return std::nullopt;
  // The longest name written out, exactly or (the full name) with its marks misread by OCR of
  // an unusual face: "กุมภาพนธ์" is February whole, not "กุมภา" and a word after it.
  size_t name_len = 0;
  int name_month = 0;
  for (const MonthNames& m : Months()) {
    for (const std::u32string& name : m.full) {
      if (name.size() > name_len && StartsWith(s, pos, name)) {
        name_len = name.size();
        name_month = m.month;
      }
    }
    if (size_t l = MatchNameByLetters(s, pos, m.full.front()); l > name_len) {
      name_len = l;
      name_month = m.month;
    }
  }
  if (name_len > 0) {
    *len = name_len;
    return name_month;
  }
  // Longer first parts first: "มี.ค." must not be read as "ม" + …; strict forms before
  // forms with stray marks.
  // Tolerant readings of the same length: the one that leaves fewer marks unexplained.
  size_t best_len = 0;
  int best = 0;
  int best_stray = 0;
  for (bool tolerant : {false, true}) {
    for (const MonthNames& m : Months()) {
      int stray = 0;
      size_t l = MatchAbbreviation(s, pos, m, tolerant, &stray);
      if (l > best_len || (l > 0 && l == best_len && stray < best_stray)) {
        best_len = l;
        best = m.month;
        best_stray = stray;
      }
    }
    if (best_len > 0) break;
  }
  if (best_len == 0) return std::nullopt;
  *len = best_len;
  return best;
}

std::vector<Token> Tokenize(std::string_view utf8) {
  std::u32string s = DecodeUtf8(ThaiDigitsToAscii(utf8));
  for (char32_t& c : s) {
    if (c == U'\n' || c == U'\t' || c == 0xA0) c = U' ';
  }
  static constexpr Keyword kKeywords[] = {
      {U"ปีงบประมาณ", Tok::kFiscal}, {U"งบประมาณ", Tok::kFiscal},  {U"ตลอด", Tok::kThroughout},
      {U"ไตรมาสที่", Tok::kQuarter},  {U"ไตรมาส", Tok::kQuarter},   {U"ทุก", Tok::kEvery},
      {U"จนถึง", Tok::kSep},          {U"ถึง", Tok::kSep},          {U"และ", Tok::kComma},
  };
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = s[i];
    if (c >= U'0' && c <= U'9') {
      size_t j = i;
      while (j < s.size() && s[j] >= U'0' && s[j] <= U'9') ++j;
      // Times ("08.00", "8:30") and decimals are not date parts.
      bool fraction = j + 1 < s.size() && (s[j] == U'.' || s[j] == U':') && s[j + 1] >= U'0' &&
                      s[j + 1] <= U'9';
      if (fraction) {
        ++j;
        while (j < s.size() && s[j] >= U'0' && s[j] <= U'9') ++j;
      } else if (j - i <= 4) {
        int value = 0;
        for (size_t k = i; k < j; ++k) value = value * 10 + static_cast<int>(s[k] - U'0');
        tokens.push_back({Tok::kNum, value, static_cast<int>(j - i)});
      }
      i = j;
      continue;
    }
    if (c == U'-' || c == 0x2013 || c == 0x2014 || c == U'~' || c == 0x2212) {
      tokens.push_back({Tok::kSep});
      ++i;
      continue;
    }
    if (c == U',' || c == U'/') {
      tokens.push_back({Tok::kComma});
      ++i;
      continue;
    }
    if (size_t len = MatchEra(s, i, U"พ")) {
      tokens.push_back({Tok::kBe});
      i += len;
      continue;
    }
    if (size_t len = MatchEra(s, i, U"ค")) {
      tokens.push_back({Tok::kCe});
      i += len;
      continue;
    }
    size_t month_len = 0;
    if (auto month = MatchMonth(s, i, &month_len)) {
      tokens.push_back({Tok::kMonth, *month});
      i += month_len;
      continue;
    }
    bool matched = false;
    for (const Keyword& k : kKeywords) {
      if (StartsWith(s, i, k.text)) {
        tokens.push_back({k.kind});
        i += k.text.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // Any other word: skip it whole so that a month abbreviation is never found inside it.
    if (IsLetterAt(s, i)) {
      tokens.push_back({Tok::kWord});
      while (IsLetterAt(s, i)) {
        size_t len = 0;
        if (MatchMonth(s, i, &len) || MatchEra(s, i, U"พ") || MatchEra(s, i, U"ค")) break;
        bool keyword = false;
        for (const Keyword& k : kKeywords) keyword = keyword || StartsWith(s, i, k.text);
        if (keyword) break;
        ++i;
        ++tokens.back().letters;
      }
      continue;
    }
    ++i;
  }
  return tokens;
}

}  // namespace ita::thai
