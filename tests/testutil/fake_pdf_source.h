// Fakes of PdfSource for tests of the core without PDFs: synthetic pages made of words and a
// drawn raster, and a fault-injecting variant that fails the way real files do.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/model/pdf_source.h"

namespace ita::testing {

// A page: its size, its words, and the rulings drawn on its raster.
struct FakePage {
  double width_pt = 842;
  double height_pt = 595;
  std::vector<Word> words;
  std::vector<Box> lines;  // filled rectangles (rulings), in points
  bool ink_without_text = false;  // draw a grey block, as a scan would show
  double image_pixels = 0;        // what ImagePixels reports (the images' stored pixels)
};

class FakePdfSource : public PdfSource {
 public:
  explicit FakePdfSource(std::vector<FakePage> pages) : pages_(std::move(pages)) {}

  int PageCount() const override { return static_cast<int>(pages_.size()); }
  Result<Box> PageBox(int index) const override;
  Result<std::vector<Word>> Words(int index) const override;
  using PdfSource::Render;
  Result<Raster> Render(int index, double dpi, RenderInk ink) const override;
  double ImagePixels(int index) const override { return pages_.at(index).image_pixels; }

  // Fault injection: make a page's words or render fail, or return invalid UTF-8.
  std::set<int> fail_words;
  std::set<int> fail_render;
  std::set<int> garbage_words;
  mutable int render_calls = 0;

 private:
  std::vector<FakePage> pages_;
};

// A grid of rulings covering [x0..x_n] x [y0..y_m]; `skip` removes the vertical segment
// at column edge c in row r (key r * 1000 + c) to merge cells horizontally.
std::vector<Box> GridLines(const std::vector<double>& xs, const std::vector<double>& ys,
                           const std::set<int>& skip_vertical = {},
                           const std::set<int>& skip_horizontal = {});

// A word with a box; height defaults to a 16 pt font's line box.
Word MakeWord(const std::string& text, double x, double y, double width, double height = 20.8);

// Lays `text` out as words (split on spaces) from (x, y), 8 pt per character.
std::vector<Word> MakeLine(const std::string& text, double x, double y);

// Draws `lines` into a white raster of the given size at `dpi`.
Raster DrawRaster(double width_pt, double height_pt, double dpi, const std::vector<Box>& lines);

// Shapes that look like lines of Thai print to a measure of ink: rows of letter bodies, a small
// mark above every third letter (upper vowels, tone marks) and below every eleventh (ุ ู),
// on an upright page of `width_pt` x `height_pt`, then turned `turned` degrees clockwise (the
// page's size swaps for a quarter turn). Without marks when `marks` is false.
std::vector<Box> PrintLikeShapes(double width_pt, double height_pt, int turned, bool marks = true);

}  // namespace ita::testing
