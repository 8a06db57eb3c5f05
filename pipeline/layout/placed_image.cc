#include "pipeline/layout/placed_image.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ita {
namespace {

// A skew this small (relative to the scale) drifts under half a pixel across a page.
constexpr double kSkewTolerance = 1e-4;

bool Straight(const ImageMatrix& m) {
  return std::abs(m.b) + std::abs(m.c) <= kSkewTolerance * (std::abs(m.a) + std::abs(m.d)) &&
         m.a != 0 && m.d != 0;
}

bool Turned(const ImageMatrix& m) {
  return std::abs(m.a) + std::abs(m.d) <= kSkewTolerance * (std::abs(m.b) + std::abs(m.c)) &&
         m.b != 0 && m.c != 0;
}

// One axis of the box-or-repeat resampling: for each page pixel o along it, the source pixels
// summed into it.
struct AxisFilter {
  std::vector<int> begin;  // taps of pixel o: [begin[o], begin[o + 1])
  std::vector<int> source;

  bool Reaches(int o) const { return begin[o + 1] > begin[o]; }
};

// Where source pixels 0 .. source_n - 1 land along one axis, laid from page coordinate `from`
// (the outer edge of source pixel 0) to `to`. As Splash draws an image, it covers the page
// pixels from floor(low) to floor(high) inclusive: the fill rule, so that an image fills
// what a rectangle at its place fills.
struct AxisSpan {
  long long first = 0;  // first page pixel covered
  long long span = 0;   // page pixels covered
  bool reversed = false;
  // The index from the source's start of page pixel `o`, or -1 outside.
  long long IndexOf(long long o) const {
    if (o < first || o >= first + span) return -1;
    return reversed ? first + span - 1 - o : o - first;
  }
};

AxisSpan SpanOf(double from, double to) {
  AxisSpan a;
  a.first = static_cast<long long>(std::floor(std::min(from, to)));
  a.span = static_cast<long long>(std::floor(std::max(from, to))) + 1 - a.first;
  a.reversed = from > to;
  return a;
}

// Box or repeat: when the source has at least as many pixels as the span, each page pixel
// sums a whole number of them, spread evenly (Bresenham); when fewer, it repeats one.
AxisFilter MakeFilter(int page_n, int source_n, const AxisSpan& axis) {
  AxisFilter f;
  f.begin.reserve(page_n + 1);
  const long long n = source_n, span = axis.span;
  for (int o = 0; o < page_n; ++o) {
    f.begin.push_back(static_cast<int>(f.source.size()));
    long long i = axis.IndexOf(o);
    if (i < 0 || n <= 0) continue;
    if (n >= span) {
      long long s0 = i * (n / span) + i * (n % span) / span;
      long long s1 = (i + 1) * (n / span) + (i + 1) * (n % span) / span;
      for (long long k = s0; k < s1; ++k) f.source.push_back(static_cast<int>(k));  // DrawPlacedImage divides
    } else {
      // Source pixel j repeats over page pixels floor(j span / n) up to the next one's.
      f.source.push_back(static_cast<int>(((i + 1) * n + span - 1) / span - 1));
    }
  }
  f.begin.push_back(static_cast<int>(f.source.size()));
  return f;
}

// Blend: page pixel i of the span sits at source coordinate i * source_n / span and mixes
// the source pixel there with the next (the last one with itself). The coordinate is found
// as Splash finds it, by adding the step i times: it differs from the product in the last
// bits, which decide a truncated level.
struct BlendTap {
  int source = -1;  // -1: outside the image
  double next_share = 0;
};

std::vector<BlendTap> MakeBlend(int page_n, int source_n, const AxisSpan& axis) {
  std::vector<BlendTap> taps(page_n);
  const double step = static_cast<double>(source_n) / static_cast<double>(axis.span);
  long long needed = 0;
  for (int o = 0; o < page_n; ++o) needed = std::max(needed, axis.IndexOf(o) + 1);
  std::vector<double> at(needed);  // by index from the source's start
  double position = 0;
  for (long long i = 0; i < needed; ++i, position += step) at[i] = position;
  for (int o = 0; o < page_n; ++o) {
    long long i = axis.IndexOf(o);
    if (i < 0) continue;
    double whole = std::floor(at[i]);
    taps[o].source = std::min(static_cast<int>(whole), source_n - 1);
    taps[o].next_share = at[i] - whole;
  }
  return taps;
}

// One source row blended along x into bytes (truncated, as Splash stores them).
void BlendRow(const unsigned char* in, int source_n, const std::vector<BlendTap>& across, int x0, int x1,
              std::vector<unsigned char>& out) {
  for (int x = x0; x < x1; ++x) {
    const BlendTap& t = across[x];
    if (t.source < 0) continue;
    unsigned char a = in[t.source], b = in[std::min(t.source + 1, source_n - 1)];
    out[x] = static_cast<unsigned char>(a * (1.0 - t.next_share) + b * t.next_share);
  }
}

Raster Transposed(const Raster& image) {
  Raster t;
  t.width = image.height;
  t.height = image.width;
  t.pixels.resize(image.pixels.size());
  // In tiles, so reads and writes both stay in cache.
  constexpr int kTile = 64;
  for (int y0 = 0; y0 < image.height; y0 += kTile)
    for (int x0 = 0; x0 < image.width; x0 += kTile)
      for (int y = y0; y < std::min(image.height, y0 + kTile); ++y)
        for (int x = x0; x < std::min(image.width, x0 + kTile); ++x)
          t.pixels[static_cast<size_t>(x) * t.width + y] = image.pixels[static_cast<size_t>(y) * image.width + x];
  return t;
}

}  // namespace

bool IsQuarterTurnPlacement(const ImageMatrix& m) { return Straight(m) || Turned(m); }

bool DrawPlacedImage(const Raster& image, const ImageMatrix& m, const Box& clip, Raster& page) {
  if (!IsQuarterTurnPlacement(m)) return false;
  if (image.width <= 0 || image.height <= 0 || page.width <= 0 || page.height <= 0) return true;
  // Source columns follow the page's x and source rows its y; a turned image is transposed
  // first so that this holds. The unit square's corners give where each axis starts and
  // ends: column 0 at u = 0, row 0 at v = 1.
  Raster turned;
  const Raster* source = &image;
  double x_from, x_to, y_from_edge, y_to_edge;
  if (Straight(m)) {
    x_from = m.e, x_to = m.a + m.e;              // columns along x
    y_from_edge = m.d + m.f, y_to_edge = m.f;    // rows along y
  } else {
    turned = Transposed(image);  // its rows are the image's columns
    source = &turned;
    x_from = m.c + m.e, x_to = m.e;              // image rows along x
    y_from_edge = m.f, y_to_edge = m.b + m.f;    // image columns along y
  }
  AxisSpan along_x = SpanOf(x_from, x_to), along_y = SpanOf(y_from_edge, y_to_edge);
  // Page pixels whose centres lie in the clip.
  int x0 = std::max(0, static_cast<int>(std::ceil(clip.x0 - 0.5)));
  int x1 = std::min(page.width, static_cast<int>(std::floor(clip.x1 - 0.5)) + 1);
  int y0 = std::max(0, static_cast<int>(std::ceil(clip.y0 - 0.5)));
  int y1 = std::min(page.height, static_cast<int>(std::floor(clip.y1 - 0.5)) + 1);
  // Splash blends neighbours only when neither axis is reduced and neither is enlarged four
  // times or more (an image drawn at its own size counts as enlarged): along each row
  // first, into bytes, then between two such rows.
  if (along_x.span >= source->width && along_y.span >= source->height && along_x.span < 4LL * source->width &&
      along_y.span < 4LL * source->height) {
    std::vector<BlendTap> across = MakeBlend(page.width, source->width, along_x);
    std::vector<BlendTap> down = MakeBlend(page.height, source->height, along_y);
    std::vector<unsigned char> upper(page.width), lower(page.width);
    int upper_row = -1, lower_row = -1;
    auto row_of = [&](int r) { return source->pixels.data() + static_cast<size_t>(r) * source->width; };
    for (int y = y0; y < y1; ++y) {
      const BlendTap& t = down[y];
      if (t.source < 0) continue;
      int next = std::min(t.source + 1, source->height - 1);
      if (upper_row != t.source) {
        if (lower_row == t.source) {
          std::swap(upper, lower);
          std::swap(upper_row, lower_row);
        } else {
          BlendRow(row_of(t.source), source->width, across, x0, x1, upper);
          upper_row = t.source;
        }
      }
      if (lower_row != next) {
        BlendRow(row_of(next), source->width, across, x0, x1, lower);
        lower_row = next;
      }
      unsigned char* out = page.pixels.data() + static_cast<size_t>(y) * page.width;
      for (int x = x0; x < x1; ++x) {
        if (across[x].source < 0) continue;
        out[x] = static_cast<unsigned char>(upper[x] * (1.0 - t.next_share) + lower[x] * t.next_share);
      }
    }
    return true;
  }
  AxisFilter across = MakeFilter(page.width, source->width, along_x);
  AxisFilter down = MakeFilter(page.height, source->height, along_y);
  std::vector<long long> row(source->width);
  for (int y = y0; y < y1; ++y) {
    if (!down.Reaches(y)) continue;
    std::fill(row.begin(), row.end(), 0);
    for (int t = down.begin[y]; t < down.begin[y + 1]; ++t) {
      const unsigned char* in = source->pixels.data() + static_cast<size_t>(down.source[t]) * source->width;
      for (int x = 0; x < source->width; ++x) row[x] += in[x];
    }
    unsigned char* out = page.pixels.data() + static_cast<size_t>(y) * page.width;
    const int rows_summed = down.begin[y + 1] - down.begin[y];
    for (int x = x0; x < x1; ++x) {
      if (!across.Reaches(x)) continue;
      long long sum = 0;
      for (int t = across.begin[x]; t < across.begin[x + 1]; ++t) sum += row[across.source[t]];
      // The sum divided in Splash's fixed point (which truncates: white paper averaged three
      // by three is 254).
      long long scale = (1LL << 23) / (static_cast<long long>(rows_summed) * (across.begin[x + 1] - across.begin[x]));
      out[x] = static_cast<unsigned char>(std::clamp((sum * scale) >> 23, 0LL, 255LL));
    }
  }
  return true;
}

}  // namespace ita
