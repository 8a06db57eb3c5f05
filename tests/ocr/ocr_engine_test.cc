// OCR engines: the same contract tests for the fake and the Tesseract adapter; the pool reuses
// one engine per worker and turns faults into errors; the picture share of a page.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "extractors/leptonica_pictures.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/ocr/ocr_pool.h"
#include "tests/testutil/fake_ocr_engine.h"
#include "tests/testutil/fake_pdf_source.h"
#include "tests/testutil/sample_pages.h"

namespace ita {
namespace {

using testing::FakeOcrFactory;
using testing::OcrFault;
using testing::TitlePageRaster;

struct EngineCase {
  const char* name;
  OcrEngineFactory factory;
  bool reads_real_text;
};

class OcrEngineContract : public ::testing::TestWithParam<EngineCase> {};

TEST_P(OcrEngineContract, WordsHaveBoxesInPointsAndConfidences) {
  auto engine = GetParam().factory();
  ASSERT_TRUE(engine) << engine.error().message;
  const Raster& page = TitlePageRaster();
  ASSERT_GT(page.width, 0);
  auto words = (*engine)->Recognize(page, OcrRequest{OcrLayout::kSparse, Box{}});
  ASSERT_TRUE(words) << words.error().message;
  ASSERT_FALSE(words->empty());
  double w = page.width * 72.0 / page.dpi, h = page.height * 72.0 / page.dpi;
  std::string all;
  for (const Word& word : *words) {
    EXPECT_FALSE(word.utf8.empty());
    EXPECT_EQ(word.origin, Origin::kOcr);
    EXPECT_GE(word.confidence, 0.0);
    EXPECT_LE(word.confidence, 1.0);
    EXPECT_GE(word.box.x0, 0);
    EXPECT_LE(word.box.x1, w + 1);
    EXPECT_LE(word.box.y1, h + 1);
    EXPECT_LE(word.box.x0, word.box.x1);
    all += word.utf8;
  }
  if (GetParam().reads_real_text) {
    EXPECT_NE(all.find("เทศบาล"), std::string::npos) << all;
  }
}

TEST_P(OcrEngineContract, EmptyRasterGivesNoWords) {
  auto engine = GetParam().factory();
  ASSERT_TRUE(engine);
  auto words = (*engine)->Recognize(Raster{}, OcrRequest{});
  ASSERT_TRUE(words);
  EXPECT_TRUE(words->empty());
  Raster white = testing::DrawRaster(200, 200, 150, {});
  auto none = (*engine)->Recognize(white, OcrRequest{});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(OcrEngineContract, RegionLimitsTheWords) {
  auto engine = GetParam().factory();
  ASSERT_TRUE(engine);
  // The upper-left quarter of the page has no text on this title page.
  Box quarter{0, 0, 100, 100};
  auto words = (*engine)->Recognize(TitlePageRaster(), OcrRequest{OcrLayout::kBlock, quarter});
  ASSERT_TRUE(words);
  for (const Word& w : *words) EXPECT_LE(w.box.x0, 101);
}

// A span clipped to nothing (its right edge left of its left edge) is not the whole page:
// read as such it gave a page of text for one line, at a page's cost.
TEST_P(OcrEngineContract, RegionWithoutAreaReadsNothing) {
  auto engine = GetParam().factory();
  ASSERT_TRUE(engine);
  for (Box nothing : {Box{300, 190, 290, 240}, Box{280, 240, 420, 240}}) {
    auto words = (*engine)->Recognize(TitlePageRaster(), OcrRequest{OcrLayout::kLine, nothing});
    ASSERT_TRUE(words);
    EXPECT_TRUE(words->empty());
  }
  auto whole = (*engine)->Recognize(TitlePageRaster(), OcrRequest{});
  ASSERT_TRUE(whole);
  EXPECT_FALSE(whole->empty());
}

// Leptonica's halftone segmentation finds a photograph pasted on a text page, and not the
// text: a page of text is no picture at all, the photograph's share is about its area.
TEST(PictureShare, FindsAPhotographNotText) {
  Raster page = TitlePageRaster();
  ASSERT_GT(page.width, 2000);
  EXPECT_LT(PictureShare(page), 0.001);
  // A "photograph": grey tones varying in blotches and fine grain, over a fifth of the page.
  int x0 = page.width / 8, y0 = page.height / 2, w = page.width * 3 / 4, h = page.height * 3 / 10;
  uint32_t grain = 12345;
  for (int y = y0; y < y0 + h; ++y) {
    for (int x = x0; x < x0 + w; ++x) {
      grain = grain * 1103515245u + 12345u;
      double blotch = 0.5 + 0.35 * std::sin(x / 37.0) * std::cos(y / 23.0);
      int level = static_cast<int>(255 * blotch) + static_cast<int>((grain >> 16) % 81) - 40;
      page.pixels[static_cast<size_t>(y) * page.width + x] = static_cast<unsigned char>(std::clamp(level, 0, 255));
    }
  }
  double area = static_cast<double>(w) * h / (static_cast<double>(page.width) * page.height);
  double share = PictureShare(page);
  EXPECT_GT(share, 0.5 * area);
  EXPECT_LT(share, 1.2 * area);
  // Too small to hold a picture: nothing, no error.
  EXPECT_EQ(PictureShare(testing::DrawRaster(20, 20, 72, {})), 0.0);
}

std::vector<Word> FakeTitleWords() {
  return {testing::MakeWord("เทศบาลตำบลคงสมบูรณ์", 300, 200, 120),
          testing::MakeWord("อำเภอท่าคันโท", 300, 230, 80)};
}

INSTANTIATE_TEST_SUITE_P(Engines, OcrEngineContract,
                         ::testing::Values(EngineCase{"fake", FakeOcrFactory(FakeTitleWords(), OcrFault::kNone), false},
                                           EngineCase{"tesseract", TesseractEngineFactory(), true}),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// Tesseract gives each Thai cluster as a "word"; the adapter joins the clusters the page prints
// without a space between them into one token and splits where the page has a space.
TEST(TesseractEngine, ClustersJoinIntoTheWordsThePageSpaces) {
  auto engine = TesseractEngineFactory()();
  ASSERT_TRUE(engine) << engine.error().message;
  auto words = (*engine)->Recognize(TitlePageRaster(), OcrRequest{OcrLayout::kSparse, Box{}});
  ASSERT_TRUE(words) << words.error().message;
  std::string all;
  bool joined = false;
  int names = 0;
  for (const Word& w : *words) {
    all += w.utf8 + " | ";
    EXPECT_EQ(w.utf8.find(' '), std::string::npos) << w.utf8;
    // (Raw OCR: SARA AM may come decomposed, so the checks avoid it.)
    joined = joined || (w.utf8.rfind("เทศบาล", 0) == 0 && w.utf8.find("คงสมบูรณ์") != std::string::npos);
    // "เทศบาลตำบลคงสมบูรณ์ อำเภอท่าคันโท": the district after the space is a token of its own.
    names += w.utf8.rfind("อ", 0) == 0 && w.utf8.find("ภอท่า") != std::string::npos;
  }
  EXPECT_TRUE(joined) << all;
  EXPECT_GE(names, 1) << all;
}

TEST(OcrPool, OneEnginePerWorkerReusedForEveryJob) {
  auto created = std::make_shared<std::atomic<int>>(0);
  OcrPool pool(FakeOcrFactory(FakeTitleWords(), OcrFault::kNone, created), 2);
  auto raster = std::make_shared<const Raster>(testing::DrawRaster(842, 595, 72, {}));
  std::vector<std::future<OcrPool::Output>> jobs;
  for (int i = 0; i < 20; ++i) jobs.push_back(pool.Submit(raster, {OcrRequest{}, OcrRequest{}}));
  for (auto& j : jobs) {
    OcrPool::Output out = j.get();
    ASSERT_EQ(out.results.size(), 2u);
    EXPECT_TRUE(out.results[0]);
  }
  EXPECT_LE(created->load(), 2);
  EXPECT_EQ(pool.EnginesCreated(), created->load());
}

TEST(OcrPool, FactoryFailureAndExceptionsBecomeErrors) {
  OcrPool broken([]() -> Result<std::unique_ptr<OcrEngine>> { return Fail(ErrorCode::kInternal, "no tessdata"); }, 1);
  auto raster = std::make_shared<const Raster>(testing::DrawRaster(100, 100, 72, {}));
  auto out = broken.Submit(raster, {OcrRequest{}}).get();
  ASSERT_EQ(out.results.size(), 1u);
  EXPECT_FALSE(out.results[0]);
  OcrPool throwing(FakeOcrFactory({}, OcrFault::kThrow), 1);
  auto thrown = throwing.Submit(raster, {OcrRequest{}}).get();
  EXPECT_FALSE(thrown.results[0]);
  EXPECT_NE(thrown.results[0].error().message.find("injected"), std::string::npos);
}

// A scanned page: a ruled table drawn on the raster, no text layer, and an OCR engine that

}  // namespace
}  // namespace ita
