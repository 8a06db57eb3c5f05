// Tables without rulings: found from their header and white gutters, continued across pages,
// and never invented from prose, lists, two-column text or forms.
#include "pipeline/tables/borderless.h"

#include <gtest/gtest.h>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/run/extract_document.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::MakeLine;

std::optional<int> Header(const std::string& text) {
  if (auto f = HeaderFieldOf(text)) return static_cast<int>(*f);
  return std::nullopt;
}

// Places cells of one line at the columns' left edges.
void Row(std::vector<Word>& words, double y, const std::vector<std::pair<double, std::string>>& cells) {
  for (const auto& [x, text] : cells)
    for (const Word& w : MakeLine(text, x, y)) words.push_back(w);
}

std::vector<Word> MeasuresTable(bool wrapped_header) {
  std::vector<Word> w;
  if (wrapped_header) {
    Row(w, 100, {{40, "มาตรการ"}, {200, "วิธีการ"}, {360, "ผู้รับผิด"}, {470, "ระยะเวลา"}});
    Row(w, 122, {{200, "ดำเนินการ"}, {360, "ชอบ"}});
  } else {
    Row(w, 100, {{40, "มาตรการ"}, {200, "วิธีการดำเนินการ"}, {360, "ผู้รับผิดชอบ"}, {470, "ระยะเวลา"}});
  }
  Row(w, 150, {{40, "1. อบรมบุคลากร"}, {200, "- จัดอบรม"}, {360, "กองคลัง"}, {470, "ต.ค. 63"}});
  Row(w, 174, {{40, "ทุกคน"}, {200, "ทุกปี"}});
  Row(w, 198, {{40, "2. ประกาศเจตจำนง"}, {200, "- ประกาศ"}, {360, "สำนักปลัด"}, {470, "ตลอดปี"}});
  Row(w, 222, {{40, "3. เผยแพร่ข้อมูล"}, {200, "- เว็บไซต์"}, {360, "กองช่าง"}, {470, "ทุกไตรมาส"}});
  return w;
}

TEST(FindBorderlessTable, HeaderGuttersAndNumberedRows) {
  auto t = FindBorderlessTable(MeasuresTable(false), Header);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->grid.col_edges.size(), 5u);
  EXPECT_EQ(t->grid.row_edges.size(), 5u);  // header + three numbered rows
  EXPECT_NE(t->reason.find("header names 4 columns"), std::string::npos) << t->reason;
  // Cells as for a ruled table: the wrapped "ทุกคน" stays in row 1.
  std::vector<Word> outside;
  std::vector<Table> tables = BuildTables(0, MeasuresTable(false), {t->grid}, &outside);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].CellAt(0, 2)->text, "ผู้รับผิดชอบ");
  EXPECT_EQ(tables[0].CellAt(1, 0)->text, "1. อบรมบุคลากรทุกคน");  // a wrap inside Thai joins
  EXPECT_EQ(tables[0].CellAt(3, 3)->text, "ทุกไตรมาส");
  EXPECT_TRUE(outside.empty());
}

TEST(FindBorderlessTable, HeaderWrappedOverTwoLines) {
  auto t = FindBorderlessTable(MeasuresTable(true), Header);
  ASSERT_TRUE(t);
  std::vector<Word> outside;
  std::vector<Table> tables = BuildTables(0, MeasuresTable(true), {t->grid}, &outside);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(HeaderFieldOf(tables[0].CellAt(0, 1)->text), MeasureField::kMethod);
  EXPECT_EQ(HeaderFieldOf(tables[0].CellAt(0, 2)->text), MeasureField::kResponsible);
  EXPECT_EQ(tables[0].Rows(), 4);
}

TEST(FindBorderlessTable, ContinuedOnTheNextPageWithoutItsHeader) {
  auto first = FindBorderlessTable(MeasuresTable(false), Header);
  ASSERT_TRUE(first);
  std::vector<Word> next;
  Row(next, 60, {{40, "4. ตรวจสอบ"}, {200, "- ประชุม"}, {360, "กองคลัง"}, {470, "มี.ค. 64"}});
  Row(next, 84, {{40, "5. รายงานผล"}, {200, "- สรุปผล"}, {360, "สำนักปลัด"}, {470, "ก.ย. 64"}});
  auto t = FindBorderlessTable(next, Header, &first->columns);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->grid.col_edges, first->columns);
  EXPECT_EQ(t->grid.row_edges.size(), 3u);
  // Without the previous page's columns the same lines are no table.
  EXPECT_FALSE(FindBorderlessTable(next, Header));
}

TEST(FindBorderlessTable, HardNegatives) {
  // Paragraphs that talk about measures, methods and responsibilities.
  std::vector<Word> prose;
  Row(prose, 100, {{40, "มาตรการ วิธีการดำเนินการ ผู้รับผิดชอบ และระยะเวลา ได้กำหนดไว้ในแผน"}});
  Row(prose, 124, {{40, "ของหน่วยงาน เพื่อให้การดำเนินงาน เป็นไปด้วยความโปร่งใส ตรวจสอบได้"}});
  Row(prose, 148, {{40, "และเป็นไปตามหลักธรรมาภิบาล ทุกขั้นตอน"}});
  EXPECT_FALSE(FindBorderlessTable(prose, Header));
  // A numbered list.
  std::vector<Word> list;
  for (int i = 0; i < 5; ++i)
    Row(list, 100 + 24 * i, {{40, std::to_string(i + 1) + ". มาตรการ ที่ หน่วยงาน ต้อง ดำเนินการ"}});
  EXPECT_FALSE(FindBorderlessTable(list, Header));
  // Two-column text, with header words at the top of each column.
  std::vector<Word> two;
  Row(two, 100, {{40, "มาตรการ"}, {320, "ผู้รับผิดชอบ"}});
  for (int i = 1; i < 8; ++i)
    Row(two, 100 + 24 * i, {{40, "ข้อความ ใน คอลัมน์ ซ้าย"}, {320, "ข้อความ ใน คอลัมน์ ขวา"}});
  EXPECT_FALSE(FindBorderlessTable(two, Header));
  // A form of label/value pairs.
  std::vector<Word> form;
  Row(form, 100, {{40, "ผู้รับผิดชอบ"}, {200, "นายสมชาย ใจดี"}});
  Row(form, 124, {{40, "ระยะเวลา"}, {200, "ต.ค. 63"}});
  Row(form, 148, {{40, "วิธีการ"}, {200, "ประชุม"}});
  Row(form, 172, {{40, "มาตรการ"}, {200, "อบรม"}});
  EXPECT_FALSE(FindBorderlessTable(form, Header));
}

// End to end on a page whose only drawing is a rule under the header (booktabs style).
TEST(ExtractDocument, BorderlessTableWithAHeaderRule) {
  testing::FakePage page;
  page.words = MeasuresTable(false);
  for (const Word& w : MakeLine("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", 40, 40)) page.words.push_back(w);
  page.lines.push_back(Box{38, 124, 560, 125});
  testing::FakePdfSource pdf({page});
  ExtractOptions options;
  Extraction ex = ExtractDocument(pdf, SourceInfo{"plan.pdf", "", 0, {}, ""}, options);
  ASSERT_TRUE(ex.document);
  EXPECT_EQ(ex.document->family, Family::kMeasuresPlan);
  ASSERT_EQ(ex.measures.size(), 3u);
  EXPECT_EQ(ex.measures[1].columns.at(MeasureField::kResponsible), "สำนักปลัด");
  bool said = false;
  for (const auto& d : ex.diagnostics) said = said || d.find("borderless table") != std::string::npos;
  EXPECT_TRUE(said);
  // Switched off, the same page has no table: its numbered lines are read as paragraphs (the
  // fallback for measures not in a table), with no column of their own.
  options.page.borderless_tables = false;
  Extraction off = ExtractDocument(pdf, SourceInfo{"plan.pdf", "", 0, {}, ""}, options);
  for (const Measure& m : off.measures) EXPECT_FALSE(m.Has(MeasureField::kResponsible));
  bool paragraphs = false;
  for (const auto& d : off.diagnostics) paragraphs = paragraphs || d.find("numbered paragraphs") != std::string::npos;
  EXPECT_EQ(paragraphs, !off.measures.empty());
}

}  // namespace
}  // namespace ita
