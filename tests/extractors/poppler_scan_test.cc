// Scans through Poppler: the image's own resolution, bilevel scans, coloured ink dropped.
#include <gtest/gtest.h>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/layout/glyph_height.h"
#include "pipeline/layout/raster_cleanup.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

// A real scan through Poppler: its image's own resolution (200 ppi) is known, and its letters
// measure the same on the cheap first look (100 dpi) as at the OCR resolution.
TEST(PopplerScan, OwnResolutionAndLetterHeightAtAnyRender) {
  Error error;
  auto pdf = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_scan.pdf", &error);
  ASSERT_TRUE(pdf) << error.message;
  auto ppi = pdf->ScanPpi(1);
  ASSERT_TRUE(ppi.has_value());
  EXPECT_NEAR(*ppi, 200, 1);
  auto coarse = pdf->Render(1, 100), fine = pdf->Render(1, 300);
  ASSERT_TRUE(coarse && fine);
  auto a = MeasureGlyphHeight(*coarse, PaperLevel(*coarse) - 60), b = MeasureGlyphHeight(*fine, PaperLevel(*fine) - 60);
  ASSERT_TRUE(a && b);
  EXPECT_NEAR(a->points, b->points, 0.2 * b->points);
  EXPECT_GT(b->points, 4);  // 16 pt Thai text: letters 5 to 8 pt high
  EXPECT_LT(b->points, 9);
  // A born-digital page has no scan.
  auto born = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_born.pdf", &error);
  ASSERT_TRUE(born);
  EXPECT_FALSE(born->ScanPpi(0).has_value());
  // An 8-bit scan is not bilevel; neither is a page without a scan.
  EXPECT_FALSE(pdf->ScanIsBilevel(1));
  EXPECT_FALSE(born->ScanIsBilevel(0));
}

// A fax-like page, one 1-bit CCITT image (tests/data/make_bilevel_scan.py): bilevel, 100 ppi.
TEST(PopplerScan, BilevelScanIsKnown) {
  Error error;
  auto pdf = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/tests/data/bilevel_scan.pdf", &error);
  ASSERT_TRUE(pdf) << error.message;
  EXPECT_TRUE(pdf->ScanIsBilevel(0));
  ASSERT_TRUE(pdf->ScanPpi(0).has_value());
  EXPECT_NEAR(*pdf->ScanPpi(0), 100, 1);
}

// A page with a black, a blue (stamp ink) and a grey bar, through Poppler.
TEST(PopplerRender, DropColorTurnsColouredInkToPaper) {
  Error error;
  auto pdf = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/tests/data/color_ink.pdf", &error);
  ASSERT_TRUE(pdf) << error.message;
  auto at = [](const Raster& r, double x_pt, double y_pt) {
    return static_cast<int>(r.At(static_cast<int>(x_pt * r.dpi / 72), static_cast<int>(y_pt * r.dpi / 72)));
  };
  // PDF y 700..740 (black), 600..640 (blue), 500..540 (grey) on an 800 pt page: top-left y.
  auto all = pdf->Render(0, 72);
  auto dropped = pdf->Render(0, 72, RenderInk::kDropColor);
  ASSERT_TRUE(all && dropped);
  EXPECT_LT(at(*all, 150, 80), 30);       // black
  EXPECT_LT(at(*all, 150, 180), 120);     // blue is dark in luminance
  EXPECT_LT(at(*dropped, 150, 80), 30);   // black stays black
  EXPECT_EQ(at(*dropped, 150, 180), 255); // blue ink becomes paper
  EXPECT_NEAR(at(*dropped, 150, 280), 115, 10);  // grey stays grey
  EXPECT_EQ(at(*dropped, 10, 10), 255);
}

}  // namespace
}  // namespace ita
