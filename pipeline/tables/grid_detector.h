// Ruled-table grids from a page raster.
//
// Works on pixels, not on PDF drawing operators, so the same detector serves born-digital
// pages (a low-resolution render) and scans (the OCR raster). Long horizontal and vertical
// dark runs are rulings; rulings that touch form a table; the table's grid is the set of
// distinct ruling positions, and each elementary cell records which of its four sides are
// actually ruled, so merged cells can be recovered by the table builder.
//
// Pure function; thread-safe. Output is in PDF points (top-left origin).
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct GridOptions {
  int dark_level = 170;          // pixels darker than this can be part of a ruling
  double min_ruling_pt = 14;     // shorter dark runs are text strokes, not rulings
  double max_thickness_pt = 4;   // thicker bars are filled areas, not rulings
  double join_tolerance_pt = 3;  // rulings this close are considered touching/collinear
  double bridge_gap_pt = 8;      // collinear pieces this far apart along the line are one
                                 // ruling (fax dropouts); rows are taller than this
  double min_coverage = 0.6;     // share of a cell side a ruling must cover to count
  double min_open_vertical_pt = 60;  // verticals this long close a table left open by a page break
  double max_slant = 0;          // rise over run a ruling may drift by (a photographed page
                                 // squared by its corners keeps a slight slant); 0: none
};

// A ruling: a horizontal (y fixed) or vertical (x fixed) line segment.
struct Ruling {
  bool horizontal = true;
  double pos = 0;   // y for horizontal, x for vertical
  double from = 0;  // start along the line
  double to = 0;    // end along the line
};

struct Grid {
  Box box;
  std::vector<double> row_edges;
  std::vector<double> col_edges;
  std::vector<Ruling> horizontals;
  std::vector<Ruling> verticals;

  // True when the segment of the horizontal line at row edge `r` spanning column `c` is ruled.
  bool HasHorizontal(int r, int c, double min_coverage) const;
  // True when the segment of the vertical line at column edge `c` spanning row `r` is ruled.
  bool HasVertical(int r, int c, double min_coverage) const;
};

std::vector<Ruling> FindRulings(const Raster& raster, const GridOptions& options = {});
std::vector<Grid> GridsFromRulings(const std::vector<Ruling>& rulings,
                                   const GridOptions& options = {});
inline std::vector<Grid> DetectGrids(const Raster& raster, const GridOptions& options = {}) {
  return GridsFromRulings(FindRulings(raster, options), options);
}

// Paints the grids' rulings white (each widened by pad_pt), so OCR sees cell text without the
// table's lines.
void EraseRulings(Raster& raster, const std::vector<Grid>& grids, double pad_pt = 1.0);

}  // namespace ita
