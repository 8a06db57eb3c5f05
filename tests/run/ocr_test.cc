// OCR: the same contract tests for the fake and the Tesseract adapter; the pool reuses one
// engine per worker; faults stay page diagnostics; an OCR page goes through the same tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>

#include "extractors/poppler_pdf_source.h"
#include "extractors/leptonica_pictures.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/layout/glyph_height.h"
#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/text_orientation.h"
#include "pipeline/run/extract_document.h"
#include "pipeline/ocr/ocr_pool.h"
#include "tests/testutil/fake_ocr_engine.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::FakeOcrFactory;
using testing::OcrFault;

// A real page raster: the title page of a born-digital sample at 300 dpi.
const Raster& TitlePageRaster() {
  static const Raster raster = [] {
    Error error;
    auto pdf = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_born.pdf", &error);
    return pdf ? *pdf->Render(0, 300) : Raster{};
  }();
  return raster;
}

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
                         [](const auto& info) { return std::string(info.param.name); });

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
// reads the words of a measures table. It must come out as measures, like a text page.
std::vector<testing::FakePage> ScannedReport(std::vector<Word>* ocr_words) {
  testing::FakePage title;
  title.ink_without_text = true;
  testing::FakePage table;
  std::vector<double> xs = {40, 200, 360, 480}, ys = {40, 100, 160, 220};
  table.lines = testing::GridLines(xs, ys);
  auto add = [&](const std::string& text, double x, double y, double page_offset) {
    for (Word w : testing::MakeLine(text, x, y)) {
      w.box.y0 += page_offset;  // page 2's words live on page 2's raster
      w.box.y1 += page_offset;
      ocr_words->push_back(w);
    }
  };
  // A title above the table (read on both pages: the fake engine reads every raster alike).
  add("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", 44, 12, 0);
  add("มาตรการ", 44, 50, 0);
  add("วิธีการดำเนินการ", 204, 50, 0);
  add("ผู้รับผิดชอบ", 364, 50, 0);
  add("1. มาตรการแรก", 44, 110, 0);
  add("- อบรม", 204, 110, 0);
  add("กองคลัง", 364, 110, 0);
  add("2. มาตรการสอง", 44, 170, 0);
  add("- รณรงค์", 204, 170, 0);
  // Ink where the words are, as on a real scan (small blots, not rulings).
  for (const Word& w : *ocr_words)
    table.lines.push_back(Box{w.box.CenterX() - 2, w.box.CenterY() - 2, w.box.CenterX() + 2, w.box.CenterY() + 2});
  return {title, table};
}

TEST(ExtractDocument, ScannedPagesGoThroughTheSameTables) {
  std::vector<Word> words;
  testing::FakePdfSource pdf(ScannedReport(&words));
  OcrPool pool(FakeOcrFactory(words, OcrFault::kNone), 2);
  ExtractOptions options;
  options.ocr = &pool;
  options.ocr_dpi = 150;
  // The fake engine reads the table's words on the title page too, where they would rightly
  // form a table without rulings; this test is about the ruled one.
  options.borderless_tables = false;
  Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
  // Each OCR page says its resolution, and nothing else goes wrong.
  for (const auto& d : ex.diagnostics)
    if (d.find(": OCR at 150 dpi (") == std::string::npos) ADD_FAILURE() << d;
  EXPECT_EQ(ex.diagnostics.size(), 2u);
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresPlan);
  EXPECT_EQ(ex.source.page_sources, (std::vector<TextSource>{TextSource::kOcr, TextSource::kOcr}));
  ASSERT_EQ(ex.measures.size(), 2u);
  EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kResponsible), "กองคลัง");
  EXPECT_EQ(ex.measures[1].columns.at(MeasureField::kResponsible), "");
  EXPECT_EQ(ex.measures[0].provenance.origin, Origin::kOcr);
  EXPECT_EQ(ex.timings.size(), 2u);
  EXPECT_GT(ex.timings[1].ocr_recognize, 0.0);
}

// An engine that notes every request it is given.
class RequestRecordingEngine : public OcrEngine {
 public:
  RequestRecordingEngine(std::unique_ptr<OcrEngine> inner, std::shared_ptr<std::vector<OcrRequest>> requests,
                         std::shared_ptr<std::mutex> mu)
      : inner_(std::move(inner)), requests_(std::move(requests)), mu_(std::move(mu)) {}
  Result<std::vector<Word>> Recognize(const Raster& raster, const OcrRequest& request) override {
    {
      std::lock_guard<std::mutex> lock(*mu_);
      requests_->push_back(request);
    }
    return inner_->Recognize(raster, request);
  }

 private:
  std::unique_ptr<OcrEngine> inner_;
  std::shared_ptr<std::vector<OcrRequest>> requests_;
  std::shared_ptr<std::mutex> mu_;
};

// A page is read sparse (every piece of text wherever it lies) unless it is largely pictures:
// then with the engine's layout analysis, which leaves the pictures out, and its empty cells
// (the pictures' edges make grids) are not read again.
TEST(ExtractDocument, PicturePagesAreReadWithLayoutAnalysis) {
  for (double pictures : {0.0, 0.01, 0.4}) {
    std::vector<Word> words;
    std::vector<testing::FakePage> pages = ScannedReport(&words);
    pages[1].lines.push_back(Box{418, 188, 422, 192});  // ink in the empty cell of row 2
    testing::FakePdfSource pdf(pages);
    auto requests = std::make_shared<std::vector<OcrRequest>>();
    auto mu = std::make_shared<std::mutex>();
    OcrEngineFactory fake = FakeOcrFactory(words, OcrFault::kNone);
    OcrPool pool([&]() -> Result<std::unique_ptr<OcrEngine>> {
      auto inner = fake();
      if (!inner) return std::unexpected(inner.error());
      return std::unique_ptr<OcrEngine>(std::make_unique<RequestRecordingEngine>(std::move(*inner), requests, mu));
    }, 1);
    ExtractOptions options;
    options.ocr = &pool;
    options.ocr_dpi = 150;
    options.borderless_tables = false;
    options.picture_share = [&](const Raster&) { return pictures; };
    Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
    ASSERT_TRUE(ex.document);
    EXPECT_EQ(ex.measures.size(), 2u);
    std::vector<OcrLayout> whole;
    int cell_readings = 0;
    for (const OcrRequest& r : *requests) {
      if (r.WholeRaster()) whole.push_back(r.layout);
      cell_readings += r.layout == OcrLayout::kLine && r.model == OcrModel::kMain;
    }
    std::sort(whole.begin(), whole.end());
    // Both pages (a title, a ruled table) with layout analysis when a twentieth of each or
    // more is pictures, sparse otherwise; the inked empty cell read again only then.
    bool picture_pages = pictures >= options.picture_page_share;
    OcrLayout expected = picture_pages ? OcrLayout::kPage : OcrLayout::kSparse;
    EXPECT_EQ(whole, (std::vector<OcrLayout>{expected, expected})) << pictures;
    EXPECT_EQ(cell_readings, picture_pages ? 0 : 1) << pictures;
    int notes = 0;
    for (const auto& d : ex.diagnostics) notes += d.find("pictures cover") != std::string::npos;
    EXPECT_EQ(notes, picture_pages ? 2 : 0) << pictures;
  }
}

TEST(ExtractDocument, OcrFaultsStayPageDiagnostics) {
  for (OcrFault fault : {OcrFault::kEmpty, OcrFault::kBadUtf8, OcrFault::kFail, OcrFault::kThrow}) {
    std::vector<Word> words;
    testing::FakePdfSource pdf(ScannedReport(&words));
    OcrPool pool(FakeOcrFactory(words, fault), 1);
    ExtractOptions options;
    options.ocr = &pool;
    options.ocr_dpi = 150;
    Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
    ASSERT_TRUE(ex.document) << static_cast<int>(fault);
    EXPECT_FALSE(ex.error);
    EXPECT_EQ(ex.source.pages, 2);
    if (fault == OcrFault::kFail || fault == OcrFault::kThrow) {
      bool diagnosed = false;
      for (const auto& d : ex.diagnostics) diagnosed = diagnosed || d.find("OCR failed") != std::string::npos;
      EXPECT_TRUE(diagnosed) << static_cast<int>(fault);
    }
    if (fault == OcrFault::kBadUtf8) {
      // Replacement characters, never invalid UTF-8, in what was read.
      ASSERT_FALSE(ex.measures.empty());
      EXPECT_NE(ex.measures[0].columns.at(MeasureField::kResponsible).find("\uFFFD"), std::string::npos);
    }
  }
}

// A scanned measures table whose main OCR model lacks some Thai digits, and a numeric model.
// The numeric reading replaces a period line it is sure of; otherwise, and in a line of words,
// it only lends its digits.
TEST(ExtractDocument, NumericModelRereadsLinesWithDigits) {
  auto scan = [](std::vector<Word>* main, std::vector<Word>* numeric, const std::string& numeric_period,
                 double numeric_confidence) {
    testing::FakePage title;
    title.ink_without_text = true;
    testing::FakePage table;
    std::vector<double> xs = {40, 200, 360, 520}, ys = {40, 100, 160};
    table.lines = testing::GridLines(xs, ys);
    auto add = [&](std::vector<Word>* to, const std::string& text, double x, double y, double confidence) {
      for (Word w : testing::MakeLine(text, x, y)) {
        w.confidence = confidence;
        to->push_back(w);
      }
    };
    add(main, "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", 44, 12, 0.95);
    add(main, "มาตรการ", 44, 50, 0.95);
    add(main, "ผู้รับผิดชอบ", 204, 50, 0.95);
    add(main, "ระยะเวลา", 364, 50, 0.95);
    add(main, "๕. มาตรการแรก", 44, 110, 0.95);
    add(main, "กองคลัง", 204, 110, 0.95);
    add(main, "ต.ค. ๒๓ - มี.ค. ๒๕", 364, 110, 0.95);
    add(numeric, "๔. มตรกรรก", 44, 110, 0.4);
    add(numeric, numeric_period, 364, 110, numeric_confidence);
    for (const Word& w : *main)
      table.lines.push_back(Box{w.box.CenterX() - 2, w.box.CenterY() - 2, w.box.CenterX() + 2, w.box.CenterY() + 2});
    return std::vector<testing::FakePage>{title, table};
  };
  // A sure reading is taken whole; an unsure one, or one with letters the main model did not
  // read (ศ for ี), gives only its digits. (The fake reads by position, not by ink: a reading
  // keeps the main reading's widths, as the region is narrowed to the ink of the main words.)
  struct Case {
    std::string numeric_period;
    double numeric_confidence;
  };
  for (const Case& c : {Case{"ต.ค. ๖๓ - มี.ค. ๖๔", 0.9}, Case{"ด.ค. ๖๓ - ม.ค. ๖๔", 0.3},
                        Case{"ต.ค. ๖๓ - มศ.ค. ๖๔", 0.9}}) {
    double numeric_confidence = c.numeric_confidence;
    std::vector<Word> main, numeric;
    testing::FakePdfSource pdf(scan(&main, &numeric, c.numeric_period, numeric_confidence));
    OcrPool pool(FakeOcrFactory(main, OcrFault::kNone, nullptr, numeric), 1);
    ExtractOptions options;
    options.ocr = &pool;
    options.ocr_dpi = 150;
    options.numeric_pass = true;
    Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
    ASSERT_EQ(ex.measures.size(), 1u) << numeric_confidence;
    const Measure& m = ex.measures[0];
    EXPECT_EQ(m.columns.at(MeasureField::kMeasure), "๔. มาตรการแรก");
    EXPECT_EQ(m.columns.at(MeasureField::kResponsible), "กองคลัง");
    ASSERT_TRUE(m.period);
    EXPECT_EQ(m.period->text, "ต.ค. ๖๓ - มี.ค. ๖๔") << c.numeric_period;
    EXPECT_EQ(m.period->start, "2020-10-01");
    EXPECT_EQ(m.period->end, "2021-03-31");
  }
}

// A grade cell the Thai model reads as Thai letters ("โว"): the Latin model's "D" replaces it
// when sure; an unsure reading, or one that is no Latin code, does not.
TEST(ExtractDocument, LatinModelRereadsShortCellLines) {
  struct Case {
    const char* latin;
    double confidence;
    const char* want;
  };
  for (const Case& c : {Case{"D", 0.9, "D"}, Case{"D", 0.3, "โว"}, Case{"Do", 0.9, "โว"}}) {
    testing::FakePage title;
    title.ink_without_text = true;
    testing::FakePage table;
    table.lines = testing::GridLines({40, 200, 360}, {40, 100, 160});
    std::vector<Word> main, latin;
    auto add = [](std::vector<Word>* to, const std::string& text, double x, double y, double confidence) {
      for (Word w : testing::MakeLine(text, x, y)) {
        w.confidence = confidence;
        to->push_back(w);
      }
    };
    add(&main, "ระดับ", 44, 50, 0.95);
    add(&main, "ปี", 204, 50, 0.95);
    add(&main, "ผลการประเมิน", 44, 110, 0.95);
    add(&main, "โว", 204, 110, 0.9);
    add(&latin, c.latin, 204, 110, c.confidence);
    for (const Word& w : main)
      table.lines.push_back(Box{w.box.CenterX() - 2, w.box.CenterY() - 2, w.box.CenterX() + 2, w.box.CenterY() + 2});
    testing::FakePdfSource pdf({title, table});
    OcrPool pool(FakeOcrFactory(main, OcrFault::kNone, nullptr, {}, latin), 1);
    ExtractOptions options;
    options.ocr = &pool;
    options.ocr_dpi = 150;
    options.latin_pass = true;
    PageResult page = ReadPage(pdf, 1, options);
    ASSERT_EQ(page.tables.size(), 1u);
    const Table& t = page.tables[0];
    auto cell = std::find_if(t.cells.begin(), t.cells.end(), [](const Cell& x) { return x.row == 1 && x.col == 1; });
    ASSERT_NE(cell, t.cells.end());
    EXPECT_EQ(cell->text, c.want) << c.latin << " " << c.confidence;
  }
}

TEST(OcrLowConfidence, ValuesUnderTheThresholdAreFlagged) {
  std::vector<Word> words;
  testing::FakePdfSource pdf(ScannedReport(&words));
  for (Word& w : words) w.confidence = w.utf8 == "กองคลัง" ? 0.3 : 0.95;
  OcrPool pool(FakeOcrFactory(words, OcrFault::kNone), 1);
  ExtractOptions options;
  options.ocr = &pool;
  options.ocr_dpi = 150;
  Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
  bool flagged = false;
  for (const auto& e : ex.validation.errors)
    flagged = flagged || (e.code == "ocr_low_confidence" && e.path == "/measures/0/responsible");
  EXPECT_TRUE(flagged);
}

TEST(RasterCleanup, DeskewStraightensARuling) {
  // A 1200-pt line falling 5 pt to the right: after deskew it is one horizontal ruling.
  Raster r = testing::DrawRaster(1300, 300, 100, {});
  double scale = 100 / 72.0;
  for (int x = static_cast<int>(50 * scale); x < static_cast<int>(1250 * scale); ++x) {
    int y = static_cast<int>((100 + 5.0 * (x / scale - 50) / 1200) * scale);
    r.pixels[static_cast<size_t>(y) * r.width + x] = 0;
    r.pixels[static_cast<size_t>(y + 1) * r.width + x] = 0;
  }
  double skew = EstimateSkewDegrees(r);
  EXPECT_NEAR(skew, std::atan(5.0 / 1200) * 180 / 3.14159265358979, 0.06);
  EXPECT_TRUE(FindRulings(r).empty());  // skewed: no run is long enough to be a ruling
  Raster straight = Deskew(r, skew);
  double low = 1e9, high = -1e9, from = 1e9, to = -1e9;
  for (const Ruling& ru : FindRulings(straight)) {
    if (!ru.horizontal) continue;
    low = std::min(low, ru.pos);
    high = std::max(high, ru.pos);
    from = std::min(from, ru.from);
    to = std::max(to, ru.to);
  }
  EXPECT_LT(high - low, 1.5);  // one height: straight
  EXPECT_GT(to - from, 1150);
  WhitenLight(straight, 220);
  EXPECT_GT(InkShare(straight, Box{}), 0.0);
}

TEST(RasterCleanup, RotateQuarterTurnsMovesEveryPixel) {
  // 3 x 2:  1 2 3
  //         4 5 6
  Raster r;
  r.width = 3;
  r.height = 2;
  r.dpi = 100;
  r.pixels = {1, 2, 3, 4, 5, 6};
  Raster cw = RotateQuarterTurns(r, 90);
  EXPECT_EQ(cw.width, 2);
  EXPECT_EQ(cw.height, 3);
  EXPECT_EQ(cw.pixels, (std::vector<unsigned char>{4, 1, 5, 2, 6, 3}));
  EXPECT_EQ(RotateQuarterTurns(r, 180).pixels, (std::vector<unsigned char>{6, 5, 4, 3, 2, 1}));
  Raster ccw = RotateQuarterTurns(r, 270);
  EXPECT_EQ(ccw.pixels, (std::vector<unsigned char>{3, 6, 2, 5, 1, 4}));
  EXPECT_EQ(RotateQuarterTurns(ccw, 90).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(RotateQuarterTurns(cw, 180), 90).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(r, 0).pixels, r.pixels);
  EXPECT_EQ(RotateQuarterTurns(r, -90).pixels, ccw.pixels);
}

TEST(RasterCleanup, ReduceAveragesBlocks) {
  Raster r;
  r.width = 4;
  r.height = 2;
  r.dpi = 300;
  r.pixels = {0, 100, 200, 200, 100, 200, 200, 200};
  Raster small = Reduce(r, 2);
  EXPECT_EQ(small.width, 2);
  EXPECT_EQ(small.height, 1);
  EXPECT_DOUBLE_EQ(small.dpi, 150);
  EXPECT_EQ(small.pixels, (std::vector<unsigned char>{100, 200}));
}

// Orientation from the ink of real pages, turned each way: a scanned measures page is settled
// by its ink; a born-digital title page (a few large words) leans the right way, and settling
// it is left to reading (its marks are too few to be beyond chance).
TEST(TextOrientationOfRealPages, EachQuarterTurn) {
  Error error;
  auto scan = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_scan.pdf", &error);
  ASSERT_TRUE(scan) << error.message;
  auto scanned = scan->Render(1, 300);
  ASSERT_TRUE(scanned);
  for (int turned : {0, 90, 180, 270}) {
    Raster r = RotateQuarterTurns(*scanned, turned);
    TextOrientation o = FindTextOrientation(r, PaperLevel(r) - 60);
    EXPECT_EQ(o.degrees, turned) << o.why;
    EXPECT_TRUE(o.axis_sure && o.side_sure) << turned << ": " << o.why;
    Raster t = RotateQuarterTurns(TitlePageRaster(), turned);
    TextOrientation title = FindTextOrientation(t, PaperLevel(t) - 60);
    EXPECT_EQ(title.degrees, turned) << title.why;
    EXPECT_TRUE(title.axis_sure) << title.why;
  }
}

TEST(ExtractDocument, OversizedPageBoxesAreNotRenderedAtFullResolution) {
  std::vector<Word> words;
  std::vector<testing::FakePage> pages = ScannedReport(&words);
  for (testing::FakePage& p : pages) {
    p.width_pt = 1600;  // a scanner's page box, over twice A4
    p.height_pt = 2263;
  }
  testing::FakePdfSource pdf(pages);
  OcrPool pool(FakeOcrFactory(words, OcrFault::kNone), 1);
  ExtractOptions options;
  options.ocr = &pool;
  Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
  int capped = 0;
  for (const auto& d : ex.diagnostics) capped += d.find("OCR at 115 dpi") != std::string::npos;
  int ocr_pages = static_cast<int>(std::count(ex.source.page_sources.begin(), ex.source.page_sources.end(), TextSource::kOcr));
  EXPECT_GE(ocr_pages, 1);
  EXPECT_EQ(capped, ocr_pages);
  // An A4 page is read at the full resolution, and says so.
  std::vector<Word> a4_words;
  testing::FakePdfSource a4(ScannedReport(&a4_words));
  OcrPool a4_pool(FakeOcrFactory(a4_words, OcrFault::kNone), 1);
  options.ocr = &a4_pool;
  Extraction ex_a4 = ExtractDocument(a4, SourceInfo{"a4.pdf", "", 0, {}, ""}, options);
  int full = 0;
  for (const auto& d : ex_a4.diagnostics) {
    full += d.find("OCR at 300 dpi") != std::string::npos;
    EXPECT_EQ(d.find("long side held"), std::string::npos) << d;
  }
  EXPECT_EQ(full, std::count(ex_a4.source.page_sources.begin(), ex_a4.source.page_sources.end(), TextSource::kOcr));
  EXPECT_GE(full, 1);
}

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

TEST(RasterCleanup, ClearDarkEdgesRemovesScannerBandsOnly) {
  Raster r;
  r.width = 200;
  r.height = 300;
  r.dpi = 100;
  r.pixels.assign(static_cast<size_t>(r.width) * r.height, 255);
  auto fill = [&](int x0, int y0, int x1, int y1, unsigned char v) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) r.pixels[static_cast<size_t>(y) * r.width + x] = v;
  };
  fill(0, 285, 200, 298, 30);  // a dark band near the bottom, with a light margin below it
  fill(0, 0, 6, 300, 20);      // a dark band along the left edge
  fill(40, 100, 160, 102, 0);  // a table rule inside the page
  fill(50, 150, 120, 170, 0);  // text
  EXPECT_GT(ClearDarkEdges(r), 0);
  EXPECT_EQ(r.At(100, 290), 255);
  EXPECT_EQ(r.At(100, 299), 255);
  EXPECT_EQ(r.At(3, 150), 255);
  EXPECT_EQ(r.At(100, 101), 0);
  EXPECT_EQ(r.At(60, 160), 0);
  // A clean page keeps every pixel.
  Raster clean = r;
  EXPECT_EQ(ClearDarkEdges(clean), 0);
  EXPECT_EQ(clean.pixels, r.pixels);
}

// A photographed page: paper (a tilted quadrilateral) on a dark table, lit from the left.
Raster PhotoOfAPage(Quad* truth) {
  Raster r;
  r.width = 800;
  r.height = 600;
  r.dpi = 100;
  r.pixels.assign(static_cast<size_t>(r.width) * r.height, 40);
  *truth = Quad{{120, 700, 680, 90}, {60, 90, 540, 520}};
  auto inside = [&](double x, double y) {
    for (int i = 0; i < 4; ++i) {
      int j = (i + 1) % 4;
      double cross = (truth->x[j] - truth->x[i]) * (y - truth->y[i]) - (truth->y[j] - truth->y[i]) * (x - truth->x[i]);
      if (cross < 0) return false;
    }
    return true;
  };
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x)
      if (inside(x, y)) r.pixels[static_cast<size_t>(y) * r.width + x] = static_cast<unsigned char>(230 - x / 16);
  // A line of "text" across the paper's middle.
  for (int x = 250; x < 550; ++x)
    for (int y = 298; y < 302; ++y) r.pixels[static_cast<size_t>(y) * r.width + x] = 30;
  return r;
}

TEST(RasterCleanup, PhotographedPageIsFoundAndSquared) {
  Quad truth;
  Raster photo = PhotoOfAPage(&truth);
  std::optional<Quad> q = FindPhotographedPage(photo);
  ASSERT_TRUE(q);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q->x[i], truth.x[i], 12) << "corner " << i;
    EXPECT_NEAR(q->y[i], truth.y[i], 12) << "corner " << i;
  }
  Raster flat = WarpToRectangle(photo, *q, 580, 460);
  EXPECT_EQ(flat.width, 580);
  EXPECT_EQ(flat.height, 460);
  // The corners of the result are paper, not table.
  for (auto [x, y] : {std::pair{3, 3}, {576, 3}, {576, 456}, {3, 456}}) EXPECT_GT(flat.At(x, y), 150) << x << "," << y;
  FlattenIllumination(flat, 25);
  EXPECT_GT(flat.At(40, 40), 240);    // paper on the lit side
  EXPECT_GT(flat.At(540, 420), 240);  // ...and on the dim side: white alike
  int darkest = 255;
  for (int x = 200; x < 380; ++x) darkest = std::min<int>(darkest, flat.At(x, 230));
  EXPECT_LT(darkest, 80);  // the text line keeps its ink
  // A scan (paper to the edges) is no photo.
  Raster scan;
  scan.width = 400;
  scan.height = 500;
  scan.dpi = 100;
  scan.pixels.assign(static_cast<size_t>(scan.width) * scan.height, 245);
  EXPECT_FALSE(FindPhotographedPage(scan));
}

TEST(RasterCleanup, PaperLevelIsTheMedianPixel) {
  Raster r;
  r.width = 11;
  r.height = 1;
  r.dpi = 300;
  r.pixels = {0, 0, 0, 230, 230, 228, 229, 231, 230, 60, 230};
  EXPECT_EQ(PaperLevel(r), 229);
  EXPECT_EQ(PaperLevel(Raster{}), 255);
}

TEST(RasterCleanup, InkExtentBoundsTheDarkPixelsOfARegion) {
  Raster r;
  r.width = 8;
  r.height = 4;
  r.dpi = 72;  // one pixel a point
  r.pixels.assign(32, 255);
  r.pixels[1 * 8 + 2] = 0;    // (2, 1)
  r.pixels[2 * 8 + 5] = 100;  // (5, 2)
  r.pixels[3 * 8 + 7] = 150;  // (7, 3): lighter than the level
  auto ink = InkExtent(r, Box{0, 0, 8, 4}, 128);
  ASSERT_TRUE(ink.has_value());
  EXPECT_EQ(ink->x0, 2);
  EXPECT_EQ(ink->y0, 1);
  EXPECT_EQ(ink->x1, 6);
  EXPECT_EQ(ink->y1, 3);
  EXPECT_EQ(InkExtent(r, Box{0, 0, 8, 4}, 200)->x1, 8);  // a lighter level takes (7, 3) in
  EXPECT_EQ(InkExtent(r, Box{3, 0, 5, 4}, 128), std::nullopt);  // between the two
}

TEST(RasterCleanup, WhitenAndBinarizeSplitAtTheirLevels) {
  Raster r;
  r.width = 5;
  r.height = 1;
  r.dpi = 300;
  r.pixels = {0, 120, 199, 200, 240};
  Raster whitened = r;
  WhitenLight(whitened, 220);
  EXPECT_EQ(whitened.pixels, (std::vector<unsigned char>{0, 120, 199, 200, 255}));
  Binarize(r, 200);
  EXPECT_EQ(r.pixels, (std::vector<unsigned char>{0, 0, 0, 255, 255}));
}

}  // namespace
}  // namespace ita

namespace ita {
namespace {

// One scanned page whose main reading is `main` and whose Latin reading is `latin`, read with
// the Latin-word pass (the numeric pass off).
PageResult ReadWithLatinWordPass(const std::vector<Word>& main, const std::vector<Word>& latin,
                                 const thai::ThaiDictionary* dictionary, const EnglishWords* english = nullptr) {
  testing::FakePage scan;
  scan.ink_without_text = true;
  testing::FakePdfSource pdf({scan});
  OcrPool pool(FakeOcrFactory(main, OcrFault::kNone, nullptr, {}, latin), 1);
  ExtractOptions options;
  options.ocr = &pool;
  options.ocr_dpi = 150;
  options.latin_words_pass = true;
  options.numeric_pass = false;
  options.dictionary = dictionary;
  options.english = english;
  return ReadPage(pdf, 0, options);
}

std::string FreeText(const PageResult& page) {
  std::string all;
  for (const TextLine& l : page.free_lines) all += l.text + "|";
  return all;
}

// Latin words inside a Thai line come out of the Thai model as junk ("โกเอกล1" for "Internal",
// "1171)" for "IIT)"); the Latin model's sure reading replaces them. Thai words the dictionary
// knows are never re-read, an unsure Latin reading is not taken, and without a dictionary the
// pass does nothing.
TEST(ExtractDocument, LatinModelRereadsMisreadLatinWordsInThaiLines) {
  auto dict = thai::ThaiDictionary::FromWords({"แบบ", "วัด", "การ", "รับรู้", "ภายใน"});
  struct Case {
    double latin_confidence;
    bool with_dictionary;
    const char* want;
  };
  for (const Case& c : {Case{0.95, true, "แบบวัดการรับรู้ภายใน (Internal IIT)"},
                        Case{0.3, true, "แบบวัดการรับรู้ภายใน (โกเอกล1 1171)"},
                        Case{0.95, false, "แบบวัดการรับรู้ภายใน (โกเอกล1 1171)"}}) {
    std::vector<Word> main = testing::MakeLine("แบบวัดการรับรู้ภายใน (โกเอกล1 1171)", 40, 100);
    for (Word& w : main) w.confidence = w.utf8 == "1171)" ? 0.6 : (w.utf8[0] == '(' ? 0.66 : 0.95);
    std::vector<Word> latin;
    for (const Word& w : main) {
      Word l = w;
      l.utf8 = w.utf8 == "1171)" ? "IIT)" : (w.utf8[0] == '(' ? "(Internal" : "Tu");  // "Tu": what eng
      l.confidence = w.utf8[0] == '(' || w.utf8 == "1171)" ? c.latin_confidence : 0.99;  // makes of Thai
      latin.push_back(l);
    }
    PageResult page = ReadWithLatinWordPass(main, latin, c.with_dictionary ? dict.get() : nullptr);
    ASSERT_EQ(page.free_lines.size(), 1u);
    EXPECT_EQ(page.free_lines[0].text, c.want) << c.latin_confidence << " " << c.with_dictionary;
  }
}

// What the Latin pass leaves alone, however sure the Latin model is: numbers and Thai digits
// (the numeric pass's), and specks far shorter than the page's text.
TEST(ExtractDocument, LatinWordPassLeavesNumbersAndSpecks) {
  auto dict = thai::ThaiDictionary::FromWords({"แบบ", "วัด", "การ"});
  auto english = EnglishWords::FromWords({"fix"});
  std::vector<Word> main = testing::MakeLine("แบบวัดการ 865.16 ๒๒", 40, 100);
  main.push_back(testing::MakeWord("ฒา", 300, 108, 10, 2.5));  // a speck on the line's baseline
  for (Word& w : main) w.confidence = w.utf8 == "แบบวัดการ" ? 0.95 : 0.4;
  std::vector<Word> latin;
  for (const Word& w : main) {
    Word l = w;
    l.utf8 = w.utf8 == "865.16" ? "85.18" : w.utf8 == "๒๒" ? "oe" : w.utf8 == "ฒา" ? "Fix" : "Tu";
    l.confidence = 0.99;
    latin.push_back(l);
  }
  std::string all = FreeText(ReadWithLatinWordPass(main, latin, dict.get(), english.get()));
  EXPECT_NE(all.find("865.16 ๒๒"), std::string::npos) << all;
  EXPECT_NE(all.find("ฒา"), std::string::npos) << all;
  EXPECT_EQ(all.find("Fix"), std::string::npos) << all;
  // The same speck at the height of the text is read again like any token.
  main.back().box.y0 = 100;
  main.back().box.y1 = 120.8;
  latin.back().box = main.back().box;
  all = FreeText(ReadWithLatinWordPass(main, latin, dict.get(), english.get()));
  EXPECT_NE(all.find("Fix"), std::string::npos) << all;
}

// Second readings go on while they pay: read in rounds (16 a round), they stop after a round in
// which none was read surely. 40 junk tokens (the specks of a signature sheet, say), in 4 lines
// of 10; the Latin model is sure of some of them.
TEST(ExtractDocument, LatinWordPassStopsAfterARoundThatFindsNothing) {
  auto dict = thai::ThaiDictionary::FromWords({"แบบ"});
  auto replaced = [&](std::vector<int> sure) {
    std::vector<Word> main, latin;
    for (int k = 0; k < 40; ++k) {
      Word w = testing::MakeWord("ฐฆฌ", 40 + (k % 10) * 50, 100 + (k / 10) * 40, 40);
      w.confidence = 0.5;
      main.push_back(w);
      Word l = w;
      bool is_sure = std::find(sure.begin(), sure.end(), k) != sure.end();
      l.utf8 = "IIT";
      l.confidence = is_sure ? 0.95 : 0.3;
      latin.push_back(l);
    }
    PageResult page = ReadWithLatinWordPass(main, latin, dict.get());
    std::string all = FreeText(page);
    int count = 0;
    for (size_t at = all.find("IIT"); at != std::string::npos; at = all.find("IIT", at + 1)) ++count;
    return count;
  };
  EXPECT_EQ(replaced({}), 0);
  EXPECT_EQ(replaced({20}), 0);          // the first round found nothing: token 20 is not read
  EXPECT_EQ(replaced({3, 20}), 2);       // the first round paid, the second too: all are read
  EXPECT_EQ(replaced({3, 39}), 1);       // the second round found nothing: the third is not read
  std::vector<int> all(40);
  for (int k = 0; k < 40; ++k) all[k] = k;
  EXPECT_EQ(replaced(all), 40);
}

}  // namespace
}  // namespace ita
