// RasterizeDrawing: the pixels a recorded vector drawing becomes (no PDF library involved).
#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/layout/drawing.h"
#include "pipeline/tables/grid_detector.h"

namespace ita {
namespace {

using P = PageDrawing::Point;

PageDrawing Page(double w = 200, double h = 100) {
  PageDrawing d;
  d.width_pt = w;
  d.height_pt = h;
  return d;
}

PageDrawing::Mark Fill(std::vector<std::vector<P>> paths, bool even_odd = false, unsigned char gray = 0) {
  PageDrawing::Mark m;
  m.paths = std::move(paths);
  m.even_odd = even_odd;
  m.gray = gray;
  return m;
}

PageDrawing::Mark Stroke(std::vector<P> line, double width, unsigned char gray = 0) {
  PageDrawing::Mark m;
  m.stroke = true;
  m.width = width;
  m.gray = gray;
  m.paths = {std::move(line)};
  return m;
}

int Dark(const Raster& r) {
  int n = 0;
  for (unsigned char p : r.pixels) n += p < 128;
  return n;
}

unsigned char At(const Raster& r, int x, int y) { return r.pixels[static_cast<size_t>(y) * r.width + x]; }

TEST(RasterizeDrawing, SizedAsPopplerSizesThePage) {
  LineArt art = RasterizeDrawing(Page(595.3, 841.9), 100);
  EXPECT_EQ(art.raster.width, 827);   // 595.3 * 100 / 72 = 826.8
  EXPECT_EQ(art.raster.height, 1169);  // 841.9 * 100 / 72 = 1169.3
  EXPECT_EQ(Dark(art.raster), 0);
}

TEST(RasterizeDrawing, HairlinesAreAtLeastOnePixel) {
  PageDrawing d = Page();
  d.marks.push_back(Fill({{{10, 50}, {190, 50}, {190, 50.1}, {10, 50.1}}}));  // 0.1 pt filled band
  d.marks.push_back(Stroke({{100, 5}, {100, 95}}, 0.05));                     // 0.05 pt stroke
  LineArt art = RasterizeDrawing(d, 72);
  EXPECT_EQ(Dark(art.raster), 180 + 90 - 1);  // one row, one column, crossing once
  EXPECT_EQ(FindRulings(art.raster).size(), 2u);
}

TEST(RasterizeDrawing, EvenOddFrameLeavesItsHole) {
  PageDrawing d = Page();
  std::vector<P> outer = {{10, 10}, {110, 10}, {110, 90}, {10, 90}};
  std::vector<P> inner = {{20, 20}, {100, 20}, {100, 80}, {20, 80}};
  d.marks.push_back(Fill({outer, inner}, /*even_odd=*/true));
  LineArt art = RasterizeDrawing(d, 72);
  EXPECT_LT(At(art.raster, 15, 50), 128);  // on the frame
  EXPECT_EQ(At(art.raster, 60, 50), 255);  // in the hole
  d.marks.back().even_odd = false;         // both subpaths wind the same way: no hole
  EXPECT_LT(At(RasterizeDrawing(d, 72).raster, 60, 50), 128);
}

TEST(RasterizeDrawing, LaterMarksPaintOverEarlierOnes) {
  PageDrawing d = Page();
  d.marks.push_back(Stroke({{10, 50}, {190, 50}}, 2));
  d.marks.push_back(Fill({{{0, 0}, {200, 0}, {200, 100}, {0, 100}}}, false, 255));  // white page over it
  EXPECT_EQ(Dark(RasterizeDrawing(d, 72).raster), 0);
}

TEST(RasterizeDrawing, GreyAndFarAndBrokenPathsAreSafe) {
  PageDrawing d = Page();
  d.marks.push_back(Stroke({{10, 20}, {190, 20}}, 1, 200));  // light grey: not ink
  d.marks.push_back(Stroke({{-1e9, 60}, {1e9, 60}}, 1));      // far beyond the page both ways
  d.marks.push_back(Stroke({{10, 80}, {std::nan(""), 80}}, 1));
  d.marks.push_back(Fill({{{10, 10}, {std::nan(""), 10}, {10, 90}}}));  // a path with NaN is dropped
  d.image_area_pt2 = 1e9;
  LineArt art = RasterizeDrawing(d, 72);
  EXPECT_EQ(Dark(art.raster), 200);  // only the far line, clipped to the page width
  EXPECT_EQ(At(art.raster, 100, 19), 200);  // the band [19.5, 20.5) covers row 19's centre
  EXPECT_DOUBLE_EQ(art.image_share, 1.0);
}

TEST(RasterizeDrawing, HugeRequestsAreDrawnAtAResolutionThatFits) {
  LineArt art = RasterizeDrawing(Page(14400, 14400), 300);  // a 200-inch page at 300 dpi
  EXPECT_LE(static_cast<double>(art.raster.width) * art.raster.height, 64e6 * 1.01);
  EXPECT_LT(art.raster.dpi, 300);
}

}  // namespace
}  // namespace ita
