// Small builders of Table values for tests of the family builders (no raster involved).
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita::testing {

// A cell at (row, col) with spans and text.
inline Cell TextCell(int row, int col, std::string text, int row_span = 1, int col_span = 1) {
  Cell c;
  c.row = row;
  c.col = col;
  c.row_span = row_span;
  c.col_span = col_span;
  c.text = std::move(text);
  return c;
}

// A table of rows x cols on `page` with evenly spaced edges.
inline Table GridTable(int page, int rows, int cols, std::vector<Cell> cells, double col_width = 100,
                       double row_height = 40) {
  Table t;
  t.page = page;
  for (int c = 0; c <= cols; ++c) t.col_edges.push_back(50 + col_width * c);
  for (int r = 0; r <= rows; ++r) t.row_edges.push_back(50 + row_height * r);
  t.cells = std::move(cells);
  return t;
}

}  // namespace ita::testing
