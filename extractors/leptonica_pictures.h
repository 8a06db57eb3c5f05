// Pictures on a page raster (photographs, halftones, dithered art), found with Leptonica's
// halftone segmentation (pixGenerateHalftoneMask, D. Bloomberg's method: solid texture that
// survives heavy reduction and opening, grown back into its region; text does not survive).
// The OCR stage asks it how much of a page without tables is pictures, to read such a page
// with the engine's own layout analysis, which leaves pictures out (pipeline/ocr/page_ocr.h).
// Leptonica types stay inside the .cc file.
#pragma once

#include "pipeline/model/document.h"

namespace ita {

// The share of the raster's pixels inside pictures, 0 to 1 (0 when there are none). Ink is
// what is darker than the middle grey: OCR rasters have had their light pixels whitened.
double PictureShare(const Raster& page);

}  // namespace ita
