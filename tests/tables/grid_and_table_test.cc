#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/tables/grid_detector.h"
#include "pipeline/tables/table_builder.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::DrawRaster;
using testing::GridLines;
using testing::MakeWord;

TEST(DetectGrids, FindsASimpleGridAtSeveralResolutions) {
  auto lines = GridLines({50, 150, 300, 450}, {100, 140, 200, 260});
  for (double dpi : {72.0, 100.0, 150.0, 300.0}) {
    auto grids = DetectGrids(DrawRaster(595, 842, dpi, lines));
    ASSERT_EQ(grids.size(), 1u) << dpi;
    ASSERT_EQ(grids[0].col_edges.size(), 4u) << dpi;
    ASSERT_EQ(grids[0].row_edges.size(), 4u) << dpi;
    EXPECT_NEAR(grids[0].col_edges[1], 150, 2.0) << dpi;
    EXPECT_NEAR(grids[0].row_edges[2], 200, 2.0) << dpi;
  }
}

TEST(DetectGrids, IgnoresTextStrokesAndLoneLines) {
  std::vector<Box> shapes = {
      Box{50, 50, 400, 51},    // an underline: a horizontal with no verticals
      Box{100, 300, 101, 308}, // a short vertical stroke, like a letter
      Box{120, 300, 126, 306}, // a blob
  };
  EXPECT_TRUE(DetectGrids(DrawRaster(595, 842, 100, shapes)).empty());
}

TEST(DetectGrids, TwoTablesOnOnePageInOrder) {
  auto a = GridLines({50, 200, 350}, {400, 450, 500});
  auto b = GridLines({50, 200, 350}, {100, 150, 200});
  a.insert(a.end(), b.begin(), b.end());
  auto grids = DetectGrids(DrawRaster(595, 842, 100, a));
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_LT(grids[0].box.y0, grids[1].box.y0);
}

// A table cut by the page: header rules at the top, no rule at the bottom.
TEST(DetectGrids, ClosesATableLeftOpenByAPageBreak) {
  std::vector<double> xs = {50, 150, 300};
  auto lines = GridLines(xs, {100, 140});
  for (double x : xs) lines.push_back(Box{x - 0.4, 140, x + 0.4, 500});  // verticals run on
  auto grids = DetectGrids(DrawRaster(595, 842, 100, lines));
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].row_edges.size(), 3u);
  EXPECT_NEAR(grids[0].row_edges.back(), 500, 2.0);
  std::vector<Word> outside;
  auto tables = BuildTables(0, {MakeWord("เนื้อหา", 60, 300, 40)}, grids, &outside);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_TRUE(outside.empty());
  EXPECT_EQ(tables[0].cells[2].text, "เนื้อหา");  // the body row under the header
}

// A scanned tall row: its inner vertical comes out in pieces, the middle one touching no
// horizontal. The pieces still separate the two cells.
TEST(DetectGrids, BrokenVerticalOfATallRowStillSeparatesCells) {
  auto lines = GridLines({50, 150, 300}, {100, 140});
  lines.push_back(Box{50, 500, 300, 501});  // bottom rule
  for (double x : {50.0, 300.0}) lines.push_back(Box{x - 0.4, 140, x + 0.4, 500});
  for (auto [y0, y1] : {std::pair{140.0, 230.0}, {240.0, 410.0}, {420.0, 500.0}})
    lines.push_back(Box{149.6, y0, 150.4, y1});  // gaps of 10 pt
  auto grids = DetectGrids(DrawRaster(595, 842, 100, lines));
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].row_edges.size(), 3u);
  EXPECT_TRUE(grids[0].HasVertical(1, 1, 0.6));
  // Without the middle piece the lower row's vertical covers too little: a merged cell.
  lines.erase(lines.end() - 2);
  grids = DetectGrids(DrawRaster(595, 842, 100, lines));
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_FALSE(grids[0].HasVertical(1, 1, 0.6));
}

// A row rule broken into pieces: the first spans two verticals; the others touch one or none.
TEST(DetectGrids, BrokenRowRuleStillSeparatesRows) {
  auto lines = GridLines({50, 150, 300}, {100, 140, 200});
  for (auto [x0, x1] : {std::pair{50.0, 160.0}, {165.0, 240.0}, {250.0, 300.0}})
    lines.push_back(Box{x0, 259.6, x1, 260.4});
  lines.push_back(Box{50, 320, 300, 321});
  for (double x : {50.0, 150.0, 300.0}) lines.push_back(Box{x - 0.4, 200, x + 0.4, 320});
  auto grids = DetectGrids(DrawRaster(595, 842, 100, lines));
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].row_edges.size(), 5u);
  EXPECT_TRUE(grids[0].HasHorizontal(3, 0, 0.6));
  EXPECT_TRUE(grids[0].HasHorizontal(3, 1, 0.6));
}

// A fax scan: every vertical drops out for a few points now and then. The pieces are one
// ruling, so the columns stay separated in every row and the table stays one table.
TEST(DetectGrids, FaxDropoutsInRulingsAreBridged) {
  std::vector<Box> lines;
  for (double y : {100.0, 140.0, 260.0, 380.0}) lines.push_back(Box{50, y - 0.4, 400, y + 0.4});
  for (double x : {50.0, 150.0, 250.0, 400.0}) {
    for (double y = 100; y < 380; y += 37) lines.push_back(Box{x - 0.4, y, x + 0.4, std::min(380.0, y + 32)});
  }
  auto grids = DetectGrids(DrawRaster(595, 842, 150, lines));
  ASSERT_EQ(grids.size(), 1u);
  ASSERT_EQ(grids[0].row_edges.size(), 4u);
  ASSERT_EQ(grids[0].col_edges.size(), 4u);
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c <= 3; ++c) EXPECT_TRUE(grids[0].HasVertical(r, c, 0.6)) << r << "," << c;
}

// A photographed page squared by its corners keeps a slight slant in its rulings: at 1 degree
// a 280 pt vertical drifts 5 pt, more than a ruling is thick, and is still one ruling.
TEST(DetectGrids, SlightlySlantedRulingsOfAPhotographAreRulings) {
  const double slope = std::tan(1.0 * 3.14159265 / 180);
  std::vector<Box> lines;
  for (double y : {100.0, 140.0, 260.0, 380.0})
    for (double x = 50; x < 400; x += 2) lines.push_back(Box{x, y + (x - 50) * slope - 0.5, x + 2, y + (x - 50) * slope + 0.5});
  for (double x : {50.0, 150.0, 250.0, 400.0})
    for (double y = 100; y < 387; y += 2) lines.push_back(Box{x - (y - 100) * slope - 0.5, y, x - (y - 100) * slope + 0.5, y + 2});
  Raster page = DrawRaster(595, 842, 300, lines);
  // Only where slant is allowed (photographs): on a scan a slanted band is a stamp or a mark.
  EXPECT_TRUE(DetectGrids(page).empty());
  GridOptions photo;
  photo.max_slant = 0.035;
  auto grids = DetectGrids(page, photo);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].row_edges.size(), 4u);
  EXPECT_EQ(grids[0].col_edges.size(), 4u);
  // A filled bar as long and as tall is no ruling; nor a line slanted beyond what is allowed.
  EXPECT_TRUE(FindRulings(DrawRaster(595, 842, 300, {Box{50, 100, 400, 106}}), photo).empty());
  std::vector<Box> steep;
  for (double x = 50; x < 400; x += 2) steep.push_back(Box{x, 100 + (x - 50) * 0.1, x + 2, 101 + (x - 50) * 0.1});
  for (const Ruling& r : FindRulings(DrawRaster(595, 842, 300, steep), photo))
    EXPECT_LT(r.to - r.from, 100) << "a 6 degree line taken as one ruling";
}

TEST(DetectGrids, EmptyRaster) { EXPECT_TRUE(DetectGrids(Raster{}).empty()); }

// Header row 0: one cell spanning columns 1-2 (vertical at column edge 2 missing in row 0);
// column 0 spans rows 0-1 (horizontal at row edge 1 missing under column 0).
TEST(BuildTables, RecoversRowAndColumnSpans) {
  std::vector<double> xs = {50, 150, 300, 450};
  std::vector<double> ys = {100, 130, 160, 220};
  auto lines = GridLines(xs, ys, /*skip_vertical=*/{0 * 1000 + 2}, /*skip_horizontal=*/{1 * 1000 + 0});
  auto grids = DetectGrids(DrawRaster(595, 842, 100, lines));
  ASSERT_EQ(grids.size(), 1u);
  std::vector<Word> words = {
      MakeWord("ประเด็น", 60, 110, 40),  MakeWord("การนำผล", 200, 105, 60),
      MakeWord("ข้อคำถาม", 160, 135, 50), MakeWord("ข้อค้นพบ", 310, 135, 50),
      MakeWord("ข้อมูล", 60, 180, 30),    MakeWord("นอกตาราง", 60, 400, 50),
  };
  std::vector<Word> outside;
  auto tables = BuildTables(0, words, grids, &outside);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0];
  EXPECT_EQ(t.Rows(), 3);
  EXPECT_EQ(t.Cols(), 3);
  ASSERT_EQ(t.cells.size(), 7u);  // 9 elementary cells, two merges
  EXPECT_EQ(t.cells[0].text, "ประเด็น");
  EXPECT_EQ(t.cells[0].row_span, 2);
  EXPECT_EQ(t.cells[1].text, "การนำผล");
  EXPECT_EQ(t.cells[1].col_span, 2);
  EXPECT_EQ(t.cells[2].text, "ข้อคำถาม");
  EXPECT_EQ(t.cells[3].text, "ข้อค้นพบ");
  EXPECT_EQ(t.cells[4].text, "ข้อมูล");
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].utf8, "นอกตาราง");
}

}  // namespace
}  // namespace ita
