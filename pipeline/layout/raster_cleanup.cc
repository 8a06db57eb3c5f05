#include "pipeline/layout/raster_cleanup.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ita {
namespace {

struct PixelRect {
  int x0, y0, x1, y1;
};

PixelRect ToPixels(const Raster& r, const Box& b) {
  double s = r.dpi / 72.0;
  return PixelRect{std::clamp(static_cast<int>(std::floor(b.x0 * s)), 0, r.width),
                   std::clamp(static_cast<int>(std::floor(b.y0 * s)), 0, r.height),
                   std::clamp(static_cast<int>(std::ceil(b.x1 * s)), 0, r.width),
                   std::clamp(static_cast<int>(std::ceil(b.y1 * s)), 0, r.height)};
}

void Fill(Raster& r, const PixelRect& p) {
  for (int y = p.y0; y < p.y1; ++y) {
    std::fill(r.pixels.begin() + static_cast<size_t>(y) * r.width + p.x0,
              r.pixels.begin() + static_cast<size_t>(y) * r.width + p.x1, 255);
  }
}

}  // namespace

void WhitenLight(Raster& raster, int level) {
  for (unsigned char& p : raster.pixels) {
    if (p >= level) p = 255;
  }
}

int PaperLevel(const Raster& raster) {
  if (raster.pixels.empty()) return 255;
  std::array<size_t, 256> histogram{};
  size_t step = std::max<size_t>(1, raster.pixels.size() / 200000), n = 0;
  for (size_t i = 0; i < raster.pixels.size(); i += step, ++n) ++histogram[raster.pixels[i]];
  size_t seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += histogram[v];
    if (seen * 2 >= n) return v;
  }
  return 255;
}

void Binarize(Raster& raster, int level) {
  for (unsigned char& p : raster.pixels) p = p < level ? 0 : 255;
}

void BlankRegion(Raster& raster, const Box& region) { Fill(raster, ToPixels(raster, region)); }

double InkShare(const Raster& raster, const Box& region, int dark_level) {
  PixelRect p = (region.Width() > 0 && region.Height() > 0)
                    ? ToPixels(raster, region)
                    : PixelRect{0, 0, raster.width, raster.height};
  size_t total = 0, dark = 0;
  for (int y = p.y0; y < p.y1; ++y) {
    for (int x = p.x0; x < p.x1; ++x) {
      ++total;
      dark += raster.At(x, y) < dark_level;
    }
  }
  return total == 0 ? 0.0 : static_cast<double>(dark) / static_cast<double>(total);
}

std::optional<Box> InkExtent(const Raster& raster, const Box& region, int dark_level) {
  PixelRect p = ToPixels(raster, region);
  int x0 = p.x1, y0 = p.y1, x1 = p.x0 - 1, y1 = p.y0 - 1;
  for (int y = p.y0; y < p.y1; ++y) {
    const unsigned char* row = raster.pixels.data() + static_cast<size_t>(y) * raster.width;
    for (int x = p.x0; x < p.x1; ++x) {
      if (row[x] >= dark_level) continue;
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
  }
  if (x1 < x0) return std::nullopt;
  double s = 72.0 / raster.dpi;
  return Box{x0 * s, y0 * s, (x1 + 1) * s, (y1 + 1) * s};
}

int ClearDarkEdges(Raster& raster, int dark_level, double min_dark_share, double max_share) {
  const int w = raster.width, h = raster.height;
  if (w < 10 || h < 10) return 0;
  auto row_dark = [&](int y) {
    int n = 0;
    for (int x = 0; x < w; ++x) n += raster.At(x, y) < dark_level;
    return static_cast<double>(n) / w;
  };
  auto col_dark = [&](int x) {
    int n = 0;
    for (int y = 0; y < h; ++y) n += raster.At(x, y) < dark_level;
    return static_cast<double>(n) / h;
  };
  auto clear_row = [&](int y) { std::fill_n(raster.pixels.begin() + static_cast<size_t>(y) * w, w, 255); };
  auto clear_col = [&](int x) {
    for (int y = 0; y < h; ++y) raster.pixels[static_cast<size_t>(y) * w + x] = 255;
  };
  int cleared = 0;
  const int max_rows = static_cast<int>(h * max_share), max_cols = static_cast<int>(w * max_share);
  // A band may begin a few pixels in from the edge (a light margin of the scan); it is cleared
  // together with what lies outside it.
  auto clear_band = [&](int limit, auto dark_at, auto clear, bool from_end, int size) {
    int last_dark = -1;
    for (int i = 0; i < limit; ++i) {
      int at = from_end ? size - 1 - i : i;
      if (dark_at(at) >= min_dark_share) last_dark = i;
      else if (last_dark >= 0) break;
    }
    for (int i = 0; i <= last_dark; ++i) {
      clear(from_end ? size - 1 - i : i);
      ++cleared;
    }
  };
  clear_band(max_rows, row_dark, clear_row, false, h);
  clear_band(max_rows, row_dark, clear_row, true, h);
  clear_band(max_cols, col_dark, clear_col, false, w);
  clear_band(max_cols, col_dark, clear_col, true, w);
  return cleared;
}

void FlattenIllumination(Raster& raster, int block_px) {
  const int w = raster.width, h = raster.height;
  if (w < block_px || h < block_px || block_px < 4) return;
  // The paper's brightness per block: a high percentile, not the maximum (a speck of glare).
  int bw = (w + block_px - 1) / block_px, bh = (h + block_px - 1) / block_px;
  std::vector<double> light(static_cast<size_t>(bw) * bh, 255);
  std::vector<unsigned char> values;
  for (int by = 0; by < bh; ++by)
    for (int bx = 0; bx < bw; ++bx) {
      values.clear();
      for (int y = by * block_px; y < std::min(h, (by + 1) * block_px); y += 2)
        for (int x = bx * block_px; x < std::min(w, (bx + 1) * block_px); x += 2) values.push_back(raster.At(x, y));
      std::nth_element(values.begin(), values.begin() + values.size() * 9 / 10, values.end());
      light[static_cast<size_t>(by) * bw + bx] = std::max<double>(32, values[values.size() * 9 / 10]);
    }
  // Bilinear between block centres, so block edges leave no seams.
  for (int y = 0; y < h; ++y) {
    double gy = std::clamp((y + 0.5) / block_px - 0.5, 0.0, bh - 1.0);
    int y0 = static_cast<int>(gy), y1 = std::min(y0 + 1, bh - 1);
    double fy = gy - y0;
    for (int x = 0; x < w; ++x) {
      double gx = std::clamp((x + 0.5) / block_px - 0.5, 0.0, bw - 1.0);
      int x0 = static_cast<int>(gx), x1 = std::min(x0 + 1, bw - 1);
      double fx = gx - x0;
      double l = (light[y0 * bw + x0] * (1 - fx) + light[y0 * bw + x1] * fx) * (1 - fy) +
                 (light[y1 * bw + x0] * (1 - fx) + light[y1 * bw + x1] * fx) * fy;
      unsigned char& p = raster.pixels[static_cast<size_t>(y) * w + x];
      p = static_cast<unsigned char>(std::min(255.0, p * 255.0 / l));
    }
  }
}

}  // namespace ita
