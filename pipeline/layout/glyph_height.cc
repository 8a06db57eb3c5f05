#include "pipeline/layout/glyph_height.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace ita {
namespace {

struct Extent {
  int x0, y0, x1, y1;  // inclusive pixel bounds
};

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Bounding boxes of the 8-connected pieces of ink, by joining runs of ink that touch the runs
// of the row above.
std::vector<Extent> InkPieces(const Raster& raster, int ink_level) {
  struct Run {
    int x0, x1, label;
  };
  std::vector<int> parent;
  std::vector<Extent> extents;
  std::vector<Run> above, row;
  for (int y = 0; y < raster.height; ++y) {
    row.clear();
    const unsigned char* line = raster.pixels.data() + static_cast<size_t>(y) * raster.width;
    for (int x = 0; x < raster.width;) {
      if (line[x] >= ink_level) {
        ++x;
        continue;
      }
      int start = x;
      while (x < raster.width && line[x] < ink_level) ++x;
      int label = static_cast<int>(parent.size());
      parent.push_back(label);
      extents.push_back({start, y, x - 1, y});
      row.push_back({start, x - 1, label});
    }
    // Runs overlap (diagonals included) when each starts before the other ends, one pixel out.
    size_t a = 0;
    for (const Run& r : row) {
      while (a < above.size() && above[a].x1 < r.x0 - 1) ++a;
      for (size_t b = a; b < above.size() && above[b].x0 <= r.x1 + 1; ++b) {
        int p = Find(parent, r.label), q = Find(parent, above[b].label);
        if (p != q) parent[std::max(p, q)] = std::min(p, q);
      }
    }
    std::swap(above, row);
  }
  std::vector<Extent> pieces;
  std::vector<int> index(parent.size(), -1);
  for (size_t i = 0; i < parent.size(); ++i) {
    int root = Find(parent, static_cast<int>(i));
    if (index[root] < 0) {
      index[root] = static_cast<int>(pieces.size());
      pieces.push_back(extents[i]);
    } else {
      Extent& e = pieces[index[root]];
      e.x0 = std::min(e.x0, extents[i].x0);
      e.x1 = std::max(e.x1, extents[i].x1);
      e.y0 = std::min(e.y0, extents[i].y0);
      e.y1 = std::max(e.y1, extents[i].y1);
    }
  }
  return pieces;
}

}  // namespace

std::optional<GlyphHeight> MeasureGlyphHeight(const Raster& raster, int ink_level, int min_pieces) {
  if (raster.width <= 0 || raster.height <= 0 || raster.dpi <= 0) return std::nullopt;
  // Letter-shaped: at least 2 px tall, not a ruling (long and thin), not a picture or a whole
  // table (a tenth of the page).
  std::vector<int> heights;
  int max_height = std::max(2, raster.height / 10);
  for (const Extent& e : InkPieces(raster, ink_level)) {
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
