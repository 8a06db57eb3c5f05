// The OCR resolution of a scanned page: chosen from its letters' height and its own pixels,
// bounded for oversized page boxes; the reason is what the page's diagnostics say.
#include <gtest/gtest.h>

#include "pipeline/page/page_ocr.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

PageResult Scan(double width_pt, double height_pt, std::optional<double> letters_px_at_300,
                std::optional<double> ppi) {
  PageResult r;
  r.page.width_pt = width_pt;
  r.page.height_pt = height_pt;
  if (letters_px_at_300) r.glyph_height = GlyphHeight{*letters_px_at_300 * 72 / 300, 500};
  r.scan_ppi = ppi;
  return r;
}

bool Says(const OcrResolution& r, const std::string& part) { return r.why.find(part) != std::string::npos; }

// A screenshot squeezed to 69% of its height in Word is read in its own proportions; a scan
// placed nearly in proportion, and a fax (its pixels are not square), are read as drawn.
TEST(RestoreScanProportions, ASqueezedScreenshotIsReadInItsOwnProportions) {
  PageOptions options;
  Raster raster;
  raster.width = 100;
  raster.height = 200;
  raster.dpi = 144;
  raster.pixels.assign(100 * 200, 255);
  for (int x = 0; x < 100; ++x) raster.pixels[100 * 100 + x] = 0;  // a black row in the middle
  PageResult squeezed;
  squeezed.scan_aspect = 0.69;
  Raster r = raster;
  RestoreScanProportions(r, squeezed, options);
  EXPECT_EQ(r.height, 290);
  EXPECT_EQ(r.width, 100);
  EXPECT_DOUBLE_EQ(squeezed.page.height_pt, 290 * 72.0 / 144);
  EXPECT_LT(r.At(50, 145), 128);  // the row is where it was, in proportion
  EXPECT_EQ(r.At(50, 10), 255);
  ASSERT_EQ(squeezed.page.diagnostics.size(), 1u);
  EXPECT_NE(squeezed.page.diagnostics[0].find("69%"), std::string::npos);
  PageResult nearly;
  nearly.scan_aspect = 0.9;
  Raster n = raster;
  RestoreScanProportions(n, nearly, options);
  EXPECT_EQ(n.height, 200);
  EXPECT_TRUE(nearly.page.diagnostics.empty());
  PageResult fax;
  fax.scan_aspect = 2.08;  // 204 x 98 dpi
  fax.bilevel_scan = true;
  Raster f = raster;
  RestoreScanProportions(f, fax, options);
  EXPECT_EQ(f.height, 200);
}

TEST(ChooseOcrResolution, LettersInTheBandAreReadAtTheDefault) {
  PageOptions o;
  for (double px : {20.5, 30.0, 47.5}) {
    OcrResolution r = ChooseOcrResolution(Scan(595, 842, px, 200), o);
    EXPECT_DOUBLE_EQ(r.dpi, 300) << px;
    EXPECT_TRUE(Says(r, "OCR at 300 dpi (letters ")) << r.why;
    EXPECT_TRUE(Says(r, "scan 200 ppi")) << r.why;
  }
  OcrResolution unknown = ChooseOcrResolution(Scan(595, 842, std::nullopt, std::nullopt), o);
  EXPECT_DOUBLE_EQ(unknown.dpi, 300);
  EXPECT_EQ(unknown.why, "OCR at 300 dpi (letter height unknown)");
}

TEST(ChooseOcrResolution, LargeLettersGetFewerPixels) {
  PageOptions o;
  OcrResolution r = ChooseOcrResolution(Scan(595, 842, 72, 300), o);  // letters 72 px at 300 dpi
  EXPECT_NEAR(r.dpi, 200, 0.01);                                       // -> 48 px
  EXPECT_EQ(r.why, "OCR at 200 dpi (letters 48 px; scan 300 ppi; large letters)");
}

TEST(ChooseOcrResolution, SmallScanIsUpsampledWithinItsOwnPixels) {
  PageOptions o;
  // An A6 page (298 x 420 pt) scanned at 300 ppi, letters 10 px at 300 dpi: 600 dpi gives 20.
  OcrResolution r = ChooseOcrResolution(Scan(298, 420, 10, 300), o);
  EXPECT_NEAR(r.dpi, 600, 0.01);
  EXPECT_TRUE(Says(r, "small letters")) << r.why;
  // A 100 ppi scan is not blown up beyond twice its pixels.
  EXPECT_NEAR(ChooseOcrResolution(Scan(298, 420, 10, 100), o).dpi, 300, 0.01);
  // An A4 page cannot grow past the long-side bound.
  OcrResolution a4 = ChooseOcrResolution(Scan(595, 842, 10, 600), o);
  EXPECT_NEAR(a4.dpi, 3600 / (842 / 72.0), 0.01);
  EXPECT_TRUE(Says(a4, "long side held to 3600 px")) << a4.why;
}

TEST(ChooseOcrResolution, OversizedPageBoxIsHeldToPaperSize) {
  PageOptions o;
  // A scanner's 1600 x 2263 pt page: at 300 dpi a 6667 x 9430 raster.
  OcrResolution r = ChooseOcrResolution(Scan(1600, 2263, 76, 105), o);
  EXPECT_NEAR(r.dpi, 3600 / (2263 / 72.0), 0.01);  // 115 dpi
  EXPECT_TRUE(Says(r, "OCR at 115 dpi (letters 29 px; scan 105 ppi; page box 1600 x 2263 pt")) << r.why;
  o.ocr.min_dpi = 150;
  EXPECT_DOUBLE_EQ(ChooseOcrResolution(Scan(1600, 2263, 76, 105), o).dpi, 150);
  // A page box of 200 inches: the least resolution would give 14400 px a side (1.4 GB in a
  // worker); the bound holds instead.
  o.ocr.min_dpi = 72;
  OcrResolution huge = ChooseOcrResolution(Scan(14400, 14400, std::nullopt, 100), o);
  EXPECT_NEAR(huge.dpi, 18, 0.01);
  EXPECT_TRUE(Says(huge, "long side held to 3600 px")) << huge.why;
}

}  // namespace
}  // namespace ita

namespace ita {
namespace {

TextLine Line(const std::string& text, double x0, double x1) {
  TextLine l;
  l.text = text;
  l.box = Box{x0, 100, x1, 120};
  return l;
}

TEST(DigitSpan, AYearAtTheEndOfAProseLineIsReadWithWhatPrecedesIt) {
  // 40 letters and spaces, then "พ.ศ. ๒๕๖๘": 49 units over 490 pt, 10 pt each.
  TextLine l = Line("ขออนุมัติประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 0, 0);
  int units = 0;
  for (char32_t c : thai::DecodeUtf8(l.text)) units += !thai::IsThaiCombining(c);
  l.box = Box{100, 100, 100 + 10.0 * units, 120};
  Box region{92, 97, 108 + 10.0 * units, 123};
  Box span = DigitSpan(l, region);
  // From six letters before the first digit (into "พ.ศ. ") to the line's end, 6 pt out.
  EXPECT_NEAR(span.x0, 100 + 10.0 * (units - 4 - 6) - 6, 0.01);
  EXPECT_NEAR(span.x1, l.box.x1 + 6, 0.01);
  EXPECT_DOUBLE_EQ(span.y0, region.y0);
  EXPECT_DOUBLE_EQ(span.y1, region.y1);
}

TEST(DigitSpan, WholeRegionWhenDigitsSpanTheLineOrThereAreNone) {
  Box region{0, 97, 300, 123};
  TextLine date = Line("๑ ต.ค. ๖๓ - ๓๑ มี.ค. ๖๔", 10, 290);
  EXPECT_EQ(DigitSpan(date, region).x0, region.x0);
  EXPECT_EQ(DigitSpan(date, region).x1, region.x1);
  TextLine words = Line("ผู้รับผิดชอบ กองคลัง", 10, 290);
  EXPECT_EQ(DigitSpan(words, region).x0, region.x0);
  EXPECT_EQ(DigitSpan(words, region).x1, region.x1);
  // A number at the start of a long line: its span ends three letters after it.
  TextLine lead = Line("๑๒ หน่วยงานมีช่องทางที่ท่านสามารถแจ้งให้ข้อมูลหรือร้องเรียน", 10, 290);
  Box span = DigitSpan(lead, region);
  EXPECT_DOUBLE_EQ(span.x0, lead.box.x0 - 6);
  EXPECT_LT(span.x1, 100);
}

}  // namespace
}  // namespace ita
