#include "pipeline/families/measures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <re2/re2.h>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/text_repair.h"
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
  std::vector<std::string> header_of_col;  // the header cell that decided the column
  std::vector<double> col_edges;
  int header_rows = 0;

  bool HasField(MeasureField f) const {
    return std::find(field_of_col.begin(), field_of_col.end(), f) != field_of_col.end();
  }
};

bool IsTickField(MeasureField f) {
  return f == MeasureField::kDone || f == MeasureField::kInProgress || f == MeasureField::kNotDone ||
         f == MeasureField::kPeriodTick;
}

bool HasEnumerator(const std::string& text) { return thai::LeadingEnumerator(text).has_value(); }

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
  for (size_t c = 0; c < map.field_of_col.size(); ++c) {
    auto f = map.field_of_col[c];
    if (f && IsContractField(*f)) m.columns.emplace(*f, "");
    if (f == MeasureField::kMeasure && m.measure_heading.empty() && c < map.header_of_col.size())
      m.measure_heading = map.header_of_col[c];
  }
  return m;
}


void MarkRowUsed(const Table& t, const CellIndex& index, int row, std::vector<bool>& used) {
  for (int c = 0; c < t.Cols(); ++c) {
    int i = index.At(row, c);
    if (i >= 0) used[i] = true;
  }
}

// The cells that start in `row` and hold text.
std::vector<const Cell*> TextCellsOfRow(const Table& t, const CellIndex& index, int row) {
  std::vector<const Cell*> out;
  for (int c = 0; c < t.Cols(); ++c) {
    int i = index.At(row, c);
    if (i < 0 || t.cells[i].row != row || t.cells[i].col != c || t.cells[i].text.empty()) continue;
    out.push_back(&t.cells[i]);
  }
  return out;
}

constexpr size_t kLongestHeading = 160;

// A cell's text by the fields it gives. A cell merged across columns of different fields (a
// ruling lost on a fax or a photograph) gives each line to the column its middle stands in;
// any other cell gives its whole text to `field`, the field of its first column.
std::vector<std::pair<MeasureField, std::string>> PiecesOfCell(const Cell& cell, const ColumnMap& map,
                                                               MeasureField field) {
  std::vector<std::pair<MeasureField, std::string>> pieces;
  auto field_at = [&](double x) -> std::optional<MeasureField> {
    for (int k = cell.col; k < cell.col + cell.col_span && k + 1 < static_cast<int>(map.col_edges.size()); ++k) {
      if (x >= map.col_edges[k] && x < map.col_edges[k + 1]) return map.field_of_col[k];
    }
    return std::nullopt;
  };
  std::vector<MeasureField> spanned;
  for (int k = cell.col; k < cell.col + cell.col_span && k < static_cast<int>(map.field_of_col.size()); ++k) {
    auto f = map.field_of_col[k];
    if (f && IsContractField(*f) && std::find(spanned.begin(), spanned.end(), *f) == spanned.end()) spanned.push_back(*f);
  }
  if (spanned.size() < 2 || cell.lines.empty()) return {{field, cell.text}};
  for (const TextLine& line : cell.lines) {
    auto f = field_at(line.box.CenterX());
    MeasureField to = f && IsContractField(*f) ? *f : field;
    auto it = std::find_if(pieces.begin(), pieces.end(), [&](const auto& p) { return p.first == to; });
    if (it == pieces.end()) {
      pieces.emplace_back(to, line.text);
    } else {
      AppendWrapped(it->second, line.text);
    }
  }
  return pieces;
}

// A row that says the table's header again (a header repeated on a later page, or read as a
// row): at least two of its cells read as the header of their column (a fifth of the letters
// may differ: OCR), and they are at least half of its cells with text.
bool RepeatsHeader(const Table& t, const CellIndex& index, int row, const ColumnMap& map) {
  int same = 0, cells = 0;
  for (const Cell* c : TextCellsOfRow(t, index, row)) {
    ++cells;
    if (c->col >= static_cast<int>(map.header_of_col.size()) || map.header_of_col[c->col].empty()) continue;
    std::u32string cell = NormalizeHeader(c->text);
    std::u32string header = NormalizeHeader(map.header_of_col[c->col]);
    int allowed = std::max<int>(1, static_cast<int>(header.size()) / 5);
    if (thai::EditDistance(cell, header) <= allowed) ++same;
  }
  return same >= 2 && same * 2 >= cells;
}

// Words that open a heading over a group of measures: strategies, approaches, dimensions.
bool StartsWithHeadingWord(const std::string& text) {
  static const RE2 heading("^(ยุทธศาสตร์|กลยุทธ์|แนวทาง|มิติ|ด้าน|เป้าประสงค์|แผนงาน|ประเด็นยุทธศาสตร์)ที่?\\d");
  return RE2::PartialMatch(thai::CompactForMatching(text), heading);
}

// A heading row inside the table ("กลยุทธ์ที่ 1 : ปลูกฝังจิตสำนึก…"): its one cell with text spans
// the table, or opens with a heading word and stands alone in its row. Its text, or nullopt.
std::optional<std::string> GroupHeading(const Table& t, const CellIndex& index, int row,
                                        const std::vector<bool>& used, int anchor_col) {
  std::vector<const Cell*> cells = TextCellsOfRow(t, index, row);
  if (cells.size() != 1) return std::nullopt;
  const Cell& c = *cells.front();
  if (used[&c - t.cells.data()]) return std::nullopt;
  bool spans = t.Cols() >= 3 && c.col_span >= t.Cols() - 1;
  bool worded = c.col <= anchor_col + 1 && StartsWithHeadingWord(c.text) && !HasEnumerator(c.text);
  // A heading is a line or two; a long run of text across the table is a misread row.
  if ((!spans && !worded) || thai::DecodeUtf8(c.text).size() > kLongestHeading) return std::nullopt;
  return c.text;
}

// Letters of a measure cell once its enumerator, dots and underscores are gone, and whether a
// run of them (a form's blank) was there.
bool IsPlaceholder(const std::string& text) {
  std::u32string s = thai::DecodeUtf8(text);
  int run = 0, longest = 0, letters = 0;
  for (char32_t c : s) {
    bool blank = c == U'.' || c == U'…' || c == U'_';
    run = blank ? run + 1 + 2 * (c == U'…') : 0;
    longest = std::max(longest, run);
    if (thai::IsThaiLetter(c) || thai::IsAsciiLetter(c)) ++letters;
  }
  // "(1) ชื่อโครงการ / กิจกรรม ............" : a form's words before its blank.
  return longest >= 4 && letters <= 25;
}

// The text of the measure (or issue) column of a row, else the anchor's.
std::string MeasureTextOfRow(const Table& t, const CellIndex& index, int row, const ColumnMap& map,
                             const std::string& anchor_text) {
  for (size_t c = 0; c < map.field_of_col.size(); ++c) {
    auto f = map.field_of_col[c];
    if (f != MeasureField::kMeasure && f != MeasureField::kIssue) continue;
    int i = index.At(row, static_cast<int>(c));
    if (i >= 0 && t.cells[i].row == row) return t.cells[i].text;
  }
  return anchor_text;
}

// A row whose only text is its number (and perhaps ticks).
bool OnlyNumbered(const Table& t, const CellIndex& index, int row, const ColumnMap& map) {
  for (const Cell* c : TextCellsOfRow(t, index, row)) {
    auto f = c->col < static_cast<int>(map.field_of_col.size()) ? map.field_of_col[c->col] : std::nullopt;
    if (f == MeasureField::kSeq || (f && IsTickField(*f))) continue;
    return false;
  }
  return true;
}

// A mark that ticks a box: "/", "✓", "☑", "x", a symbol font's glyph (read as "•").
bool IsTickMark(const std::string& text) {
  std::u32string s;
  for (char32_t c : thai::DecodeUtf8(text))
    if (c != U' ' && c != U'\n') s.push_back(c);
  if (s.empty() || s.size() > 2) return false;
  for (char32_t c : s) {
    static constexpr char32_t kTicks[] = {U'/', U'\\', U'✓', U'✔', U'☑', U'☒', U'✗', U'✘', U'×',
                                          U'x', U'X', U'•', U'●', U'■', U'√', U'ü', U'þ', U'*'};
    if (std::find(std::begin(kTicks), std::end(kTicks), c) == std::end(kTicks)) return false;
  }
  return true;
}

// The state a status cell's words give ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"), if any.
std::optional<MeasureField> StateOfWords(const std::string& text) {
  auto f = HeaderFieldOf(text);
  if (f == MeasureField::kDone || f == MeasureField::kInProgress || f == MeasureField::kNotDone) return f;
  return std::nullopt;
}

// A tick a row carries: the column's role and, for a period tick, the column's header.
struct Tick {
  MeasureField field;
  std::string header;
};
using TickedRow = std::vector<Tick>;

// Ticks become the measure's status (the furthest state ticked wins over "not done" only when
// nothing else is ticked) and, from quarter or month columns, its period.
void ApplyTicks(Measure& m, const TickedRow& ticks, std::optional<int> fiscal_year) {
  bool done = false, progress = false, not_done = false;
  std::optional<int> first, last;
  std::string text;
  for (const Tick& t : ticks) {
    done |= t.field == MeasureField::kDone;
    progress |= t.field == MeasureField::kInProgress;
    not_done |= t.field == MeasureField::kNotDone;
    if (t.field != MeasureField::kPeriodTick) continue;
    auto months = PeriodTickOf(t.header);
    if (!months) continue;
    first = std::min(first.value_or(months->first), months->first);
    last = std::max(last.value_or(months->second), months->second);
    text += (text.empty() ? "" : ", ") + t.header;
  }
  if (m.status) m.status = done ? "done" : progress ? "in_progress" : not_done ? "not_done" : "";
  if (!first || !m.Has(MeasureField::kPeriod) || !m.columns[MeasureField::kPeriod].empty()) return;
  m.columns[MeasureField::kPeriod] = text;
  Period p;
  p.text = text;
  if (!fiscal_year) {
    p.reason = "ticked months need the fiscal year";
  } else {
    // Fiscal month 1 is October of the year before.
    auto civil = [&](int fiscal_month, bool end) {
      int month = (fiscal_month + 8) % 12 + 1;
      int year = *fiscal_year - 543 - (fiscal_month <= 3 ? 1 : 0);
      return thai::CivilDate{year, month, end ? thai::DaysInMonth(year, month) : 1};
    };
    p.start = thai::IsoDate(civil(*first, false));
    p.end = thai::IsoDate(civil(*last, true));
  }
  m.period = p;
}

void AddPage(Measure& m, int page) {
  if (std::find(m.provenance.pages.begin(), m.provenance.pages.end(), page + 1) ==
      m.provenance.pages.end())
    m.provenance.pages.push_back(page + 1);
}


// A measure cell that lists what it rests on as numbered sub-items under its own number
// ("มาตรการการใช้รถราชการ 2.1 ประกาศโรงพยาบาล… 2.2 …"): the measure is the text before the
// first, each sub-item an item. Only sub-numbers of the measure's own number count.
void SplitSubItems(int seq, std::string& measure, std::vector<std::string>& items) {
  std::u32string s = thai::DecodeUtf8(thai::ThaiDigitsToAscii(measure));
  std::u32string original = thai::DecodeUtf8(measure);  // same length: digits map one to one
  std::u32string lead = thai::DecodeUtf8(std::to_string(seq) + ".");
  std::vector<size_t> starts;
  for (size_t p = s.find(lead); p != std::u32string::npos; p = s.find(lead, p + 1)) {
    if (p > 0 && s[p - 1] != U' ' && s[p - 1] != U'\n') continue;
    // "ตามข้อ 2.1" cites a clause.
    std::u32string_view before = std::u32string_view(s).substr(0, p);
    while (!before.empty() && before.back() == U' ') before.remove_suffix(1);
    if (before.ends_with(U"ข้อ")) continue;
    size_t q = p + lead.size();
    size_t digits = q;
    while (digits < s.size() && s[digits] >= U'0' && s[digits] <= U'9') ++digits;
    if (digits == q || digits - q > 2) continue;
    if (std::stoi(thai::EncodeUtf8(s.substr(q, digits - q))) != static_cast<int>(starts.size()) + 1) continue;
    if (digits < s.size() && s[digits] == U'.') ++digits;  // "1.1."
    if (digits < s.size() && s[digits] != U' ' && !thai::IsThai(s[digits])) continue;
    starts.push_back(p);
  }
  if (starts.empty()) return;
  auto trim = [](std::u32string_view v) {
    while (!v.empty() && (v.front() == U' ' || v.front() == U'\n')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == U' ' || v.back() == U'\n')) v.remove_suffix(1);
    return thai::EncodeUtf8(v);
  };
  std::string head = trim(std::u32string_view(original).substr(0, starts.front()));
  if (thai::DecodeUtf8(head).size() < 4) return;  // the cell is its items: keep it whole
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1] : original.size();
    items.push_back(trim(std::u32string_view(original).substr(starts[k], end - starts[k])));
  }
  measure = head;
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

// A row whose anchor cell holds several numbered items one under the other ("1. …", "2. …"),
// with no rule between them (a table ruled by its columns only, or a page break that lost the
// rules): one row per item, each column's lines given to the item they stand beside. The
// items must be numbered on from the cell's first line (n, n+1, …), so "1. มาตรการ" above
// "1) ขั้นแรก" stays one row.
Table SplitRowsAtNumberedLines(const Table& t, int first_row, int anchor_col) {
  std::vector<std::vector<double>> cuts(t.Rows());
  bool any = false;
  for (const Cell& c : t.cells) {
    if (c.row < first_row || c.col != anchor_col || c.row_span != 1 || c.lines.size() < 2) continue;
    auto first = thai::LeadingEnumerator(c.lines.front().text);
    if (!first) continue;
    int expect = *first + 1;
    for (size_t k = 1; k < c.lines.size(); ++k) {
      auto n = thai::LeadingEnumerator(c.lines[k].text);
      if (!n) continue;
      if (*n != expect) {  // numbered otherwise: sub-steps of one item, not items
        cuts[c.row].clear();
        break;
      }
      cuts[c.row].push_back(c.lines[k].box.y0 - 0.5);
      ++expect;
    }
    any = any || !cuts[c.row].empty();
  }
  if (!any) return t;
  Table out = t;
  out.cells.clear();
  out.row_edges.clear();
  std::vector<int> start(t.Rows() + 1, 0);
  for (int r = 0; r < t.Rows(); ++r) {
    start[r] = static_cast<int>(out.row_edges.size());
    out.row_edges.push_back(t.row_edges[r]);
    for (double y : cuts[r]) out.row_edges.push_back(y);
  }
  start[t.Rows()] = static_cast<int>(out.row_edges.size());
  out.row_edges.push_back(t.row_edges.back());
  for (const Cell& c : t.cells) {
    if (c.row_span != 1 || cuts[c.row].empty()) {
      Cell moved = c;
      moved.row = start[c.row];
      moved.row_span = start[c.row + c.row_span] - start[c.row];
      out.cells.push_back(std::move(moved));
      continue;
    }
    const std::vector<double>& ys = cuts[c.row];
    for (size_t band = 0; band <= ys.size(); ++band) {
      double top = band == 0 ? c.box.y0 : ys[band - 1];
      double bottom = band == ys.size() ? c.box.y1 : ys[band];
      Cell piece = c;
      piece.row = start[c.row] + static_cast<int>(band);
      piece.box.y0 = top;
      piece.box.y1 = bottom;
      piece.lines.clear();
      piece.text.clear();
      for (const TextLine& line : c.lines) {
        if (line.box.CenterY() < top || line.box.CenterY() >= bottom) continue;
        piece.lines.push_back(line);
        AppendWrapped(piece.text, thai::CollapseSpaces(line.text));
      }
      out.cells.push_back(std::move(piece));
    }
  }
  std::sort(out.cells.begin(), out.cells.end(),
            [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
  return out;
}

MeasuresResult BuildMeasures(const std::vector<Table>& tables, std::optional<int> fiscal_year) {
  MeasuresResult result;
  std::optional<ColumnMap> current_map;
  bool numbered = false;  // measures so far start with an enumerator or sequence number
  std::string group;      // the heading row the next measures stand under
  std::vector<TickedRow> ticks;  // per measure, its tick columns' marks
  for (const Table& page_table : tables) {
    const Table& t0 = page_table;
    std::optional<ColumnMap> map = HeaderOf(t0);
    if (map && !IsMeasuresMap(*map)) {
      // A header repeated in part on the next page (the measure column's heading left blank)
      // still continues the table above when the columns line up.
      if (current_map && SameColumns(current_map->col_edges, t0.col_edges)) {
        int header_rows = map->header_rows;
        map = *current_map;
        map->header_rows = header_rows;
      } else {
        current_map.reset();
        group.clear();
        continue;
      }
    }
    if (!map) {
      if (!current_map || !SameColumns(current_map->col_edges, t0.col_edges)) continue;
      map = *current_map;
      map->header_rows = 0;
    }
    for (const auto& f : map->field_of_col) {
      if (f && std::find(result.header_fields.begin(), result.header_fields.end(), *f) ==
                   result.header_fields.end())
        result.header_fields.push_back(*f);
    }
    current_map = map;
    int anchor_col = AnchorColumn(*map);
    const Table t = SplitRowsAtNumberedLines(t0, map->header_rows, anchor_col);
    CellIndex index(t);

    std::vector<bool> used(t.cells.size(), false);
    // The measure each cell was first given to: a cell merged down over several measures
    // (one period for all rows) is given to each of them.
    std::vector<int> owner(t.cells.size(), -1);
    for (int r = map->header_rows; r < t.Rows(); ++r) {
      if (RepeatsHeader(t, index, r, *map)) {
        MarkRowUsed(t, index, r, used);
        continue;
      }
      if (auto heading = GroupHeading(t, index, r, used, anchor_col)) {
        group = *heading;
        MarkRowUsed(t, index, r, used);
        continue;
      }
      int anchor = index.At(r, anchor_col);
      bool anchor_starts = anchor >= 0 && t.cells[anchor].row == r;
      const std::string anchor_text = anchor >= 0 ? t.cells[anchor].text : "";
      bool starts = anchor_starts && !anchor_text.empty();
      // A blank template's placeholder ("(1) ชื่อโครงการ / กิจกรรม ........") is not a measure.
      if (starts && IsPlaceholder(MeasureTextOfRow(t, index, r, *map, anchor_text))) {
        MarkRowUsed(t, index, r, used);
        continue;
      }
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
      // A numbered row of a blank form (a number and nothing else read from a text layer) is
      // not a measure.
      if (starts && !ocr_cell && OnlyNumbered(t, index, r, *map)) {
        MarkRowUsed(t, index, r, used);
        continue;
      }
      if (starts || result.measures.empty()) {
        result.measures.push_back(NewMeasure(*map));
        result.measures.back().group = group;
        ticks.emplace_back();
        numbered = HasEnumerator(anchor_text) || map->field_of_col[anchor_col] == MeasureField::kSeq;
      }
      int current = static_cast<int>(result.measures.size()) - 1;
      Measure& m = result.measures.back();
      AddPage(m, t.page);
      for (int c = 0; c < t.Cols(); ++c) {
        int i = index.At(r, c);
        if (i < 0) continue;
        const Cell& cell = t.cells[i];
        std::optional<MeasureField> field;
        for (int k = cell.col; k < cell.col + cell.col_span && !field; ++k) field = map->field_of_col[k];
        if (used[i]) {
          // Merged down from an earlier measure: the value stands for this one too.
          auto value = field ? m.columns.find(*field) : m.columns.end();
          bool shared = value != m.columns.end() && c == cell.col && owner[i] >= 0 && owner[i] != current &&
                        c != anchor_col && value->second.empty() && !cell.text.empty();
          if (shared) {
            owner[i] = current;
            AppendWrapped(m.columns[*field], cell.text);
            m.sources.emplace(*field, FieldSource{t.page + 1, cell.box, cell.origin, cell.confidence});
          }
          continue;
        }
        used[i] = true;
        owner[i] = current;
        if (!field) continue;
        if (IsTickField(*field)) {
          if (IsTickMark(cell.text)) ticks[current].push_back({*field, map->header_of_col[c]});
          continue;
        }
        if (*field == MeasureField::kStatus) {
          if (auto state = StateOfWords(cell.text)) ticks[current].push_back({*state, ""});
          continue;
        }
        if (!IsContractField(*field)) {
          if (!cell.text.empty()) AppendWrapped(m.companions[*field], cell.text);
          continue;
        }
        for (const auto& [piece_field, text] : PiecesOfCell(cell, *map, *field)) {
          AppendWrapped(m.columns[piece_field], text);
          if (text.empty()) continue;
          auto [source, fresh] = m.sources.emplace(piece_field, FieldSource{t.page + 1, cell.box, cell.origin, cell.confidence});
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
      if (map->HasField(MeasureField::kDone) || map->HasField(MeasureField::kInProgress) ||
          map->HasField(MeasureField::kNotDone) || map->HasField(MeasureField::kStatus)) {
        if (!m.status) m.status = "";
      }
      if (map->HasField(MeasureField::kPeriodTick) && !m.Has(MeasureField::kPeriod))
        m.columns.emplace(MeasureField::kPeriod, "");
    }
  }
  for (size_t k = 0; k < result.measures.size(); ++k) {
    ApplyTicks(result.measures[k], ticks[k], fiscal_year);
    Finish(result.measures[k], fiscal_year);
  }
  return result;
}

}  // namespace ita
