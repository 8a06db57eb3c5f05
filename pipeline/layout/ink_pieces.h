// The connected pieces of ink on a raster: letters, marks, rulings, specks. What the letter
// height (glyph_height.h) and the text's orientation (text_orientation.h) are measured from.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct InkPiece {
  int x0, y0, x1, y1;  // inclusive pixel bounds
  int Width() const { return x1 - x0 + 1; }
  int Height() const { return y1 - y0 + 1; }
};

// Bounding boxes of the 8-connected pieces of pixels darker than `ink_level` (Leptonica's
// pixConnCompBB), in the raster order of their first pixel.
std::vector<InkPiece> InkPieces(const Raster& raster, int ink_level);

}  // namespace ita
