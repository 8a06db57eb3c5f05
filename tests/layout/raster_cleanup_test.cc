// Raster clean-up on synthetic and real pages: dark scanner edges, paper level, ink extent,
// whitening and binarising; a real page's orientation at each quarter turn.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"
#include "pipeline/layout/text_orientation.h"
#include "pipeline/tables/grid_detector.h"
#include "tests/testutil/fake_pdf_source.h"
#include "tests/testutil/sample_pages.h"

namespace ita {
namespace {

using testing::TitlePageRaster;

// Orientation from the ink of real pages, turned each way: a scanned measures page is settled
// by its ink; a born-digital title page (a few large words) leans the right way, and settling
// it is left to reading (its marks are too few to be beyond chance).
TEST(TextOrientationOfRealPages, EachQuarterTurn) {
  Error error;
  auto scan = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_scan.pdf", &error);
  ASSERT_TRUE(scan) << error.message;
  auto scanned = scan->Render(1, 300);
  ASSERT_TRUE(scanned);
  for (int turned : {0, 90, 180, 270}) {
    Raster r = RotateQuarterTurns(*scanned, turned);
    TextOrientation o = FindTextOrientation(r, PaperLevel(r) - 60);
    EXPECT_EQ(o.degrees, turned) << o.why;
    EXPECT_TRUE(o.axis_sure && o.side_sure) << turned << ": " << o.why;
    Raster t = RotateQuarterTurns(TitlePageRaster(), turned);
    TextOrientation title = FindTextOrientation(t, PaperLevel(t) - 60);
    EXPECT_EQ(title.degrees, turned) << title.why;
    EXPECT_TRUE(title.axis_sure) << title.why;
  }
}

TEST(RasterCleanup, ClearDarkEdgesRemovesScannerBandsOnly) {
  Raster r;
  r.width = 200;
  r.height = 300;
  r.dpi = 100;
  r.pixels.assign(static_cast<size_t>(r.width) * r.height, 255);
  auto fill = [&](int x0, int y0, int x1, int y1, unsigned char v) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) r.pixels[static_cast<size_t>(y) * r.width + x] = v;
  };
  fill(0, 285, 200, 298, 30);  // a dark band near the bottom, with a light margin below it
  fill(0, 0, 6, 300, 20);      // a dark band along the left edge
  fill(40, 100, 160, 102, 0);  // a table rule inside the page
  fill(50, 150, 120, 170, 0);  // text
  EXPECT_GT(ClearDarkEdges(r), 0);
  EXPECT_EQ(r.At(100, 290), 255);
  EXPECT_EQ(r.At(100, 299), 255);
  EXPECT_EQ(r.At(3, 150), 255);
  EXPECT_EQ(r.At(100, 101), 0);
  EXPECT_EQ(r.At(60, 160), 0);
  // A clean page keeps every pixel.
  Raster clean = r;
  EXPECT_EQ(ClearDarkEdges(clean), 0);
  EXPECT_EQ(clean.pixels, r.pixels);
}

TEST(RasterCleanup, PaperLevelIsTheMedianPixel) {
  Raster r;
  r.width = 11;
  r.height = 1;
  r.dpi = 300;
  r.pixels = {0, 0, 0, 230, 230, 228, 229, 231, 230, 60, 230};
  EXPECT_EQ(PaperLevel(r), 229);
  EXPECT_EQ(PaperLevel(Raster{}), 255);
}

TEST(RasterCleanup, InkExtentBoundsTheDarkPixelsOfARegion) {
  Raster r;
  r.width = 8;
  r.height = 4;
  r.dpi = 72;  // one pixel a point
  r.pixels.assign(32, 255);
  r.pixels[1 * 8 + 2] = 0;    // (2, 1)
  r.pixels[2 * 8 + 5] = 100;  // (5, 2)
  r.pixels[3 * 8 + 7] = 150;  // (7, 3): lighter than the level
  auto ink = InkExtent(r, Box{0, 0, 8, 4}, 128);
  ASSERT_TRUE(ink.has_value());
  EXPECT_EQ(ink->x0, 2);
  EXPECT_EQ(ink->y0, 1);
  EXPECT_EQ(ink->x1, 6);
  EXPECT_EQ(ink->y1, 3);
  EXPECT_EQ(InkExtent(r, Box{0, 0, 8, 4}, 200)->x1, 8);  // a lighter level takes (7, 3) in
  EXPECT_EQ(InkExtent(r, Box{3, 0, 5, 4}, 128), std::nullopt);  // between the two
}

TEST(RasterCleanup, WhitenAndBinarizeSplitAtTheirLevels) {
  Raster r;
  r.width = 5;
  r.height = 1;
  r.dpi = 300;
  r.pixels = {0, 120, 199, 200, 240};
  Raster whitened = r;
  WhitenLight(whitened, 220);
  EXPECT_EQ(whitened.pixels, (std::vector<unsigned char>{0, 120, 199, 200, 255}));
  Binarize(r, 200);
  EXPECT_EQ(r.pixels, (std::vector<unsigned char>{0, 0, 0, 255, 255}));
}

}  // namespace
}  // namespace ita
