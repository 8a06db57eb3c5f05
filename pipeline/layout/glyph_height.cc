#include "pipeline/layout/glyph_height.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "pipeline/layout/ink_pieces.h"

namespace ita {

std::optional<GlyphHeight> MeasureGlyphHeight(const Raster& raster, int ink_level, int min_pieces) {
  if (raster.width <= 0 || raster.height <= 0 || raster.dpi <= 0) return std::nullopt;
  // Letter-shaped: at least 2 px tall, not a ruling (long and thin), not a picture or a whole
  // table (a tenth of the page).
  std::vector<int> heights;
  int max_height = std::max(2, raster.height / 10);
  for (const InkPiece& e : InkPieces(raster, ink_level)) {
    int w = e.x1 - e.x0 + 1, h = e.y1 - e.y0 + 1;
    if (h < 2 || h > max_height || w > 4 * h || h > 4 * w) continue;
    heights.push_back(h);
  }
  if (static_cast<int>(heights.size()) < min_pieces) return std::nullopt;
  std::sort(heights.begin(), heights.end());
  // Thai marks and punctuation are under half a letter's body; letters with a tail (ป ฟ ญ) are
  // taller than it. The tall end is the 90th percentile.
  int tall = heights[heights.size() * 9 / 10];
  auto first_body = std::lower_bound(heights.begin(), heights.end(), (tall + 1) / 2);
  std::vector<int> body(first_body, heights.end());
  if (static_cast<int>(body.size()) < min_pieces / 2) return std::nullopt;
  // The middle half averaged: at low resolutions a median alone moves in whole pixels.
  size_t from = body.size() / 4, to = body.size() - body.size() / 4;
  double mean = std::accumulate(body.begin() + from, body.begin() + to, 0.0) / static_cast<double>(to - from);
  return GlyphHeight{mean * 72.0 / raster.dpi, static_cast<int>(body.size())};
}

}  // namespace ita
