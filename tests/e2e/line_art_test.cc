// The vector drawing of a page (PdfSource::DrawLineArt through Poppler's core API) against
// Poppler's full render: the rulings, grids and frame found in one must be those of the other,
// on the bundled samples and on small PDFs written here for one feature each.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/tables/grid_detector.h"
#include "tests/testutil/pdf_bytes.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

// A one-page PDF (A4 unless `page_extra` says otherwise) drawing `content`, with a Helvetica
// font /F1 and a 2 x 2 grey image /Im1, and a correct cross-reference table.
std::string OnePagePdf(const std::string& content, const std::string& page_extra = "") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + page_extra +
          " /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
      "/BitsPerComponent 8 /Length 4 >>\nstream\n\x40\x80\xc0\x20\nendstream",
  };
  return testing::PdfFromObjects(objects);
}

class LineArtTest : public ::testing::Test {
 protected:
  std::unique_ptr<PdfSource> Open(const std::string& bytes) {
    fs::path path = fs::temp_directory_path() /
                    ("ita_line_art_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++) + ".pdf");
    std::ofstream(path, std::ios::binary) << bytes;
    paths_.push_back(path);
    Error error;
    auto pdf = OpenPopplerPdf(path.string(), &error);
    EXPECT_NE(pdf, nullptr) << error.message;
    return pdf;
  }
  void TearDown() override {
    for (const fs::path& p : paths_) fs::remove(p);
  }

 private:
  int counter_ = 0;
  std::vector<fs::path> paths_;
};

int DarkPixels(const Raster& r, int level = 170) {
  int n = 0;
  for (unsigned char p : r.pixels) n += p < level;
  return n;
}

// The same grids: count, and every row and column edge within `tol` points.
void ExpectSameGrids(const std::vector<Grid>& a, const std::vector<Grid>& b, const std::string& where,
                     double tol = 1.5) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t g = 0; g < a.size(); ++g) {
    ASSERT_EQ(a[g].row_edges.size(), b[g].row_edges.size()) << where << " grid " << g;
    ASSERT_EQ(a[g].col_edges.size(), b[g].col_edges.size()) << where << " grid " << g;
    for (size_t i = 0; i < a[g].row_edges.size(); ++i)
      EXPECT_NEAR(a[g].row_edges[i], b[g].row_edges[i], tol) << where << " grid " << g << " row " << i;
    for (size_t i = 0; i < a[g].col_edges.size(); ++i)
      EXPECT_NEAR(a[g].col_edges[i], b[g].col_edges[i], tol) << where << " grid " << g << " col " << i;
  }
}

TEST_F(LineArtTest, StrokedAndFilledRulingsGiveTheRenderedGrids) {
  // Table 1: stroked 1 pt lines, 3 rows x 2 columns. Table 2: hairlines drawn as 0.3 pt filled
  // rectangles (as word processors write them), 2 rows x 3 columns.
  std::string content = "0 0 0 RG 1 w\n";
  for (int y : {700, 660, 620, 580}) content += "100 " + std::to_string(y) + " m 500 " + std::to_string(y) + " l S\n";
  for (int x : {100, 300, 500}) content += std::to_string(x) + " 700 m " + std::to_string(x) + " 580 l S\n";
  content += "0 g\n";
  for (int y : {400, 360, 320}) content += "80 " + std::to_string(y) + " 440 0.3 re f\n";
  for (int x : {80, 200, 380, 520}) content += std::to_string(x) + " 320 0.3 80 re f\n";
  content += "BT /F1 12 Tf 110 680 Td (Measure) Tj ET\n";
  auto pdf = Open(OnePagePdf(content));
  ASSERT_NE(pdf, nullptr);
  auto art = pdf->DrawLineArt(0, 100);
  auto render = pdf->Render(0, 100);
  ASSERT_TRUE(art.has_value()) << art.error().message;
  ASSERT_TRUE(render.has_value());
  EXPECT_FALSE(art->full_render);
  EXPECT_EQ(art->raster.width, render->width);
  EXPECT_EQ(art->raster.height, render->height);
  EXPECT_LT(art->image_share, 0.01);
  std::vector<Grid> from_art = DetectGrids(art->raster);
  ASSERT_EQ(from_art.size(), 2u);
  ExpectSameGrids(from_art, DetectGrids(*render), "strokes and fills");
}

TEST_F(LineArtTest, TextIsNotDrawnAndShortDashesAreNotRulings) {
  std::string content = "BT /F1 24 Tf 100 700 Td (Text only, never a ruling) Tj ET\n"
                        "0 G 1 w [3 3] 0 d 100 500 m 500 500 l S\n";
  auto pdf = Open(OnePagePdf(content));
  ASSERT_NE(pdf, nullptr);
  auto art = pdf->DrawLineArt(0, 100);
  ASSERT_TRUE(art.has_value());
  auto render = pdf->Render(0, 100);
  ASSERT_TRUE(render.has_value());
  // The dashes are drawn (half of a 400 pt line: about 280 pixels at 100 dpi, one or two
  // pixels thick), the text is not: the render has much more ink.
  EXPECT_GT(DarkPixels(art->raster), 200);
  EXPECT_LT(DarkPixels(art->raster), 700);
  EXPECT_GT(DarkPixels(*render), 2 * DarkPixels(art->raster));
  EXPECT_TRUE(FindRulings(art->raster).empty());
}

TEST_F(LineArtTest, ImagesAreMeasuredNotDrawn) {
  auto pdf = Open(OnePagePdf("q 595 0 0 842 0 0 cm /Im1 Do Q\n"));
  ASSERT_NE(pdf, nullptr);
  auto art = pdf->DrawLineArt(0, 72);
  ASSERT_TRUE(art.has_value());
  EXPECT_GT(art->image_share, 0.95);
  EXPECT_EQ(DarkPixels(art->raster), 0);
  auto small = Open(OnePagePdf("q 100 0 0 50 50 700 cm /Im1 Do Q\n"));
  ASSERT_NE(small, nullptr);
  auto logo = small->DrawLineArt(0, 72);
  ASSERT_TRUE(logo.has_value());
  EXPECT_NEAR(logo->image_share, 100.0 * 50 / (595 * 842), 0.002);
}

TEST_F(LineArtTest, RotatedPagesKeepTheRenderFrame) {
  std::string content = "0 G 1 w 100 700 m 500 700 l S 100 600 m 500 600 l S "
                        "100 700 m 100 600 l S 500 700 m 500 600 l S 300 700 m 300 600 l S\n";
  for (const char* rotate : {"/Rotate 90", "/Rotate 180", "/Rotate 270"}) {
    auto pdf = Open(OnePagePdf(content, rotate));
    ASSERT_NE(pdf, nullptr);
    auto art = pdf->DrawLineArt(0, 100);
    auto render = pdf->Render(0, 100);
    ASSERT_TRUE(art.has_value());
    ASSERT_TRUE(render.has_value());
    EXPECT_EQ(art->raster.width, render->width) << rotate;
    EXPECT_EQ(art->raster.height, render->height) << rotate;
    ExpectSameGrids(DetectGrids(art->raster), DetectGrids(*render), rotate);
  }
}

TEST(LineArtSamples, EveryTextPageOfTheSamplesHasTheRenderedGrids) {
  int pages = 0, grids = 0, blank = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ITA_SOURCE_DIR) / "samples")) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".pdf" || name.find("_scan") != std::string::npos) continue;
    Error error;
    auto pdf = OpenPopplerPdf(entry.path().string(), &error);
    ASSERT_NE(pdf, nullptr) << name << ": " << error.message;
    for (int i = 0; i < pdf->PageCount(); ++i) {
      auto art = pdf->DrawLineArt(i, 100);
      auto render = pdf->Render(i, 100);
      ASSERT_TRUE(art.has_value()) << name << " page " << i + 1;
      ASSERT_TRUE(render.has_value()) << name << " page " << i + 1;
      if (art->image_share >= 0.25) continue;  // the pipeline renders such pages
      // A page that draws no lines has no rulings; what a render may take for one there is
      // glyphs (a row of underscores or dots), which the text layer already holds.
      if (DarkPixels(art->raster) == 0) {
        ++blank;
        continue;
      }
      // A check-box glyph (☐ ☑ in a symbol font, drawn as text) renders as a one-cell grid
      // the size of a letter; the vector drawing rightly has no ruling there.
      auto tables = [](std::vector<Grid> found) {
        std::erase_if(found, [](const Grid& g) { return g.box.Width() < 20 && g.box.Height() < 20; });
        return found;
      };
      std::vector<Grid> from_art = tables(DetectGrids(art->raster));
      ExpectSameGrids(from_art, tables(DetectGrids(*render)), name + " page " + std::to_string(i + 1));
      ++pages;
      grids += static_cast<int>(from_art.size());
    }
  }
  EXPECT_GT(pages, 50);
  EXPECT_GT(grids, 20);
  EXPECT_GT(blank, 0);  // text-only pages were met and skipped
}

}  // namespace
}  // namespace ita
