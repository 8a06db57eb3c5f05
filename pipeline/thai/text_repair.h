// Thai text repair: turns what PDF text layers and OCR engines produce into text as a reader
// sees it (the output contract's text conventions).
//
//   RepairThai("ผ\uF70Bูรับผิดชอบ")  -> "ผู้รับผิดชอบ"   Windows PUA tone mark, then mark order
//   RepairThai("ดํา เนินการ")        -> "ดำเนินการ"      decomposed SARA AM, space inside a word
//   RepairThai("น้ํา")               -> "น้ำ"           tone mark kept before SARA AM
//   RepairThai("ÊÓ¹Ñ¡§Ò¹")          -> "สำนักงาน"       TIS-620 bytes shown as Latin-1
//   RepairThai("café 2564")         -> "café 2564"     real Latin text is never touched
//
// Thread-safety: all functions are thread-safe; ICU objects are built once and cloned per thread.
#pragma once

#include <string>
#include <string_view>

namespace ita::thai {

struct RepairOptions {
  // Remove a space between two Thai letters when ICU's dictionary says both sides are one word
  // (line wraps in narrow cells, Tesseract's spaces between clusters).
  bool join_split_words = true;
  // Decode runs of U+00A1..U+00FB that are TIS-620 bytes mis-shown as Latin-1.
  bool decode_tis620_mojibake = true;
};

// Applies every repair below in order of evidence and returns NFC text with spaces collapsed
// (line breaks are kept). Never fails: unknown input is returned cleaned of invisibles only.
std::string RepairThai(std::string_view utf8, const RepairOptions& options = {});

// The individual steps, exposed for tests and for callers that need only one.
std::u32string RemoveInvisibles(std::u32string text);       // ZWSP, ZWNJ, ZWJ, SHY, BOM, WJ
std::u32string MapPrivateUseGlyphs(std::u32string text);    // U+F700..F71A, U+F884..F89E;
                                                            // symbol-font U+F020..F0FF -> •
std::u32string DecodeTis620Mojibake(std::u32string text);   // conservative, see .cc
std::u32string AttachDetachedMarks(std::u32string text);    // "ที ่" -> "ที่"
std::u32string ComposeSaraAm(std::u32string text);          // ํ + [tone] + า -> [tone] + ำ
std::u32string FixMarkOrder(std::u32string text);           // vowel before tone, no duplicates
std::string NormalizeNfc(std::string_view utf8);
std::string CollapseSpaces(std::string_view utf8);          // per line; trims each line
std::string JoinSplitThaiWords(std::string_view utf8);      // ICU dictionary decision

// True when a space between `left` and `right` (Thai runs) sits inside one dictionary word.
bool SpaceIsInsideWord(std::u32string_view left, std::u32string_view right);

}  // namespace ita::thai
