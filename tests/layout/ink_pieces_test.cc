// Connected pieces of ink: what touches (diagonals included) is one piece, the rest are apart,
// in the raster order of their first pixel, and only pixels darker than the level are ink.
#include "pipeline/layout/ink_pieces.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ita {
namespace {

// A raster from rows of text: '#' black, '+' mid grey (100), anything else white.
Raster FromRows(const std::vector<std::string>& rows) {
  Raster r;
  r.dpi = 300;
  r.height = static_cast<int>(rows.size());
  r.width = static_cast<int>(rows[0].size());
  for (const std::string& row : rows)
    for (char c : row) r.pixels.push_back(c == '#' ? 0 : c == '+' ? 100 : 255);
  return r;
}

TEST(InkPieces, DiagonalTouchJoinsAndGapsSeparate) {
  Raster r = FromRows({
      "#.....##",
      ".#....##",
      "..#.....",
      "........",
      "...#.#..",
  });
  std::vector<InkPiece> pieces = InkPieces(r, 128);
  ASSERT_EQ(pieces.size(), 4u);
  // In the order of their first pixel: the diagonal, the square, then the two specks.
  EXPECT_EQ(pieces[0].x0, 0);
  EXPECT_EQ(pieces[0].y0, 0);
  EXPECT_EQ(pieces[0].x1, 2);
  EXPECT_EQ(pieces[0].y1, 2);
  EXPECT_EQ(pieces[1].x0, 6);
  EXPECT_EQ(pieces[1].Width(), 2);
  EXPECT_EQ(pieces[1].Height(), 2);
  EXPECT_EQ(pieces[2].x0, 3);
  EXPECT_EQ(pieces[2].y0, 4);
  EXPECT_EQ(pieces[3].x0, 5);
}

TEST(InkPieces, AUShapeIsOnePieceWhateverTheOrderOfItsArms) {
  // Two arms met only at the bottom: one piece, found at its left arm's top.
  Raster r = FromRows({
      "#...#",
      "#...#",
      "#####",
  });
  std::vector<InkPiece> pieces = InkPieces(r, 128);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].Width(), 5);
  EXPECT_EQ(pieces[0].Height(), 3);
}

TEST(InkPieces, OnlyPixelsDarkerThanTheLevelAreInk) {
  Raster r = FromRows({"#+#", "...", "+.+"});
  EXPECT_EQ(InkPieces(r, 128).size(), 3u);  // grey joins the top row's black; two grey specks below
  EXPECT_EQ(InkPieces(r, 50).size(), 2u);   // only black: the top row splits in two
  EXPECT_TRUE(InkPieces(FromRows({"...", "..."}), 128).empty());
  EXPECT_TRUE(InkPieces(Raster{}, 128).empty());
}

}  // namespace
}  // namespace ita
