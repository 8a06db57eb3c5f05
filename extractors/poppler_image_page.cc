#include "extractors/poppler_image_page.h"

#include <OutputDev.h>
#include <Stream.h>

#include <algorithm>
#include <cmath>

#include "pipeline/layout/placed_image.h"
#include "pipeline/layout/raster_cleanup.h"

namespace ita {
namespace {

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

unsigned char GrayOf(GfxColorSpace* space, const GfxRGB& rgb, double opacity) {
  if (space == nullptr || space->getMode() == csPattern) return 128;
  double luma = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
  double a = std::clamp(opacity, 0.0, 1.0);
  double shown = 1.0 - a * (1.0 - std::clamp(luma, 0.0, 1.0));
  return static_cast<unsigned char>(std::lround(shown * 255));
}

std::optional<Raster> DrawPageFromImages(PDFDoc& doc, int index, double dpi, bool drop_color) {
  ImagePageDrawer drawer(drop_color);
  // As poppler-cpp's page_renderer: the page's own rotation, crop box frame, cropped.
  doc.displayPageSlice(&drawer, index + 1, dpi, dpi, 0, /*useMediaBox=*/false, /*crop=*/true,
                       /*printing=*/false, -1, -1, -1, -1, ImagePageDrawer::Stop, &drawer, nullptr,
                       nullptr, /*copyXRef=*/true);
  if (drawer.other()) return std::nullopt;
  Raster page = drawer.TakePage();
  if (page.pixels.empty()) return std::nullopt;
  page.dpi = dpi;
  return page;
}

}  // namespace ita
