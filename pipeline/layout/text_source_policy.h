// The per-page decision: use the PDF text layer, or OCR the page.
//
// A text layer is used when it is present, covers the page's ink, and reads as text after
// repair. A page needs OCR when it has ink but no text (a scan, or text drawn as vector
// outlines), or when its text layer is beyond repair (replacement characters, unmapped
// Private Use Area glyphs, control characters). The decision and its reason are recorded.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct TextSourceOptions {
  int min_text_chars = 20;           // fewer characters than this is "no text layer"
  double max_garbage_share = 0.10;   // share of unreadable characters that condemns a layer
  double min_ink_share = 0.002;      // share of dark pixels that makes a page non-blank
  int dark_level = 128;              // a pixel darker than this is ink
};

struct TextSourceDecision {
  TextSource source = TextSource::kText;
  std::string reason;
};

// `render` is a low-resolution grayscale render of the page (may be empty: ink unknown).
TextSourceDecision ChooseTextSource(const std::vector<Word>& words, const Raster& render,
                                    const TextSourceOptions& options = {});

// Share of characters in `text` that no repair can turn into readable text.
double GarbageShare(const std::string& text);

}  // namespace ita
