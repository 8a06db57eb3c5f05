// The whole core on synthetic pages (no PDF): title block, a ruled table, and injected faults.
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/run/extract_document.h"

#include "pipeline/families/action_plan.h"

#include <gtest/gtest.h>

#include "tests/testutil/fake_ocr_engine.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::FakePage;
using testing::FakePdfSource;
using testing::GridLines;
using testing::MakeLine;

FakePage TitlePage() {
  FakePage p;
  for (auto& w : MakeLine("รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส", 100, 40)) p.words.push_back(w);
  for (auto& w : MakeLine("ประจำปี พ.ศ.2564", 100, 70)) p.words.push_back(w);
  for (auto& w : MakeLine("เทศบาลเมืองบ้านทุ่ม", 100, 100)) p.words.push_back(w);
  for (auto& w : MakeLine("อำเภอเมืองขอนแก่น จังหวัดขอนแก่น", 100, 130)) p.words.push_back(w);
  return p;
}

// Columns: มาตรการ | วิธีการดำเนินการ | ผู้รับผิดชอบ | ระยะเวลา | ผลการดำเนินการ
FakePage TablePage(const std::vector<std::vector<std::string>>& rows) {
  FakePage p;
  std::vector<double> xs = {40, 200, 360, 480, 600, 800};
  std::vector<double> ys = {40};
  for (size_t r = 0; r <= rows.size(); ++r) ys.push_back(ys.back() + 60);
  p.lines = GridLines(xs, ys);
  std::vector<std::string> header = {"มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินการ"};
  for (size_t c = 0; c < header.size(); ++c)
    for (auto& w : MakeLine(header[c], xs[c] + 4, ys[0] + 10)) p.words.push_back(w);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      for (auto& w : MakeLine(rows[r][c], xs[c] + 4, ys[r + 1] + 10)) p.words.push_back(w);
  return p;
}

std::vector<FakePage> Report() {
  return {TitlePage(),
          TablePage({{"1. มาตรการแรก", "- อบรม", "กองคลัง", "ต.ค. 63", "อบรม 11 ธ.ค. 63"},
                     {"2. มาตรการสอง", "- รณรงค์", "", "ไตรมาส 2", "ทำแล้ว"}})};
}

TEST(ExtractDocument, SyntheticReportEndToEnd) {
  FakePdfSource pdf(Report());
  Extraction ex = ExtractDocument(pdf, SourceInfo{"r.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex.document);
  EXPECT_FALSE(ex.error);
  EXPECT_EQ(ex.source.pages, 2);
  EXPECT_EQ(ex.source.page_sources, (std::vector<TextSource>{TextSource::kText, TextSource::kText}));
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  EXPECT_EQ(ex.document->fiscal_year, 2564);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลเมืองบ้านทุ่ม");
  EXPECT_EQ(ex.document->organization.province, "ขอนแก่น");
  ASSERT_EQ(ex.measures.size(), 2u);
  EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kResponsible), "กองคลัง");
  EXPECT_EQ(ex.measures[0].period->start, "2020-10-01");
  EXPECT_EQ(ex.measures[0].dates, std::vector<std::string>{"2020-12-11"});
  EXPECT_EQ(ex.measures[1].period->start, "2021-01-01");
  ASSERT_EQ(ex.validation.errors.size(), 1u);
  EXPECT_EQ(ex.validation.errors[0].path, "/measures/1/responsible");
  EXPECT_DOUBLE_EQ(ex.validation.completeness, 9.0 / 10.0);
}

// A one-year plan as an office writes it: its fiscal year in the title block, a national
// framework's span quoted in the preamble, its projects in a table of their own with a budget
// column ("ไม่ใช้งบประมาณ" is no money, not a missing amount).
TEST(ExtractDocument, OneYearActionPlanWithAProjectTable) {
  FakePage title;
  for (auto& w : MakeLine("แผนปฏิบัติการป้องกันและปราบปรามการทุจริต", 100, 40)) title.words.push_back(w);
  for (auto& w : MakeLine("ประจำปีงบประมาณ พ.ศ. 2569", 100, 70)) title.words.push_back(w);
  for (auto& w : MakeLine("เทศบาลตำบลท่าเดื่อ-มืดกา อำเภอดอยเต่า จังหวัดเชียงใหม่", 100, 100)) title.words.push_back(w);
  for (auto& w : MakeLine("ตามยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต (พ.ศ. 2566 - 2570)", 60, 140))
    title.words.push_back(w);
  FakePage table;
  std::vector<double> xs = {40, 90, 300, 420, 540, 700};
  std::vector<double> ys = {40, 100, 160, 220};
  table.lines = GridLines(xs, ys);
  std::vector<std::vector<std::string>> cells = {
      {"ที่", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ระยะเวลา", "ผู้รับผิดชอบ"},
      {"1", "โครงการอบรมคุณธรรมจริยธรรม", "10,000", "ธ.ค. 68", "สำนักปลัด"},
      {"2", "กิจกรรมประกาศเจตจำนงสุจริต", "ไม่ใช้งบประมาณ", "ต.ค. 68", "สำนักปลัด"}};
  for (size_t r = 0; r < cells.size(); ++r)
    for (size_t c = 0; c < cells[r].size(); ++c)
      for (auto& w : MakeLine(cells[r][c], xs[c] + 4, ys[r] + 10)) table.words.push_back(w);
  FakePdfSource pdf({title, table});
  Extraction ex = ExtractDocument(pdf, SourceInfo{"plan.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kActionPlan);
  EXPECT_EQ(ex.document->fiscal_year, 2569);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลตำบลท่าเดื่อ-มืดกา");
  ASSERT_TRUE(ex.action_plan);
  EXPECT_EQ(ex.action_plan->year_from, 2569);  // not the framework's 2566-2570
  EXPECT_EQ(ex.action_plan->year_to, 2569);
  ASSERT_EQ(ex.action_plan->projects.size(), 2u);
  const Project& a = ex.action_plan->projects[0];
  EXPECT_EQ(a.seq, 1);
  EXPECT_EQ(a.name, "โครงการอบรมคุณธรรมจริยธรรม");
  EXPECT_EQ(a.responsible, "สำนักปลัด");
  ASSERT_TRUE(a.detail);
  EXPECT_EQ(a.detail->budget_baht, 10000);
  ASSERT_TRUE(a.detail->period);
  EXPECT_EQ(a.detail->period->start, "2025-12-01");
  const Project& b = ex.action_plan->projects[1];
  ASSERT_TRUE(b.detail);
  EXPECT_EQ(b.detail->budget_text, "ไม่ใช้งบประมาณ");
  EXPECT_EQ(b.detail->budget_baht, 0);
}

// A plan's risk register (controls in a "มาตรการควบคุม" column) is not a table of projects.
TEST(ProjectsFromTableRows, OnlyUnderAColumnThatNamesProjects) {
  Measure project;
  project.measure_heading = "โครงการ/กิจกรรม";
  project.columns[MeasureField::kMeasure] = "โครงการอบรม";
  Measure control;
  control.measure_heading = "มาตรการควบคุมความเสี่ยง";
  control.columns[MeasureField::kMeasure] = "๑. มาตรการป้องกันผลประโยชน์ทับซ้อน";
  std::vector<Project> p = ProjectsFromTableRows({project, control});
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].name, "โครงการอบรม");
}

TEST(ExtractDocument, FailedPagesStayDiagnostics) {
  std::vector<FakePage> pages = Report();
  pages.push_back(TablePage({{"3. สาม", "- ก", "ข", "ต.ค. 63", "ค"}}));  // text fails
  pages.push_back(TablePage({{"4. สี่", "- ก", "ข", "ต.ค. 63", "ค"}}));  // garbage text
  pages.push_back(TablePage({{"5. ห้า", "- ก", "ข", "ต.ค. 63", "ค"}}));  // render fails
  FakePdfSource pdf(pages);
  pdf.fail_words = {2};
  pdf.garbage_words = {3};
  pdf.fail_render = {4};
  Extraction ex = ExtractDocument(pdf, SourceInfo{"r.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.source.pages, 5);
  EXPECT_EQ(ex.source.page_sources[3], TextSource::kOcr);  // unreadable layer -> OCR
  // Pages 3-5 contribute no rows (no text, no OCR engine, no grid); 1-2 are intact.
  EXPECT_EQ(ex.measures.size(), 2u);
  int page_diagnostics = 0;
  for (const auto& d : ex.diagnostics) page_diagnostics += d.rfind("page ", 0) == 0;
  EXPECT_GE(page_diagnostics, 3);
}

TEST(ExtractDocument, ScannedPagesAreMarkedForOcr) {
  FakePage scan;
  scan.ink_without_text = true;
  FakePdfSource pdf({scan});
  Extraction ex = ExtractDocument(pdf, SourceInfo{"s.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.source.page_sources, std::vector<TextSource>{TextSource::kOcr});
  EXPECT_EQ(ex.document->family, Family::kUnknown);
}

TEST(ExtractDocument, TooManyPagesAndNoPages) {
  FakePdfSource none({});
  EXPECT_EQ(ExtractDocument(none, {}).error->code, ErrorCode::kEmpty);
  FakePdfSource three({FakePage{}, FakePage{}, FakePage{}});
  ExtractOptions options;
  options.max_pages = 2;
  Extraction ex = ExtractDocument(three, {}, options);
  ASSERT_TRUE(ex.error);
  EXPECT_EQ(ex.error->code, ErrorCode::kTooLarge);
  EXPECT_EQ(three.render_calls, 0);  // rejected before any page is read
}

// A page with more words than the limit is read from its first words only, and says so; the
// document is still read.
TEST(ExtractDocument, WordsBeyondThePageLimitAreSetAsideWithADiagnostic) {
  FakePdfSource pdf(Report());
  size_t title_words = Report()[0].words.size();
  ExtractOptions options;
  options.page.max_words_per_page = title_words - 1;
  Extraction ex = ExtractDocument(pdf, {}, options);
  ASSERT_TRUE(ex.document);
  int noted = 0;
  for (const std::string& d : ex.diagnostics)
    noted += d.find("page 1: " + std::to_string(title_words) + " words, over the limit of " +
                    std::to_string(title_words - 1)) == 0;
  EXPECT_EQ(noted, 1);
  FakePdfSource again(Report());
  for (const std::string& d : ExtractDocument(again, {}).diagnostics)
    EXPECT_EQ(d.find("over the limit"), std::string::npos) << d;
}

// An image bomb (a page whose images hold billions of stored pixels, however small the page)
// is never rendered, for the first look or for OCR, and says why; the document's other pages
// are read. Below the limit, the same page is rendered and OCR-read.
TEST(ExtractDocument, PageWhoseImagesHoldTooManyPixelsIsNotRendered) {
  OcrPool pool(testing::FakeOcrFactory({}, testing::OcrFault::kEmpty), 1);
  ExtractOptions options;
  options.page.ocr.pool = &pool;
  FakePage bomb;
  bomb.ink_without_text = true;
  bomb.image_pixels = 40e9;
  FakePdfSource report(Report());
  ExtractDocument(report, {}, options);
  std::vector<FakePage> pages = Report();
  pages.push_back(bomb);
  FakePdfSource pdf(pages);
  Extraction ex = ExtractDocument(pdf, {}, options);
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  int page = static_cast<int>(pages.size());
  int said = 0;
  for (const std::string& d : ex.diagnostics)
    said += d == "page " + std::to_string(page) +
                     ": not rendered: its images hold 40000 million pixels, over the limit of 400 million";
  EXPECT_EQ(said, 1);
  EXPECT_EQ(pdf.render_calls, report.render_calls);  // the report's pages only
  pages.back().image_pixels = 100e6;
  FakePdfSource small(pages);
  Extraction read = ExtractDocument(small, {}, options);
  EXPECT_EQ(small.render_calls, report.render_calls + 2);  // the first look and the OCR render
  for (const std::string& d : read.diagnostics) EXPECT_EQ(d.find("not rendered"), std::string::npos) << d;
}

// An announcement that states the ITA result in sentences is an ITA analysis with its total,
// without any table; a letter that only mentions the ITA stays unknown.
TEST(ExtractDocument, ItaResultStatedInProse) {
  FakePage p;
  double y = 40;
  for (const char* line : {"ประกาศเทศบาลตำบลเขาตอก", "เรื่อง แจ้งผลการดำเนินงาน",
                           "เทศบาลตำบลเขาตอก เข้ารับการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2562",
                           "ผลการประเมิน ได้คะแนนรวม 65.38 ระดับ C"}) {
    for (auto& w : MakeLine(line, 60, y)) p.words.push_back(w);
    y += 30;
  }
  FakePdfSource pdf({p});
  Extraction ex = ExtractDocument(pdf, SourceInfo{"notice.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kItaAnalysis);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลตำบลเขาตอก");
  EXPECT_EQ(ex.document->fiscal_year, 2562);
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_DOUBLE_EQ(*ex.ita_scores->current.total, 65.38);
  EXPECT_EQ(ex.ita_scores->current.grade, "C");
  EXPECT_TRUE(ex.measures.empty());

  FakePage letter;
  for (auto& w : MakeLine("ขอเชิญเข้าร่วมประชุมชี้แจงการประเมิน ITA ประจำปี 2562", 60, 40)) letter.words.push_back(w);
  FakePdfSource other({letter});
  Extraction ex2 = ExtractDocument(other, SourceInfo{"letter.pdf", "", 0, {}, ""});
  ASSERT_TRUE(ex2.document);
  EXPECT_EQ(ex2.document->family, Family::kUnknown);
}

}  // namespace
}  // namespace ita
