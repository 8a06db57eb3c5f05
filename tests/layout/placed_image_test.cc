// A scan's image drawn onto the page where the PDF places it: straight, turned a quarter or
// mirrored, scaled down (mean of the pixels under each) or up (linear blend), clipped.
#include <gtest/gtest.h>

#include "pipeline/layout/placed_image.h"

namespace ita {
namespace {

Raster Blank(int width, int height, unsigned char level = 255) {
  Raster r;
  r.width = width;
  r.height = height;
  r.pixels.assign(static_cast<size_t>(width) * height, level);
  return r;
}

// A 3 x 2 image whose pixels are all different: row 0 is 10 20 30, row 1 is 40 50 60.
Raster SixPixels() {
  Raster r = Blank(3, 2);
  r.pixels = {10, 20, 30, 40, 50, 60};
  return r;
}

const Box kNoClip{-1e9, -1e9, 1e9, 1e9};

TEST(PlacedImage, StraightAtOnePixelEachCopiesTheImageTopRowFirst) {
  Raster page = Blank(3, 2);
  // PDF's usual placement: the unit square scaled to the image's size, flipped so that the
  // first row is at the top of the page (y down here). An image covers the pixels a
  // rectangle at its place fills, its far edges' pixels included: 2.9 px wide is 3 pixels.
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{2.9, 0, 0, -1.9, 0, 1.9}, kNoClip, page));
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{10, 20, 30, 40, 50, 60}));
}

TEST(PlacedImage, OffsetLeavesThePageAroundItUntouched) {
  Raster page = Blank(5, 4);
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{2.9, 0, 0, -1.9, 1, 2.9}, kNoClip, page));
  EXPECT_EQ(page.At(0, 0), 255);
  EXPECT_EQ(page.At(1, 1), 10);
  EXPECT_EQ(page.At(3, 2), 60);
  EXPECT_EQ(page.At(4, 2), 255);
  EXPECT_EQ(page.At(1, 3), 255);
}

TEST(PlacedImage, QuarterTurnPutsTheFirstRowDownTheRightEdge) {
  // Turned clockwise a quarter: the image's top row runs down the page's right column.
  Raster page = Blank(2, 3);
  // u (along a row) goes down the page, v (up the image) goes right.
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{0, 2.9, 1.9, 0, 0, 0}, kNoClip, page));
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{40, 10,  //
                                                     50, 20,  //
                                                     60, 30}));
}

TEST(PlacedImage, MirroredPlacementIsDrawnMirrored) {
  Raster page = Blank(3, 2);
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{-2.9, 0, 0, -1.9, 2.9, 1.9}, kNoClip, page));
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{30, 20, 10, 60, 50, 40}));
}

TEST(PlacedImage, ScaledDownEachPagePixelIsTheMeanOfThoseUnderIt) {
  Raster image = Blank(4, 4);
  image.pixels = {0, 100, 200, 200,  //
                  100, 200, 200, 200,  //
                  0, 0, 255, 255,  //
                  0, 0, 255, 255};
  Raster page = Blank(2, 2);
  ASSERT_TRUE(DrawPlacedImage(image, ImageMatrix{1.9, 0, 0, -1.9, 0, 1.9}, kNoClip, page));
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{100, 200, 0, 255}));
}

TEST(PlacedImage, ScaledUpBlendsBetweenNeighbours) {
  Raster image = Blank(2, 1);
  image.pixels = {0, 200};
  Raster page = Blank(4, 2);
  ASSERT_TRUE(DrawPlacedImage(image, ImageMatrix{3.9, 0, 0, -1.9, 0, 1.9}, kNoClip, page));
  // Page pixel i is source coordinate i / 2, between source pixels 0 and 1 (the last held).
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{0, 100, 200, 200, 0, 100, 200, 200}));
}

TEST(PlacedImage, EnlargedFourTimesRepeatsPixels) {
  Raster image = Blank(2, 1);
  image.pixels = {0, 200};
  Raster page = Blank(8, 4);
  ASSERT_TRUE(DrawPlacedImage(image, ImageMatrix{7.9, 0, 0, -3.9, 0, 3.9}, kNoClip, page));
  EXPECT_EQ(std::vector<unsigned char>(page.pixels.begin(), page.pixels.begin() + 8),
            (std::vector<unsigned char>{0, 0, 0, 0, 200, 200, 200, 200}));
}

TEST(PlacedImage, ScaledDownUnevenlyTakesWholePixelsSpreadEvenly) {
  Raster image = Blank(5, 1);
  image.pixels = {10, 20, 30, 40, 50};
  Raster page = Blank(2, 1);
  ASSERT_TRUE(DrawPlacedImage(image, ImageMatrix{1.9, 0, 0, -0.9, 0, 0.9}, kNoClip, page));
  // Five over two: two pixels, then three; divided in Splash's fixed point, which truncates
  // (120 / 3 comes out 39).
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{15, 39}));
}

TEST(PlacedImage, ExactEdgesCoverOnePixelMoreAsAFilledRectangleDoes) {
  Raster page = Blank(5, 3);
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{3, 0, 0, -2, 0, 2}, kNoClip, page));
  // From 0 to 3 is pixels 0..3: four page pixels for three image pixels.
  EXPECT_NE(page.At(3, 0), 255);
  EXPECT_EQ(page.At(4, 0), 255);
  EXPECT_NE(page.At(0, 2), 255);
}

TEST(PlacedImage, ClipKeepsPixelsWhoseCentresAreOutside) {
  Raster page = Blank(3, 2);
  ASSERT_TRUE(DrawPlacedImage(SixPixels(), ImageMatrix{2.9, 0, 0, -1.9, 0, 1.9}, Box{1, 0, 3, 1}, page));
  EXPECT_EQ(page.pixels, (std::vector<unsigned char>{255, 20, 30, 255, 255, 255}));
}

TEST(PlacedImage, SkewedPlacementIsRefusedAndDrawsNothing) {
  Raster page = Blank(3, 2);
  ImageMatrix skewed{3, 0.5, 0, -2, 0, 2};
  EXPECT_FALSE(IsQuarterTurnPlacement(skewed));
  EXPECT_FALSE(DrawPlacedImage(SixPixels(), skewed, kNoClip, page));
  EXPECT_EQ(page.pixels, Blank(3, 2).pixels);
  EXPECT_TRUE(IsQuarterTurnPlacement(ImageMatrix{0, 2.68709, -2.68709, 0, 1600, 0.18}));
}

}  // namespace
}  // namespace ita
