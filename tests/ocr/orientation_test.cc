// Turning scanned pages upright: by their ink when it is clear, by reading a sample at each
// turn when the ink only leans, and never on the word of too little evidence.
#include <gtest/gtest.h>

#include "pipeline/layout/text_orientation.h"
#include "pipeline/ocr/orientation.h"
#include "pipeline/run/extract_document.h"
#include "tests/testutil/fake_ocr_engine.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

Word Read(const std::string& text, double confidence) {
  Word w = testing::MakeWord(text, 10, 10, 50);
  w.confidence = confidence;
  return w;
}

TEST(ReadingStrength, LettersTimesConfidenceMarksAndPunctuationAside) {
  EXPECT_DOUBLE_EQ(ReadingStrength({Read("เทศบาล", 0.5)}), 3.0);  // six letters
  EXPECT_DOUBLE_EQ(ReadingStrength({Read("ที่", 1.0)}), 1.0);     // the marks take no room
  EXPECT_DOUBLE_EQ(ReadingStrength({Read("(๒๕๖๘)", 1.0), Read("ITA", 0.5)}), 5.5);
  EXPECT_DOUBLE_EQ(ReadingStrength({Read("...", 1.0), Read("-", 1.0)}), 0.0);
  EXPECT_DOUBLE_EQ(ReadingStrength({}), 0.0);
}

TEST(DecideOrientation, StrongestTurnOnlyWhenClearlyStrongerThanThePageAsItIs) {
  OrientationFinding upright = DecideOrientation({100, 30, 20, 25}, 2.0, 1.0);
  EXPECT_EQ(upright.degrees, 0);
  EXPECT_FALSE(upright.sure);
  OrientationFinding quarter = DecideOrientation({30, 100, 20, 25}, 2.0, 1.0);
  EXPECT_EQ(quarter.degrees, 90);
  EXPECT_TRUE(quarter.sure);
  OrientationFinding close = DecideOrientation({60, 20, 100, 25}, 2.0, 1.0);
  EXPECT_EQ(close.degrees, 180);
  EXPECT_FALSE(close.sure);  // 100 is not twice 60
  EXPECT_TRUE(DecideOrientation({0, 0, 0, 5}, 2.0, 1.0).sure);
  EXPECT_FALSE(DecideOrientation({0, 0, 0, 0}, 2.0, 1.0).sure);
  // A photograph: every turn reads a few unsure clusters; the strongest is no evidence.
  EXPECT_FALSE(DecideOrientation({6, 13, 10, 9}, 2.0, 30).sure);
  EXPECT_TRUE(DecideOrientation({6, 33, 10, 9}, 2.0, 30).sure);
  // Less than twice as strong, but at the turn the ink leans to: two kinds of evidence agree.
  EXPECT_FALSE(DecideOrientation({53, 33, 70, 45}, 2.0, 30).sure);
  EXPECT_TRUE(DecideOrientation({53, 33, 70, 45}, 2.0, 30, /*ink_leaning=*/180).sure);
  EXPECT_FALSE(DecideOrientation({53, 33, 70, 45}, 2.0, 30, /*ink_leaning=*/90).sure);
  EXPECT_FALSE(DecideOrientation({16, 11, 19, 6}, 2.0, 30, /*ink_leaning=*/180).sure);  // too weak
  EXPECT_NE(quarter.why.find("30/100/20/25"), std::string::npos) << quarter.why;
}

TEST(SampleWindow, DensestTextNotBlankPaperNorSolidInk) {
  // Print in the lower right quarter, a solid block (a photograph) in the upper left.
  std::vector<Box> shapes;
  for (const Box& b : testing::PrintLikeShapes(300, 420, 0)) shapes.push_back(Box{b.x0 + 295, b.y0 + 422, b.x1 + 295, b.y1 + 422});
  shapes.push_back(Box{20, 20, 250, 350});
  Raster page = testing::DrawRaster(595, 842, 72, shapes);
  Box w = SampleWindow(page);
  EXPECT_GT(w.Width(), 0);
  EXPECT_GE(w.CenterX(), 297) << w.x0 << "," << w.y0;
  EXPECT_GE(w.CenterY(), 421) << w.x0 << "," << w.y0;
  EXPECT_EQ(SampleWindow(testing::DrawRaster(595, 842, 72, {})).Width(), 0);
}

// An engine that reads surely only text the right way up (told here by its ink).
class UprightOnlyEngine : public OcrEngine {
 public:
  Result<std::vector<Word>> Recognize(const Raster& raster, const OcrRequest&) override {
    TextOrientation o = FindTextOrientation(raster, 128);
    bool upright = o.degrees == 0 && o.axis_sure && o.side_sure;
    double confidence = upright ? 0.9 : 0.2;  // four words of ten letters: 36 upright, 8 not
    return std::vector<Word>(4, Read("เทศบาลตำบล", confidence));
  }
};

Raster Turned(int turned) {
  bool quarter = turned == 90 || turned == 270;
  return testing::DrawRaster(quarter ? 842 : 595, quarter ? 595 : 842, 150, testing::PrintLikeShapes(595, 842, turned));
}

TEST(FindOrientation, TheTurnThatReadsSurelyWins) {
  OcrPool pool([]() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new UprightOnlyEngine); }, 1);
  for (int turned : {0, 90, 180, 270}) {
    Result<OrientationFinding> found = FindOrientation(Turned(turned), pool, 2.0, 30);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(found->degrees, turned) << found->why;
    EXPECT_EQ(found->sure, turned != 0) << found->why;
  }
}

TEST(FindOrientation, EngineFailureIsReturned) {
  OcrPool pool(testing::FakeOcrFactory({}, testing::OcrFault::kFail), 1);
  EXPECT_FALSE(FindOrientation(Turned(90), pool, 2.0, 30));
}

// Through the whole document: a scan drawn turned is read upright, and says so.
Extraction ExtractTurned(int turned, bool marks, OcrEngineFactory factory) {
  bool quarter = turned == 90 || turned == 270;
  testing::FakePage page;
  page.width_pt = quarter ? 842 : 595;
  page.height_pt = quarter ? 595 : 842;
  page.lines = testing::PrintLikeShapes(595, 842, turned, marks);
  testing::FakePdfSource pdf({page});
  OcrPool pool(std::move(factory), 1);
  ExtractOptions options;
  options.page.ocr.pool = &pool;
  options.page.ocr.dpi = 150;
  return ExtractDocument(pdf, SourceInfo{"turned.pdf", "", 0, {}, ""}, options);
}

int Count(const std::vector<std::string>& diagnostics, const std::string& part) {
  int n = 0;
  for (const std::string& d : diagnostics) n += d.find(part) != std::string::npos;
  return n;
}

TEST(ExtractDocument, ScansTurnedAnyWayAreTurnedUprightByTheirInk) {
  for (int turned : {90, 180, 270}) {
    Extraction ex = ExtractTurned(turned, true, testing::FakeOcrFactory({}, testing::OcrFault::kNone));
    EXPECT_EQ(Count(ex.diagnostics, "page 1: turned upright: text turned " + std::to_string(turned) +
                                        " degrees (by its ink: "),
              1)
        << turned;
  }
  Extraction upright = ExtractTurned(0, true, testing::FakeOcrFactory({}, testing::OcrFault::kNone));
  EXPECT_EQ(Count(upright.diagnostics, "turned"), 0);
  EXPECT_EQ(Count(upright.diagnostics, "kept as it is"), 0);
}

// Letters without marks: the lines run down the page, but which end is up is not in the ink.
// A sample is read at each turn; an engine that reads every turn alike settles nothing.
TEST(ExtractDocument, InkThatOnlyLeansIsCheckedByReadingAndKeptWhenReadingCannotTell) {
  std::vector<Word> words = {testing::MakeWord("เทศบาลตำบลคงสมบูรณ์", 300, 300, 120)};
  Extraction ex = ExtractTurned(90, false, testing::FakeOcrFactory(words, testing::OcrFault::kNone));
  EXPECT_EQ(Count(ex.diagnostics, "page 1: kept as it is: its ink leans to a turn of"), 1);
  EXPECT_EQ(Count(ex.diagnostics, "turned upright"), 0);
}

}  // namespace
}  // namespace ita
