#include "pipeline/layout/raster_geometry.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ita {
namespace {

int MedianOf(std::vector<unsigned char> v) {
  if (v.empty()) return 255;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Solves the 8 x 8 system of a projective map taking (u, v) to (x, y); a[8] unused.
bool SolveHomography(const double u[4], const double v[4], const double x[4], const double y[4],
                     double h[9]) {
  double m[8][9];
  for (int i = 0; i < 4; ++i) {
    double r1[9] = {u[i], v[i], 1, 0, 0, 0, -u[i] * x[i], -v[i] * x[i], x[i]};
    double r2[9] = {0, 0, 0, u[i], v[i], 1, -u[i] * y[i], -v[i] * y[i], y[i]};
    std::copy(r1, r1 + 9, m[2 * i]);
    std::copy(r2, r2 + 9, m[2 * i + 1]);
  }
  for (int c = 0; c < 8; ++c) {
    int pivot = c;
    for (int r = c + 1; r < 8; ++r)
      if (std::abs(m[r][c]) > std::abs(m[pivot][c])) pivot = r;
    if (std::abs(m[pivot][c]) < 1e-12) return false;
    std::swap(m[c], m[pivot]);
    for (int r = 0; r < 8; ++r) {
      if (r == c) continue;
      double f = m[r][c] / m[c][c];
      for (int k = c; k < 9; ++k) m[r][k] -= f * m[c][k];
    }
  }
  for (int i = 0; i < 8; ++i) h[i] = m[i][8] / m[i][i];
  h[8] = 1;
  return true;
}

}  // namespace

double EstimateSkewDegrees(const Raster& raster, double max_degrees, double step) {
  // Sample dark pixels on a coarse grid: enough for the profile, cheap at 300 dpi.
  int stride = std::max(1, static_cast<int>(raster.dpi / 100));
  std::vector<std::pair<int, int>> dark;
  for (int y = 0; y < raster.height; y += stride) {
    for (int x = 0; x < raster.width; x += stride) {
      if (raster.At(x, y) < 128) dark.push_back({x / stride, y / stride});
    }
  }
  if (dark.size() < 100) return 0.0;
  int rows = raster.height / stride + 1;
  int cols = raster.width / stride + 1;
  double best_score = -1, best_angle = 0;
  std::vector<int> histogram;
  std::vector<int> shift(cols);  // each column's shift at the angle: rounded once, not per pixel
  for (double a = -max_degrees; a <= max_degrees + 1e-9; a += step) {
    double t = std::tan(a * M_PI / 180.0);
    int offset = static_cast<int>(std::ceil(std::abs(t) * cols)) + 1;
    histogram.assign(rows + 2 * offset, 0);
    for (int x = 0; x < cols; ++x) shift[x] = offset - static_cast<int>(std::lround(x * t));
    for (const auto& [x, y] : dark) ++histogram[y + shift[x]];
    double score = 0;
    for (int h : histogram) score += static_cast<double>(h) * h;
    if (score > best_score) {
      best_score = score;
      best_angle = a;
    }
  }
  return best_angle;
}

Raster Deskew(const Raster& raster, double degrees) {
  if (std::abs(degrees) < 0.02) return raster;
  double t = std::tan(degrees * M_PI / 180.0);
  const int w = raster.width, h = raster.height;
  Raster out = raster;
  std::fill(out.pixels.begin(), out.pixels.end(), 255);
  // Vertical shear, by strips of columns that share one shift, copied row by row
  // (cache-friendly): lines that fall to the right by x*t come back up.
  for (int x0 = 0; x0 < w;) {
    int shift = static_cast<int>(std::lround(x0 * t));
    int x1 = x0 + 1;
    while (x1 < w && std::lround(x1 * t) == shift) ++x1;
    for (int y = 0; y < h; ++y) {
      int src = y + shift;
      if (src < 0 || src >= h) continue;
      std::copy_n(raster.pixels.begin() + static_cast<size_t>(src) * w + x0, x1 - x0,
                  out.pixels.begin() + static_cast<size_t>(y) * w + x0);
    }
    x0 = x1;
  }
  // Horizontal shear, one shifted copy per row: straightens vertical lines the same way.
  Raster result = out;
  for (int y = 0; y < h; ++y) {
    int shift = static_cast<int>(std::lround(-y * t));
    auto row = result.pixels.begin() + static_cast<size_t>(y) * w;
    auto src = out.pixels.begin() + static_cast<size_t>(y) * w;
    std::fill(row, row + w, 255);
    int from = std::max(0, -shift), to = std::min(w, w - shift);  // destination range
    if (to > from) std::copy(src + from + shift, src + to + shift, row + from);
  }
  return result;
}

std::optional<Quad> FindPhotographedPage(const Raster& raster) {
  // Look at a reduced copy: about 200 pixels across is plenty for the paper's outline.
  int factor = std::max(1, raster.width / 200);
  Raster small = Reduce(raster, factor);
  const int w = small.width, h = small.height;
  if (w < 40 || h < 40) return std::nullopt;
  std::vector<unsigned char> frame, middle;
  int band = std::max(2, std::min(w, h) / 40);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool edge = x < band || y < band || x >= w - band || y >= h - band;
      bool centre = x > w / 4 && x < 3 * w / 4 && y > h / 4 && y < 3 * h / 4;
      if (edge) frame.push_back(small.At(x, y));
      if (centre) middle.push_back(small.At(x, y));
    }
  int surface = MedianOf(frame), paper = MedianOf(middle);
  if (paper - surface < 60) return std::nullopt;  // paper to the edges: a scan
  int level = (surface + paper) / 2;
  auto bright = [&](int x, int y) {
    // A bright pixel with bright neighbours: specks on the surface do not count.
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        int xx = std::clamp(x + dx, 0, w - 1), yy = std::clamp(y + dy, 0, h - 1);
        if (small.At(xx, yy) < level) return false;
      }
    return true;
  };
  // Corners: the bright pixels that go furthest towards each corner of the raster.
  double best[4] = {1e18, -1e18, -1e18, 1e18};
  int cx[4] = {0, 0, 0, 0}, cy[4] = {0, 0, 0, 0};
  int count = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      if (!bright(x, y)) continue;
      ++count;
      double s = x + y, d = x - y;
      if (s < best[0]) { best[0] = s; cx[0] = x; cy[0] = y; }   // top-left
      if (d > best[1]) { best[1] = d; cx[1] = x; cy[1] = y; }   // top-right
      if (s > best[2]) { best[2] = s; cx[2] = x; cy[2] = y; }   // bottom-right
      if (d < best[3]) { best[3] = d; cx[3] = x; cy[3] = y; }   // bottom-left
    }
  if (count < w * h / 4) return std::nullopt;  // too small to be the page
  Quad q;
  for (int i = 0; i < 4; ++i) {
    q.x[i] = (cx[i] + 0.5) * factor;
    q.y[i] = (cy[i] + 0.5) * factor;
  }
  return q;
}

Raster WarpToRectangle(const Raster& raster, const Quad& quad, int width, int height) {
  Raster out;
  out.dpi = raster.dpi;
  out.width = width;
  out.height = height;
  out.pixels.assign(static_cast<size_t>(width) * height, 255);
  const double u[4] = {0, static_cast<double>(width - 1), static_cast<double>(width - 1), 0};
  const double v[4] = {0, 0, static_cast<double>(height - 1), static_cast<double>(height - 1)};
  double hm[9];
  if (!SolveHomography(u, v, quad.x, quad.y, hm)) return raster;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      double den = hm[6] * x + hm[7] * y + 1;
      double sx = (hm[0] * x + hm[1] * y + hm[2]) / den;
      double sy = (hm[3] * x + hm[4] * y + hm[5]) / den;
      if (sx < 0 || sy < 0 || sx > raster.width - 1 || sy > raster.height - 1) continue;
      int x0 = static_cast<int>(sx), y0 = static_cast<int>(sy);
      int x1 = std::min(x0 + 1, raster.width - 1), y1 = std::min(y0 + 1, raster.height - 1);
      double fx = sx - x0, fy = sy - y0;
      double top = raster.At(x0, y0) * (1 - fx) + raster.At(x1, y0) * fx;
      double bottom = raster.At(x0, y1) * (1 - fx) + raster.At(x1, y1) * fx;
      out.pixels[static_cast<size_t>(y) * width + x] = static_cast<unsigned char>(top * (1 - fy) + bottom * fy + 0.5);
    }
  }
  return out;
}

Raster RotateQuarterTurns(const Raster& raster, int degrees) {
  int turns = ((degrees % 360) + 360) % 360 / 90;
  if (turns == 0) return raster;
  const int w = raster.width, h = raster.height;
  Raster out;
  out.dpi = raster.dpi;
  out.width = turns == 2 ? w : h;
  out.height = turns == 2 ? h : w;
  out.pixels.resize(raster.pixels.size());
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = raster.pixels.data() + static_cast<size_t>(y) * w;
    for (int x = 0; x < w; ++x) {
      int nx, ny;
      if (turns == 1) {         // clockwise: (x, y) -> (h-1-y, x)
        nx = h - 1 - y;
        ny = x;
      } else if (turns == 2) {  // (x, y) -> (w-1-x, h-1-y)
        nx = w - 1 - x;
        ny = h - 1 - y;
      } else {                  // counter-clockwise: (x, y) -> (y, w-1-x)
        nx = y;
        ny = w - 1 - x;
      }
      out.pixels[static_cast<size_t>(ny) * out.width + nx] = row[x];
    }
  }
  return out;
}

Raster ScaleRows(const Raster& raster, double factor) {
  Raster out;
  out.dpi = raster.dpi;
  out.width = raster.width;
  out.height = std::max(1, static_cast<int>(std::lround(raster.height * factor)));
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  if (raster.height == 0 || raster.width == 0) return out;
  for (int y = 0; y < out.height; ++y) {
    double source = std::clamp((y + 0.5) / factor - 0.5, 0.0, static_cast<double>(raster.height - 1));
    int y0 = static_cast<int>(source);
    int y1 = std::min(y0 + 1, raster.height - 1);
    double w = source - y0;
    for (int x = 0; x < out.width; ++x) {
      double v = raster.At(x, y0) * (1 - w) + raster.At(x, y1) * w;
      out.pixels[static_cast<size_t>(y) * out.width + x] = static_cast<unsigned char>(std::lround(v));
    }
  }
  return out;
}

Raster Reduce(const Raster& raster, int factor) {
  if (factor <= 1) return raster;
  Raster out;
  out.dpi = raster.dpi / factor;
  out.width = raster.width / factor;
  out.height = raster.height / factor;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sum = 0;
      for (int dy = 0; dy < factor; ++dy)
        for (int dx = 0; dx < factor; ++dx) sum += raster.At(x * factor + dx, y * factor + dy);
      out.pixels[static_cast<size_t>(y) * out.width + x] = static_cast<unsigned char>(sum / (factor * factor));
    }
  }
  return out;
}

}  // namespace ita
