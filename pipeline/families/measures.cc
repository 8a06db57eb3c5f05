#include "pipeline/families/measures.h"

#include "pipeline/families/header_synonyms.h"

#include <algorithm>

#include "pipeline/families/measure_table.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

Measure NewMeasure(const ColumnMap& map) {
  Measure m;
  for (size_t c = 0; c < map.field_of_col.size(); ++c) {
    auto f = map.field_of_col[c];
    if (f && IsContractField(*f)) m.columns.emplace(*f, "");
    if (f == MeasureField::kMeasure && m.measure_heading.empty() && c < map.header_of_col.size())
      m.measure_heading = map.header_of_col[c];
  }
  return m;
}

void AddPage(Measure& m, int page) {
  if (std::find(m.provenance.pages.begin(), m.provenance.pages.end(), page + 1) ==
      m.provenance.pages.end())
    m.provenance.pages.push_back(page + 1);
}

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
  if (m.Has(MeasureField::kPeriod) && !m.period) {
    const std::string& text = m.columns[MeasureField::kPeriod];
    if (!text.empty()) m.period = thai::ParsePeriod(text, context);
  }
  if (m.seq && m.Has(MeasureField::kMeasure)) SplitSubItems(*m.seq, m.columns[MeasureField::kMeasure], m.items);
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

namespace {

// What reading the tables of a document carries from one table to the next.
struct Reading {
  MeasuresResult result;
  std::optional<ColumnMap> current_map;  // the columns of the table being continued
  bool numbered = false;  // measures so far start with an enumerator or sequence number
  std::string group;      // the heading row the next measures stand under
  std::vector<TickedRow> ticks;  // per measure, its tick columns' marks
};

// The columns of a table: its own header's, or the table above's when it continues it (no
// header, or a header repeated in part with the measure column's heading left blank, and the
// columns line up). nullopt: not a measures table.
std::optional<ColumnMap> ColumnsOf(const Table& t, Reading& reading) {
  std::optional<ColumnMap> map = HeaderOf(t);
  bool lines_up = reading.current_map && SameColumns(reading.current_map->col_edges, t.col_edges);
  if (map && !IsMeasuresMap(*map)) {
    if (!lines_up) {
      reading.current_map.reset();
      reading.group.clear();
      return std::nullopt;
    }
    int header_rows = map->header_rows;
    map = *reading.current_map;
    map->header_rows = header_rows;
  }
  if (!map) {
    if (!lines_up) return std::nullopt;
    map = *reading.current_map;
    map->header_rows = 0;
  }
  return map;
}

// Whether row `r` starts a new measure, by its anchor cell.
bool StartsMeasure(const Table& t, const CellIndex& index, int r, const ColumnMap& map, int anchor_col,
                   const Reading& reading) {
  int anchor = index.At(r, anchor_col);
  bool anchor_starts = anchor >= 0 && t.cells[anchor].row == r;
  const std::string anchor_text = anchor >= 0 ? t.cells[anchor].text : "";
  bool starts = anchor_starts && !anchor_text.empty();
  // An OCR-read sequence cell left empty (OCR misses lone digits) does not hide a new
  // measure: below the table's first data row (where a row split across pages continues),
  // a measure cell of its own with text starts one. A text layer does not drop digits.
  if (!starts && anchor_starts && map.field_of_col[anchor_col] == MeasureField::kSeq && r > map.header_rows &&
      t.cells[anchor].origin == Origin::kOcr) {
    for (size_t c = 0; c < map.field_of_col.size(); ++c) {
      auto f = map.field_of_col[c];
      if (f != MeasureField::kMeasure && f != MeasureField::kIssue) continue;
      int i = index.At(r, static_cast<int>(c));
      if (i >= 0 && t.cells[i].row == r && !t.cells[i].text.empty()) starts = true;
      break;
    }
  }
  // Where measures are numbered, an unnumbered anchor continues the measure above: a row
  // split across pages (the table's first data row), or split by a stray rule inside a
  // cell. OCR drops enumerators, so below the first row an OCR-read ruled row is trusted.
  bool first_data_row = r == map.header_rows;
  bool ocr_cell = anchor >= 0 && t.cells[anchor].origin == Origin::kOcr;
  if (starts && reading.numbered && !reading.result.measures.empty() && !HasEnumerator(anchor_text) &&
      map.field_of_col[anchor_col] != MeasureField::kSeq && (first_data_row || !ocr_cell)) {
    starts = false;
  }
  return starts;
}

// A cell's text into the measure: ticks and status words, companions, contract fields with
// where they were read.
void TakeCell(const Cell& cell, MeasureField field, const std::string& header, const ColumnMap& map, int page,
              Measure& m, TickedRow& ticks) {
  if (IsTickField(field)) {
    if (IsTickMark(cell.text)) ticks.push_back({field, header});
    return;
  }
  if (field == MeasureField::kStatus) {
    if (auto state = StateOfWords(cell.text)) ticks.push_back({*state, ""});
    return;
  }
  if (!IsContractField(field)) {
    if (cell.text.empty()) return;
    std::optional<int> year = field == MeasureField::kBudget ? YearColumnOf(header) : std::nullopt;
    if (year)
      AppendWrapped(m.by_year[*year], cell.text);
    else
      AppendWrapped(m.companions[field], cell.text);
    return;
  }
  for (const auto& [piece_field, text] : PiecesOfCell(cell, map, field)) {
    AppendWrapped(m.columns[piece_field], text);
    if (text.empty()) continue;
    auto [source, fresh] = m.sources.emplace(piece_field, FieldSource{page + 1, cell.box, cell.origin, cell.confidence});
    if (!fresh) source->second.confidence = std::min(source->second.confidence, cell.confidence);
    if (!fresh && cell.origin == Origin::kOcr) source->second.origin = Origin::kOcr;
    if (cell.origin == Origin::kOcr) {
      m.provenance.origin = Origin::kOcr;
      auto [it, inserted] = m.confidence.emplace(piece_field, cell.confidence);
      if (!inserted) it->second = std::min(it->second, cell.confidence);
      m.provenance.min_confidence = std::min(m.provenance.min_confidence, cell.confidence);
    }
  }
}

// The data rows of one measures table into measures.
void ReadRows(const Table& t, const ColumnMap& map, int anchor_col, Reading& reading) {
  CellIndex index(t);
  std::vector<bool> used(t.cells.size(), false);
  // The measure each cell was first given to: a cell merged down over several measures
  // (one period for all rows) is given to each of them.
  std::vector<int> owner(t.cells.size(), -1);
  std::vector<Measure>& measures = reading.result.measures;
  for (int r = map.header_rows; r < t.Rows(); ++r) {
    if (RepeatsHeader(t, index, r, map)) {
      MarkRowUsed(t, index, r, used);
      continue;
    }
    if (auto heading = GroupHeading(t, index, r, used, anchor_col)) {
      reading.group = *heading;
      MarkRowUsed(t, index, r, used);
      continue;
    }
    int anchor = index.At(r, anchor_col);
    const std::string anchor_text = anchor >= 0 ? t.cells[anchor].text : "";
    bool anchored = anchor >= 0 && t.cells[anchor].row == r && !anchor_text.empty();
    // A blank template's placeholder ("(1) ชื่อโครงการ / กิจกรรม ........") is not a measure,
    // nor is it part of the one above.
    if (anchored && IsPlaceholder(MeasureTextOfRow(t, index, r, map, anchor_text))) {
      MarkRowUsed(t, index, r, used);
      continue;
    }
    bool starts = StartsMeasure(t, index, r, map, anchor_col, reading);
    bool ocr_cell = anchor >= 0 && t.cells[anchor].origin == Origin::kOcr;
    // A numbered row of a blank form (a number and nothing else read from a text layer) is
    // not a measure.
    if (starts && !ocr_cell && OnlyNumbered(t, index, r, map)) {
      MarkRowUsed(t, index, r, used);
      continue;
    }
    bool row_has_text = false;
    for (int c = 0; c < t.Cols(); ++c) {
      int i = index.At(r, c);
      if (i >= 0 && !used[i] && !t.cells[i].text.empty()) row_has_text = true;
    }
    if (!row_has_text) continue;
    if (starts || measures.empty()) {
      measures.push_back(NewMeasure(map));
      measures.back().group = reading.group;
      reading.ticks.emplace_back();
      reading.numbered = HasEnumerator(anchor_text) || map.field_of_col[anchor_col] == MeasureField::kSeq;
    }
    int current = static_cast<int>(measures.size()) - 1;
    Measure& m = measures.back();
    AddPage(m, t.page);
    for (int c = 0; c < t.Cols(); ++c) {
      int i = index.At(r, c);
      if (i < 0) continue;
      const Cell& cell = t.cells[i];
      std::optional<MeasureField> field;
      for (int k = cell.col; k < cell.col + cell.col_span && !field; ++k) field = map.field_of_col[k];
      if (used[i]) {
        // Merged down from an earlier measure: the value stands for this one too.
        auto value = field ? m.columns.find(*field) : m.columns.end();
        bool shared = value != m.columns.end() && c == cell.col && owner[i] >= 0 && owner[i] != current &&
                      c != anchor_col && value->second.empty() && !cell.text.empty();
        if (shared) {
          owner[i] = current;
          AppendWrapped(value->second, cell.text);
          m.sources.emplace(*field, FieldSource{t.page + 1, cell.box, cell.origin, cell.confidence});
        }
        continue;
      }
      used[i] = true;
      owner[i] = current;
      if (field) TakeCell(cell, *field, map.header_of_col[c], map, t.page, m, reading.ticks[current]);
    }
    // Columns the table has stand in every measure: a status without a tick is null, a
    // period from unticked quarters empty.
    if (map.HasField(MeasureField::kDone) || map.HasField(MeasureField::kInProgress) ||
        map.HasField(MeasureField::kNotDone) || map.HasField(MeasureField::kStatus)) {
      if (!m.status) m.status = "";
    }
    if (map.HasField(MeasureField::kPeriodTick) && !m.Has(MeasureField::kPeriod))
      m.columns.emplace(MeasureField::kPeriod, "");
  }
}

}  // namespace

MeasuresResult BuildMeasures(const std::vector<Table>& tables, std::optional<int> fiscal_year) {
  Reading reading;
  for (const Table& as_found : tables) {
    std::optional<ColumnMap> map = ColumnsOf(as_found, reading);
    if (!map) continue;
    std::vector<MeasureField>& fields = reading.result.header_fields;
    for (const auto& f : map->field_of_col) {
      if (f && std::find(fields.begin(), fields.end(), *f) == fields.end()) fields.push_back(*f);
    }
    reading.current_map = map;
    int anchor_col = AnchorColumn(*map);
    // Rows as the items are, not as the rules were drawn.
    ReadRows(SplitRowsAtNumberedLines(as_found, map->header_rows, anchor_col), *map, anchor_col, reading);
  }
  MeasuresResult& result = reading.result;
  for (size_t k = 0; k < result.measures.size(); ++k) {
    ApplyTicks(result.measures[k], reading.ticks[k], fiscal_year);
    Finish(result.measures[k], fiscal_year);
  }
  return result;
}

}  // namespace ita
