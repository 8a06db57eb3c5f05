#include "pipeline/families/measure_table.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

constexpr size_t kLongestHeading = 160;

// Words that open a heading over a group of measures: strategies, approaches, dimensions.
bool StartsWithHeadingWord(const std::string& text) {
  static const RE2 heading("^(ยุทธศาสตร์|กลยุทธ์|แนวทาง|มิติ|ด้าน|เป้าประสงค์|แผนงาน|ประเด็นยุทธศาสตร์)ที่?\\d");
  return RE2::PartialMatch(thai::CompactForMatching(text), heading);
}

}  // namespace

void MarkRowUsed(const Table& t, const CellIndex& index, int row, std::vector<bool>& used) {
  for (int c = 0; c < t.Cols(); ++c) {
    int i = index.At(row, c);
    if (i >= 0) used[i] = true;
  }
}

std::vector<const Cell*> TextCellsOfRow(const Table& t, const CellIndex& index, int row) {
  std::vector<const Cell*> out;
  for (int c = 0; c < t.Cols(); ++c) {
    int i = index.At(row, c);
    if (i < 0 || t.cells[i].row != row || t.cells[i].col != c || t.cells[i].text.empty()) continue;
    out.push_back(&t.cells[i]);
  }
  return out;
}

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

bool OnlyNumbered(const Table& t, const CellIndex& index, int row, const ColumnMap& map) {
  for (const Cell* c : TextCellsOfRow(t, index, row)) {
    auto f = c->col < static_cast<int>(map.field_of_col.size()) ? map.field_of_col[c->col] : std::nullopt;
    if (f == MeasureField::kSeq || (f && IsTickField(*f))) continue;
    return false;
  }
  return true;
}

bool IsTickMark(const std::string& text) {
  std::u32string s;
  for (char32_t c : thai::DecodeUtf8(text))
    if (c != U' ' && c != U'\n') s.push_back(c);
  if (s.empty() || s.size() > 3) return false;
  // An empty box, a dash ("none") or a dot is not a tick.
  static constexpr char32_t kBlanks[] = {U'☐', U'□', U'○', U'-', U'–', U'—', U'.', U'_'};
  if (std::all_of(s.begin(), s.end(), [](char32_t c) {
        return std::find(std::begin(kBlanks), std::end(kBlanks), c) != std::end(kBlanks);
      }))
    return false;
  // A mark, not a word or a number: OCR reads a drawn ✓ as "/", "”", "“”", "v" or "J".
  static constexpr char32_t kLetterTicks[] = {U'x', U'X', U'v', U'V', U'J', U'ü', U'þ'};
  for (char32_t c : s) {
    bool letter_tick = std::find(std::begin(kLetterTicks), std::end(kLetterTicks), c) != std::end(kLetterTicks);
    if (!letter_tick && (thai::IsThai(c) || thai::IsAsciiLetter(c) || thai::IsDigitOfEitherSet(c))) return false;
  }
  return true;
}

std::optional<MeasureField> StateOfWords(const std::string& text) {
  auto f = HeaderFieldOf(text);
  if (f == MeasureField::kDone || f == MeasureField::kInProgress || f == MeasureField::kNotDone) return f;
  return std::nullopt;
}

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

}  // namespace ita
