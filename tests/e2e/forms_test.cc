// End to end on forms the samples do not have (tests/data/forms, made by
// tools/forms/make_forms.py and printed by Chromium in Thai faces the samples do not use):
// ticks in quarter columns with approach rows and a header repeated on the next page, a table
// ruled by its columns only, a
// one-year action plan quoting a framework's years, ITA result tables (one year; weighted, also
// as a scan; one row a year; without rulings), a report behind a ministry's cover form, a blank
// ministry template, and tables that are not measures. Read exactly as `extract` reads.
#include <gtest/gtest.h>

#include <filesystem>

#include "extractors/poppler_pdf_source.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/batch/batch.h"

namespace ita {
namespace {

namespace fs = std::filesystem;

Extraction Read(const std::string& name) {
  static OcrPool pool(TesseractEngineFactory(cli::ShippedEngineConfig().tesseract), 1);
  BatchOptions options;
  cli::ApplyEngineConfig(cli::ShippedEngineConfig(), &pool, &options);
  fs::path path = fs::path(ITA_SOURCE_DIR) / "tests/data/forms" / (name + ".pdf");
  return ProcessFile(path.string(), OpenPopplerPdf, options);
}

TEST(Forms, QuarterTicksApproachesAndARepeatedHeader) {
  Extraction ex = Read("quarter_ticks_plan");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresPlan);
  EXPECT_EQ(ex.document->fiscal_year, 2568);
  EXPECT_EQ(ex.document->organization.name, "องค์การบริหารส่วนตำบลโนนสะอาด");
  ASSERT_EQ(ex.measures.size(), 14u);  // the header repeated on page 2 is not a row
  for (size_t i = 0; i < ex.measures.size(); ++i) {
    const Measure& m = ex.measures[i];
    EXPECT_EQ(m.seq, static_cast<int>(i) + 1);
    EXPECT_FALSE(m.columns.at(MeasureField::kMeasure).empty()) << i;
    EXPECT_FALSE(m.columns.at(MeasureField::kResponsible).empty()) << i;
    ASSERT_TRUE(m.period) << i;
    EXPECT_FALSE(m.period->start.empty()) << i;
    EXPECT_EQ(m.group.rfind("แนวทางที่", 0), 0u) << i;
  }
  EXPECT_EQ(ex.measures[0].group, "แนวทางที่ ๑ การเปิดเผยข้อมูลและการมีส่วนร่วม");
  EXPECT_EQ(ex.measures[0].period->start, "2024-10-01");  // ticked in every quarter
  EXPECT_EQ(ex.measures[0].period->end, "2025-09-30");
  EXPECT_EQ(ex.measures[7].period->start, "2025-01-01");  // quarters 2 and 3
  EXPECT_EQ(ex.measures[7].period->end, "2025-06-30");
  EXPECT_EQ(ex.measures[8].provenance.pages, std::vector<int>{2});
  EXPECT_EQ(ex.measures[9].group, "แนวทางที่ ๓ การส่งเสริมคุณธรรมและจริยธรรม");
  EXPECT_TRUE(ex.validation.valid);
}

// The same plan scanned (no text layer): OCR misreads the "ที่" heading and the Thai digits,
// but the sequence column is known by what it holds, and drawn ticks read as "/", "”" or "“”"
// still give every measure's period.
TEST(Forms, ScannedQuarterTicks) {
  Extraction ex = Read("quarter_ticks_plan_scan");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresPlan);
  EXPECT_EQ(ex.document->fiscal_year, 2568);
  ASSERT_EQ(ex.measures.size(), 14u);
  Extraction text = Read("quarter_ticks_plan");
  ASSERT_EQ(text.measures.size(), 14u);
  int seq = 0;
  for (size_t i = 0; i < ex.measures.size(); ++i) {
    const Measure& m = ex.measures[i];
    seq += m.seq.has_value();
    EXPECT_FALSE(m.columns.at(MeasureField::kResponsible).empty()) << i;
    EXPECT_EQ(m.group.rfind("แนวทางที่", 0), 0u) << i;
    ASSERT_TRUE(m.period) << i;
    EXPECT_EQ(m.period->start, text.measures[i].period->start) << i;
    EXPECT_EQ(m.period->end, text.measures[i].period->end) << i;
  }
  EXPECT_GE(seq, 12);  // numbers are given, if not all read right (Thai digits: issue 26)
}

// Ruled by its columns only: the body is one row of the grid; each item is a measure.
TEST(Forms, ColumnRuledTableGivesOneMeasurePerItem) {
  Extraction ex = Read("column_ruled_report");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  ASSERT_EQ(ex.measures.size(), 6u);
  EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kMeasure),
            "จัดทำประกาศเจตจำนงสุจริตของผู้บริหารและเผยแพร่บนเว็บไซต์");
  EXPECT_EQ(ex.measures[0].dates, std::vector<std::string>{"2024-10-15"});
  EXPECT_EQ(ex.measures[2].columns.at(MeasureField::kResponsible), "กองคลัง");
  EXPECT_EQ(ex.measures[5].seq, 6);
  EXPECT_EQ(ex.measures[5].columns.at(MeasureField::kOutput), "รายงานรอบ 6 เดือน และ 12 เดือน");
  EXPECT_TRUE(ex.validation.valid);
}

TEST(Forms, OneYearActionPlan) {
  Extraction ex = Read("one_year_action_plan");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kActionPlan);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลตำบลท่าเดื่อ-มืดกา");
  EXPECT_EQ(ex.document->organization.province, "เชียงใหม่");
  ASSERT_TRUE(ex.action_plan);
  EXPECT_EQ(ex.action_plan->year_from, 2569);  // not the framework's 2566-2570
  EXPECT_EQ(ex.action_plan->year_to, 2569);
  ASSERT_EQ(ex.action_plan->projects.size(), 5u);
  std::vector<double> budgets;
  for (const Project& p : ex.action_plan->projects) {
    ASSERT_TRUE(p.detail);
    ASSERT_TRUE(p.detail->budget_baht) << p.name;
    budgets.push_back(*p.detail->budget_baht);
  }
  EXPECT_EQ(budgets, (std::vector<double>{20000, 0, 5000, 0, 15000}));
  EXPECT_EQ(ex.action_plan->projects[2].responsible, "กองคลัง");
  EXPECT_EQ(ex.action_plan->projects[4].detail->period->start, "2026-04-01");  // ไตรมาส 3-4 of FY 2569
}

TEST(Forms, ItaResultOfOneYear) {
  Extraction ex = Read("ita_one_year");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kItaAnalysis);
  EXPECT_EQ(ex.document->fiscal_year, 2567);
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_EQ(ex.ita_scores->current.year, 2567);
  EXPECT_EQ(ex.ita_scores->current.total, 91.23);
  EXPECT_EQ(ex.ita_scores->current.grade, "A");
  ASSERT_EQ(ex.ita_scores->indicators.size(), 10u);
  EXPECT_EQ(ex.ita_scores->indicators[8].score, 100);
  EXPECT_EQ(ex.ita_scores->indicators[9].tool, "OIT");
}

// ITA score tables of other shapes. Weights beside the scores, indicators named "ตัวชี้วัดที่ N",
// the year only in a long header, the total in the weighted column; as text and as a 200-dpi
// grey scan (its bold grade OCR reads as "«4": the total's band gives it).
TEST(Forms, WeightedItaScoresAsTextAndAsScan) {
  const double scores[] = {88.51, 84.20, 90.12, 86.75, 91.04, 82.33, 80.90, 79.65, 95.00, 87.50};
  for (const char* name : {"ita_weighted", "ita_weighted_scan"}) {
    SCOPED_TRACE(name);
    Extraction ex = Read(name);
    ASSERT_TRUE(ex.document);
    EXPECT_EQ(ex.document->family, Family::kItaAnalysis);
    ASSERT_TRUE(ex.ita_scores);
    EXPECT_EQ(ex.ita_scores->current.year, 2568);
    EXPECT_EQ(ex.ita_scores->current.total, 87.23);
    EXPECT_EQ(ex.ita_scores->current.grade, "A");
    EXPECT_FALSE(ex.ita_scores->previous);
    ASSERT_EQ(ex.ita_scores->indicators.size(), 10u);
    for (int i = 0; i < 10; ++i) {
      EXPECT_EQ(ex.ita_scores->indicators[i].no, i + 1);
      EXPECT_EQ(ex.ita_scores->indicators[i].score, scores[i]) << i;
    }
  }
}

// A history of results, one row a year with the tools' scores: the fiscal year's row and the
// one before.
TEST(Forms, ItaResultsOneRowAYear) {
  Extraction ex = Read("ita_years_as_rows");
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_EQ(ex.ita_scores->current.year, 2567);
  EXPECT_EQ(ex.ita_scores->current.total, 92.18);
  EXPECT_EQ(ex.ita_scores->current.grade, "A");
  ASSERT_TRUE(ex.ita_scores->previous);
  EXPECT_EQ(ex.ita_scores->previous->year, 2566);
  EXPECT_EQ(ex.ita_scores->previous->total, 86.68);
}

// The same table as a 200-dpi grey scan in a handwriting face (Purisa): OCR's lines. Digits OCR
// misreads in this face ("79.6861", "71.453") are left out, not taken.
TEST(Forms, ItaScoresWithoutRulingsScanned) {
  Extraction ex = Read("ita_three_years_borderless_scan");
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_EQ(ex.ita_scores->current.year, 2566);
  EXPECT_EQ(ex.ita_scores->current.total, 81.79);
  ASSERT_TRUE(ex.ita_scores->previous);
  EXPECT_EQ(ex.ita_scores->previous->total, 75.86);
  EXPECT_GE(ex.ita_scores->indicators.size(), 8u);
  EXPECT_EQ(ex.ita_scores->indicators.at(0).score, 85.47);
  for (const IndicatorScore& i : ex.ita_scores->indicators) {
    ASSERT_TRUE(i.score);
    EXPECT_LE(*i.score, 100);
    EXPECT_GE(*i.score, 70) << i.no;  // every current score of this table lies in 75..89
  }
}

// Three years' indicator scores and the change, without any ruling: read from the lines.
TEST(Forms, ItaScoresWithoutRulings) {
  Extraction ex = Read("ita_three_years_borderless");
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_EQ(ex.ita_scores->current.year, 2566);
  EXPECT_EQ(ex.ita_scores->current.total, 81.79);
  EXPECT_EQ(ex.ita_scores->current.grade, "B");
  ASSERT_TRUE(ex.ita_scores->previous);
  EXPECT_EQ(ex.ita_scores->previous->total, 75.86);
  ASSERT_EQ(ex.ita_scores->indicators.size(), 10u);
  EXPECT_EQ(ex.ita_scores->indicators[0].score, 85.47);
  EXPECT_EQ(ex.ita_scores->indicators[0].previous, 83.40);
  EXPECT_EQ(ex.ita_scores->indicators[9].score, 75.00);
}

// A four-year plan's projects with a column a year, set without any ruling: six projects, each
// year's budget, no single fiscal year though its year columns say "ปี 2566".
TEST(Forms, MultiYearPlanWithoutRulings) {
  Extraction ex = Read("borderless_action_plan");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kActionPlan);
  EXPECT_FALSE(ex.document->fiscal_year);
  ASSERT_TRUE(ex.action_plan);
  EXPECT_EQ(ex.action_plan->year_from, 2566);
  EXPECT_EQ(ex.action_plan->year_to, 2569);
  ASSERT_EQ(ex.action_plan->projects.size(), 6u);
  EXPECT_EQ(ex.action_plan->projects[0].name, "โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน");
  EXPECT_EQ(ex.action_plan->projects[2].budget,
            (std::map<int, double>{{2566, 10000}, {2567, 10000}, {2568, 15000}, {2569, 15000}}));
  EXPECT_EQ(ex.action_plan->projects[5].budget,
            (std::map<int, double>{{2566, 0}, {2567, 5000}, {2568, 5000}, {2569, 5000}}));
  EXPECT_EQ(ex.action_plan->projects[4].responsible, "กองสวัสดิการสังคม");
}

// Glyphs drawn as vector paths (Ghostscript's -dNoOutputFonts): no text layer and no image, so
// OCR reads a clean rendering, without a scan's clean-up. The plan printed to 5 mm of the paper's
// edge gives its five measures as its text version does; the ITA table without rulings its
// total and most indicators.
TEST(Forms, OutlinedPagesReadLikeTheirText) {
  Extraction text = Read("narrow_margin_plan");
  Extraction outlined = Read("narrow_margin_plan_outlined");
  ASSERT_TRUE(outlined.document);
  EXPECT_EQ(outlined.document->family, Family::kMeasuresPlan);
  EXPECT_EQ(outlined.document->fiscal_year, 2568);
  ASSERT_EQ(text.measures.size(), 5u);
  ASSERT_EQ(outlined.measures.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(outlined.measures[i].seq, text.measures[i].seq);
    EXPECT_EQ(outlined.measures[i].period.has_value(), text.measures[i].period.has_value()) << i;
    EXPECT_FALSE(outlined.measures[i].columns.at(MeasureField::kResponsible).empty()) << i;
  }
  EXPECT_EQ(outlined.measures[1].period->start, text.measures[1].period->start);
  for (const std::string& d : outlined.diagnostics) EXPECT_EQ(d.find("dark scanner edges"), std::string::npos) << d;
  Extraction ita = Read("ita_three_years_borderless_outlined");
  ASSERT_TRUE(ita.ita_scores);
  EXPECT_EQ(ita.ita_scores->current.total, 81.79);
  EXPECT_GE(ita.ita_scores->indicators.size(), 6u);
  EXPECT_EQ(ita.ita_scores->indicators.at(0).score, 85.47);
}

// A two-year comparison in Noto Sans Thai, scanned with the sheet fed sideways: turned upright
// from its ink and read like an upright page; the office's name, which is also its district's,
// is not "mended" by the dictionary into another word (หนองหาน, not ห่าน).
TEST(Forms, SidewaysScanInAnotherFace) {
  Extraction ex = Read("ita_comparison_noto_scan_turned");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kItaAnalysis);
  EXPECT_EQ(ex.document->fiscal_year, 2566);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลตำบลหนองหาน");
  ASSERT_TRUE(ex.ita_scores);
  EXPECT_EQ(ex.ita_scores->current.year, 2566);
  EXPECT_EQ(ex.ita_scores->current.total, 65.38);
  ASSERT_TRUE(ex.ita_scores->previous);
  EXPECT_EQ(ex.ita_scores->previous->total, 62.10);
  EXPECT_GE(ex.ita_scores->indicators.size(), 9u);
  EXPECT_EQ(ex.ita_scores->indicators.at(0).score, 86.02);
  EXPECT_EQ(ex.ita_scores->indicators.at(0).previous, 82.39);
}

// The same report as printed: a monospaced face gives each mark a letter's width and draws the
// next letter back over it, so the PDF library ends a word after every mark ("รายงานผลการดำเนิ",
// "นการตาม…"). Words that start inside the one before them continue it: the text layer is
// trusted (no OCR) and read whole.
TEST(Forms, TypewriterFaceTextLayerSplitAtEveryMark) {
  Extraction ex = Read("typewriter_report");
  ASSERT_TRUE(ex.document);
  ASSERT_EQ(ex.source.page_sources, std::vector<TextSource>{TextSource::kText});
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  EXPECT_EQ(ex.document->fiscal_year, 2568);
  EXPECT_EQ(ex.document->organization.name, "องค์การบริหารส่วนตำบลหนองแวง");
  EXPECT_EQ(ex.document->organization.district, "เมืองร้อยเอ็ด");
  ASSERT_EQ(ex.measures.size(), 4u);
  EXPECT_EQ(ex.measures[1].columns.at(MeasureField::kMeasure), "ประชาสัมพันธ์ช่องทางร้องเรียนเรื่องทุจริต");
  ASSERT_TRUE(ex.measures[1].period);
  EXPECT_EQ(ex.measures[1].period->start, "2024-10-01");
  EXPECT_EQ(ex.measures[1].period->end, "2025-09-30");
}

// A report typed in a monospaced face and scanned: OCR writes each mark after the letter that
// follows it, the dictionary says so, and the marks are moved back before anything is read;
// month names whose marks are still misread, and a title whose ประจำปีงบประมาณ is garbled, are
// read by their letters.
TEST(Forms, TypewriterFaceScanWithMarksReadLate) {
  Extraction ex = Read("typewriter_report_scan");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  EXPECT_EQ(ex.document->fiscal_year, 2568);
  EXPECT_EQ(ex.document->organization.name, "องค์การบริหารส่วนตำบลหนองแวง");
  EXPECT_EQ(ex.document->organization.province, "ร้อยเอ็ด");
  bool shifted = false;
  for (const std::string& d : ex.diagnostics) shifted = shifted || d.find("marks read one letter late") != std::string::npos;
  EXPECT_TRUE(shifted);
  ASSERT_EQ(ex.measures.size(), 4u);
  const std::vector<std::pair<std::string, std::string>> periods = {
      {"2024-12-01", "2024-12-31"}, {"2024-10-01", "2025-09-30"}, {"2025-02-01", "2025-02-28"},
      {"2025-04-01", "2025-06-30"}};
  for (size_t i = 0; i < periods.size(); ++i) {
    ASSERT_TRUE(ex.measures[i].period) << i;
    EXPECT_EQ(ex.measures[i].period->start, periods[i].first) << i;
    EXPECT_EQ(ex.measures[i].period->end, periods[i].second) << i;
  }
  EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kResponsible), "กองคลัง");
}

// An announcement of the measures the ITA asks for by name, numbered paragraphs, no table.
TEST(Forms, AnnouncementListsItsMeasuresInParagraphs) {
  Extraction ex = Read("bribery_announcement");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresPlan);
  EXPECT_EQ(ex.document->organization.name, "เทศบาลตำบลหนองบัว");
  ASSERT_EQ(ex.measures.size(), 5u);
  EXPECT_EQ(ex.measures[0].seq, 1);
  EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kMeasure),
            "๑. ห้ามมิให้บุคลากรเรียก รับ หรือยอมจะรับทรัพย์สินหรือประโยชน์อื่นใดจากผู้มาติดต่อราชการ");
  EXPECT_EQ(ex.measures[4].seq, 5);
  EXPECT_EQ(ex.measures[4].sources.at(MeasureField::kMeasure).page, 1);
}

// A hospital's report behind the ministry's cover form for publishing on the web: the cover is
// one ruled table, so the issuer's district and province come from its "ชื่อหน่วยงาน :" field;
// the report's measures keep their month-range periods, as text and as a scan.
TEST(Forms, ReportBehindTheMinistrysCoverForm) {
  for (const char* name : {"moph_cover_report", "moph_cover_report_scan"}) {
    SCOPED_TRACE(name);
    Extraction ex = Read(name);
    ASSERT_TRUE(ex.document);
    EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
    EXPECT_EQ(ex.document->fiscal_year, 2567);
    EXPECT_EQ(ex.document->organization.name, "โรงพยาบาลบ้านแพง");
    EXPECT_EQ(ex.document->organization.district, "บ้านแพง");
    EXPECT_EQ(ex.document->organization.province, "นครพนม");
    ASSERT_EQ(ex.measures.size(), 5u);  // the cover's fields and signatures are not measures
    EXPECT_EQ(ex.measures[0].columns.at(MeasureField::kMeasure), "ประกาศเจตจำนงสุจริตในการบริหารงานของผู้บริหาร");
    ASSERT_TRUE(ex.measures[1].period);
    EXPECT_EQ(ex.measures[1].period->start, "2023-10-01");
    EXPECT_EQ(ex.measures[1].period->end, "2024-03-31");
    ASSERT_TRUE(ex.measures[3].period);
    EXPECT_EQ(ex.measures[3].period->end, "2024-02-29");
    EXPECT_EQ(ex.measures[4].columns.at(MeasureField::kResponsible), "ศูนย์รับเรื่องร้องเรียน");
  }
}

// A report whose date column is headed "วัน/เดือน/ปี" and unit column "หน่วยงาน": the dates the
// column holds make it the period.
TEST(Forms, DateColumnKnownByWhatItHolds) {
  Extraction ex = Read("dated_activities_report");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  ASSERT_EQ(ex.measures.size(), 4u);
  ASSERT_TRUE(ex.measures[0].period);
  EXPECT_EQ(ex.measures[0].period->start, "2024-12-12");
  ASSERT_TRUE(ex.measures[2].period);
  EXPECT_EQ(ex.measures[2].period->start, "2025-01-01");
  EXPECT_EQ(ex.measures[2].period->end, "2025-03-31");
  EXPECT_EQ(ex.measures[2].columns.at(MeasureField::kResponsible), "กองคลัง");
}

TEST(Forms, ABlankTemplateHasNoMeasure) {
  Extraction ex = Read("blank_template");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresReport);
  EXPECT_TRUE(ex.measures.empty());
  EXPECT_FALSE(ex.validation.valid);  // a finding: no measures
}

TEST(Forms, StaffAndBudgetTablesAreNotMeasures) {
  Extraction ex = Read("not_measures");
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kUnknown);
  EXPECT_TRUE(ex.measures.empty());
  EXPECT_EQ(ex.document->organization.name, "องค์การบริหารส่วนตำบลหนองบัว");
}

}  // namespace
}  // namespace ita
