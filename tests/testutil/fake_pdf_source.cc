#include "tests/testutil/fake_pdf_source.h"

#include <algorithm>
#include <cmath>

#include "pipeline/thai/utf8.h"

namespace ita::testing {

Result<Box> FakePdfSource::PageBox(int index) const {
  const FakePage& p = pages_.at(index);
  return Box{0, 0, p.width_pt, p.height_pt};
}

Result<std::vector<Word>> FakePdfSource::Words(int index) const {
  if (fail_words.contains(index)) return Fail(ErrorCode::kCorrupt, "injected text failure");
  std::vector<Word> words = pages_.at(index).words;
  if (garbage_words.contains(index)) {
    for (Word& w : words) w.utf8 = "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8";
  }
  return words;
}

Result<Raster> FakePdfSource::Render(int index, double dpi, RenderInk) const {
  ++render_calls;
  if (fail_render.contains(index)) return Fail(ErrorCode::kCorrupt, "injected render failure");
  const FakePage& p = pages_.at(index);
  std::vector<Box> shapes = p.lines;
  if (p.ink_without_text) shapes.push_back(Box{100, 100, 300, 140});
  return DrawRaster(p.width_pt, p.height_pt, dpi, shapes);
}

std::vector<Box> PrintLikeShapes(double width_pt, double height_pt, int turned, bool marks) {
  std::vector<Box> upright;
  int letter = 0;
  for (double y = 60; y + 12 < height_pt - 60; y += 24) {
    for (double x = 50; x + 8 < width_pt - 50; x += 11, ++letter) {
      if (letter % 7 == 6) continue;  // a space between words
      upright.push_back(Box{x, y, x + 8, y + 10});
      if (marks && letter % 3 == 0) upright.push_back(Box{x + 2, y - 4, x + 7, y - 1.5});
      if (marks && letter % 11 == 5) upright.push_back(Box{x + 3, y + 11.5, x + 7, y + 14});
    }
  }
  std::vector<Box> out;
  const double w = width_pt, h = height_pt;
  for (const Box& b : upright) {
    switch (((turned % 360) + 360) % 360) {
      case 90: out.push_back(Box{h - b.y1, b.x0, h - b.y0, b.x1}); break;    // (x, y) -> (h - y, x)
      case 180: out.push_back(Box{w - b.x1, h - b.y1, w - b.x0, h - b.y0}); break;
      case 270: out.push_back(Box{b.y0, w - b.x1, b.y1, w - b.x0}); break;   // (x, y) -> (y, w - x)
      default: out.push_back(b);
    }
  }
  return out;
}

std::vector<Box> GridLines(const std::vector<double>& xs, const std::vector<double>& ys,
                           const std::set<int>& skip_vertical,
                           const std::set<int>& skip_horizontal) {
  std::vector<Box> lines;
  const double t = 0.75;  // ruling thickness in points
  for (size_t r = 0; r < ys.size(); ++r) {
    for (size_t c = 0; c + 1 < xs.size(); ++c) {
      if (skip_horizontal.contains(static_cast<int>(r * 1000 + c))) continue;
      lines.push_back(Box{xs[c] - t / 2, ys[r] - t / 2, xs[c + 1] + t / 2, ys[r] + t / 2});
    }
  }
  for (size_t c = 0; c < xs.size(); ++c) {
    for (size_t r = 0; r + 1 < ys.size(); ++r) {
      if (skip_vertical.contains(static_cast<int>(r * 1000 + c))) continue;
      lines.push_back(Box{xs[c] - t / 2, ys[r] - t / 2, xs[c] + t / 2, ys[r + 1] + t / 2});
    }
  }
  return lines;
}

Word MakeWord(const std::string& text, double x, double y, double width, double height) {
  Word w;
  w.utf8 = text;
  w.box = Box{x, y, x + width, y + height};
  return w;
}

std::vector<Word> MakeLine(const std::string& text, double x, double y) {
  std::vector<Word> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    if (!part.empty()) {
      double width = 8.0 * static_cast<double>(thai::DecodeUtf8(part).size());
      words.push_back(MakeWord(part, x, y, width));
      x += width + 5;  // a space of 5 pt at 16 pt: a real space
    }
    start = end + 1;
  }
  return words;
}

Raster DrawRaster(double width_pt, double height_pt, double dpi, const std::vector<Box>& lines) {
  Raster r;
  double scale = dpi / 72.0;
  r.width = static_cast<int>(std::ceil(width_pt * scale));
  r.height = static_cast<int>(std::ceil(height_pt * scale));
  r.dpi = dpi;
  r.pixels.assign(static_cast<size_t>(r.width) * r.height, 255);
  for (const Box& b : lines) {
    int x0 = std::clamp(static_cast<int>(std::floor(b.x0 * scale)), 0, r.width - 1);
    int x1 = std::clamp(static_cast<int>(std::ceil(b.x1 * scale)), 0, r.width);
    int y0 = std::clamp(static_cast<int>(std::floor(b.y0 * scale)), 0, r.height - 1);
    int y1 = std::clamp(static_cast<int>(std::ceil(b.y1 * scale)), 0, r.height);
    for (int y = y0; y < std::max(y1, y0 + 1); ++y) {
      for (int x = x0; x < std::max(x1, x0 + 1); ++x) r.pixels[static_cast<size_t>(y) * r.width + x] = 0;
    }
  }
  return r;
}

}  // namespace ita::testing
