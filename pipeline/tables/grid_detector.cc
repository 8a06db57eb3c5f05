#include "pipeline/tables/grid_detector.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pipeline/layout/raster_cleanup.h"

namespace ita {
namespace {

struct Run {
  int line;   // row (horizontal runs) or column (vertical runs), in pixels
  int from;   // start pixel along the run
  int to;     // end pixel (exclusive)
};

// Dark runs of at least `min_len` pixels along rows (horizontal) or columns (vertical).
// A run that long covers a pixel whose position along the run is a multiple of `min_len`, so
// only those positions are examined and each dark one is grown both ways: a run is found from
// the first sample it covers, and a page costs about 1/min_len of its pixels, not all of them.
std::vector<Run> DarkRuns(const Raster& r, bool horizontal, int dark_level, int min_len) {
  std::vector<Run> runs;
  const int step = std::max(1, min_len);
  const size_t w = static_cast<size_t>(r.width);
  auto dark = [&](int x, int y) { return r.pixels[static_cast<size_t>(y) * w + static_cast<size_t>(x)] < dark_level; };
  if (horizontal) {
    for (int y = 0; y < r.height; ++y) {
      int covered = -1;  // the end of the last run found on this row
      for (int x = step - 1; x < r.width; x += step) {
        if (x < covered || !dark(x, y)) continue;
        int from = x, to = x + 1;
        while (from > 0 && dark(from - 1, y)) --from;
        while (to < r.width && dark(to, y)) ++to;
        covered = to;
        if (to - from >= min_len) runs.push_back({y, from, to});
      }
    }
    return runs;
  }
  for (int y = step - 1; y < r.height; y += step) {
    const unsigned char* row = r.pixels.data() + static_cast<size_t>(y) * w;
    for (int x = 0; x < r.width; ++x) {
      if (row[x] >= dark_level) continue;
      // Found already from the sample row above when the run reaches it.
      if (y - step >= 0 && dark(x, y - step)) {
        int up = y;
        while (up > y - step && dark(x, up - 1)) --up;
        if (up == y - step) continue;
      }
      int from = y, to = y + 1;
      while (from > 0 && dark(x, from - 1)) --from;
      while (to < r.height && dark(x, to)) ++to;
      if (to - from >= min_len) runs.push_back({x, from, to});
    }
  }
  return runs;
}

std::vector<Ruling> MergeRuns(std::vector<Run> runs, bool horizontal, double scale,
                              int max_thickness, double max_slant) {
  struct Band {
    int first_line, last_line, from, to;
    long ink = 0;  // pixels of its runs
  };
  std::vector<Band> bands;
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return std::tie(a.line, a.from) < std::tie(b.line, b.from); });
  // Bands that reached the previous pixel line can grow into the current one.
  std::vector<size_t> previous, current;
  int line = -2;
  for (const Run& run : runs) {
    if (run.line != line) {
      previous = run.line == line + 1 ? std::move(current) : std::vector<size_t>{};
      current.clear();
      line = run.line;
    }
    auto it = std::find_if(previous.begin(), previous.end(), [&](size_t idx) {
      return run.from < bands[idx].to && run.to > bands[idx].from;
    });
    if (it != previous.end()) {
      Band& b = bands[*it];
      b.last_line = run.line;
      b.from = std::min(b.from, run.from);
      b.to = std::max(b.to, run.to);
      b.ink += run.to - run.from;
      current.push_back(*it);
      previous.erase(it);
    } else {
      bands.push_back({run.line, run.line, run.from, run.to, run.to - run.from});
      current.push_back(bands.size() - 1);
    }
  }
  std::vector<Ruling> out;
  for (const Band& b : bands) {
    // A thin line drawn at a slight slant (a photographed page squared by its corners)
    // reaches more pixel lines than its thickness: where slant is allowed, its ink over its
    // length, not its reach, tells it from a filled bar.
    int reach = b.last_line - b.first_line + 1;
    if (reach > max_thickness) {
      double length = b.to - b.from;
      if (max_slant <= 0 || b.ink > max_thickness * length || reach > max_thickness + max_slant * length) continue;
    }
    Ruling r;
    r.horizontal = horizontal;
    r.pos = (b.first_line + b.last_line + 1) / 2.0 * scale;
    r.from = b.from * scale;
    r.to = b.to * scale;
    out.push_back(r);
  }
  return out;
}

// Joins collinear rulings (positions within `tolerance`) separated by gaps up to `gap` along
// the line: dashed or anti-aliased breaks, and the dropouts of fax and 1-bit scans.
std::vector<Ruling> JoinCollinear(std::vector<Ruling> rulings, double tolerance, double gap) {
  std::sort(rulings.begin(), rulings.end(), [](const Ruling& a, const Ruling& b) {
    return std::tie(a.pos, a.from) < std::tie(b.pos, b.from);
  });
  std::vector<Ruling> out;
  for (const Ruling& r : rulings) {
    bool joined = false;
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
      if (r.pos - it->pos > tolerance) break;
      if (r.from <= it->to + gap && r.to >= it->from - gap) {
        it->from = std::min(it->from, r.from);
        it->to = std::max(it->to, r.to);
        joined = true;
        break;
      }
    }
    if (!joined) out.push_back(r);
  }
  return out;
}

bool Touch(const Ruling& h, const Ruling& v, double tol) {
  return v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol &&
         h.pos <= v.to + tol;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Distinct positions, clustering values closer than `tol`.
std::vector<double> Cluster(std::vector<double> values, double tol) {
  std::sort(values.begin(), values.end());
  std::vector<double> out;
  std::vector<int> counts;
  for (double v : values) {
    if (!out.empty() && v - out.back() <= tol) {
      out.back() = (out.back() * counts.back() + v) / (counts.back() + 1);
      ++counts.back();
    } else {
      out.push_back(v);
      counts.push_back(1);
    }
  }
  return out;
}

double Coverage(const std::vector<Ruling>& rulings, double pos, double from, double to,
                double tol) {
  double len = to - from;
  if (len <= 0) return 0;
  double covered = 0;
  for (const Ruling& r : rulings) {
    if (std::abs(r.pos - pos) > tol) continue;
    double a = std::max(from, r.from - tol);
    double b = std::min(to, r.to + tol);
    if (b > a) covered += b - a;
  }
  return covered / len;
}

// A ruling touching one perpendicular only is a stray stroke (e.g. text), unless it is a long
// vertical of a table left open at the page's top or bottom.
bool JoinsGrid(const Ruling& r, int touches, const GridOptions& options) {
  bool long_vertical = !r.horizontal && r.to - r.from >= options.min_open_vertical_pt;
  return touches >= 2 || (touches == 1 && long_vertical);
}

// Scanned rulings break: a vertical of a tall row may come out as pieces, and a middle piece
// touches no horizontal (or one), so it joined no grid. Pieces lying on one of the grid's
// edges, within its extent, are its own; they add coverage (a missing ruling means merged
// cells) but never new edges.
void AdoptBrokenPieces(Grid& g, const std::vector<Ruling>& rulings, const std::vector<int>& touches,
                       const GridOptions& options) {
  const double tol = options.join_tolerance_pt;
  auto on_edge = [tol](const std::vector<double>& edges, double pos) {
    return std::any_of(edges.begin(), edges.end(), [&](double e) { return std::abs(e - pos) <= tol; });
  };
  for (size_t i = 0; i < rulings.size(); ++i) {
    const Ruling& r = rulings[i];
    if (JoinsGrid(r, touches[i], options)) continue;
    const auto& edges = r.horizontal ? g.row_edges : g.col_edges;
    const auto& across = r.horizontal ? g.col_edges : g.row_edges;
    if (!on_edge(edges, r.pos) || r.from < across.front() - tol || r.to > across.back() + tol) continue;
    (r.horizontal ? g.horizontals : g.verticals).push_back(r);
  }
}

}  // namespace

bool Grid::HasHorizontal(int r, int c, double min_coverage) const {
  return Coverage(horizontals, row_edges[r], col_edges[c], col_edges[c + 1], 2.5) >= min_coverage;
}

bool Grid::HasVertical(int r, int c, double min_coverage) const {
  return Coverage(verticals, col_edges[c], row_edges[r], row_edges[r + 1], 2.5) >= min_coverage;
}

std::vector<Ruling> FindRulings(const Raster& raster, const GridOptions& options) {
  if (raster.width == 0 || raster.height == 0) return {};
  double scale = 72.0 / raster.dpi;  // pixels to points
  int min_len = std::max(3, static_cast<int>(options.min_ruling_pt / scale));
  int max_thick = std::max(2, static_cast<int>(std::ceil(options.max_thickness_pt / scale)));
  auto h = MergeRuns(DarkRuns(raster, true, options.dark_level, min_len), true, scale, max_thick, options.max_slant);
  auto v = MergeRuns(DarkRuns(raster, false, options.dark_level, min_len), false, scale, max_thick, options.max_slant);
  h = JoinCollinear(std::move(h), options.join_tolerance_pt, options.bridge_gap_pt);
  v = JoinCollinear(std::move(v), options.join_tolerance_pt, options.bridge_gap_pt);
  h.insert(h.end(), v.begin(), v.end());
  return h;
}

std::vector<Grid> GridsFromRulings(const std::vector<Ruling>& rulings, const GridOptions& options) {
  const double tol = options.join_tolerance_pt;
  int n = static_cast<int>(rulings.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<int> touches(n, 0);
  for (int i = 0; i < n; ++i) {
    if (!rulings[i].horizontal) continue;
    for (int j = 0; j < n; ++j) {
      if (rulings[j].horizontal || !Touch(rulings[i], rulings[j], tol)) continue;
      parent[Find(parent, i)] = Find(parent, j);
      ++touches[i];
      ++touches[j];
    }
  }
  std::vector<std::vector<int>> groups(n);
  for (int i = 0; i < n; ++i) {
    if (touches[i] > 0) groups[Find(parent, i)].push_back(i);
  }
  std::vector<Grid> grids;
  for (const auto& members : groups) {
    Grid g;
    std::vector<double> ys, xs;
    for (int i : members) {
      const Ruling& r = rulings[i];
      if (!JoinsGrid(r, touches[i], options)) continue;
      (r.horizontal ? g.horizontals : g.verticals).push_back(r);
      (r.horizontal ? ys : xs).push_back(r.pos);
    }
    if (g.horizontals.empty() || g.verticals.size() < 2) continue;
    g.row_edges = Cluster(ys, tol);
    g.col_edges = Cluster(xs, tol);
    if (g.col_edges.size() < 2) continue;
    AdoptBrokenPieces(g, rulings, touches, options);
    // A table split across pages has no rule where the page cuts it: close it where its
    // verticals end, with a rule of our own.
    double top = 1e18, bottom = -1e18;
    for (const Ruling& v : g.verticals) {
      top = std::min(top, v.from);
      bottom = std::max(bottom, v.to);
    }
    const double min_row = options.min_open_vertical_pt / 4;
    if (bottom > g.row_edges.back() + min_row) {
      g.row_edges.push_back(bottom);
      g.horizontals.push_back(Ruling{true, bottom, g.col_edges.front(), g.col_edges.back()});
    }
    if (top < g.row_edges.front() - min_row) {
      g.row_edges.insert(g.row_edges.begin(), top);
      g.horizontals.push_back(Ruling{true, top, g.col_edges.front(), g.col_edges.back()});
    }
    if (g.row_edges.size() < 2) continue;
    g.box = Box{g.col_edges.front(), g.row_edges.front(), g.col_edges.back(), g.row_edges.back()};
    grids.push_back(std::move(g));
  }
  std::sort(grids.begin(), grids.end(),
            [](const Grid& a, const Grid& b) { return a.box.y0 < b.box.y0; });
  return grids;
}

void EraseRulings(Raster& raster, const std::vector<Grid>& grids, double pad_pt) {
  for (const Grid& g : grids) {
    for (const Ruling& h : g.horizontals)
      BlankRegion(raster, Box{h.from - pad_pt, h.pos - 1.5 - pad_pt, h.to + pad_pt, h.pos + 1.5 + pad_pt});
    for (const Ruling& v : g.verticals)
      BlankRegion(raster, Box{v.pos - 1.5 - pad_pt, v.from - pad_pt, v.pos + 1.5 + pad_pt, v.to + pad_pt});
  }
}

}  // namespace ita
