#include "extractors/poppler_page_content.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <poppler-global.h>

#include <algorithm>
#include <cmath>

namespace ita {
namespace {

using Point = PageDrawing::Point;
using Polygon = std::vector<Point>;

// Samples per pixel row when filling: a band a quarter of a pixel thick still marks its row,
// as Poppler's anti-aliased render would show it grey rather than not at all.
constexpr int kSubRows = 4;
// Points along a Bézier curve when it is flattened (rulings are straight; curves are corners
// and decoration, drawn roughly).
constexpr int kCurveSteps = 8;
// Points one page's drawing may record (16 bytes each); a page beyond it is drawn by a full
// render instead, under the render's own limits.
constexpr size_t kMaxRecordedPoints = 2'000'000;
// Edge crossings one filled path may produce when rasterised (16 bytes each): a hostile path of
// a hundred thousand page-high edges is not a ruling and is left undrawn.
constexpr long kMaxCrossings = 2'000'000;

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


unsigned char GrayOf(GfxColorSpace* space, const GfxRGB& rgb, double opacity) {
  if (space == nullptr || space->getMode() == csPattern) return 128;
  double luma = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
  double a = std::clamp(opacity, 0.0, 1.0);
  double shown = 1.0 - a * (1.0 - std::clamp(luma, 0.0, 1.0));
  return static_cast<unsigned char>(std::lround(shown * 255));
}

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
    NoteImage(state);
    TextOutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    NoteImage(state);
    TextOutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                       int mask_height, bool mask_invert, bool mask_interpolate) override {
    NoteImage(state);
    TextOutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask_str, mask_width,
                                   mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map, bool mask_interpolate) override {
    NoteImage(state);
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

  void NoteImage(GfxState* state) {
    double xs[4], ys[4];
    const double ux[4] = {0, 1, 0, 1}, uy[4] = {0, 0, 1, 1};
    for (int i = 0; i < 4; ++i) state->transform(ux[i], uy[i], &xs[i], &ys[i]);
    double w = drawing_.width_pt, h = drawing_.height_pt;
    double x0 = std::clamp(*std::min_element(xs, xs + 4), 0.0, w), x1 = std::clamp(*std::max_element(xs, xs + 4), 0.0, w);
    double y0 = std::clamp(*std::min_element(ys, ys + 4), 0.0, h), y1 = std::clamp(*std::max_element(ys, ys + 4), 0.0, h);
    drawing_.image_area_pt2 += (x1 - x0) * (y1 - y0);
  }

  PageDrawing drawing_;
  size_t points_ = 0;
};

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
  const double s = dpi / 72.0;
  // Sized as Poppler's Splash output sizes a page.
  int width = std::max(1, static_cast<int>(drawing.width_pt * s + 0.5));
  int height = std::max(1, static_cast<int>(drawing.height_pt * s + 0.5));
  Painter painter(width, height);
  auto scaled = [s](const Polygon& p) {
    Polygon out(p.size());
    for (size_t i = 0; i < p.size(); ++i) out[i] = {p[i].x * s, p[i].y * s};
    return out;
  };
  for (const PageDrawing::Mark& mark : drawing.marks) {
    if (mark.stroke) {
      // Thin lines at least one pixel wide, as the render's solid line mode draws them.
      double w = std::max(1.0, mark.width * s);
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
  double page = drawing.width_pt * drawing.height_pt;
  art.image_share = page > 0 ? std::min(1.0, drawing.image_area_pt2 / page) : 0;
  return art;
}

struct PopplerContentReader::State {
  std::unique_ptr<PDFDoc> doc;
};

PopplerContentReader::PopplerContentReader(std::string path) : path_(std::move(path)) {}
PopplerContentReader::~PopplerContentReader() = default;

Result<PageContent> PopplerContentReader::Read(int index) {
  // The core API needs the library's global parameters, which the poppler-cpp document that
  // owns this reader keeps alive.
  if (!globalParams) return Fail(ErrorCode::kInternal, "Poppler is not initialised");
  if (!state_) {
    auto state = std::make_unique<State>();
    state->doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path_.c_str()));
    if (!state->doc->isOk()) return Fail(ErrorCode::kCorrupt, "PDF could not be opened for its content");
    state_ = std::move(state);
  }
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

}  // namespace ita
