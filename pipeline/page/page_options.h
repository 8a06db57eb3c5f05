// How one page is read: through its text layer or by OCR, then laid out into tables and lines.
// Each stage's own options (text source, grids, tables, OCR) inside; the document's options
// (pipeline/run/extract_document.h) hold these.
#pragma once

#include <cstddef>

#include "pipeline/layout/text_source_policy.h"
#include "pipeline/ocr/ocr_options.h"
#include "pipeline/tables/grid_detector.h"
#include "pipeline/tables/table_builder.h"
#include "pipeline/thai/dictionary.h"

namespace ita {

struct PageOptions {
  double layout_dpi = 100;        // render resolution for the text-source decision and rulings
  // Images covering this share of a text page or more may hold a table drawn in pixels: its
  // rulings are then looked for in a full render, not in the vector drawing alone.
  double max_image_share_for_line_art = 0.25;
  double layout_max_pixels = 12e6;  // ...lowered for page boxes far beyond paper (A4: 0.97 MP)
  double max_image_pixels = 400e6;  // a page whose images hold more pixels than this (stored,
                                    // whatever their drawn size: an image bomb) is not rendered;
                                    // an A3 scan at 600 dpi holds 70 million
  size_t max_words_per_page = 50000;  // words beyond this on one page are set aside, with a
                                      // diagnostic (the densest real page seen: 690)
  bool borderless_tables = true;  // find tables without rulings, anchored by their header
  // Thai word list for evidence (vowel repair, trust in a text layer, misread Latin words);
  // null: none of these is done.
  const thai::ThaiDictionary* dictionary = nullptr;
  TextSourceOptions text_source;
  GridOptions grid;
  TableOptions table;
  OcrOptions ocr;
};

}  // namespace ita
