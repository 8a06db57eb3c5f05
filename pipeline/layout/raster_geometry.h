// Raster geometry before OCR: the page's skew and its straightening, quarter turns, reduced and
// rescaled copies, and a photographed page's outline warped back to a rectangle. On 8-bit
// grayscale; thread-safe per raster. (Levels and ink: raster_cleanup.h.)
#pragma once

#include <optional>

#include "pipeline/model/document.h"

namespace ita {

// The page's skew in degrees (positive: text lines fall to the right), from the projection
// profile of dark pixels over -max_degrees..max_degrees; 0 for a blank page.
double EstimateSkewDegrees(const Raster& raster, double max_degrees = 2.0, double step = 0.05);

// Straightens a raster by two shears (exact enough below a few degrees, and fast).
Raster Deskew(const Raster& raster, double degrees);

// The raster turned clockwise by `degrees` (0, 90, 180 or 270; others are taken modulo 360
// and rounded down to a quarter turn). Width and height swap on quarter turns.
Raster RotateQuarterTurns(const Raster& raster, int degrees);

// A copy reduced by an integer `factor` (box filter), for cheap looks at a page.
Raster Reduce(const Raster& raster, int factor);

// The raster with its rows scaled by `factor` (linear between rows): a scan placed squeezed or
// stretched in height is given back its own proportions. Width and dpi stay.
Raster ScaleRows(const Raster& raster, double factor);

// A page photographed on a darker surface (a phone photo): the paper's four corners in
// pixels, clockwise from top-left, when the raster's border is much darker than its middle
// and the bright region is a plausible page. nullopt for scans, whose paper fills the raster.
struct Quad {
  double x[4];
  double y[4];
};
std::optional<Quad> FindPhotographedPage(const Raster& raster);

// The quadrilateral `quad` of `raster` mapped onto an upright rectangle of `width` x `height`
// pixels (a projective warp, bilinear samples): keystone and tilt removed.
Raster WarpToRectangle(const Raster& raster, const Quad& quad, int width, int height);

}  // namespace ita
