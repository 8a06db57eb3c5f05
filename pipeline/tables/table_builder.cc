#include "pipeline/tables/table_builder.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/text_repair.h"

namespace ita {
namespace {

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Index of the interval of `edges` containing v, or -1.
int Interval(const std::vector<double>& edges, double v) {
  if (edges.size() < 2 || v < edges.front() || v > edges.back()) return -1;
  auto it = std::upper_bound(edges.begin(), edges.end(), v);
  int i = static_cast<int>(it - edges.begin()) - 1;
  return std::min(i, static_cast<int>(edges.size()) - 2);
}

struct Layout {
  std::vector<Cell> cells;
  std::vector<int> cell_of;  // elementary (r * cols + c) -> index into cells
};

Layout MergeCells(const Grid& g, const TableOptions& options) {
  int rows = static_cast<int>(g.row_edges.size()) - 1;
  int cols = static_cast<int>(g.col_edges.size()) - 1;
  std::vector<int> parent(rows * cols);
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](int a, int b) { parent[Find(parent, a)] = Find(parent, b); };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (c + 1 < cols && !g.HasVertical(r, c + 1, options.min_coverage))
        join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !g.HasHorizontal(r + 1, c, options.min_coverage))
        join(r * cols + c, (r + 1) * cols + c);
    }
  }
  std::map<int, std::vector<int>> members;
  for (int i = 0; i < rows * cols; ++i) members[Find(parent, i)].push_back(i);
  Layout layout;
  layout.cell_of.assign(rows * cols, -1);
  std::vector<std::pair<std::pair<int, int>, std::vector<int>>> ordered;
  for (auto& [root, list] : members) {
    int r0 = rows, c0 = cols;
    for (int i : list) {
      r0 = std::min(r0, i / cols);
      c0 = std::min(c0, i % cols);
    }
    ordered.push_back({{r0, c0}, list});
  }
  std::sort(ordered.begin(), ordered.end());
  for (auto& [pos, list] : ordered) {
    int r1 = 0, c1 = 0;
    for (int i : list) {
      r1 = std::max(r1, i / cols);
      c1 = std::max(c1, i % cols);
    }
    Cell cell;
    cell.row = pos.first;
    cell.col = pos.second;
    cell.row_span = r1 - pos.first + 1;
    cell.col_span = c1 - pos.second + 1;
    cell.box = Box{g.col_edges[cell.col], g.row_edges[cell.row], g.col_edges[c1 + 1],
                   g.row_edges[r1 + 1]};
    for (int i : list) layout.cell_of[i] = static_cast<int>(layout.cells.size());
    layout.cells.push_back(cell);
  }
  return layout;
}

}  // namespace

std::vector<Table> BuildTables(int page_index, const std::vector<Word>& words,
                               const std::vector<Grid>& grids, std::vector<Word>* outside,
                               const TableOptions& options) {
  std::vector<Table> tables;
  std::vector<Layout> layouts;
  for (const Grid& g : grids) {
    Layout layout = MergeCells(g, options);
    if (static_cast<int>(layout.cells.size()) < options.min_cells) continue;
    Table t;
    t.page = page_index;
    t.box = g.box;
    t.row_edges = g.row_edges;
    t.col_edges = g.col_edges;
    t.cells = layout.cells;
    tables.push_back(std::move(t));
    layouts.push_back(std::move(layout));
  }
  std::vector<std::vector<std::vector<Word>>> cell_words(tables.size());
  for (size_t t = 0; t < tables.size(); ++t) cell_words[t].resize(tables[t].cells.size());
  for (const Word& w : words) {
    double x = w.box.Width() > 0 ? w.box.CenterX() : w.box.x0;
    double y = w.box.CenterY();
    bool placed = false;
    for (size_t t = 0; t < tables.size() && !placed; ++t) {
      int r = Interval(tables[t].row_edges, y);
      int c = Interval(tables[t].col_edges, x);
      if (r < 0 || c < 0) continue;
      int cell = layouts[t].cell_of[r * tables[t].Cols() + c];
      cell_words[t][cell].push_back(w);
      placed = true;
    }
    if (!placed && outside != nullptr) outside->push_back(w);
  }
  for (size_t t = 0; t < tables.size(); ++t) {
    for (size_t i = 0; i < tables[t].cells.size(); ++i) {
      Cell& cell = tables[t].cells[i];
      const auto& ws = cell_words[t][i];
      if (ws.empty()) continue;
      std::vector<TextLine> lines = AssembleLines(ws);
      cell.text = JoinCellLines(lines);
      for (TextLine& l : lines) l.text = thai::RepairThai(l.text);
      cell.lines = std::move(lines);
      for (const Word& w : ws) {
        cell.confidence = std::min(cell.confidence, w.confidence);
        if (w.origin == Origin::kOcr) cell.origin = Origin::kOcr;
      }
    }
  }
  return tables;
}

}  // namespace ita
