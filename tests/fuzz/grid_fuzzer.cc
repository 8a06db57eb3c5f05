// Fuzzes the grid detector on arbitrary rasters: no crash, and every grid it reports lies on the
// page with its edges in order and its cells' rulings within the grid.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "pipeline/tables/grid_detector.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  ita::Raster r;
  r.width = 4 + data[0] % 252;
  r.dpi = 36 + data[1] % 265;
  r.pixels.assign(data + 2, data + size);
  r.height = static_cast<int>(r.pixels.size() / static_cast<size_t>(r.width));
  r.pixels.resize(static_cast<size_t>(r.width) * r.height);
  // Bytes as drawn: below 128 mostly dark strokes; the rest paper. Rulings need long runs, so
  // bytes with the top bit set are spread to white to let dark structure show.
  for (unsigned char& p : r.pixels) p = p < 128 ? static_cast<unsigned char>(p / 2) : 255;
  const double w_pt = r.width * 72.0 / r.dpi, h_pt = r.height * 72.0 / r.dpi;
  const double slack = 5;  // join tolerance and rounding
  for (const ita::Grid& g : ita::DetectGrids(r)) {
    if (!std::is_sorted(g.row_edges.begin(), g.row_edges.end())) std::abort();
    if (!std::is_sorted(g.col_edges.begin(), g.col_edges.end())) std::abort();
    if (g.col_edges.size() < 2 || g.row_edges.empty()) std::abort();
    for (double y : g.row_edges)
      if (y < -slack || y > h_pt + slack) std::abort();
    for (double x : g.col_edges)
      if (x < -slack || x > w_pt + slack) std::abort();
    for (size_t row = 0; row + 1 < g.row_edges.size(); ++row)
      for (size_t col = 0; col + 1 < g.col_edges.size(); ++col) {
        (void)g.HasHorizontal(static_cast<int>(row), static_cast<int>(col), 0.6);
        (void)g.HasVertical(static_cast<int>(row), static_cast<int>(col), 0.6);
      }
  }
  return 0;
}
