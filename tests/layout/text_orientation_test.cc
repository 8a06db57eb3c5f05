// Which way up a page's text is, from its ink: the lines' axis from letters' nearest
// neighbours, the top from the side the marks are on; unsure when the evidence is thin.
#include <gtest/gtest.h>

#include <random>

#include "pipeline/layout/text_orientation.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

Raster TurnedPage(int turned, double dpi, bool marks = true) {
  bool quarter = turned == 90 || turned == 270;
  double w = 595, h = 842;  // A4 upright
  return testing::DrawRaster(quarter ? h : w, quarter ? w : h, dpi, testing::PrintLikeShapes(w, h, turned, marks));
}

TEST(FindTextOrientation, EachQuarterTurnOfPrint) {
  for (int turned : {0, 90, 180, 270}) {
    TextOrientation o = FindTextOrientation(TurnedPage(turned, 150), 128);
    EXPECT_EQ(o.degrees, turned) << o.why;
    EXPECT_TRUE(o.axis_sure) << turned << ": " << o.why;
    EXPECT_TRUE(o.side_sure) << turned << ": " << o.why;
    EXPECT_GT(o.along, 2 * o.across) << o.why;
    EXPECT_GT(o.top, 2 * o.bottom) << o.why;
  }
}

TEST(FindTextOrientation, SameAnswerAtLowerResolution) {
  for (int turned : {90, 180}) {
    TextOrientation o = FindTextOrientation(TurnedPage(turned, 100), 128);
    EXPECT_EQ(o.degrees, turned) << o.why;
    EXPECT_TRUE(o.axis_sure && o.side_sure) << o.why;
  }
}

TEST(FindTextOrientation, WithoutMarksTheAxisIsKnownButNotTheTop) {
  TextOrientation o = FindTextOrientation(TurnedPage(90, 150, /*marks=*/false), 128);
  EXPECT_TRUE(o.axis_sure) << o.why;
  EXPECT_FALSE(o.side_sure) << o.why;
  EXPECT_TRUE(o.degrees == 90 || o.degrees == 270) << o.why;
}

TEST(FindTextOrientation, BlankPageIsUnsure) {
  TextOrientation o = FindTextOrientation(testing::DrawRaster(595, 842, 150, {}), 128);
  EXPECT_FALSE(o.axis_sure);
  EXPECT_FALSE(o.side_sure);
  EXPECT_EQ(o.degrees, 0);
  EXPECT_NE(o.why.find("too few"), std::string::npos) << o.why;
}

// Specks strewn at random (a noisy scan without text) have no lines and no top.
TEST(FindTextOrientation, ScatteredSpecksAreUnsure) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> x(20, 575), y(20, 822);
  std::vector<Box> specks;
  for (int i = 0; i < 3000; ++i) {
    double x0 = x(rng), y0 = y(rng);
    specks.push_back(Box{x0, y0, x0 + 6, y0 + 6});
  }
  TextOrientation o = FindTextOrientation(testing::DrawRaster(595, 842, 150, specks), 128);
  EXPECT_FALSE(o.axis_sure && o.side_sure) << o.why;
}

// Rulings (a table's grid) are not letters and do not vote.
TEST(FindTextOrientation, RulingsDoNotChangeTheAnswer) {
  std::vector<Box> shapes = testing::PrintLikeShapes(842, 595, 180);
  std::vector<Box> grid = testing::GridLines({40, 300, 800}, {40, 200, 400, 560});
  shapes.insert(shapes.end(), grid.begin(), grid.end());
  TextOrientation o = FindTextOrientation(testing::DrawRaster(842, 595, 150, shapes), 128);
  EXPECT_EQ(o.degrees, 180) << o.why;
  EXPECT_TRUE(o.axis_sure && o.side_sure) << o.why;
}

}  // namespace
}  // namespace ita
