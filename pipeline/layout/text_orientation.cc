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

// The letter-shaped pieces of a page, by their longer side (the same whichever way the page is
// turned): not rulings, not pictures or whole tables, not single-pixel specks. Marks may be
// thinner than letters (the stroke of a tone mark): up to 8 to 1.
struct ShapedPieces {
  std::vector<Piece> pieces;
  std::vector<int> sizes;
  std::vector<bool> letter_like;  // no more than 4 to 1
};

ShapedPieces FindShapedPieces(const Raster& raster, int ink_level) {
  ShapedPieces s;
  int max_size = std::max(3, std::min(raster.width, raster.height) / 10);
  for (const InkPiece& p : InkPieces(raster, ink_level)) {
    int w = p.Width(), h = p.Height(), size = std::max(w, h);
    if (size < 2 || size > max_size || w > 8 * h || h > 8 * w) continue;
    s.pieces.push_back({(p.x0 + p.x1) / 2.0, (p.y0 + p.y1) / 2.0, p});
    s.sizes.push_back(size);
    s.letter_like.push_back(w <= 4 * h && h <= 4 * w);
  }
  return s;
}

// The axis of the lines: where each letter body's nearest body lies (within two bodies' reach).
// Only pieces of a full letter's size vote: an upper vowel is often more than half a letter
// wide, and its nearest neighbour is the letter under it. False when there are no letters.
bool CountNeighbourAxes(const ShapedPieces& s, int* horizontal, int* vertical) {
  // Letter bodies are at least half the tall end of the sizes (its 90th percentile).
  std::vector<int> sorted;
  for (size_t i = 0; i < s.sizes.size(); ++i)
    if (s.letter_like[i]) sorted.push_back(s.sizes[i]);
  if (sorted.empty()) return false;
  std::sort(sorted.begin(), sorted.end());
  int tall = sorted[sorted.size() * 9 / 10];
  std::vector<int> body_sizes;
  for (size_t i = 0; i < s.pieces.size(); ++i)
    if (s.letter_like[i] && 2 * s.sizes[i] >= tall) body_sizes.push_back(s.sizes[i]);
  std::nth_element(body_sizes.begin(), body_sizes.begin() + body_sizes.size() / 2, body_sizes.end());
  double body = body_sizes[body_sizes.size() / 2];
  std::vector<Piece> voters;
  for (size_t i = 0; i < s.pieces.size(); ++i)
    if (s.letter_like[i] && 2 * s.sizes[i] >= tall && 4 * s.sizes[i] >= 3 * body) voters.push_back(s.pieces[i]);
  PieceGrid grid(voters, body);
  *horizontal = *vertical = 0;
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
    (std::abs(bdx) >= std::abs(bdy) ? *horizontal : *vertical)++;
  }
  return true;
}

// Across the lines, letters and marks differ most: upper vowels are nearly as wide as a letter
// but a third of its height. Letters are the pieces of at least half the tall end of the
// heights across the lines; marks are under half the letters' median height and over an
// eighth of it (smaller is noise). Each mark is given to the nearest letter beside it across
// the lines (overlapping it along them, at most half a letter away) and counted on the side of
// that letter it lies: `before` towards smaller coordinates across the lines, `after` larger.
void CountMarkSides(const ShapedPieces& s, bool lines_horizontal, int* before, int* after) {
  auto across_extent = [&](const InkPiece& p) { return lines_horizontal ? p.Height() : p.Width(); };
  std::vector<int> heights;
  for (size_t i = 0; i < s.pieces.size(); ++i)
    if (s.letter_like[i]) heights.push_back(across_extent(s.pieces[i].box));
  std::sort(heights.begin(), heights.end());
  int tall_across = heights[heights.size() * 9 / 10];
  std::vector<Piece> letters, marks;
  std::vector<int> letter_heights;
  for (size_t i = 0; i < s.pieces.size(); ++i) {
    int a = across_extent(s.pieces[i].box);
    if (s.letter_like[i] && 2 * a >= tall_across) {
      letters.push_back(s.pieces[i]);
      letter_heights.push_back(a);
    }
  }
  std::nth_element(letter_heights.begin(), letter_heights.begin() + letter_heights.size() / 2, letter_heights.end());
  double letter = letter_heights[letter_heights.size() / 2];
  for (size_t i = 0; i < s.pieces.size(); ++i) {
    int a = across_extent(s.pieces[i].box);
    if (2 * a < letter && 8 * a >= letter) marks.push_back(s.pieces[i]);
  }
  PieceGrid letter_grid(letters, letter);
  *before = *after = 0;
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
    if (side < 0) ++*before;
    if (side > 0) ++*after;
  }
}

}  // namespace

TextOrientation FindTextOrientation(const Raster& raster, int ink_level) {
  TextOrientation result;
  if (raster.width <= 0 || raster.height <= 0) return result;
  ShapedPieces shaped = FindShapedPieces(raster, ink_level);
  if (shaped.sizes.size() < 2 * static_cast<size_t>(kMinEvidence)) {
    result.why = "too few letters to tell its orientation";
    return result;
  }
  int horizontal = 0, vertical = 0;
  if (!CountNeighbourAxes(shaped, &horizontal, &vertical)) return result;
  bool lines_horizontal = horizontal >= vertical;
  result.along = lines_horizontal ? horizontal : vertical;
  result.across = lines_horizontal ? vertical : horizontal;
  result.axis_sure = ClearlyMore(result.along, result.across);
  int before = 0, after = 0;
  CountMarkSides(shaped, lines_horizontal, &before, &after);
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
