#include "pipeline/layout/text_source_policy.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"
#include "pipeline/thai/vowel_repair.h"

namespace ita {
namespace {

double InkShare(const Raster& r, int dark_level) {
  if (r.pixels.empty()) return -1;
  size_t dark = 0;
  for (unsigned char p : r.pixels) dark += p < dark_level;
  return static_cast<double>(dark) / static_cast<double>(r.pixels.size());
}

bool IsEdgePunctuation(char32_t c) {
  static const std::u32string kEdge = U"()[]{}\"'.,:;!?-–—•*“”‘’«»…/";
  return kEdge.find(c) != std::u32string::npos;
}

// Whether one whitespace-free token reads as text: Thai (with digits and ordinary punctuation),
// a Latin word, a number or date, a code such as "I19" or "O43", an address.
bool TokenReads(const std::string& token) {
  static const RE2 latin_word("[A-Za-z]+(['’&.\\-/][A-Za-z]+)*");
  static const RE2 number("[0-9๐-๙]+([.,/:\\-–][0-9๐-๙]+)*%?");
  static const RE2 code("[A-Z]{1,4}[0-9]{1,3}(\\.[0-9]+)*");
  static const RE2 address("(https?://|www\\.)\\S+|\\S+@\\S+\\.\\S+");
  std::u32string t = thai::DecodeUtf8(token);
  size_t b = 0, e = t.size();
  while (b < e && IsEdgePunctuation(t[b])) ++b;
  while (e > b && IsEdgePunctuation(t[e - 1])) --e;
  if (b == e) {
    // Punctuation only: a leader of dots or dashes reads; "-&", ".!" do not.
    return t.size() <= 1 || std::all_of(t.begin(), t.end(), [&](char32_t c) { return c == t[0]; });
  }
  std::u32string core = t.substr(b, e - b);
  std::string s = thai::EncodeUtf8(core);
  if (RE2::FullMatch(s, address)) return true;
  bool thai = std::any_of(core.begin(), core.end(), thai::IsThai);
  if (thai) {
    // Thai glued to Latin letters or to symbols no Thai text uses is a broken encoding.
    return std::none_of(core.begin(), core.end(), [](char32_t c) {
      return thai::IsAsciiLetter(c) || c == U'@' || c == U'>' || c == U'<' || c == U'`' || c == U'^' ||
             c == U'|' || c == U'\\' || c == U'{' || c == U'}' || c == U'~' || c == U'_';
    });
  }
  if (RE2::FullMatch(s, number) || RE2::FullMatch(s, code)) return true;
  if (!RE2::FullMatch(s, latin_word)) return false;
  // A Latin word has a vowel, unless it is short or an acronym.
  static const RE2 vowel("[AEIOUYaeiouy]");
  static const RE2 acronym("[A-Z]{2,6}");
  return s.size() <= 2 || RE2::PartialMatch(s, vowel) || RE2::FullMatch(s, acronym);
}

}  // namespace

double GarbageShare(const std::string& text) {
  std::u32string repaired = thai::MapPrivateUseGlyphs(thai::DecodeUtf8(text));
  size_t counted = 0;
  size_t bad = 0;
  for (char32_t c : repaired) {
    if (c == U' ' || c == U'\n') continue;
    ++counted;
    bool garbage = c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c < 0x20) ||
                   (c >= 0x7F && c < 0xA0) || (c >= 0x0E3B && c <= 0x0E3E);
    bad += garbage;
  }
  return counted == 0 ? 0.0 : static_cast<double>(bad) / static_cast<double>(counted);
}

double JunkShare(const std::string& text) {
  size_t total = 0;
  size_t junk = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) {
      std::string token = text.substr(i, j - i);
      size_t chars = thai::DecodeUtf8(token).size();
      total += chars;
      if (!TokenReads(token)) junk += chars;
    }
    i = j;
  }
  return total == 0 ? 0.0 : static_cast<double>(junk) / static_cast<double>(total);
}

int TextLayerChars(const std::vector<Word>& words) {
  int chars = 0;
  for (const Word& w : words)
    for (char32_t c : thai::DecodeUtf8(w.utf8)) chars += c != U' ' && c != U'\n';
  return chars;
}

TextLayerTrust MeasureTextLayer(const std::vector<Word>& words, const thai::ThaiDictionary* dict) {
  TextLayerTrust trust;
  std::string text;
  std::string repaired;
  thai::RepairOptions per_word;
  per_word.join_split_words = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    // A word that starts inside the one before it on its line continues it: a monospaced face
    // gives each mark a letter's width, the next letter is drawn back over it, and the PDF
    // library ends the word there ("รายงานผลการดำเนิ" + "นการตาม…"). Lines join them so.
    const Word* next = i + 1 < words.size() ? &words[i + 1] : nullptr;
    bool continued = next != nullptr && next->box.x0 < w.box.x1 - 0.5 &&
                     next->box.x0 > w.box.x0 && std::abs(next->box.CenterY() - w.box.CenterY()) < 0.3 * w.box.Height();
    text += w.utf8 + (continued ? "" : " ");
    // Word by word, as lines are repaired later: a page's Thai title must not stop the
    // TIS-620 decoding of its body.
    repaired += thai::RepairThai(w.utf8, per_word) + (continued ? "" : " ");
  }
  trust.chars = TextLayerChars(words);
  trust.garbage = GarbageShare(text);
  trust.junk = JunkShare(repaired);
  if (dict != nullptr) {
    // Judged after the vowel repair a document may get, so that a layer which is only missing
    // its SARA AM is repaired rather than OCRed.
    std::string readable = thai::RepairVowels(*dict, repaired, {.dropped_am = true, .aa_as_am = true});
    int letters = 0;
    int covered = 0;
    for (const std::u32string& run : thai::ThaiRuns(thai::DecodeUtf8(readable))) {
      if (run.size() < 2) continue;  // lone letters are abbreviations: พ.ศ., ต.ค.
      letters += static_cast<int>(run.size());
      covered += dict->Segment(run).in_long_words;
    }
    trust.thai_letters = letters;
    trust.thai_coverage = letters == 0 ? 1.0 : static_cast<double>(covered) / letters;
  }
  return trust;
}

TextSourceDecision ChooseTextSource(const std::vector<Word>& words, const Raster& render,
                                    const TextSourceOptions& options,
                                    const thai::ThaiDictionary* dict) {
  TextSourceDecision d;
  d.trust = MeasureTextLayer(words, dict);
  const TextLayerTrust& t = d.trust;
  double ink = InkShare(render, options.dark_level);
  auto percent = [](double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; };
  if (t.chars < options.min_text_chars) {
    if (ink >= 0 && ink < options.min_ink_share) return {TextSource::kText, "blank page", t};
    return {TextSource::kOcr, t.chars == 0 ? "no text layer" : "text layer nearly empty", t};
  }
  if (t.garbage > options.max_garbage_share) {
    return {TextSource::kOcr, "text layer unreadable (" + percent(t.garbage) + " garbage characters)", t};
  }
  if (t.junk > options.max_junk_share) {
    return {TextSource::kOcr, "text layer is not text (" + percent(t.junk) +
                                  " of it in tokens that are neither words nor numbers)", t};
  }
  if (dict != nullptr && t.thai_letters >= options.min_thai_letters &&
      t.thai_coverage < options.min_thai_coverage) {
    return {TextSource::kOcr, "text layer's Thai is not words (dictionary covers " +
                                  percent(t.thai_coverage) + " of it)", t};
  }
  return {TextSource::kText, "text layer", t};
}

}  // namespace ita
