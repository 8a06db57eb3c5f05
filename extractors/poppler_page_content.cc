#include "extractors/poppler_page_content.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>
#include <Stream.h>
#include <goo/GooString.h>
#include <poppler-global.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "extractors/poppler_image_page.h"
#include "pipeline/layout/placed_image.h"

namespace ita {
namespace {

using Point = PageDrawing::Point;
using Polygon = std::vector<Point>;

// Points along a Bézier curve when it is flattened (rulings are straight; curves are corners
// and decoration, drawn roughly).
constexpr int kCurveSteps = 8;
// Points one page's drawing may record (16 bytes each); a page beyond it is drawn by a full
// render instead, under the render's own limits.
constexpr size_t kMaxRecordedPoints = 2'000'000;

// Walks a dash pattern along consecutive segments, calling `draw` for the dashes ("on"
// stretches); an empty pattern is a solid line.
class Dasher {
 public:
  Dasher(const std::vector<double>& pattern, double phase) : pattern_(pattern) {
    double total = 0;
    for (double d : pattern_) total += std::max(0.0, d);
    if (total <= 1e-6) {
      pattern_.clear();
      return;
    }
    phase = std::fmod(std::max(0.0, phase), total);
    while (phase > 0) {
      double d = std::max(0.0, pattern_[index_]);
      if (phase < d) {
        left_ = d - phase;
        return;
      }
      phase -= d;
      Next();
    }
    left_ = std::max(0.0, pattern_[index_]);
  }
  template <typename Draw>
  void Walk(Point a, Point b, Draw draw) {
    if (pattern_.empty()) {
      draw(a, b);
      return;
    }
    double length = std::hypot(b.x - a.x, b.y - a.y);
    double at = 0;
    int guard = 0;
    while (at < length && ++guard < 100000) {
      double step = std::min(left_, length - at);
      if (index_ % 2 == 0 && step > 0) draw(Along(a, b, at / length), Along(a, b, (at + step) / length));
      at += step;
      left_ -= step;
      if (left_ <= 1e-9) {
        Next();
        left_ = std::max(0.0, pattern_[index_]);
      }
    }
  }

 private:
  static Point Along(Point a, Point b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }
  void Next() { index_ = (index_ + 1) % pattern_.size(); }
  std::vector<double> pattern_;
  size_t index_ = 0;
  double left_ = 0;
};

// Poppler's text extraction (as poppler-cpp's text_list() sets it up) that also records the
// page's strokes, fills and images. At 72 dpi, device space is points.
class ContentRecorder final : public TextOutputDev {
 public:
  ContentRecorder() : TextOutputDev(nullptr, false, 0, false, false) {}

  // Images are reported (to be measured) only to devices that ask for more than text.
  bool needNonText() override { return true; }

  void startPage(int page_number, GfxState* state, XRef* xref) override {
    TextOutputDev::startPage(page_number, state, xref);
    drawing_ = PageDrawing{};
    drawing_.width_pt = state->getPageWidth();
    drawing_.height_pt = state->getPageHeight();
    points_ = 0;
  }

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    GfxRGB rgb{};
    state->getStrokeRGB(&rgb);
    PageDrawing::Mark mark;
    mark.stroke = true;
    mark.gray = GrayOf(state->getStrokeColorSpace(), rgb, state->getStrokeOpacity());
    mark.width = state->getTransformedLineWidth();
    double phase = 0;
    std::vector<double> dash = state->getLineDash(&phase);
    double scale = state->transformWidth(1.0);
    for (double& d : dash) d *= scale;
    phase *= scale;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      Polygon line = Flatten(state, sub);
      if (sub->isClosed() && line.size() > 2) line.push_back(line.front());
      if (dash.empty()) {
        mark.paths.push_back(std::move(line));
        continue;
      }
      Dasher dasher(dash, phase);
      for (size_t i = 1; i < line.size(); ++i)
        dasher.Walk(line[i - 1], line[i], [&](Point a, Point b) { mark.paths.push_back({a, b}); });
    }
    Keep(std::move(mark));
  }

  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    RecordFill(state, false);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    RecordFill(state, true);
  }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    NoteImage(state, width, height, 1);  // a stencil: one bit a pixel
    TextOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    NoteImage(state, width, height, BitsOf(color_map));
    TextOutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                       int mask_height, bool mask_invert, bool mask_interpolate) override {
    NoteImage(state, width, height, BitsOf(color_map));
    NoteMask(mask_width, mask_height);
    TextOutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                   mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    NoteImage(state, width, height, BitsOf(color_map));
    NoteMask(mask_width, mask_height);
    TextOutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str,
                                       mask_width, mask_height, mask_color_map, mask_interpolate);
  }

  PageDrawing TakeDrawing() { return std::move(drawing_); }

 private:
  // A subpath in device space, its curves flattened.
  static Polygon Flatten(GfxState* state, const GfxSubpath* sub) {
    Polygon out;
    auto device = [&](int i) {
      Point p;
      state->transform(sub->getX(i), sub->getY(i), &p.x, &p.y);
      return p;
    };
    int n = sub->getNumPoints();
    if (n == 0) return out;
    out.push_back(device(0));
    for (int i = 1; i < n;) {
      if (sub->getCurve(i) && i + 2 < n) {
        Point p0 = out.back(), p1 = device(i), p2 = device(i + 1), p3 = device(i + 2);
        for (int k = 1; k <= kCurveSteps; ++k) {
          double t = static_cast<double>(k) / kCurveSteps, u = 1 - t;
          out.push_back({u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
                         u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y});
        }
        i += 3;
      } else {
        out.push_back(device(i));
        ++i;
      }
    }
    return out;
  }

  void RecordFill(GfxState* state, bool even_odd) {
    GfxRGB rgb{};
    state->getFillRGB(&rgb);
    PageDrawing::Mark mark;
    mark.even_odd = even_odd;
    mark.gray = GrayOf(state->getFillColorSpace(), rgb, state->getFillOpacity());
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      Polygon p = Flatten(state, path->getSubpath(s));
      if (p.size() >= 3) mark.paths.push_back(std::move(p));
    }
    Keep(std::move(mark));
  }

  void Keep(PageDrawing::Mark mark) {
    if (!drawing_.complete || mark.paths.empty()) return;
    for (const auto& p : mark.paths) points_ += p.size();
    if (points_ > kMaxRecordedPoints) {
      drawing_.complete = false;
      drawing_.marks.clear();
      drawing_.marks.shrink_to_fit();
      return;
    }
    drawing_.marks.push_back(std::move(mark));
  }

  static int BitsOf(GfxImageColorMap* color_map) { return color_map ? color_map->getBits() : 0; }

  // A mask is decoded like an image when the page is rendered.
  void NoteMask(int width, int height) {
    if (width > 0 && height > 0) drawing_.image_pixels += static_cast<double>(width) * height;
  }

  void NoteImage(GfxState* state, int width, int height, int bits) {
    NoteMask(width, height);
    double xs[4], ys[4];
    const double ux[4] = {0, 1, 0, 1}, uy[4] = {0, 0, 1, 1};
    for (int i = 0; i < 4; ++i) state->transform(ux[i], uy[i], &xs[i], &ys[i]);
    double w = drawing_.width_pt, h = drawing_.height_pt;
    double x0 = std::clamp(*std::min_element(xs, xs + 4), 0.0, w), x1 = std::clamp(*std::max_element(xs, xs + 4), 0.0, w);
    double y0 = std::clamp(*std::min_element(ys, ys + 4), 0.0, h), y1 = std::clamp(*std::max_element(ys, ys + 4), 0.0, h);
    double area = (x1 - x0) * (y1 - y0);
    drawing_.image_area_pt2 += area;
    // The largest image's own resolution: its pixels over the length its edges are drawn at.
    if (area > drawing_.largest_image_pt2 && width > 0 && height > 0) {
      double across = std::hypot(xs[1] - xs[0], ys[1] - ys[0]), down = std::hypot(xs[2] - xs[0], ys[2] - ys[0]);
      if (across > 0 && down > 0) {
        drawing_.largest_image_pt2 = area;
        drawing_.largest_image_ppi = std::min(width / (across / 72.0), height / (down / 72.0));
        drawing_.largest_image_bits = bits;
        // Upright (or mirrored): its axes run along the page's, so the page shows any
        // disproportion of its placing as is.
        bool upright = std::abs(ys[1] - ys[0]) < 0.01 * across && std::abs(xs[2] - xs[0]) < 0.01 * down;
        drawing_.largest_image_aspect = upright ? (width / across) / (height / down) : 1.0;
      }
    }
  }

  PageDrawing drawing_;
  size_t points_ = 0;
};

}  // namespace

struct PopplerContentReader::State {
  std::unique_ptr<PDFDoc> doc;
};

PopplerContentReader::PopplerContentReader(std::string path) : path_(std::move(path)) {}
PopplerContentReader::~PopplerContentReader() = default;

bool PopplerContentReader::Open() {
  if (state_) return true;
  if (!globalParams) return false;
  auto state = std::make_unique<State>();
  state->doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path_.c_str()));
  if (!state->doc->isOk()) return false;
  state_ = std::move(state);
  return true;
}

Result<PageContent> PopplerContentReader::Read(int index) {
  // The core API needs the library's global parameters, which the poppler-cpp document that
  // owns this reader keeps alive.
  if (!globalParams) return Fail(ErrorCode::kInternal, "Poppler is not initialised");
  if (!Open()) return Fail(ErrorCode::kCorrupt, "PDF could not be opened for its content");
  if (index < 0 || index >= state_->doc->getNumPages()) return Fail(ErrorCode::kInternal, "no such page");
  ContentRecorder recorder;
  // As poppler-cpp's text_list(): 72 dpi, no rotation beyond the page's own, crop box frame.
  state_->doc->displayPageSlice(&recorder, index + 1, 72, 72, 0, /*useMediaBox=*/false, /*crop=*/false,
                                /*printing=*/false, -1, -1, -1, -1, nullptr, nullptr, nullptr, nullptr,
                                /*copyXRef=*/true);
  PageContent content;
  if (std::unique_ptr<TextWordList> list{recorder.makeWordList()}) {
    content.words.reserve(static_cast<size_t>(list->getLength()));
    for (int i = 0; i < list->getLength(); ++i) {
      const TextWord* word = list->get(i);
      std::unique_ptr<GooString> text{word->getText()};
      // Through poppler-cpp's UTF-16 string, as text_list() gives it: the same text whatever
      // the PDF held (invalid sequences and NULs included).
      poppler::ustring u = poppler::ustring::from_utf8(text->c_str());
      poppler::byte_array bytes = u.to_utf8();
      PageWord w;
      w.utf8.assign(bytes.begin(), bytes.end());
      double x0, y0, x1, y1;
      word->getBBox(&x0, &y0, &x1, &y1);
      w.box = Box{x0, y0, x1, y1};
      w.rotation = word->getRotation();
      w.utf16_length = u.size();
      content.words.push_back(std::move(w));
    }
  }
  content.drawing = recorder.TakeDrawing();
  return content;
}

std::optional<Raster> PopplerContentReader::DrawImagesOnly(int index, double dpi, bool drop_color) {
  if (!Open() || index < 0 || index >= state_->doc->getNumPages()) return std::nullopt;
  return DrawPageFromImages(*state_->doc, index, dpi, drop_color);
}

std::optional<long long> ClaimedPageCount(const std::string& path) {
  PDFDoc doc(std::make_unique<GooString>(path.c_str()));
  if (!doc.isOk() || doc.getXRef() == nullptr) return std::nullopt;
  Object catalog = doc.getXRef()->getCatalog();
  if (!catalog.isDict()) return std::nullopt;
  Object pages = catalog.dictLookup("Pages");
  if (!pages.isDict()) return std::nullopt;
  Object count = pages.dictLookup("Count");
  if (count.isInt()) return count.getInt();
  if (count.isInt64()) return count.getInt64();
  return std::nullopt;
}

}  // namespace ita
