// Raster geometry on synthetic pages: deskew, quarter turns, reduction, photographed pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"
#include "pipeline/tables/grid_detector.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

// A photographed page: paper (a tilted quadrilateral) on a dark table, lit from the left.
Raster PhotoOfAPage(Quad* truth) {
  Raster r;
  r.width = 800;
  r.height = 600;
  r.dpi = 100;
  r.pixels.assign(static_cast<size_t>(r.width) * r.height, 40);
  *truth = Quad{{120, 700, 680, 90}, {60, 90, 540, 520}};
  auto inside = [&](double x, double y) {
    for (int i = 0; i < 4; ++i) {
      int j = (i + 1) % 4;
      double cross = (truth->x[j] - truth->x[i]) * (y - truth->y[i]) - (truth->y[j] - truth->y[i]) * (x - truth->x[i]);
      if (cross < 0) return false;
    }
    return true;
  };
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x)
      if (inside(x, y)) r.pixels[static_cast<size_t>(y) * r.width + x] = static_cast<unsigned char>(230 - x / 16);
  // A line of "text" across the paper's middle.
  for (int x = 250; x < 550; ++x)
    for (int y = 298; y < 302; ++y) r.pixels[static_cast<size_t>(y) * r.width + x] = 30;
  return r;
}

TEST(RasterGeometry, DeskewStraightensARuling) {
  // A 1200-pt line falling 5 pt to the right: after deskew it is one horizontal ruling.
  Raster r = testing::DrawRaster(1300, 300, 100, {});
  double scale = 100 / 72.0;
  for (int x = static_cast<int>(50 * scale); x < static_cast<int>(1250 * scale); ++x) {
    int y = static_cast<int>((100 + 5.0 * (x / scale - 50) / 1200) * scale);
    r.pixels[static_cast<size_t>(y) * r.width + x] = 0;
    r.pixels[static_cast<size_t>(y + 1) * r.width + x] = 0;
  }
  double skew = EstimateSkewDegrees(r);
  EXPECT_NEAR(skew, std::atan(5.0 / 1200) * 180 / 3.14159265358979, 0.06);
  EXPECT_TRUE(FindRulings(r).empty());  // skewed: no run is long enough to be a ruling
  Raster straight = Deskew(r, skew);
  double low = 1e9, high = -1e9, from = 1e9, to = -1e9;
  for (const Ruling& ru : FindRulings(straight)) {
    if (!ru.horizontal) continue;
    low = std::min(low, ru.pos);
    high = std::max(high, ru.pos);
    from = std::min(from, ru.from);
    to = std::max(to, ru.to);
  }
  EXPECT_LT(high - low, 1.5);  // one height: straight
  EXPECT_GT(to - from, 1150);
  WhitenLight(straight, 220);
  EXPECT_GT(InkShare(straight, Box{}), 0.0);
}

TEST(RasterGeometry, RotateQuarterTurnsMovesEveryPixel) {
  // 3 x 2:  1 2 3
  //         4 5 6
  Raster r;
  r.width = 3;
  r.height = 2;
  r.dpi = 100;
  r.pixels = {1, 2, 3, 4, 5, 6};
  Raster cw = RotateQuarterTurns(r, 90);
  EXPECT_EQ(cw.width, 2);
  EXPECT_EQ(cw.height, 3);
  EXPECT_EQ(cw.pixels, (std::vector<unsigned char>{4, 1, 5, 2, 6, 3}));
  EXPECT_EQ(RotateQuarterTurns(r, 180).pixels, (std::vector<unsigned char>{6, 5, 4, 3, 2, 1}));
  Raster ccw = RotateQuarterTurns(r, 270);
  EXPECT_EQ(ccw.pixels, (std::vector<unsigned char>{3, 6, 2, 5, 1, 4}));
  EXPECT_EQ(RotateQuarterTurns(ccw, 90).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(RotateQuarterTurns(cw, 180), 90).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(r, 0).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(r, -90).pixels, ccw.pixels);
}

TEST(RasterGeometry, ReduceAveragesBlocks) {
  Raster r;
  r.width = 4;
  r.height = 2;
  r.dpi = 300;
  r.pixels = {0, 100, 200, 200, 100, 200, 200, 200};
  Raster small = Reduce(r, 2);
  EXPECT_EQ(small.width, 2);
  EXPECT_EQ(small.height, 1);
  EXPECT_DOUBLE_EQ(small.dpi, 150);
  EXPECT_EQ(small.pixels, (std::vector<unsigned char>{100, 200}));
}

TEST(RasterGeometry, PhotographedPageIsFoundAndSquared) {
  Quad truth;
  Raster photo = PhotoOfAPage(&truth);
  std::optional<Quad> q = FindPhotographedPage(photo);
  ASSERT_TRUE(q);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q->x[i], truth.x[i], 12) << "corner " << i;
    EXPECT_NEAR(q->y[i], truth.y[i], 12) << "corner " << i;
  }
  Raster flat = WarpToRectangle(photo, *q, 580, 460);
  EXPECT_EQ(flat.width, 580);
  EXPECT_EQ(flat.height, 460);
  // The corners of the result are paper, not table.
  for (auto [x, y] : {std::pair{3, 3}, {576, 3}, {576, 456}, {3, 456}}) EXPECT_GT(flat.At(x, y), 150) << x << "," << y;
  FlattenIllumination(flat, 25);
  EXPECT_GT(flat.At(40, 40), 240);    // paper on the lit side
  EXPECT_GT(flat.At(540, 420), 240);  // ...and on the dim side: white alike
  int darkest = 255;
  for (int x = 200; x < 380; ++x) darkest = std::min<int>(darkest, flat.At(x, 230));
  EXPECT_LT(darkest, 80);  // the text line keeps its ink
  // A scan (paper to the edges) is no photo.
  Raster scan;
  scan.width = 400;
  scan.height = 500;
  scan.dpi = 100;
  scan.pixels.assign(static_cast<size_t>(scan.width) * scan.height, 245);
  EXPECT_FALSE(FindPhotographedPage(scan));
}

}  // namespace
}  // namespace ita
