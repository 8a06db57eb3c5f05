// Pictures on a page raster (photographs, halftones, dithered art), found with Leptonica's
// halftone segmentation (pixGenerateHalftoneMask, D. Bloomberg's method: solid texture that
// survives heavy reduction and opening, grown back into its region; text does not survive).
// The OCR stage asks it how much of a scanned page is pictures, to read a page of pictures
// with the engine's own layout analysis, which leaves them out (pipeline/page/page_ocr.h).
// Leptonica types stay inside the .cc file.
#pragma once

#include "pipeline/model/document.h"

namespace ita {

// The share of the raster's pixels inside pictures, 0 to 1 (0 when there are none). Ink is
// what is darker than the middle grey (the OCR raster before its light pixels are whitened).
double PictureShare(const Raster& page);

}  // namespace ita
