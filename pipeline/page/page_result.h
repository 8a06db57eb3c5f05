// What one page yields: its words, tables and the text outside them, with what its first look
// measured for OCR.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/layout/glyph_height.h"
#include "pipeline/model/document.h"

namespace ita {

struct PageResult {
  Page page;
  std::vector<Table> tables;
  std::vector<TextLine> free_lines;  // repaired, reading order
  std::vector<double> borderless_columns;  // column edges of a table without rulings, if any
  std::optional<GlyphHeight> glyph_height;  // OCR pages: letter height on the first look
  std::optional<double> scan_ppi;           // OCR pages: the scan image's own resolution
  bool bilevel_scan = false;                // ...and whether it has one bit a pixel
  double scan_aspect = 1;                   // ...and its ppi across over down as drawn
};

// "page N: ", the prefix of every page diagnostic.
inline std::string PageLabel(int index) { return "page " + std::to_string(index + 1) + ": "; }

}  // namespace ita
