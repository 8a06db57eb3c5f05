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

#include "pipeline/layout/placed_image.h"
#include "pipeline/layout/raster_cleanup.h"

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

// Draws a page from its images' own pixels when images are all it shows (a scan, with or
// without an invisible OCR layer): Splash's general image path costs several times more (a
// scan placed turned a quarter took 0.65 s a page at 100 dpi). Anything else visible (text,
// paths over the images, masks, transparency, skewed images) sets `other` and stops the
// page: a renderer draws it instead.
class ImagePageDrawer final : public OutputDev {
 public:
  explicit ImagePageDrawer(bool drop_color) : drop_color_(drop_color) {}

  bool upsideDown() override { return true; }  // y down, as Splash and the rasters
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  bool other() const { return other_; }
  // The page in gray: from red, green and blue by the colour rule once a colour image has
  // been drawn with colour dropped.
  Raster TakePage() {
    if (planes_.empty()) return Raster{};
    if (planes_.size() == 3) {
      Raster& page = planes_[0];
      for (size_t i = 0; i < page.pixels.size(); ++i)
        page.pixels[i] = GrayDroppingColor(planes_[0].pixels[i], planes_[1].pixels[i], planes_[2].pixels[i]);
    }
    return std::move(planes_[0]);
  }

  void startPage(int, GfxState* state, XRef*) override {
    // Sized as Splash sizes its bitmap; one gray plane until a colour image needs three.
    Raster page;
    page.width = std::max(1, static_cast<int>(state->getPageWidth() + 0.5));
    page.height = std::max(1, static_cast<int>(state->getPageHeight() + 0.5));
    page.pixels.assign(static_cast<size_t>(page.width) * page.height, 255);
    planes_.assign(1, std::move(page));
  }

  // Invisible text (render mode 3, or 7: clip only) is the OCR layer over a scan.
  void drawChar(GfxState* state, double, double, double, double, double, double, CharCode, int, const Unicode*,
                int) override {
    if ((state->getRender() & 3) != 3) other_ = true;
  }
  bool beginType3Char(GfxState* state, double, double, double, double, CharCode, const Unicode*, int) override {
    if ((state->getRender() & 3) != 3) other_ = true;
    return true;
  }
  void stroke(GfxState*) override { other_ = true; }
  void fill(GfxState* state) override { Fill(state); }
  void eoFill(GfxState* state) override { Fill(state); }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    other_ = true;
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);  // skips its data
  }
  void drawMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool,
                       bool) override {
    other_ = true;
  }
  void drawSoftMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int,
                           GfxImageColorMap*, bool) override {
    other_ = true;
  }
  void beginTransparencyGroup(GfxState*, const double*, GfxColorSpace*, bool, bool, bool) override { other_ = true; }
  void setSoftMask(GfxState*, const double*, bool, Function*, GfxColor*) override { other_ = true; }

  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height, GfxImageColorMap* color_map,
                 bool interpolate, const int* mask_colors, bool inline_image) override {
    const double* ctm = state->getCTM();
    ImageMatrix placement{ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]};
    if (other_ || planes_.empty() || color_map == nullptr || mask_colors != nullptr || width <= 0 || height <= 0 ||
        static_cast<double>(width) * height * (drop_color_ ? 3 : 1) > kMaxDecodedBytes || state->getFillOpacity() < 1 ||
        state->getBlendMode() != gfxBlendNormal || !IsQuarterTurnPlacement(placement)) {
      other_ = true;
      OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors, inline_image);
      return;
    }
    // Gray images (bilevel included) are mapped through the colour map's table. Colour is
    // drawn as Splash draws it: for the gray render, made gray first (SplashGray); for the
    // render that drops coloured ink, each channel drawn, the rule applied to the page's
    // pixels.
    GfxColorSpaceMode mode = color_map->getColorSpace()->getMode();
    const bool gray = color_map->getNumPixelComps() == 1 && mode != csIndexed && mode != csSeparation &&
                      mode != csDeviceN;
    const bool channels = drop_color_ && !gray;
    if (channels && planes_.size() == 1) planes_.resize(3, planes_[0]);
    std::vector<Raster> decoded(channels ? 3 : 1);
    for (Raster& r : decoded) {
      r.width = width;
      r.height = height;
      r.pixels.assign(static_cast<size_t>(width) * height, 255);
    }
    ImageStream pixels(str, width, color_map->getNumPixelComps(), color_map->getBits());
    pixels.reset();
    std::vector<unsigned char> rgb(gray ? 0 : 3 * static_cast<size_t>(width));
    for (int y = 0; y < height; ++y) {
      unsigned char* line = pixels.getLine();
      if (line == nullptr) break;  // a stream that ends early: the rest stays paper
      size_t row = static_cast<size_t>(y) * width;
      if (gray) {
        color_map->getGrayLine(line, decoded[0].pixels.data() + row, width);
        continue;
      }
      color_map->getRGBLine(line, rgb.data(), width);
      for (int x = 0; x < width; ++x) {
        const unsigned char* c = &rgb[3 * static_cast<size_t>(x)];
        if (channels) {
          for (int k = 0; k < 3; ++k) decoded[k].pixels[row + x] = c[k];
        } else {
          decoded[0].pixels[row + x] = SplashGray(c[0], c[1], c[2]);
        }
      }
    }
    pixels.close();
    double x0, y0, x1, y1;
    state->getClipBBox(&x0, &y0, &x1, &y1);
    for (size_t k = 0; k < planes_.size(); ++k)
      DrawPlacedImage(decoded[std::min(k, decoded.size() - 1)], placement, Box{x0, y0, x1, y1}, planes_[k]);
    drew_image_ = true;
  }

  // A colour pixel's gray as Splash's gray render computes it: 0.3 R + 0.59 G + 0.11 B in
  // Poppler's 16-bit colour components, rounded (Poppler's gray line truncates instead,
  // which is one level darker on half the pixels and changes what is read).
  static unsigned char SplashGray(unsigned char r, unsigned char g, unsigned char b) {
    static const std::array<int, 256> component = [] {
      std::array<int, 256> c{};
      for (int v = 0; v < 256; ++v) c[v] = static_cast<int>(v / 255.0 * 65536.0);
      return c;
    }();
    int gray = static_cast<int>(0.3 * component[r] + 0.59 * component[g] + 0.11 * component[b] + 0.5);
    gray = std::clamp(gray, 0, 65536);
    return static_cast<unsigned char>((gray * 255 + 0x8000) >> 16);
  }

  static bool Stop(void* self) { return static_cast<ImagePageDrawer*>(self)->other_; }

 private:
  // An image is decoded whole (the renderer streams it row by row): one larger than this
  // (an A3 colour scan at 600 dpi holds 210 MB) is left to the renderer, so a worker's
  // memory stays what it was. An A3 colour page at 300 dpi holds 52 MB.
  static constexpr double kMaxDecodedBytes = 96e6;

  // A white fill before any image is the paper some generators paint first; any other fill
  // is drawing.
  void Fill(GfxState* state) {
    GfxRGB rgb{};
    state->getFillRGB(&rgb);
    bool white = GrayOf(state->getFillColorSpace(), rgb, state->getFillOpacity()) == 255;
    if (!white || drew_image_) other_ = true;
  }

  bool drop_color_;
  bool other_ = false;
  bool drew_image_ = false;
  std::vector<Raster> planes_;  // gray, or red, green and blue
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
  ImagePageDrawer drawer(drop_color);
  // As poppler-cpp's page_renderer: the page's own rotation, crop box frame, cropped.
  state_->doc->displayPageSlice(&drawer, index + 1, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                                /*printing=*/false, -1, -1, -1, -1, ImagePageDrawer::Stop, &drawer, nullptr,
                                nullptr, /*copyXRef=*/true);
  if (drawer.other()) return std::nullopt;
  Raster page = drawer.TakePage();
  if (page.pixels.empty()) return std::nullopt;
  page.dpi = dpi;
  return page;
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
