// A scanned page through the pipeline: the same tables as a text page, pages of pictures,
// faults kept as page diagnostics, second readings (digits, Latin codes and words), bounded
// resolution for oversized page boxes.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "pipeline/ocr/english_words.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/page/read_page.h"
#include "pipeline/run/extract_document.h"
#include "tests/testutil/fake_ocr_engine.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::FakeOcrFactory;
using testing::OcrFault;
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
  options.page.ocr.pool = &pool;
  options.page.ocr.dpi = 150;
  // The fake engine reads the table's words on the title page too, where they would rightly
  // form a table without rulings; this test is about the ruled one.
  options.page.borderless_tables = false;
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
    options.page.ocr.pool = &pool;
    options.page.ocr.dpi = 150;
    options.page.borderless_tables = false;
    options.page.ocr.picture_share = [&](const Raster&) { return pictures; };
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
    bool picture_pages = pictures >= options.page.ocr.picture_page_share;
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
    options.page.ocr.pool = &pool;
    options.page.ocr.dpi = 150;
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
    options.page.ocr.pool = &pool;
    options.page.ocr.dpi = 150;
    options.page.ocr.numeric_pass = true;
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
    options.page.ocr.pool = &pool;
    options.page.ocr.dpi = 150;
    options.page.ocr.latin_pass = true;
    PageResult page = ReadPage(pdf, 1, options.page);
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
  options.page.ocr.pool = &pool;
  options.page.ocr.dpi = 150;
  Extraction ex = ExtractDocument(pdf, SourceInfo{"scan.pdf", "", 0, {}, ""}, options);
  bool flagged = false;
  for (const auto& e : ex.validation.errors)
    flagged = flagged || (e.code == "ocr_low_confidence" && e.path == "/measures/0/responsible");
  EXPECT_TRUE(flagged);
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
  options.page.ocr.pool = &pool;
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
  options.page.ocr.pool = &a4_pool;
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

// One scanned page whose main reading is `main` and whose Latin reading is `latin`, read with
// the Latin-word pass (the numeric pass off).
PageResult ReadWithLatinWordPass(const std::vector<Word>& main, const std::vector<Word>& latin,
                                 const thai::ThaiDictionary* dictionary, const EnglishWords* english = nullptr) {
  testing::FakePage scan;
  scan.ink_without_text = true;
  testing::FakePdfSource pdf({scan});
  OcrPool pool(FakeOcrFactory(main, OcrFault::kNone, nullptr, {}, latin), 1);
  ExtractOptions options;
  options.page.ocr.pool = &pool;
  options.page.ocr.dpi = 150;
  options.page.ocr.latin_words_pass = true;
  options.page.ocr.numeric_pass = false;
  options.page.dictionary = dictionary;
  options.page.ocr.english = english;
  return ReadPage(pdf, 0, options.page);
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
