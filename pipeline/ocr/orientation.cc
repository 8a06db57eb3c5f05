#include "pipeline/ocr/orientation.h"

#include <algorithm>
#include <cstdio>
#include <future>
#include <memory>

#include "pipeline/layout/ink_pieces.h"
#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// The pixels of the `width` x `height` rectangle at (x0, y0), which lies inside `raster`.
Raster CropPixels(const Raster& raster, int x0, int y0, int width, int height) {
  Raster out;
  out.dpi = raster.dpi;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    std::copy_n(raster.pixels.data() + static_cast<size_t>(y0 + y) * raster.width + x0, width,
                out.pixels.data() + static_cast<size_t>(y) * width);
  return out;
}

}  // namespace

double ReadingStrength(const std::vector<Word>& words) {
  double strength = 0;
  for (const Word& w : words) {
    int letters = 0;
    for (char32_t c : thai::DecodeUtf8(w.utf8)) {
      bool counts = thai::IsThaiConsonant(c) || thai::IsDigitOfEitherSet(c) || thai::IsAsciiLetter(c) ||
                    (c >= 0x0E30 && c <= 0x0E45 && !thai::IsThaiCombining(c));  // vowels that take room
      letters += counts;
    }
    strength += std::clamp(w.confidence, 0.0, 1.0) * letters;
  }
  return strength;
}

Box SampleWindow(const Raster& raster, double share) {
  if (raster.width <= 0 || raster.height <= 0) return Box{};
  const double to_pt = 72.0 / raster.dpi;
  const int side = static_cast<int>(std::min(raster.width, raster.height) * share);
  if (side < 8) return Box{};
  const int ink_level = PaperLevel(raster) - 60;
  // The window with the most pieces of ink: text is many small pieces, a picture or a black
  // border one large one.
  Box best;
  size_t best_pieces = 0;
  for (int gy = 0; gy < 5; ++gy) {
    for (int gx = 0; gx < 5; ++gx) {
      int x0 = (raster.width - side) * gx / 4, y0 = (raster.height - side) * gy / 4;
      size_t pieces = InkPieces(CropPixels(raster, x0, y0, side, side), ink_level).size();
      if (pieces > best_pieces) {
        best_pieces = pieces;
        best = Box{x0 * to_pt, y0 * to_pt, (x0 + side) * to_pt, (y0 + side) * to_pt};
      }
    }
  }
  return best;
}

OrientationFinding DecideOrientation(const std::array<double, 4>& strength, double factor, double min_strength,
                                     int ink_leaning) {
  OrientationFinding f;
  f.strength = strength;
  int best = 0;
  for (int k = 1; k < 4; ++k)
    if (strength[k] > strength[best]) best = k;
  f.degrees = best * 90;
  bool clear = strength[best] >= factor * strength[0];
  bool agreed = f.degrees == ink_leaning && strength[best] > strength[0];
  f.sure = best != 0 && strength[best] >= min_strength && strength[best] > 0 && (clear || agreed);
  char why[160];
  std::snprintf(why, sizeof why, "readings at 0/90/180/270 degrees %.0f/%.0f/%.0f/%.0f", strength[0],
                strength[1], strength[2], strength[3]);
  f.why = why;
  return f;
}

Result<OrientationFinding> FindOrientation(const Raster& raster, OcrPool& ocr, double factor,
                                           double min_strength, int ink_leaning) {
  Box window = SampleWindow(raster);
  if (window.Width() <= 0) return DecideOrientation({}, factor, min_strength, ink_leaning);
  const double scale = raster.dpi / 72.0;
  int x0 = static_cast<int>(window.x0 * scale), y0 = static_cast<int>(window.y0 * scale);
  Raster sample = CropPixels(raster, x0, y0, std::min(raster.width - x0, static_cast<int>(window.Width() * scale)),
                             std::min(raster.height - y0, static_cast<int>(window.Height() * scale)));
  // Text turned d degrees clockwise reads upright once turned back by d.
  std::array<std::future<OcrPool::Output>, 4> jobs;
  for (int k = 0; k < 4; ++k) {
    auto turned = std::make_shared<Raster>(RotateQuarterTurns(sample, 360 - k * 90));
    jobs[k] = ocr.Submit(turned, {OcrRequest{OcrLayout::kBlock, Box{}}});
  }
  std::array<double, 4> strength{};
  for (int k = 0; k < 4; ++k) {
    OcrPool::Output out = jobs[k].get();
    if (out.results.empty()) continue;
    if (!out.results[0]) return std::unexpected(out.results[0].error());
    strength[k] = ReadingStrength(*out.results[0]);
  }
  return DecideOrientation(strength, factor, min_strength, ink_leaning);
}

}  // namespace ita
