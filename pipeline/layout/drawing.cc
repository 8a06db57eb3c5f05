#include "pipeline/layout/drawing.h"

#include <algorithm>
#include <cmath>

namespace ita {
namespace {

using Point = PageDrawing::Point;
using Polygon = std::vector<Point>;

// Samples per pixel row when filling: a band a quarter of a pixel thick still marks its row,
// as Poppler's anti-aliased render would show it grey rather than not at all.
constexpr int kSubRows = 4;
// Edge crossings one filled path may produce when rasterised (16 bytes each): a hostile path of
// a hundred thousand page-high edges is not a ruling and is left undrawn.
constexpr long kMaxCrossings = 2'000'000;
// Largest raster drawn (pixels); a bigger request is answered at the resolution that fits.
constexpr double kMaxPixels = 64e6;

// Paints a drawing's marks into a raster (white paper), each mark over what came before.
class Painter {
 public:
  Painter(int width, int height) : width_(width), height_(height), pixels_(static_cast<size_t>(width) * height, 255) {}

  std::vector<unsigned char> Take() { return std::move(pixels_); }

  void Fill(const std::vector<Polygon>& polygons, bool even_odd, unsigned char gray) {
    if (polygons.size() == 1 && PaintIfRectangle(polygons[0], gray)) return;
    PaintPolygons(polygons, even_odd, gray);
  }

  void StrokeSegment(Point a, Point b, double width, unsigned char gray) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double length = std::hypot(dx, dy);
    if (length < 1e-9) return;
    double nx = -dy / length * width / 2, ny = dx / length * width / 2;
    Polygon quad = {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}};
    if (!PaintIfRectangle(quad, gray)) PaintPolygons({quad}, false, gray);
  }

  // An axis-aligned rectangle (the usual ruling) painted directly: the pixels whose centres
  // it covers, at least one in each direction.
  bool PaintIfRectangle(const Polygon& p, unsigned char gray) {
    size_t n = p.size();
    if (n == 5 && std::abs(p.back().x - p.front().x) < 1e-6 && std::abs(p.back().y - p.front().y) < 1e-6) n = 4;
    if (n != 4) return false;
    for (size_t i = 0; i < 4; ++i) {
      const Point& u = p[i];
      const Point& v = p[(i + 1) % 4];
      if (std::abs(u.x - v.x) > 1e-6 && std::abs(u.y - v.y) > 1e-6) return false;
    }
    double x0 = std::min({p[0].x, p[1].x, p[2].x, p[3].x}), x1 = std::max({p[0].x, p[1].x, p[2].x, p[3].x});
    double y0 = std::min({p[0].y, p[1].y, p[2].y, p[3].y}), y1 = std::max({p[0].y, p[1].y, p[2].y, p[3].y});
    auto [cx0, cx1] = Covered(x0, x1);
    auto [cy0, cy1] = Covered(y0, y1);
    for (long y = std::max(0L, cy0); y < std::min<long>(height_, cy1); ++y) {
      unsigned char* row = pixels_.data() + static_cast<size_t>(y) * width_;
      for (long x = std::max(0L, cx0); x < std::min<long>(width_, cx1); ++x) row[x] = gray;
    }
    return true;
  }

  // Pixels [first, last) whose centres lie in [from, to); the middle pixel when none do.
  static std::pair<long, long> Covered(double from, double to) {
    from = std::clamp(from, -1e7, 1e7);
    to = std::clamp(to, -1e7, 1e7);
    long first = static_cast<long>(std::ceil(from - 0.5));
    long last = static_cast<long>(std::ceil(to - 0.5));
    if (last <= first) {
      first = static_cast<long>(std::floor((from + to) / 2));
      last = first + 1;
    }
    return {first, last};
  }

  // Scan-line fill (non-zero or even-odd winding) sampled kSubRows times per pixel row; a pixel
  // is painted when any sample covers it.
  void PaintPolygons(const std::vector<Polygon>& polygons, bool even_odd, unsigned char gray) {
    double top = 1e300, bottom = -1e300;
    for (const Polygon& p : polygons)
      for (const Point& q : p) {
        top = std::min(top, q.y);
        bottom = std::max(bottom, q.y);
      }
    if (top > bottom) return;  // no points
    long row0 = std::max(0L, static_cast<long>(std::floor(std::max(top, -1.0))));
    long row1 = std::min<long>(height_, static_cast<long>(std::ceil(std::min(bottom, 1e7))) + 1);
    if (row1 <= row0) return;
    const long samples = (row1 - row0) * kSubRows;
    // Sample k sits at row0 + (k + 0.5) / kSubRows; an edge crosses samples [k0, k1).
    auto sample_range = [&](Point a, Point b) {
      double lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
      long k0 = std::max(0L, static_cast<long>(std::ceil((lo - row0) * kSubRows - 0.5)));
      long k1 = std::min(samples, static_cast<long>(std::ceil((hi - row0) * kSubRows - 0.5)));
      return std::pair<long, long>{k0, std::max(k0, k1)};
    };
    long total = 0;
    for (const Polygon& p : polygons)
      for (size_t i = 0; i < p.size(); ++i) {
        auto [k0, k1] = sample_range(p[i], p[(i + 1) % p.size()]);
        total += k1 - k0;
      }
    if (total > kMaxCrossings) return;
    std::vector<std::vector<std::pair<double, int>>> crossings(static_cast<size_t>(samples));
    for (const Polygon& p : polygons) {
      for (size_t i = 0; i < p.size(); ++i) {
        Point a = p[i], b = p[(i + 1) % p.size()];
        if (a.y == b.y) continue;
        int dir = b.y > a.y ? 1 : -1;
        auto [k0, k1] = sample_range(a, b);
        for (long k = k0; k < k1; ++k) {
          double y = row0 + (k + 0.5) / kSubRows;
          crossings[static_cast<size_t>(k)].push_back({a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y), dir});
        }
      }
    }
    std::vector<unsigned char> marked(static_cast<size_t>(width_));
    for (long row = row0; row < row1; ++row) {
      std::fill(marked.begin(), marked.end(), 0);
      bool any = false;
      for (int s = 0; s < kSubRows; ++s) {
        auto& xs = crossings[static_cast<size_t>((row - row0) * kSubRows + s)];
        std::sort(xs.begin(), xs.end());
        int winding = 0;
        for (size_t i = 0; i + 1 < xs.size(); ++i) {
          winding += even_odd ? 1 : xs[i].second;
          bool inside = even_odd ? winding % 2 != 0 : winding != 0;
          if (!inside) continue;
          auto [first, last] = Covered(xs[i].first, xs[i + 1].first);
          for (long x = std::max(0L, first); x < std::min<long>(width_, last); ++x) marked[x] = 1;
          any = true;
        }
      }
      if (!any) continue;
      unsigned char* out = pixels_.data() + static_cast<size_t>(row) * width_;
      for (int x = 0; x < width_; ++x)
        if (marked[x]) out[x] = gray;
    }
  }


 private:
  int width_, height_;
  std::vector<unsigned char> pixels_;
};

}  // namespace

LineArt RasterizeDrawing(const PageDrawing& drawing, double dpi) {
  double page_w = std::isfinite(drawing.width_pt) ? std::clamp(drawing.width_pt, 0.0, 1e6) : 0;
  double page_h = std::isfinite(drawing.height_pt) ? std::clamp(drawing.height_pt, 0.0, 1e6) : 0;
  if (!std::isfinite(dpi) || dpi <= 0) dpi = 72;
  if (page_w * page_h * (dpi / 72) * (dpi / 72) > kMaxPixels) dpi = 72 * std::sqrt(kMaxPixels / (page_w * page_h));
  const double s = dpi / 72.0;
  // Sized as Poppler's Splash output sizes a page.
  int width = std::max(1, static_cast<int>(page_w * s + 0.5));
  int height = std::max(1, static_cast<int>(page_h * s + 0.5));
  Painter painter(width, height);
  // In pixels, far points pulled in to a band around the page (nothing there is drawn, but
  // the arithmetic stays finite); a path with a non-finite point is dropped whole.
  auto scaled = [s](const Polygon& p) {
    Polygon out(p.size());
    for (size_t i = 0; i < p.size(); ++i) {
      if (!std::isfinite(p[i].x) || !std::isfinite(p[i].y)) return Polygon{};
      out[i] = {std::clamp(p[i].x * s, -1e6, 1e6), std::clamp(p[i].y * s, -1e6, 1e6)};
    }
    return out;
  };
  for (const PageDrawing::Mark& mark : drawing.marks) {
    if (mark.stroke) {
      // Thin lines at least one pixel wide, as the render's solid line mode draws them.
      double w = std::isfinite(mark.width) ? std::clamp(mark.width * s, 1.0, 1e4) : 1.0;
      for (const Polygon& line : mark.paths) {
        Polygon px = scaled(line);
        for (size_t i = 1; i < px.size(); ++i) painter.StrokeSegment(px[i - 1], px[i], w, mark.gray);
      }
    } else {
      std::vector<Polygon> polygons;
      polygons.reserve(mark.paths.size());
      for (const Polygon& p : mark.paths) polygons.push_back(scaled(p));
      painter.Fill(polygons, mark.even_odd, mark.gray);
    }
  }
  LineArt art;
  art.raster.width = width;
  art.raster.height = height;
  art.raster.dpi = dpi;
  art.raster.pixels = painter.Take();
  double page = page_w * page_h;
  art.image_share = page > 0 && std::isfinite(drawing.image_area_pt2) ? std::clamp(drawing.image_area_pt2 / page, 0.0, 1.0) : 0;
  return art;
}

}  // namespace ita
