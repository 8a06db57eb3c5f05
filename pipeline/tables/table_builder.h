// Grids plus words to tables of cell text.
//
// Merged cells are recovered from the grid: two neighbouring elementary cells belong to one
// cell when the ruling between them is missing. Each word goes to the cell that contains its
// centre; a cell's words become lines (text_lines.h) and then contract text.
//
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/tables/grid_detector.h"

namespace ita {

struct TableOptions {
  double min_coverage = 0.6;  // share of a cell side that must be ruled to separate two cells
  int min_cells = 2;          // grids with fewer cells are boxes around text, not tables
};

// Tables of `page` in reading order; `words` not inside any table are returned in `outside`.
std::vector<Table> BuildTables(int page_index, const std::vector<Word>& words,
                               const std::vector<Grid>& grids, std::vector<Word>* outside,
                               const TableOptions& options = {});

}  // namespace ita
