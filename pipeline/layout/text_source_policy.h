// The per-page decision: use the PDF text layer, or OCR the page.
//
// A text layer is used when it is present, covers the page's ink, and reads as text after
// repair. A page needs OCR when it has ink but no text (a scan, or text drawn as vector
// outlines), or when its text layer is beyond repair:
//   - unreadable characters (replacement characters, unmapped Private Use Area glyphs,
//     control characters);
//   - symbol soup: Thai that a broken font encoding turned into ASCII ("1>@01>1/0@1@"), or the
//     invisible Latin OCR layer a scanner put over a Thai page image ("uuun?Jon?13J");
//   - Thai that the dictionary does not recognise even after vowel repair (scrambled glyph
//     order), measured as the share of Thai letters inside dictionary words.
// The decision, its reason and the measures behind it are recorded.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/thai/dictionary.h"

namespace ita {

struct TextSourceOptions {
  int min_text_chars = 20;           // fewer characters than this is "no text layer"
  double max_garbage_share = 0.10;   // share of unreadable characters that condemns a layer
  double max_junk_share = 0.35;      // share of characters in symbol-soup tokens that condemns it
  double min_thai_coverage = 0.5;    // share of Thai letters in dictionary words (of three or
                                     // more characters) a layer needs
  int min_thai_letters = 60;         // fewer Thai letters than this: coverage is not judged
  double min_ink_share = 0.002;      // share of dark pixels that makes a page non-blank
  int dark_level = 128;              // a pixel darker than this is ink
};

// What the text layer of a page looks like to the policy.
struct TextLayerTrust {
  int chars = 0;              // non-space characters
  double garbage = 0;         // share of unreadable characters
  double junk = 0;            // share of characters in tokens that are neither words nor numbers
  int thai_letters = 0;       // Thai letters in runs of two or more
  double thai_coverage = 1;   // share of them inside dictionary words of three or more
                              // characters, after vowel repair
};

struct TextSourceDecision {
  TextSource source = TextSource::kText;
  std::string reason;
  TextLayerTrust trust;
};

// `render` is a low-resolution grayscale render of the page (may be empty: ink unknown).
// `dict` may be null: the coverage test is then skipped.
TextSourceDecision ChooseTextSource(const std::vector<Word>& words, const Raster& render,
                                    const TextSourceOptions& options = {},
                                    const thai::ThaiDictionary* dict = nullptr);

// Non-space characters of a page's words (TextLayerTrust::chars): below min_text_chars the
// decision needs the page's ink.
int TextLayerChars(const std::vector<Word>& words);

// Share of characters in `text` that no repair can turn into readable text.
double GarbageShare(const std::string& text);

// Share of the non-space characters of `text` in tokens that read as neither Thai, nor Latin
// words, nor numbers, dates, codes or addresses: "1>@01>1/0@1@", "t16',]", "nul15anu".
double JunkShare(const std::string& text);

// Measures a page's words for the policy.
TextLayerTrust MeasureTextLayer(const std::vector<Word>& words, const thai::ThaiDictionary* dict);

}  // namespace ita
