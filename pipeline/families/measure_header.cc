#include "pipeline/families/measure_table.h"

#include <algorithm>
#include <cstdlib>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// A row is a header row when at least two of the cells starting in it name distinct fields
// and they are most of its non-empty cells.
bool IsHeaderRow(const Table& t, int row) {
  int non_empty = 0;
  std::vector<MeasureField> fields;
  for (const Cell& c : t.cells) {
    if (c.row != row || c.text.empty()) continue;
    // A numbered cell ("๑. โครงการ…") is a row of data, whatever words it holds.
    if (HasEnumerator(c.text)) return false;
    ++non_empty;
    if (auto f = HeaderFieldOf(c.text)) {
      if (std::find(fields.begin(), fields.end(), *f) == fields.end()) fields.push_back(*f);
    }
  }
  return fields.size() >= 2 && fields.size() * 2 >= static_cast<size_t>(non_empty);
}

// The row under header rows first..last is a row of sub-headings when the header's cells
// reach down into it (a heading merged over two rows beside headings split in two) or a
// heading spans columns above it, every cell with text in it names a role and none is
// numbered. One cell across the table is a group heading ("แนวทางที่ ๑ …"), not a sub-heading,
// whatever word it opens with.
bool IsSubHeaderRow(const Table& t, int first, int last) {
  int row = last + 1;
  bool reached = false, spanned = false;
  for (const Cell& c : t.cells) {
    if (c.row < first || c.row > last || c.text.empty()) continue;
    reached = reached || c.row + c.row_span > row;
    spanned = spanned || c.col_span >= 2;
  }
  if (!reached && !spanned) return false;
  int named = 0;
  for (const Cell& c : t.cells) {
    if (c.row != row || c.text.empty()) continue;
    if (HasEnumerator(c.text) || !HeaderFieldOf(c.text)) return false;
    if (t.Cols() >= 3 && c.col_span >= t.Cols() - 1) return false;
    ++named;
  }
  return named > 0;
}

// Cells of column `col` from `first_row` down: at least three, two in three of them bare
// numbers (either digit set), counting on more often than not (OCR misreads some digits).
bool CountsOn(const Table& t, const CellIndex& index, int col, int first_row) {
  int numbers = 0, cells = 0, rising = 0, last = -1;
  for (int r = first_row; r < t.Rows(); ++r) {
    int i = index.At(r, col);
    if (i < 0 || t.cells[i].row != r || t.cells[i].text.empty()) continue;
    ++cells;
    // A number alone ("12", "๑๒.", "(3)"), not an item's text that starts with one.
    auto number = thai::LeadingEnumerator(t.cells[i].text);
    if (!number || thai::DecodeUtf8(thai::CollapseSpaces(t.cells[i].text)).size() > 4) continue;
    int n = *number;
    if (numbers > 0 && n > last) ++rising;
    ++numbers;
    last = n;
  }
  return numbers >= 3 && numbers * 3 >= cells * 2 && rising * 2 >= numbers - 1;
}

// Whether at least two of the non-empty cells of column `col` from `first_row` down, and two in
// three of them, pass `test`: what a column holds when its heading names nothing.
template <typename Test>
bool HoldsMostly(const Table& t, const CellIndex& index, int col, int first_row, Test test) {
  int passing = 0, cells = 0;
  for (int r = first_row; r < t.Rows(); ++r) {
    int i = index.At(r, col);
    if (i < 0 || t.cells[i].row != r || t.cells[i].text.empty()) continue;
    ++cells;
    passing += test(t.cells[i].text) ? 1 : 0;
  }
  return passing >= 2 && passing * 3 >= cells * 2;
}

// A period a reader can date ("ต.ค. 66 - มี.ค. 67", "15 มกราคม 2567"), not a sentence naming one.
bool IsDatedPeriod(const std::string& text) {
  return thai::DecodeUtf8(text).size() <= 60 && !thai::ParsePeriod(text).start.empty();
}

// Whether `text` names a unit of an office, as a responsible column's cells do: "กองคลัง",
// "สำนักปลัด", "งานพัสดุ", "กลุ่มงานบริหารทั่วไป", "ทุกกอง", "ผู้อำนวยการ…". Short cells only.
bool NamesAUnit(const std::string& text) {
  std::string t = thai::CollapseSpaces(text);
  if (t.empty() || thai::DecodeUtf8(t).size() > 40) return false;
  static const char* const kUnitWords[] = {"กลุ่มงาน", "กอง", "สำนัก", "ฝ่าย", "ศูนย์", "งาน", "ทุกกอง", "ทุกส่วน",
                                           "ทุกหน่วย", "หน่วยงาน", "ผู้อำนวยการ", "ปลัด", "นายก", "หัวหน้า",
                                           "คณะกรรมการ", "คณะทำงาน", "ชมรม"};
  for (const char* w : kUnitWords)
    if (t.starts_with(w)) return true;
  return false;
}

}  // namespace

bool IsTickField(MeasureField f) {
  return f == MeasureField::kDone || f == MeasureField::kInProgress || f == MeasureField::kNotDone ||
         f == MeasureField::kPeriodTick;
}

bool HasEnumerator(const std::string& text) { return thai::LeadingEnumerator(text).has_value(); }

std::optional<ColumnMap> HeaderOf(const Table& t) {
  int rows = t.Rows();
  int first = -1, last = -1;
  for (int r = 0; r < std::min(rows, 4); ++r) {
    if (IsHeaderRow(t, r)) {
      if (first < 0) first = r;
      last = r;
    } else if (first >= 0) {
      break;
    }
  }
  if (first < 0) return std::nullopt;
  // A heading cell spanning columns ("ระยะเวลาดำเนินการ" over "ไตรมาส 1 … ไตรมาส 4") has a row of
  // sub-headings under it, which may all name one role.
  while (last + 1 < rows && IsSubHeaderRow(t, first, last)) ++last;
  CellIndex index(t);
  ColumnMap map;
  map.header_rows = last + 1;
  map.col_edges = t.col_edges;
  map.field_of_col.resize(t.Cols());
  map.header_of_col.resize(t.Cols());
  for (int c = 0; c < t.Cols(); ++c) {
    // The lowest header cell that names a field decides the column.
    for (int r = last; r >= first; --r) {
      int i = index.At(r, c);
      if (i < 0) continue;
      if (auto f = HeaderFieldOf(t.cells[i].text)) {
        map.field_of_col[c] = f;
        map.header_of_col[c] = t.cells[i].text;
        break;
      }
    }
  }
  // A column no header cell names (its heading misread: "งท" for "ที่") whose cells are numbers
  // counting on (1, 2, 3…) holds the sequence.
  if (!map.HasField(MeasureField::kSeq)) {
    for (int c = 0; c < t.Cols(); ++c) {
      if (map.field_of_col[c] || !CountsOn(t, index, c, last + 1)) continue;
      map.field_of_col[c] = MeasureField::kSeq;
      break;
    }
  }
  // A column no header cell names whose cells show its role, when no column is named so: dated
  // periods ("วัน/เดือน/ปี", "วันที่ดำเนินการ"), or units of the office ("หน่วยงาน", a word too
  // common in text to be a heading by itself).
  auto name_by_content = [&](MeasureField field, bool (*test)(const std::string&)) {
    if (map.HasField(field)) return;
    for (int c = 0; c < t.Cols(); ++c) {
      if (map.field_of_col[c] || !HoldsMostly(t, index, c, last + 1, test)) continue;
      map.field_of_col[c] = field;
      map.header_of_col[c] = index.At(last, c) >= 0 ? t.cells[index.At(last, c)].text : "";
      return;
    }
  };
  name_by_content(MeasureField::kPeriod, IsDatedPeriod);
  name_by_content(MeasureField::kResponsible, NamesAUnit);
  // Two columns that both name measures ("แผนงาน/โครงการ/กิจกรรม" beside "กิจกรรม"): the first
  // holds the measure; a later one lists the activities that carry it out, its method when the
  // table has no method column of its own.
  int measure_cols = 0;
  bool has_method = map.HasField(MeasureField::kMethod);
  for (int c = 0; c < t.Cols(); ++c) {
    if (map.field_of_col[c] != MeasureField::kMeasure) continue;
    if (measure_cols++ == 0) continue;
    map.field_of_col[c] = has_method ? std::nullopt : std::optional(MeasureField::kMethod);
    has_method = true;
  }
  return map;
}

bool IsMeasuresMap(const ColumnMap& map) {
  bool anchor = false, body = false;
  for (const auto& f : map.field_of_col) {
    if (!f) continue;
    if (*f == MeasureField::kMeasure || *f == MeasureField::kIssue) anchor = true;
    if (*f == MeasureField::kMethod || *f == MeasureField::kPeriod ||
        *f == MeasureField::kResponsible || *f == MeasureField::kOutput || IsTickField(*f))
      body = true;
  }
  return anchor && body;
}

bool SameColumns(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::abs(a[i] - b[i]) > 6) return false;
  }
  return true;
}

int AnchorColumn(const ColumnMap& map) {
  for (MeasureField want : {MeasureField::kSeq, MeasureField::kMeasure, MeasureField::kIssue}) {
    for (size_t c = 0; c < map.field_of_col.size(); ++c) {
      if (map.field_of_col[c] == want) return static_cast<int>(c);
    }
  }
  return 0;
}

bool RepeatsHeader(const Table& t, const CellIndex& index, int row, const ColumnMap& map) {
  int same = 0, cells = 0;
  for (const Cell* c : TextCellsOfRow(t, index, row)) {
    ++cells;
    if (c->col >= static_cast<int>(map.header_of_col.size()) || map.header_of_col[c->col].empty()) continue;
    std::u32string cell = NormalizeHeader(c->text);
    std::u32string header = NormalizeHeader(map.header_of_col[c->col]);
    int allowed = std::max<int>(1, static_cast<int>(header.size()) / 5);
    // Lengths alone rule out most cells (a measure's text against a one-word heading).
    if (std::abs(static_cast<int>(cell.size()) - static_cast<int>(header.size())) > allowed) continue;
    if (thai::EditDistance(cell, header) <= allowed) ++same;
  }
  return same >= 2 && same * 2 >= cells;
}

}  // namespace ita
