// How tall the text on a raster is: the height of its letters' bodies, measured from the ink's
// connected pieces. OCR reads best when that height reaches a certain number of pixels, so
// the OCR resolution of a scan is chosen from it (pipeline/page/ocr_prepare.cc).
#pragma once

#include <optional>

#include "pipeline/model/document.h"

namespace ita {

struct GlyphHeight {
  double points = 0;  // body height of the page's letters, in points
  int pieces = 0;     // how many pieces of ink it was measured from
};

// The typical body height of the letters on `raster` (a page rendered at raster.dpi): pixels
// darker than `ink_level` are ink; its 8-connected pieces that are letter-shaped (not rulings,
// not specks) are measured, the small ones (marks above and below Thai letters, punctuation)
// are set aside as those under half the tall ones' height, and the middle half of the rest,
// averaged, is the body. nullopt when fewer than `min_pieces` letter-shaped pieces are found.
std::optional<GlyphHeight> MeasureGlyphHeight(const Raster& raster, int ink_level, int min_pieces = 40);

}  // namespace ita
