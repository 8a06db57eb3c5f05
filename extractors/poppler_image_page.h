// Internal to the Poppler adapter (poppler_page_content.cc): a colour's grey as drawn, and a
// page drawn from its images' own pixels.
#pragma once

#include <GfxState.h>
#include <PDFDoc.h>

#include <optional>

#include "pipeline/model/document.h"

namespace ita {

// The grey (0 black .. 255 white) a fill or stroke of `rgb` at `opacity` leaves on white paper;
// 128 for patterns (unknown).
unsigned char GrayOf(GfxColorSpace* space, const GfxRGB& rgb, double opacity);

// Page `index` (from 0) of `doc` at `dpi`, drawn from its images' own pixels when images are all
// it shows (see ImagePageDrawer); nullopt when anything else is visible or it shows nothing.
std::optional<Raster> DrawPageFromImages(PDFDoc& doc, int index, double dpi, bool drop_color);

}  // namespace ita
