// UTF-8 <-> UTF-32 conversion and Thai character classes used by the normalizers.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ita::thai {

// Decodes UTF-8; each invalid byte becomes U+FFFD, so bad input never throws.
std::u32string DecodeUtf8(std::string_view utf8);
std::string EncodeUtf8(std::u32string_view text);

// Letters the repairs name.
inline constexpr char32_t kSaraAa = 0x0E32;  // า
inline constexpr char32_t kSaraAm = 0x0E33;  // ำ
inline constexpr char32_t kMaiEk = 0x0E48;   // ่
inline constexpr char32_t kMaiTho = 0x0E49;  // ้

inline bool IsThai(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }
inline bool IsAsciiLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
inline bool IsThaiConsonant(char32_t c) { return c >= 0x0E01 && c <= 0x0E2E; }
inline bool IsThaiDigit(char32_t c) { return c >= 0x0E50 && c <= 0x0E59; }
// A digit of either set reports print: ASCII 0-9 or Thai ๐-๙.
inline bool IsDigitOfEitherSet(char32_t c) { return (c >= U'0' && c <= U'9') || IsThaiDigit(c); }
// Above/below vowels: MAI HAN-AKAT, SARA I..UEE, SARA U/UU/PHINTHU, MAITAIKHU.
inline bool IsThaiVowelMark(char32_t c) {
  return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || c == 0x0E47;
}
// Tone marks and the signs written above them: MAI EK..CHATTAWA, THANTHAKHAT, NIKHAHIT, YAMAKKAN.
inline bool IsThaiToneMark(char32_t c) { return c >= 0x0E48 && c <= 0x0E4E; }
inline bool IsThaiCombining(char32_t c) { return IsThaiVowelMark(c) || IsThaiToneMark(c); }
// A Thai letter that can carry marks or start a syllable (not a mark, digit or sign).
inline bool IsThaiLetter(char32_t c) {
  return IsThai(c) && !IsThaiCombining(c) && !IsThaiDigit(c) && c != 0x0E3F && c != 0x0E4F &&
         c != 0x0E5A && c != 0x0E5B;
}

// True when `utf8` holds a digit of either set.
bool HasDigit(std::string_view utf8);

// Thai digits become ASCII digits; everything else is kept.
std::string ThaiDigitsToAscii(std::string_view utf8);

// Text for matching labels and patterns: ASCII digits, no spaces or line breaks (broken text
// layers and OCR put spaces inside words). "ปี งบประมาณ ๒๕๖๔" -> "ปีงบประมาณ2564".
std::string CompactForMatching(std::string_view utf8);

}  // namespace ita::thai
