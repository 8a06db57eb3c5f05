// An image drawn onto a page raster where the PDF places it, from its own pixels: how a scan
// page is rendered without a general renderer (pipeline/layout, pure; the Poppler adapter
// decodes the pixels and gives the placement).
#pragma once

#include "pipeline/model/document.h"

namespace ita {

// PDF's image matrix in the page raster's pixels: the image's unit square (u, v) lands at
// x = a u + c v + e, y = b u + d v + f (y down). The image's first row is at v = 1, as PDF
// draws it.
struct ImageMatrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// True when the matrix turns the image by a multiple of 90 degrees (mirrors included) and
// scales it: the placements DrawPlacedImage draws. Scans are placed so; a skewed image is not.
bool IsQuarterTurnPlacement(const ImageMatrix& m);

// Draws `image` (8-bit gray, rows top-down) into `page` where `m` places it, inside `clip`
// (page pixels), as Poppler's Splash renderer samples it, so that a page reads the same
// drawn either way: the image covers the pixels a rectangle at its place would fill; each
// page pixel is the mean of the image pixels under it when the image has more (a whole
// number of them, spread evenly), and a blend of the nearest two (or a repeat, enlarged four
// times or more) when it has fewer. Returns false, drawing nothing, for a placement that is
// not a quarter turn.
bool DrawPlacedImage(const Raster& image, const ImageMatrix& m, const Box& clip, Raster& page);

}  // namespace ita
