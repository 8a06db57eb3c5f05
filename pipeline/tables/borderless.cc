#include "pipeline/tables/borderless.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "pipeline/layout/text_lines.h"

namespace ita {
namespace {

// A line with its words, in reading order.
struct LineWords {
  Box box;
  std::vector<Word> words;
  std::string text;
};

std::vector<LineWords> GroupLines(const std::vector<Word>& words) {
  std::vector<LineWords> out;
  for (const TextLine& l : AssembleLines(words)) out.push_back({l.box, {}, l.text});
  for (const Word& w : words) {
    double cy = w.box.CenterY();
    auto it = std::find_if(out.begin(), out.end(), [&](const LineWords& l) {
      return cy >= l.box.y0 - 0.5 && cy <= l.box.y1 + 0.5 && w.box.x0 >= l.box.x0 - 0.5 &&
             w.box.x1 <= l.box.x1 + 0.5;
    });
    if (it != out.end()) it->words.push_back(w);
  }
  std::erase_if(out, [](const LineWords& l) { return l.words.empty(); });
  for (LineWords& l : out)
    std::sort(l.words.begin(), l.words.end(), [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
  return out;
}

// Text of the words of `line` between x0 and x1 (by their centres).
std::string TextBetween(const LineWords& line, double x0, double x1) {
  std::vector<Word> inside;
  for (const Word& w : line.words)
    if (w.box.CenterX() >= x0 && w.box.CenterX() < x1) inside.push_back(w);
  std::string text;
  for (const TextLine& l : AssembleLines(inside)) text += (text.empty() ? "" : " ") + l.text;
  return text;
}

bool Crosses(const Word& w, double x) { return w.box.x0 < x - 0.5 && w.box.x1 > x + 0.5; }

int CrossedEdges(const LineWords& line, const std::vector<double>& interior) {
  int n = 0;
  for (double x : interior)
    n += std::any_of(line.words.begin(), line.words.end(), [&](const Word& w) { return Crosses(w, x); });
  return n;
}

// White gutters through `lines`: x-ranges at least `min_width` wide that at most `allowed`
// lines cover, between the lines' leftmost and rightmost ink. Returns their centres.
std::vector<double> Gutters(const std::vector<const LineWords*>& lines, double min_width, int allowed) {
  double left = 1e9, right = -1e9;
  for (const LineWords* l : lines)
    for (const Word& w : l->words) {
      left = std::min(left, w.box.x0);
      right = std::max(right, w.box.x1);
    }
  if (right <= left) return {};
  const double step = 0.5;
  int bins = static_cast<int>((right - left) / step) + 1;
  std::vector<int> cover(bins, 0);
  for (const LineWords* l : lines) {
    std::vector<char> mark(bins, 0);
    for (const Word& w : l->words) {
      int a = std::clamp(static_cast<int>((w.box.x0 - left) / step), 0, bins - 1);
      int b = std::clamp(static_cast<int>((w.box.x1 - left) / step), 0, bins - 1);
      for (int i = a; i <= b; ++i) mark[i] = 1;
    }
    for (int i = 0; i < bins; ++i) cover[i] += mark[i];
  }
  std::vector<double> centres;
  int i = 0;
  while (i < bins) {
    if (cover[i] > allowed) {
      ++i;
      continue;
    }
    int j = i;
    while (j < bins && cover[j] <= allowed) ++j;
    double width = (j - i) * step;
    if (width >= min_width && i > 0 && j < bins) centres.push_back(left + (i + j) / 2.0 * step);
    i = j;
  }
  return centres;
}

// "1.", "๑.", "(1)", "1)": the enumerator that starts a row of the first column.
// A first column that holds only a number is a ลำดับ (sequence) column: "1", "๑".
bool StartsNumberedRow(const std::string& text) {
  static const RE2 numbered("^\\s*\\(?([0-9]|๐|๑|๒|๓|๔|๕|๖|๗|๘|๙){1,3}[.)]");
  static const RE2 bare("^\\s*([0-9]|๐|๑|๒|๓|๔|๕|๖|๗|๘|๙){1,3}\\s*$");
  return RE2::PartialMatch(text, numbered) || RE2::FullMatch(text, bare);
}

Grid MakeGrid(const std::vector<double>& cols, const std::vector<double>& rows) {
  Grid g;
  g.col_edges = cols;
  g.row_edges = rows;
  g.box = Box{cols.front(), rows.front(), cols.back(), rows.back()};
  for (double y : rows) g.horizontals.push_back(Ruling{true, y, cols.front(), cols.back()});
  for (double x : cols) g.verticals.push_back(Ruling{false, x, rows.front(), rows.back()});
  return g;
}

// Row edges from the first column's enumerators; `top` starts the first row.
std::vector<double> RowEdges(const std::vector<const LineWords*>& body, double top, double col0_right,
                             int* numbered) {
  std::vector<double> rows = {top};
  *numbered = 0;
  for (size_t k = 0; k < body.size(); ++k) {
    const LineWords* l = body[k];
    if (!StartsNumberedRow(TextBetween(*l, -1e9, col0_right))) continue;
    ++*numbered;
    if (k == 0) continue;  // the first line starts the first row already
    double y = l->box.y0 - 1;
    if (y > rows.back() + 2) rows.push_back(y);
  }
  rows.push_back(body.back()->box.y1 + 2);
  return rows;
}

}  // namespace

std::optional<BorderlessTable> FindBorderlessTable(const std::vector<Word>& words,
                                                   const HeaderClassifier& header,
                                                   const std::vector<double>* continued,
                                                   const BorderlessOptions& options) {
  std::vector<LineWords> lines = GroupLines(words);
  if (lines.size() < 2) return std::nullopt;

  // The header: a line whose word groups name at least two columns. Groups are split at gaps
  // wider than a space; a line of one group (prose) is not looked at further.
  std::optional<size_t> header_line;
  for (size_t i = 0; i < lines.size() && !header_line; ++i) {
    const LineWords& l = lines[i];
    double gap = 0.6 * l.box.Height();
    std::vector<std::string> groups(1);
    double last_x1 = 1e18;
    for (const Word& w : l.words) {
      if (w.box.x0 - last_x1 > gap) groups.emplace_back();
      groups.back() += w.utf8;
      last_x1 = w.box.x1;
    }
    if (groups.size() < 2) continue;
    std::set<int> fields;
    for (const std::string& g : groups)
      if (auto f = header(g)) fields.insert(*f);
    if (static_cast<int>(fields.size()) >= 2) header_line = i;
  }

  if (!header_line) {
    // A continuation: the previous page's columns, while this page's lines fit them.
    if (continued == nullptr || continued->size() < 3) return std::nullopt;
    std::vector<double> interior(continued->begin() + 1, continued->end() - 1);
    std::vector<const LineWords*> body;
    for (const LineWords& l : lines) {
      if (CrossedEdges(l, interior) >= 2) break;
      body.push_back(&l);
    }
    std::set<int> used;
    for (const LineWords* l : body)
      for (const Word& w : l->words)
        used.insert(static_cast<int>(std::upper_bound(continued->begin(), continued->end(), w.box.CenterX()) -
                                     continued->begin()));
    if (static_cast<int>(body.size()) < options.min_body_lines || used.size() < 2) return std::nullopt;
    int numbered = 0;
    std::vector<double> rows = RowEdges(body, body.front()->box.y0 - 2, (*continued)[1], &numbered);
    BorderlessTable t{MakeGrid(*continued, rows), *continued,
                      "borderless table continued from the previous page: " + std::to_string(body.size()) +
                          " lines fit its " + std::to_string(continued->size() - 1) + " columns"};
    return t;
  }

  // Body lines below the header; the table ends at the first line that runs across columns
  // (a paragraph after it). Gutters are found leniently first, then on the table alone.
  size_t h = *header_line;
  std::vector<const LineWords*> below;
  for (size_t k = h + 1; k < lines.size(); ++k) below.push_back(&lines[k]);
  if (static_cast<int>(below.size()) < options.min_body_lines) return std::nullopt;
  // The table ends at the first line of prose after it: one that runs across most of the
  // table's width without a gap as wide as a gutter.
  double table_left = 1e9, table_right = -1e9;
  for (const Word& w : lines[h].words) {
    table_left = std::min(table_left, w.box.x0);
    table_right = std::max(table_right, w.box.x1);
  }
  auto is_prose = [&](const LineWords& l) {
    if (l.box.Width() < 0.7 * (table_right - table_left)) return false;
    for (size_t k = 1; k < l.words.size(); ++k)
      if (l.words[k].box.x0 - l.words[k - 1].box.x1 >= 2 * options.min_gutter_pt) return false;
    return true;
  };
  std::vector<const LineWords*> body;
  for (const LineWords* l : below) {
    if (body.size() >= 2 && is_prose(*l)) break;
    body.push_back(l);
  }
  // Gutters through the body and the header line: a column left empty in the body still has
  // its header word.
  std::vector<const LineWords*> measured = body;
  measured.push_back(&lines[h]);
  int allowed = std::max(0, static_cast<int>(std::floor(body.size() * options.max_gutter_occupancy)));
  std::vector<double> gutters = Gutters(measured, options.min_gutter_pt, allowed);

  // Header lines wrapped above and below the anchor ("ระยะเวลา" / "ดำเนินการ"): adjacent
  // lines that cross no gutter, hold only short words and start no numbered row.
  auto adjacent = [&](size_t upper, size_t lower) {
    return lines[lower].box.y0 - lines[upper].box.y1 < 0.8 * lines[h].box.Height();
  };
  // A header line names a column, or holds only short words (the wrapped tail of a name).
  auto header_like = [&](const LineWords& l) {
    bool names = false;
    for (size_t c = 0; c + 1 < gutters.size() + 2 && !names; ++c) {
      double x0 = c == 0 ? -1e9 : gutters[c - 1];
      double x1 = c == gutters.size() ? 1e9 : gutters[c];
      names = header(TextBetween(l, x0, x1)).has_value();
    }
    return names || std::all_of(l.words.begin(), l.words.end(), [](const Word& w) { return w.utf8.size() <= 3 * 14; });
  };
  size_t first = h, last = h;
  while (first > 0 && adjacent(first - 1, first) && CrossedEdges(lines[first - 1], gutters) == 0)
    --first;
  while (last + 1 < lines.size() && body.size() > 1 && adjacent(last, last + 1) &&
         CrossedEdges(lines[last + 1], gutters) == 0 && header_like(lines[last + 1]) &&
         !StartsNumberedRow(TextBetween(lines[last + 1], -1e9, gutters.empty() ? 1e9 : gutters[0]))) {
    ++last;
    body.erase(body.begin());
  }
  // A header line that cuts through a gutter was no gutter: drop it.
  std::vector<const LineWords*> band;
  for (size_t k = first; k <= last; ++k) band.push_back(&lines[k]);
  std::erase_if(gutters, [&](double x) {
    return std::any_of(band.begin(), band.end(), [&](const LineWords* l) {
      return std::any_of(l->words.begin(), l->words.end(), [&](const Word& w) { return Crosses(w, x); });
    });
  });
  double left = 1e9, right = -1e9;
  for (const LineWords* l : body)
    for (const Word& w : l->words) {
      left = std::min(left, w.box.x0);
      right = std::max(right, w.box.x1);
    }
  for (const LineWords* l : band)
    for (const Word& w : l->words) {
      left = std::min(left, w.box.x0);
      right = std::max(right, w.box.x1);
    }
  std::vector<double> cols = {left - 2};
  for (double g : gutters) cols.push_back(g);
  cols.push_back(right + 2);
  if (static_cast<int>(cols.size()) - 1 < options.min_columns) return std::nullopt;

  // The header must name enough distinct columns once its wrapped words are joined per column.
  std::set<int> named;
  std::vector<std::string> header_cells;
  for (size_t c = 0; c + 1 < cols.size(); ++c) {
    std::string text;
    for (const LineWords* l : band) {
      std::string part = TextBetween(*l, cols[c], cols[c + 1]);
      if (!part.empty()) text += (text.empty() ? "" : " ") + part;
    }
    if (auto f = header(text)) named.insert(*f);
  }
  if (static_cast<int>(named.size()) < options.min_header_fields) return std::nullopt;

  double header_top = band.front()->box.y0 - 2;
  double body_top = (band.back()->box.y1 + body.front()->box.y0) / 2;
  int numbered = 0;
  std::vector<double> rows = RowEdges(body, body_top, cols[1], &numbered);
  rows.insert(rows.begin(), header_top);
  BorderlessTable t;
  t.grid = MakeGrid(cols, rows);
  t.columns = cols;
  t.reason = "borderless table: its header names " + std::to_string(named.size()) + " columns; " +
             std::to_string(cols.size() - 1) + " columns from white gutters through " +
             std::to_string(body.size()) + " lines; " + std::to_string(numbered) + " numbered rows";
  return t;
}

}  // namespace ita
