#include "pipeline/layout/text_orientation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "pipeline/layout/ink_pieces.h"

namespace ita {
namespace {

// Evidence is taken as clear when the larger count is this many times the smaller one and
// unlikely by chance (three standard deviations of a fair split).
constexpr double kClearRatio = 1.5;
constexpr int kMinEvidence = 10;

bool ClearlyMore(int more, int less) {
  int n = more + less;
  return n >= kMinEvidence && more >= kClearRatio * less && (more - less) >= 3.0 * std::sqrt(static_cast<double>(n));
}

struct Piece {
  double cx, cy;
  InkPiece box;
};

// Body pieces bucketed by centre on a square grid, for neighbour searches.
class PieceGrid {
 public:
  PieceGrid(const std::vector<Piece>& pieces, double cell) : pieces_(pieces), cell_(cell) {
    for (size_t i = 0; i < pieces.size(); ++i) cells_[Key(Cell(pieces[i].cx), Cell(pieces[i].cy))].push_back(i);
  }
  // Calls f(piece) for every piece whose centre lies within `radius` cells' reach of (x, y).
  template <typename F>
  void ForNear(double x, double y, int reach, F f) const {
    int gx = Cell(x), gy = Cell(y);
    for (int dy = -reach; dy <= reach; ++dy)
      for (int dx = -reach; dx <= reach; ++dx) {
        auto it = cells_.find(Key(gx + dx, gy + dy));
        if (it == cells_.end()) continue;
        for (size_t i : it->second) f(pieces_[i]);
      }
  }

 private:
  int Cell(double v) const { return static_cast<int>(std::floor(v / cell_)); }
  static long long Key(int x, int y) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned>(y); }
  const std::vector<Piece>& pieces_;
  double cell_;
  std::unordered_map<long long, std::vector<size_t>> cells_;
};

}  // namespace

TextOrientation FindTextOrientation(const Raster& raster, int ink_level) {
  TextOrientation result;
  if (raster.width <= 0 || raster.height <= 0) return result;
  // Letter-shaped pieces, by their longer side (the same whichever way the page is turned):
  // not rulings, not pictures or whole tables, not single-pixel specks.
  int max_size = std::max(3, std::min(raster.width, raster.height) / 10);
  // Marks may be thinner than letters (the stroke of a tone mark): up to 8 to 1.
  std::vector<Piece> shaped;
  std::vector<int> sizes;
  std::vector<bool> letter_like;
  for (const InkPiece& p : InkPieces(raster, ink_level)) {
    int w = p.Width(), h = p.Height(), size = std::max(w, h);
    if (size < 2 || size > max_size || w > 8 * h || h > 8 * w) continue;
    shaped.push_back({(p.x0 + p.x1) / 2.0, (p.y0 + p.y1) / 2.0, p});
    sizes.push_back(size);
    letter_like.push_back(w <= 4 * h && h <= 4 * w);
  }
  if (sizes.size() < 2 * static_cast<size_t>(kMinEvidence)) {
    result.why = "too few letters to tell its orientation";
    return result;
  }
  // Letter bodies are at least half the tall end of the sizes (its 90th percentile); marks are
  // under half a body, and over an eighth of it (smaller is noise).
  std::vector<int> sorted;
  for (size_t i = 0; i < sizes.size(); ++i)
    if (letter_like[i]) sorted.push_back(sizes[i]);
  if (sorted.empty()) return result;
  std::sort(sorted.begin(), sorted.end());
  int tall = sorted[sorted.size() * 9 / 10];
  std::vector<int> body_sizes;
  for (size_t i = 0; i < shaped.size(); ++i)
    if (letter_like[i] && 2 * sizes[i] >= tall) body_sizes.push_back(sizes[i]);
  std::nth_element(body_sizes.begin(), body_sizes.begin() + body_sizes.size() / 2, body_sizes.end());
  double body = body_sizes[body_sizes.size() / 2];

  // Only pieces of a full letter's size vote on the axis: an upper vowel is often more than
  // half a letter wide, and its nearest neighbour is the letter under it.
  std::vector<Piece> voters;
  for (size_t i = 0; i < shaped.size(); ++i)
    if (letter_like[i] && 2 * sizes[i] >= tall && 4 * sizes[i] >= 3 * body) voters.push_back(shaped[i]);
  PieceGrid grid(voters, body);
  // The axis: where each body's nearest body lies (within two bodies' reach).
  int horizontal = 0, vertical = 0;
  for (const Piece& b : voters) {
    double best = 4.0 * body * body;
    double bdx = 0, bdy = 0;
    grid.ForNear(b.cx, b.cy, 2, [&](const Piece& o) {
      double dx = o.cx - b.cx, dy = o.cy - b.cy, d = dx * dx + dy * dy;
      if (d > 0 && d < best) {
        best = d;
        bdx = dx;
        bdy = dy;
      }
    });
    if (bdx == 0 && bdy == 0) continue;
    (std::abs(bdx) >= std::abs(bdy) ? horizontal : vertical)++;
  }
  bool lines_horizontal = horizontal >= vertical;
  result.along = lines_horizontal ? horizontal : vertical;
  result.across = lines_horizontal ? vertical : horizontal;
  result.axis_sure = ClearlyMore(result.along, result.across);

  // Across the lines, letters and marks differ most: upper vowels are nearly as wide as a
  // letter but a third of its height. Letters are the pieces of at least half the tall end of
  // the heights across the lines; marks are under half the letters' median height.
  auto across_extent = [&](const InkPiece& p) { return lines_horizontal ? p.Height() : p.Width(); };
  std::vector<int> heights;
  for (size_t i = 0; i < shaped.size(); ++i)
    if (letter_like[i]) heights.push_back(across_extent(shaped[i].box));
  std::sort(heights.begin(), heights.end());
  int tall_across = heights[heights.size() * 9 / 10];
  std::vector<Piece> letters, marks;
  std::vector<int> letter_heights;
  for (size_t i = 0; i < shaped.size(); ++i) {
    int a = across_extent(shaped[i].box);
    if (letter_like[i] && 2 * a >= tall_across) {
      letters.push_back(shaped[i]);
      letter_heights.push_back(a);
    }
  }
  std::nth_element(letter_heights.begin(), letter_heights.begin() + letter_heights.size() / 2, letter_heights.end());
  double letter = letter_heights[letter_heights.size() / 2];
  for (size_t i = 0; i < shaped.size(); ++i) {
    int a = across_extent(shaped[i].box);
    if (2 * a < letter && 8 * a >= letter) marks.push_back(shaped[i]);
  }
  PieceGrid letter_grid(letters, letter);

  // The side: each mark is given to the nearest body beside it across the lines (overlapping
  // it along them, at most half a body away), and counted on the side of that body it lies.
  int before = 0, after = 0;  // towards smaller / larger coordinates across the lines
  for (const Piece& m : marks) {
    double best_gap = letter / 2 + 1;
    int side = 0;
    letter_grid.ForNear(m.cx, m.cy, 2, [&](const Piece& b) {
      // Along the lines: x when they are horizontal, y when vertical.
      double m_along = lines_horizontal ? m.cx : m.cy;
      double lo = lines_horizontal ? b.box.x0 : b.box.y0, hi = lines_horizontal ? b.box.x1 : b.box.y1;
      if (m_along < lo || m_along > hi) return;
      double m_across = lines_horizontal ? m.cy : m.cx;
      double b_lo = lines_horizontal ? b.box.y0 : b.box.x0, b_hi = lines_horizontal ? b.box.y1 : b.box.x1;
      double m_lo = lines_horizontal ? m.box.y0 : m.box.x0, m_hi = lines_horizontal ? m.box.y1 : m.box.x1;
      if (m_across < b_lo) {
        double gap = std::max(0.0, b_lo - m_hi);
        if (gap < best_gap) best_gap = gap, side = -1;
      } else if (m_across > b_hi) {
        double gap = std::max(0.0, m_lo - b_hi);
        if (gap < best_gap) best_gap = gap, side = +1;
      }
    });
    if (side < 0) ++before;
    if (side > 0) ++after;
  }
  // Upright text has its marks above (smaller y); turned 90 degrees clockwise, its tops face
  // right (larger x); upside down, down; turned 270, left.
  bool top_first = before >= after;
  result.top = top_first ? before : after;
  result.bottom = top_first ? after : before;
  result.side_sure = ClearlyMore(result.top, result.bottom);
  if (lines_horizontal) {
    result.degrees = top_first ? 0 : 180;
  } else {
    result.degrees = top_first ? 270 : 90;
  }
  char why[200];
  std::snprintf(why, sizeof why,
                "letters' nearest neighbours %d along the lines, %d across; marks %d on one side, %d on the other",
                result.along, result.across, result.top, result.bottom);
  result.why = why;
  return result;
}

}  // namespace ita
