#include "pipeline/thai/text_repair.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

constexpr char32_t kNikhahit = 0x0E4D;
constexpr char32_t kSaraE = 0x0E40;
constexpr char32_t kSaraAe = 0x0E41;

bool IsInvisible(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x00AD || c == 0xFEFF || c == 0x2060;
}

bool IsToneOnly(char32_t c) { return c >= 0x0E48 && c <= 0x0E4B; }

// Font vendors' Private Use Area variants of Thai glyphs (shifted left, shifted down, or with
// the descender removed), mapped back to the character they draw. The code points are the
// published Windows (U+F700..) and Mac (U+F884..) conventions.
char32_t PuaToThai(char32_t c) {
  // Symbol fonts (Wingdings, Symbol) put their bullets and check boxes at U+F020..F0FF;
  // whatever the glyph, in running text it marks an item.
  if (c >= 0xF020 && c <= 0xF0FF) return U'•';
  if (c >= 0xF700 && c <= 0xF71A) {
    static constexpr char32_t kWindows[] = {
        0x0E10, 0x0E34, 0x0E35, 0x0E36, 0x0E37,          // F700..F704
        0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E4C,          // F705..F709 shifted down-left
        0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E4C,          // F70A..F70E shifted down
        0x0E0D, 0x0E31, 0x0E4D, 0x0E47,                  // F70F..F712
        0x0E48, 0x0E49, 0x0E4A, 0x0E4B, 0x0E4C,          // F713..F717 shifted left
        0x0E38, 0x0E39, 0x0E3A};                         // F718..F71A
    return kWindows[c - 0xF700];
  }
  if (c >= 0xF884 && c <= 0xF89E) {
    static constexpr char32_t kMac[] = {
        0x0E31, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E47,  // F884..F889
        0x0E48, 0x0E48, 0x0E48, 0x0E49, 0x0E49, 0x0E49,  // F88A..F88F
        0x0E4A, 0x0E4A, 0x0E4A, 0x0E4B, 0x0E4B, 0x0E4B,  // F890..F895
        0x0E4C, 0x0E4C, 0x0E4C, 0x0E4D, 0x0E0D,          // F896..F89A
        0x0E38, 0x0E39, 0x0E3A, 0x0E10};                 // F89B..F89E
    return kMac[c - 0xF884];
  }
  return c;
}

bool IsMojibakeByte(char32_t c) { return c >= 0xA1 && c <= 0xFB; }

// A decoded run is accepted only if it reads as Thai: no unassigned code point, every
// combining mark follows a letter or another mark, and some vowel or mark is present (Thai
// words of three letters or more almost always have one; symbol runs like "½¾¿" do not).
bool LooksLikeThai(std::u32string_view run) {
  char32_t prev = U' ';
  bool has_vowel = false;
  for (char32_t c : run) {
    if (IsThaiCombining(c) || (c >= 0x0E30 && c <= 0x0E33) || (c >= 0x0E40 && c <= 0x0E44))
      has_vowel = true;
    if (c >= 0x0E3B && c <= 0x0E3E) return false;
    if (IsThaiCombining(c) && !(IsThaiLetter(prev) || IsThaiCombining(prev) || prev == kSaraAm))
      return false;
    prev = c;
  }
  return has_vowel;
}

// 0 vowels below/above the base, 1 tone marks, 2 the rest (thanthakhat, nikhahit, yamakkan).
int MarkRank(char32_t c) {
  if (IsThaiVowelMark(c)) return 0;
  if (IsToneOnly(c)) return 1;
  return 2;
}

const icu::BreakIterator* ThaiWordBreakerPrototype() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* it = icu::BreakIterator::createWordInstance(icu::Locale("th"), status);
    return U_SUCCESS(status) ? it : nullptr;
  }();
  return prototype;
}

// Each thread gets its own clone: ICU break iterators are not thread-safe.
icu::BreakIterator* ThreadWordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker(
      ThaiWordBreakerPrototype() ? ThaiWordBreakerPrototype()->clone() : nullptr);
  return breaker.get();
}

// Letters that can be inside a word. MAI YAMOK (ๆ) and PAIYANNOI (ฯ) are written with a space
// around them ("ต่าง ๆ"), so a space next to them is never a split.
bool IsThaiWordChar(char32_t c) {
  if (c == 0x0E46 || c == 0x0E2F) return false;
  return IsThaiLetter(c) || IsThaiCombining(c) || c == kSaraAm;
}

}  // namespace

std::u32string RemoveInvisibles(std::u32string text) {
  std::erase_if(text, IsInvisible);
  for (char32_t& c : text) {
    if (c == 0x00A0 || c == '\t' || c == '\r') c = ' ';
  }
  return text;
}

std::u32string MapPrivateUseGlyphs(std::u32string text) {
  for (char32_t& c : text) c = PuaToThai(c);
  return text;
}

std::u32string DecodeTis620Mojibake(std::u32string text) {
  // "With no Thai around it": a string that already has Thai is not mojibake.
  if (std::any_of(text.begin(), text.end(), IsThai)) return text;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsMojibakeByte(text[i])) {
      ++i;
      continue;
    }
    // Grow the run over mojibake bytes and the ASCII digits/punctuation/spaces between them;
    // an ASCII letter ends it, so Latin words with accents stay Latin.
    size_t j = i;
    int high = 0;
    size_t last_high = i;
    while (j < text.size() && (IsMojibakeByte(text[j]) ||
                               (text[j] < 0x80 && !IsAsciiLetter(text[j]) && text[j] != '\n'))) {
      if (IsMojibakeByte(text[j])) {
        ++high;
        last_high = j;
      }
      ++j;
    }
    bool touches_letter = (i > 0 && IsAsciiLetter(text[i - 1])) ||
                          (last_high + 1 < text.size() && IsAsciiLetter(text[last_high + 1]));
    if (high >= 3 && !touches_letter) {
      std::u32string decoded = text.substr(i, last_high + 1 - i);
      for (char32_t& c : decoded) {
        if (IsMojibakeByte(c)) c = 0x0E01 + (c - 0xA1);
      }
      if (LooksLikeThai(decoded)) text.replace(i, decoded.size(), decoded);
    }
    i = last_high + 1;
  }
  return text;
}

std::u32string ComposeSaraAm(std::u32string text) {
  auto skip_spaces = [&text](size_t i) {
    while (i < text.size() && text[i] == U' ') ++i;
    return i;
  };
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c == kNikhahit) {
      // ํ า  or  ํ ่ า  ->  (tone) ำ ; OCR may put a space inside.
      size_t j = skip_spaces(i + 1);
      if (j < text.size() && text[j] == kSaraAa) {
        out.push_back(kSaraAm);
        i = j;
        continue;
      }
      if (j < text.size() && IsToneOnly(text[j])) {
        size_t k = skip_spaces(j + 1);
        if (k < text.size() && text[k] == kSaraAa) {
          out.push_back(text[j]);
          out.push_back(kSaraAm);
          i = k;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  return out;
}

std::u32string AttachDetachedMarks(std::u32string text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    // A space between a base and its marks is a layout or OCR artefact.
    if (text[i] == U' ' && !out.empty() && (IsThaiLetter(out.back()) || IsThaiCombining(out.back()))) {
      size_t j = i;
      while (j < text.size() && text[j] == U' ') ++j;
      if (j < text.size() && IsThaiCombining(text[j])) {
        i = j - 1;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::u32string FixMarkOrder(std::u32string text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c == kSaraE && i + 1 < text.size() && text[i + 1] == kSaraE) {
      out.push_back(kSaraAe);  // เ + เ is how some fonts and typists draw แ
      ++i;
      continue;
    }
    // A space between a base and its marks is a layout artefact.
    if (c == U' ' && i + 1 < text.size() && IsThaiCombining(text[i + 1]) && !out.empty() &&
        (IsThaiLetter(out.back()) || IsThaiCombining(out.back()))) {
      continue;
    }
    if (!IsThaiCombining(c)) {
      out.push_back(c);
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsThaiCombining(text[j])) ++j;
    std::u32string marks = text.substr(i, j - i);
    std::stable_sort(marks.begin(), marks.end(),
                     [](char32_t a, char32_t b) { return MarkRank(a) < MarkRank(b); });
    marks.erase(std::unique(marks.begin(), marks.end()), marks.end());
    out += marks;
    i = j - 1;
  }
  return out;
}

std::string NormalizeNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString normalized = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::string CollapseSpaces(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (char c : utf8) {
    if (c == ' ' || c == '\t' || c == '\r') {
      pending_space = true;
      continue;
    }
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out.push_back('\n');
      pending_space = false;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != '\n') out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  // Drop empty lines at both ends.
  size_t begin = out.find_first_not_of('\n');
  if (begin == std::string::npos) return "";
  size_t end = out.find_last_not_of('\n');
  return out.substr(begin, end - begin + 1);
}

bool SpaceIsInsideWord(std::u32string_view left, std::u32string_view right) {
  icu::BreakIterator* breaker = ThreadWordBreaker();
  if (breaker == nullptr || left.empty() || right.empty()) return false;
  std::u32string joined(left);
  joined += right;
  icu::UnicodeString text = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(joined.data()), static_cast<int32_t>(joined.size()));
  // Thai is all in the BMP, so UTF-16 offsets equal code point offsets here.
  breaker->setText(text);
  return !breaker->isBoundary(static_cast<int32_t>(left.size()));
}

std::string JoinSplitThaiWords(std::string_view utf8) {
  std::u32string text = DecodeUtf8(utf8);
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = text[i];
    if (c == U' ' && !out.empty() && IsThaiWordChar(out.back()) && i + 1 < text.size() &&
        IsThaiWordChar(text[i + 1])) {
      size_t ls = out.size();
      while (ls > 0 && IsThaiWordChar(out[ls - 1])) --ls;
      size_t re = i + 1;
      while (re < text.size() && IsThaiWordChar(text[re])) ++re;
      std::u32string_view left(out.data() + ls, out.size() - ls);
      std::u32string_view right(text.data() + i + 1, re - i - 1);
      // "ปีงบประมาณ พ.ศ." / "ต. ค.": a run that is part of an abbreviation is its own word.
      bool abbreviation = (re < text.size() && text[re] == U'.') || (ls > 0 && out[ls - 1] == U'.');
      if (!abbreviation && SpaceIsInsideWord(left, right)) continue;
    }
    out.push_back(c);
  }
  return EncodeUtf8(out);
}

std::string RepairThai(std::string_view utf8, const RepairOptions& options) {
  std::u32string text = RemoveInvisibles(DecodeUtf8(utf8));
  text = MapPrivateUseGlyphs(std::move(text));
  if (options.decode_tis620_mojibake) text = DecodeTis620Mojibake(std::move(text));
  text = AttachDetachedMarks(std::move(text));
  text = ComposeSaraAm(std::move(text));
  text = FixMarkOrder(std::move(text));
  std::string out = CollapseSpaces(NormalizeNfc(EncodeUtf8(text)));
  if (options.join_split_words) out = JoinSplitThaiWords(out);
  return out;
}

}  // namespace ita::thai
