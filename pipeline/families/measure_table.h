// How a measures table is read, the pieces BuildMeasures (measures.h) is made of: the header's
// column roles (measure_header.cc) and the rows as real forms make them: group headings,
// blank templates' placeholders, ticks, cells merged down or across, items with no rule
// between them, sub-items (measure_rows.cc). Tested through BuildMeasures
// (tests/families/measures_test.cc, real_forms_test.cc). Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

// Cell index covering each (row, col) of a table's grid.
class CellIndex {
 public:
  explicit CellIndex(const Table& t) : cols_(t.Cols()), index_(t.Rows() * t.Cols(), -1) {
    for (size_t i = 0; i < t.cells.size(); ++i) {
      const Cell& c = t.cells[i];
      for (int r = c.row; r < c.row + c.row_span; ++r) {
        for (int k = c.col; k < c.col + c.col_span; ++k) index_[r * cols_ + k] = static_cast<int>(i);
      }
    }
  }
  int At(int row, int col) const { return index_[row * cols_ + col]; }

 private:
  int cols_;
  std::vector<int> index_;
};

struct ColumnMap {
  std::vector<std::optional<MeasureField>> field_of_col;
  std::vector<std::string> header_of_col;  // the header cell that decided the column
  std::vector<double> col_edges;
  int header_rows = 0;

  bool HasField(MeasureField f) const {
    return std::find(field_of_col.begin(), field_of_col.end(), f) != field_of_col.end();
  }
};

// ---------------------------------------------------------------- the header

// Tick columns: done / in progress / not done, and quarter or month columns.
bool IsTickField(MeasureField f);

// Starts with an item number: "1.", "๑.", "(1)", "1)", or is a bare number.
bool HasEnumerator(const std::string& text);

// The header rows at the top of a table (among the first four: rows whose cells name at least
// two distinct roles, and sub-headings under them) and the role each column takes from its
// lowest header cell; nullopt when the table has no header.
std::optional<ColumnMap> HeaderOf(const Table& t);

// A measures table: a measure or issue column and a companion (method, period, responsible,
// output, or tick columns).
bool IsMeasuresMap(const ColumnMap& map);

// A table without a header continues the previous one when its columns line up.
bool SameColumns(const std::vector<double>& a, const std::vector<double>& b);

// The column whose cells start measures: the sequence column, else the measure's, else the
// issue's.
int AnchorColumn(const ColumnMap& map);

// A row that says the table's header again (a header repeated on a later page, or read as a
// row): at least two of its cells read as the header of their column (a fifth of the letters
// may differ: OCR), and they are at least half of its cells with text.
bool RepeatsHeader(const Table& t, const CellIndex& index, int row, const ColumnMap& map);

// ---------------------------------------------------------------- the rows

// Every cell of `row` marked as read (a heading, a repeated header, a placeholder).
void MarkRowUsed(const Table& t, const CellIndex& index, int row, std::vector<bool>& used);

// The cells that start in `row` and hold text.
std::vector<const Cell*> TextCellsOfRow(const Table& t, const CellIndex& index, int row);

// A cell's text by the fields it gives. A cell merged across columns of different fields (a
// ruling lost on a fax or a photograph) gives each line to the column its middle stands in;
// any other cell gives its whole text to `field`, the field of its first column.
std::vector<std::pair<MeasureField, std::string>> PiecesOfCell(const Cell& cell, const ColumnMap& map,
                                                               MeasureField field);

// A heading row inside the table ("กลยุทธ์ที่ 1 : ปลูกฝังจิตสำนึก…"): its one cell with text spans
// the table, or opens with a heading word and stands alone in its row. Its text, or nullopt.
std::optional<std::string> GroupHeading(const Table& t, const CellIndex& index, int row,
                                        const std::vector<bool>& used, int anchor_col);

// A blank form's placeholder ("(1) ชื่อโครงการ / กิจกรรม ............"): a run of four dots or
// underscores or more beside at most 25 letters.
bool IsPlaceholder(const std::string& text);

// The text of the measure (or issue) column of a row, else the anchor's.
std::string MeasureTextOfRow(const Table& t, const CellIndex& index, int row, const ColumnMap& map,
                             const std::string& anchor_text);

// A row whose only text is its number (and perhaps ticks).
bool OnlyNumbered(const Table& t, const CellIndex& index, int row, const ColumnMap& map);

// A mark that ticks a box: "/", "✓", "☑", "x", a symbol font's glyph (read as "•"), or what OCR
// makes of a drawn tick ("”", "/”", "v"); not an empty box, a dash, a word or a number.
bool IsTickMark(const std::string& text);

// The state a status cell's words give ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"), if any.
std::optional<MeasureField> StateOfWords(const std::string& text);

// A tick a row carries: the column's role and, for a period tick, the column's header.
struct Tick {
  MeasureField field;
  std::string header;
};

using TickedRow = std::vector<Tick>;

// Ticks become the measure's status (the furthest state ticked wins over "not done" only when
// nothing else is ticked) and, from quarter or month columns, its period.
void ApplyTicks(Measure& m, const TickedRow& ticks, std::optional<int> fiscal_year);

// A measure cell that lists what it rests on as numbered sub-items under its own number
// ("มาตรการการใช้รถราชการ 2.1 ประกาศโรงพยาบาล… 2.2 …"): the measure is the text before the
// first, each sub-item an item. Only sub-numbers of the measure's own number count.
void SplitSubItems(int seq, std::string& measure, std::vector<std::string>& items);

// A row whose anchor cell holds several numbered items one under the other ("1. …", "2. …"),
// with no rule between them (a table ruled by its columns only, or a page break that lost the
// rules): one row per item, each column's lines given to the item they stand beside. The
// items must be numbered on from the cell's first line (n, n+1, …), so "1. มาตรการ" above
// "1) ขั้นแรก" stays one row.
Table SplitRowsAtNumberedLines(const Table& t, int first_row, int anchor_col);

}  // namespace ita
