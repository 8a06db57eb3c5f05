#include "pipeline/layout/ink_pieces.h"

#include <algorithm>

namespace ita {

namespace {

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

// Runs of ink are joined to the runs of the row above that they touch.
std::vector<InkPiece> InkPieces(const Raster& raster, int ink_level) {
  struct Run {
    int x0, x1, label;
  };
  std::vector<int> parent;
  std::vector<InkPiece> extents;
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
  std::vector<InkPiece> pieces;
  std::vector<int> index(parent.size(), -1);
  for (size_t i = 0; i < parent.size(); ++i) {
    int root = Find(parent, static_cast<int>(i));
    if (index[root] < 0) {
      index[root] = static_cast<int>(pieces.size());
      pieces.push_back(extents[i]);
    } else {
      InkPiece& e = pieces[index[root]];
      e.x0 = std::min(e.x0, extents[i].x0);
      e.x1 = std::max(e.x1, extents[i].x1);
      e.y0 = std::min(e.y0, extents[i].y0);
      e.y1 = std::max(e.y1, extents[i].y1);
    }
  }
  return pieces;
}

}  // namespace ita
