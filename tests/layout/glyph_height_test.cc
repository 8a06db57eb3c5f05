// The letter height of a page, from its pieces of ink: letters measured, marks, specks and
// rulings set aside, the same height whatever the resolution it is measured at.
#include <gtest/gtest.h>

#include "pipeline/layout/glyph_height.h"

namespace ita {
namespace {

Raster Paper(int width, int height, double dpi) {
  Raster r;
  r.width = width;
  r.height = height;
  r.dpi = dpi;
  r.pixels.assign(static_cast<size_t>(width) * height, 255);
  return r;
}

void Ink(Raster& r, int x0, int y0, int w, int h) {
  for (int y = y0; y < y0 + h; ++y)
    for (int x = x0; x < x0 + w; ++x) r.pixels[static_cast<size_t>(y) * r.width + x] = 0;
}

// Lines of "letters" `body` px tall (every fifth one with a tail), each third one with a mark
// above it, under a ruling: what a scanned Thai table row looks like to the measure.
Raster Lines(double scale, int rows = 6) {
  int body = static_cast<int>(30 * scale), width = static_cast<int>(22 * scale), gap = static_cast<int>(8 * scale);
  Raster r = Paper(static_cast<int>(2000 * scale), static_cast<int>(rows * 90 * scale + 100 * scale), 300 * scale);
  Ink(r, 0, static_cast<int>(10 * scale), r.width, std::max(1, static_cast<int>(3 * scale)));  // a ruling
  for (int row = 0; row < rows; ++row) {
    int y = static_cast<int>((60 + row * 90) * scale);
    for (int k = 0, x = static_cast<int>(20 * scale); k < 40; ++k, x += width + gap) {
      Ink(r, x, y, width, k % 5 == 4 ? body * 14 / 10 : body);
      if (k % 3 == 0) Ink(r, x + width / 4, y - static_cast<int>(14 * scale), width / 2, static_cast<int>(8 * scale));
    }
  }
  return r;
}

TEST(MeasureGlyphHeight, LetterBodiesNotMarksNorRulings) {
  auto h = MeasureGlyphHeight(Lines(1.0), 128);
  ASSERT_TRUE(h.has_value());
  EXPECT_NEAR(h->points, 30 * 72.0 / 300, 0.3);  // 7.2 pt: the bodies, not marks nor tails
  EXPECT_GE(h->pieces, 200);
}

TEST(MeasureGlyphHeight, SameHeightAtAThirdOfTheResolution) {
  auto fine = MeasureGlyphHeight(Lines(1.0), 128);
  auto coarse = MeasureGlyphHeight(Lines(1.0 / 3), 128);
  ASSERT_TRUE(fine && coarse);
  EXPECT_NEAR(coarse->points, fine->points, 0.15 * fine->points);
}

TEST(MeasureGlyphHeight, ConnectsDiagonalPixelsIntoOnePiece) {
  // 60 diagonal strokes, each 12 px tall and wide, pixels touching only at corners.
  Raster r = Paper(1200, 200, 300);
  for (int k = 0; k < 60; ++k)
    for (int i = 0; i < 12; ++i) Ink(r, 10 + k * 19 + i, 50 + i, 1, 1);
  auto h = MeasureGlyphHeight(r, 128);
  ASSERT_TRUE(h.has_value());
  EXPECT_NEAR(h->points, 12 * 72.0 / 300, 0.01);
  EXPECT_EQ(h->pieces, 60);
}

TEST(MeasureGlyphHeight, NothingToMeasureOnABlankOrSparsePage) {
  EXPECT_FALSE(MeasureGlyphHeight(Paper(800, 1000, 100), 128).has_value());
  Raster few = Paper(800, 1000, 100);
  for (int k = 0; k < 10; ++k) Ink(few, 20 + k * 30, 100, 10, 12);
  EXPECT_FALSE(MeasureGlyphHeight(few, 128).has_value());
  EXPECT_FALSE(MeasureGlyphHeight(Raster{}, 128).has_value());
  // Grey that is lighter than the ink level is paper.
  Raster grey = Lines(1.0);
  for (unsigned char& p : grey.pixels) p = p == 0 ? 150 : p;
  EXPECT_FALSE(MeasureGlyphHeight(grey, 128).has_value());
}

}  // namespace
}  // namespace ita
