#include "pipeline/families/measures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

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
  std::vector<double> col_edges;
  int header_rows = 0;
};

// A row is a header row when at least two of the cells starting in it name distinct fields
// and they are most of its non-empty cells.
bool IsHeaderRow(const Table& t, int row) {
  int non_empty = 0;
  std::vector<MeasureField> fields;
  for (const Cell& c : t.cells) {
    if (c.row != row || c.text.empty()) continue;
    ++non_empty;
    if (auto f = HeaderFieldOf(c.text)) {
      if (std::find(fields.begin(), fields.end(), *f) == fields.end()) fields.push_back(*f);
    }
  }
  return fields.size() >= 2 && fields.size() * 2 >= static_cast<size_t>(non_empty);
}

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
  CellIndex index(t);
  ColumnMap map;
  map.header_rows = last + 1;
  map.col_edges = t.col_edges;
  map.field_of_col.resize(t.Cols());
  for (int c = 0; c < t.Cols(); ++c) {
    // The lowest header cell that names a field decides the column.
    for (int r = last; r >= first; --r) {
      int i = index.At(r, c);
      if (i < 0) continue;
      if (auto f = HeaderFieldOf(t.cells[i].text)) {
        map.field_of_col[c] = f;
        break;
      }
    }
  }
  return map;
}

bool IsMeasuresMap(const ColumnMap& map) {
  bool anchor = false, body = false;
  for (const auto& f : map.field_of_col) {
    if (!f) continue;
    if (*f == MeasureField::kMeasure || *f == MeasureField::kIssue) anchor = true;
    if (*f == MeasureField::kMethod || *f == MeasureField::kPeriod ||
        *f == MeasureField::kResponsible || *f == MeasureField::kOutput)
      body = true;
  }
  return anchor && body;
}

// A table without a header continues the previous one when its columns line up.
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

Measure NewMeasure(const ColumnMap& map) {
  Measure m;
  for (const auto& f : map.field_of_col) {
    if (f) m.columns.emplace(*f, "");
  }
  return m;
}

void AddPage(Measure& m, int page) {
  if (std::find(m.provenance.pages.begin(), m.provenance.pages.end(), page + 1) ==
      m.provenance.pages.end())
    m.provenance.pages.push_back(page + 1);
}

bool HasEnumerator(const std::string& text) { return thai::LeadingEnumerator(text).has_value(); }

void Finish(Measure& m, std::optional<int> fiscal_year) {
  auto seq_text = m.columns.find(MeasureField::kSeq);
  if (seq_text != m.columns.end()) {
    if (auto v = thai::LeadingEnumerator(seq_text->second)) m.seq = *v;
    m.columns.erase(seq_text);
  }
  if (!m.seq) {
    for (MeasureField f : {MeasureField::kMeasure, MeasureField::kIssue}) {
      if (m.Has(f)) {
        if (auto v = thai::LeadingEnumerator(m.columns[f])) {
          m.seq = *v;
          break;
        }
      }
    }
  }
  if (m.Has(MeasureField::kQuestions)) m.questions = SplitQuestions(m.columns[MeasureField::kQuestions]);
  thai::DateContext context{fiscal_year};
  if (m.Has(MeasureField::kPeriod)) {
    const std::string& text = m.columns[MeasureField::kPeriod];
    if (!text.empty()) m.period = thai::ParsePeriod(text, context);
  }
  std::string prose;
  for (MeasureField f : {MeasureField::kOutput, MeasureField::kOutcome}) {
    if (m.Has(f)) prose += m.columns[f] + "\n";
  }
  m.dates = thai::FindDates(prose, context);
}

}  // namespace

std::vector<Question> SplitQuestions(const std::string& text) {
  std::u32string s = thai::DecodeUtf8(text);
  // Codes: I/E/O followed by one or two digits (either digit set), at a word start.
  std::vector<size_t> starts;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    char32_t c = s[i];
    if (c != U'I' && c != U'E' && c != U'O') continue;
    if (i > 0 && s[i - 1] != U' ' && s[i - 1] != U'\n') continue;
    size_t j = i + 1;
    while (j < s.size() && j - i <= 2 && ((s[j] >= U'0' && s[j] <= U'9') || thai::IsThaiDigit(s[j]))) ++j;
    if (j == i + 1) continue;
    if (j < s.size() && s[j] != U' ' && s[j] != U'\n' && !thai::IsThai(s[j])) continue;
    starts.push_back(i);
  }
  std::vector<Question> out;
  auto trim = [](std::u32string t) {
    while (!t.empty() && (t.back() == U' ' || t.back() == U'\n')) t.pop_back();
    size_t b = 0;
    while (b < t.size() && (t[b] == U' ' || t[b] == U'\n')) ++b;
    return thai::EncodeUtf8(t.substr(b));
  };
  if (starts.empty() || starts.front() > 0) {
    std::string lead = trim(s.substr(0, starts.empty() ? s.size() : starts.front()));
    if (!lead.empty()) out.push_back(Question{"", lead});
  }
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : s.size();
    size_t code_end = starts[k] + 1;
    while (code_end < end && ((s[code_end] >= U'0' && s[code_end] <= U'9') || thai::IsThaiDigit(s[code_end])))
      ++code_end;
    std::string code = thai::ThaiDigitsToAscii(thai::EncodeUtf8(s.substr(starts[k], code_end - starts[k])));
    out.push_back(Question{code, trim(s.substr(code_end, end - code_end))});
  }
  return out;
}

MeasuresResult BuildMeasures(const std::vector<Table>& tables, std::optional<int> fiscal_year) {
  MeasuresResult result;
  std::optional<ColumnMap> current_map;
  bool numbered = false;  // measures so far start with an enumerator or sequence number
  for (const Table& t : tables) {
    std::optional<ColumnMap> map = HeaderOf(t);
    if (map && !IsMeasuresMap(*map)) {
      current_map.reset();
      continue;
    }
    if (!map) {
      if (!current_map || !SameColumns(current_map->col_edges, t.col_edges)) continue;
      map = *current_map;
      map->header_rows = 0;
    }
    for (const auto& f : map->field_of_col) {
      if (f && std::find(result.header_fields.begin(), result.header_fields.end(), *f) ==
                   result.header_fields.end())
        result.header_fields.push_back(*f);
    }
    current_map = map;
    CellIndex index(t);
    int anchor_col = AnchorColumn(*map);

    std::vector<bool> used(t.cells.size(), false);
    for (int r = map->header_rows; r < t.Rows(); ++r) {
      int anchor = index.At(r, anchor_col);
      bool anchor_starts = anchor >= 0 && t.cells[anchor].row == r;
      const std::string anchor_text = anchor >= 0 ? t.cells[anchor].text : "";
      bool starts = anchor_starts && !anchor_text.empty();
      // An OCR-read sequence cell left empty (OCR misses lone digits) does not hide a new
      // measure: below the table's first data row (where a row split across pages continues),
      // a measure cell of its own with text starts one. A text layer does not drop digits.
      if (!starts && anchor_starts && map->field_of_col[anchor_col] == MeasureField::kSeq &&
          r > map->header_rows && t.cells[anchor].origin == Origin::kOcr) {
        for (size_t c = 0; c < map->field_of_col.size(); ++c) {
          auto f = map->field_of_col[c];
          if (f != MeasureField::kMeasure && f != MeasureField::kIssue) continue;
          int i = index.At(r, static_cast<int>(c));
          if (i >= 0 && t.cells[i].row == r && !t.cells[i].text.empty()) starts = true;
          break;
        }
      }
      // Where measures are numbered, an unnumbered anchor continues the measure above: a row
      // split across pages (the table's first data row), or split by a stray rule inside a
      // cell. OCR drops enumerators, so below the first row an OCR-read ruled row is trusted.
      bool first_data_row = r == map->header_rows;
      bool ocr_cell = anchor >= 0 && t.cells[anchor].origin == Origin::kOcr;
      if (starts && numbered && !result.measures.empty() && !HasEnumerator(anchor_text) &&
          map->field_of_col[anchor_col] != MeasureField::kSeq && (first_data_row || !ocr_cell)) {
        starts = false;
      }
      bool row_has_text = false;
      for (int c = 0; c < t.Cols(); ++c) {
        int i = index.At(r, c);
        if (i >= 0 && !used[i] && !t.cells[i].text.empty()) row_has_text = true;
      }
      if (!row_has_text) continue;
      if (starts || result.measures.empty()) {
        result.measures.push_back(NewMeasure(*map));
        numbered = HasEnumerator(anchor_text) || map->field_of_col[anchor_col] == MeasureField::kSeq;
      }
      Measure& m = result.measures.back();
      AddPage(m, t.page);
      for (int c = 0; c < t.Cols(); ++c) {
        int i = index.At(r, c);
        if (i < 0 || used[i]) continue;
        used[i] = true;
        const Cell& cell = t.cells[i];
        std::optional<MeasureField> field;
        for (int k = cell.col; k < cell.col + cell.col_span && !field; ++k) field = map->field_of_col[k];
        if (!field) continue;
        AppendWrapped(m.columns[*field], cell.text);
        if (!cell.text.empty()) {
          auto [source, fresh] = m.sources.emplace(*field, FieldSource{t.page + 1, cell.box, cell.origin, cell.confidence});
          if (!fresh) source->second.confidence = std::min(source->second.confidence, cell.confidence);
          if (!fresh && cell.origin == Origin::kOcr) source->second.origin = Origin::kOcr;
        }
        if (cell.origin == Origin::kOcr && !cell.text.empty()) {
          m.provenance.origin = Origin::kOcr;
          auto [it, inserted] = m.confidence.emplace(*field, cell.confidence);
          if (!inserted) it->second = std::min(it->second, cell.confidence);
          m.provenance.min_confidence = std::min(m.provenance.min_confidence, cell.confidence);
        }
      }
    }
  }
  for (Measure& m : result.measures) Finish(m, fiscal_year);
  return result;
}

}  // namespace ita
