// Scan pages drawn from their images' own pixels (PopplerContentReader::DrawImagesOnly)
// against Poppler's renderer: the same raster, byte for byte, on straight scans in gray, in
// colour with coloured ink dropped and in 1 bit; any page that shows more than images is left
// to the renderer.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <unistd.h>

#include "extractors/poppler_page_content.h"
#include "pipeline/layout/raster_cleanup.h"
#include "tests/testutil/pdf_bytes.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

// Poppler's own render of a page, as the adapter asked for it before images were drawn
// directly: gray, or colour with coloured ink made paper.
Raster SplashRender(poppler::document& doc, int index, double dpi, bool drop_color) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_line_mode(poppler::page_renderer::line_solid);
  renderer.set_image_format(drop_color ? poppler::image::format_rgb24 : poppler::image::format_gray8);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  Raster r;
  r.width = img.width();
  r.height = img.height();
  r.dpi = dpi;
  r.pixels.resize(static_cast<size_t>(r.width) * r.height);
  const int bytes_per_pixel = img.bytes_per_row() >= 4 * r.width ? 4 : 3;
  for (int y = 0; y < r.height; ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(img.const_data() + static_cast<size_t>(y) * img.bytes_per_row());
    for (int x = 0; x < r.width; ++x) {
      const unsigned char* px = row + (drop_color ? bytes_per_pixel * x : x);
      r.pixels[static_cast<size_t>(y) * r.width + x] = drop_color ? GrayDroppingColor(px[0], px[1], px[2]) : px[0];
    }
  }
  return r;
}

// Pixels that differ, for a readable failure.
size_t Differing(const Raster& a, const Raster& b) {
  size_t n = 0;
  for (size_t i = 0; i < std::min(a.pixels.size(), b.pixels.size()); ++i) n += a.pixels[i] != b.pixels[i];
  return n;
}

void ExpectDrawnAsRendered(const std::string& path, const std::vector<double>& dpis) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  ASSERT_NE(doc, nullptr) << path;
  PopplerContentReader reader(path);
  for (int index = 0; index < doc->pages(); ++index) {
    for (double dpi : dpis) {
      for (bool drop : {false, true}) {
        SCOPED_TRACE(path + " page " + std::to_string(index + 1) + " at " + std::to_string(dpi) +
                     (drop ? " dpi, colour dropped" : " dpi"));
        std::optional<Raster> drawn = reader.DrawImagesOnly(index, dpi, drop);
        ASSERT_TRUE(drawn.has_value());
        Raster rendered = SplashRender(*doc, index, dpi, drop);
        ASSERT_EQ(drawn->width, rendered.width);
        ASSERT_EQ(drawn->height, rendered.height);
        EXPECT_EQ(Differing(*drawn, rendered), 0u);
      }
    }
  }
}

TEST(ScanDrawing, GrayScanIsDrawnAsTheRendererDrawsIt) {
  // 200 ppi JPEG pages: enlarged at 300 dpi (blended), reduced at 100 (averaged).
  ExpectDrawnAsRendered(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_scan.pdf", {100, 300});
}

TEST(ScanDrawing, BilevelScanIsDrawnAsTheRendererDrawsIt) {
  ExpectDrawnAsRendered(std::string(ITA_SOURCE_DIR) + "/tests/data/bilevel_scan.pdf", {72, 150, 450});
}

class ScanDrawingPdf : public ::testing::Test {
 protected:
  // A one-page PDF drawing `content` with a 2 x 2 RGB image /Im1 (red, black, grey, white)
  // and a Helvetica font /F1.
  std::string Write(const std::string& content) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 5 0 R >> "
        "/XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        std::string("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
                    "/BitsPerComponent 8 /Length 12 >>\nstream\n") +
            std::string("\xd0\x10\x10\x00\x00\x00\x80\x80\x80\xff\xff\xff", 12) + "\nendstream",
    };
    fs::path path = fs::temp_directory_path() /
                    ("ita_scan_drawing_" + std::to_string(::getpid()) + "_" + std::to_string(paths_.size()) + ".pdf");
    std::ofstream(path, std::ios::binary) << testing::PdfFromObjects(objects);
    paths_.push_back(path);
    // The core API the reader uses needs Poppler's globals, which an open document keeps.
    docs_.emplace_back(poppler::document::load_from_file(path.string()));
    return path.string();
  }
  void TearDown() override {
    docs_.clear();
    for (const fs::path& p : paths_) fs::remove(p);
  }
  std::vector<fs::path> paths_;
  std::vector<std::unique_ptr<poppler::document>> docs_;
};

TEST_F(ScanDrawingPdf, ColourImageWithColourDroppedMatchesTheRenderer) {
  std::string path = Write("q 200 0 0 100 0 0 cm /Im1 Do Q");
  ExpectDrawnAsRendered(path, {72, 144, 1000});
  // And what the rule does: the red pixel (top left) is paper, black and grey stay.
  PopplerContentReader reader(path);
  std::optional<Raster> drawn = reader.DrawImagesOnly(0, 72, true);
  ASSERT_TRUE(drawn);
  EXPECT_EQ(drawn->At(40, 20), 255);
  EXPECT_EQ(drawn->At(160, 20), 0);
  EXPECT_EQ(drawn->At(40, 80), 128);
}

TEST_F(ScanDrawingPdf, ImageTurnedAQuarterIsDrawnTurned) {
  // Turned clockwise: the image's top row (red, black) runs down the right half.
  std::string path = Write("q 0 -100 200 0 0 100 cm /Im1 Do Q");
  PopplerContentReader reader(path);
  std::optional<Raster> drawn = reader.DrawImagesOnly(0, 72, false);
  ASSERT_TRUE(drawn);
  EXPECT_EQ(drawn->width, 200);
  EXPECT_EQ(drawn->height, 100);
  EXPECT_EQ(drawn->At(160, 80), 0);    // black: top row, right pixel -> right half, bottom
  EXPECT_EQ(drawn->At(40, 20), 128);   // grey: bottom row, left pixel -> left half, top
  EXPECT_EQ(drawn->At(40, 80), 255);   // white: bottom row, right pixel -> left half, bottom
}

TEST_F(ScanDrawingPdf, PagesShowingMoreThanImagesAreLeftToTheRenderer) {
  // Visible text over the image, a stroked line, an image placed skewed.
  for (const std::string& content :
       {std::string("q 200 0 0 100 0 0 cm /Im1 Do Q BT /F1 12 Tf 10 10 Td (Text) Tj ET"),
        std::string("q 200 0 0 100 0 0 cm /Im1 Do Q 0 0 m 200 100 l S"),
        std::string("q 200 30 0 100 0 0 cm /Im1 Do Q")}) {
    PopplerContentReader reader(Write(content));
    EXPECT_FALSE(reader.DrawImagesOnly(0, 72, false).has_value()) << content;
  }
  // Invisible text (an OCR layer, render mode 3) and white paper painted first are images only.
  PopplerContentReader reader(
      Write("1 g 0 0 200 100 re f q 200 0 0 100 0 0 cm /Im1 Do Q BT 3 Tr /F1 12 Tf 10 10 Td (Text) Tj ET"));
  EXPECT_TRUE(reader.DrawImagesOnly(0, 72, false).has_value());
}

}  // namespace
}  // namespace ita
