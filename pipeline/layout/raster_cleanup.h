// Raster clean-up before OCR: levels (light, paper, binarisation, uneven light), blanked
// regions and scanner edges, and measures of ink. In place, on 8-bit grayscale; thread-safe per
// raster. (Skew, turns, scaling and warps: raster_geometry.h.)
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

// The grey a colour pixel is read as when coloured ink is dropped: saturated colour (stamps,
// pens; largest minus smallest channel over 60, far above JPEG noise and anti-aliased black)
// is paper; black, grey and black over coloured ink keep their darkness (the lightest channel).
inline unsigned char GrayDroppingColor(unsigned char r, unsigned char g, unsigned char b) {
  unsigned char hi = std::max({r, g, b}), lo = std::min({r, g, b});
  return hi - lo > 60 ? 255 : hi;
}

// Pixels at least this light become white, so watermarks, faint stamps and paper texture do
// not turn into text.
void WhitenLight(Raster& raster, int level);

// The paper's grey level: the median pixel (pages are mostly paper), from a sample.
int PaperLevel(const Raster& raster);

// Pixels darker than `level` become black, the others white. A lenient level keeps the grey
// edges of thin scanned strokes as ink.
void Binarize(Raster& raster, int level);

// Paints `region` (points) white.
void BlankRegion(Raster& raster, const Box& region);

// Paints white the dark bands a scanner leaves along a page's edges (the lid's shadow, the
// platen beyond the paper): rows and columns from each edge inward that are mostly dark, up
// to `max_share` of the page. They would otherwise dominate the skew estimate and the paper
// level. Returns how many rows and columns were cleared.
int ClearDarkEdges(Raster& raster, int dark_level = 128, double min_dark_share = 0.6,
                   double max_share = 0.08);

// Evens out light that falls unevenly on the paper: each pixel is scaled by the local paper
// brightness (the lightest pixels of a block around it), so paper becomes white everywhere
// and ink keeps its contrast.
void FlattenIllumination(Raster& raster, int block_px);

// Share of pixels darker than `dark_level` inside `region` (points); the whole raster if empty.
double InkShare(const Raster& raster, const Box& region, int dark_level = 128);

// The box (points) of the pixels darker than `dark_level` inside `region`; nullopt when there
// are none.
std::optional<Box> InkExtent(const Raster& raster, const Box& region, int dark_level = 128);

}  // namespace ita
