// Which way up the text of a scanned page is, from the shape of its ink alone.
//
// Two kinds of evidence, both counted on the page itself:
// - the axis of the lines: a letter's nearest neighbour is the next letter of its line far
//   more often than a letter of the line above or below, so nearest neighbours lie mostly
//   along the lines (horizontal: upright or upside down; vertical: turned a quarter);
// - which side is up: Thai puts most of its small marks above the letters (upper vowels, tone
//   marks, the circle of ำ) and few below (ุ ู); Latin has the dots of i and j above and little
//   below. The side that holds more of the marks is the top.
// A side is taken only when the counts are clearly uneven (beyond chance); otherwise the
// finding says it is unsure and the caller may read the page both ways.
#pragma once

#include <string>

#include "pipeline/model/document.h"

namespace ita {

struct TextOrientation {
  int degrees = 0;           // how far the text is turned clockwise: 0, 90, 180 or 270
  bool axis_sure = false;    // the lines' axis (0/180 against 90/270) is clear
  bool side_sure = false;    // ...and which of its two sides is up
  int along = 0, across = 0; // nearest neighbours along the lines of `degrees`, and across
  int top = 0, bottom = 0;   // marks on the top side of `degrees`'s letters, and on the bottom
  std::string why;           // for diagnostics
};

// The orientation of the text on `raster` (grey or binary; pixels darker than `ink_level` are
// ink). A page without enough letters gives {0, unsure}.
TextOrientation FindTextOrientation(const Raster& raster, int ink_level);

}  // namespace ita
