#include "pipeline/families/ita_score_grid.h"

#include <re2/re2.h>

#include <sstream>

#include "pipeline/families/metadata.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

std::vector<std::string> Tokens(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  return tokens;
}

std::string Joined(const std::vector<std::string>& tokens, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) s += (s.empty() ? "" : " ") + tokens[i];
  return s;
}

// Header cells of a line naming years: what precedes the first year, one cell a year (with the
// words that lead it, "ปี", "พ.ศ."), what follows the last.
std::vector<std::string> YearHeaderCells(const std::vector<std::string>& tokens) {
  std::vector<std::string> cells;
  size_t start = 0;
  bool label_done = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!BeYearIn(tokens[i])) continue;
    // The word that leads a year ("ปี", "ปีงบประมาณ", "พ.ศ.") belongs to it, not to the cell before.
    size_t lead = i;
    if (lead > start) {
      std::string before = thai::CompactForMatching(tokens[i - 1]);
      if (before == "พ.ศ." || (before.find("ปี") != std::string::npos && !thai::HasDigit(before))) --lead;
    }
    if (!label_done) {
      cells.push_back(Joined(tokens, 0, lead));
      label_done = true;
    }
    cells.push_back(Joined(tokens, lead, i + 1));
    start = i + 1;
  }
  if (start < tokens.size()) cells.push_back(Joined(tokens, start, tokens.size()));
  return cells;
}

// Header cells of a line naming the tools: what precedes the first tool, then one cell a word.
std::vector<std::string> ToolHeaderCells(const std::vector<std::string>& tokens) {
  std::vector<std::string> cells;
  size_t first = 0;
  while (first < tokens.size() && !IsToolName(tokens[first])) ++first;
  cells.push_back(Joined(tokens, 0, first));
  for (size_t i = first; i < tokens.size(); ++i) cells.push_back(tokens[i]);
  return cells;
}

bool IsHeaderLine(const std::vector<std::string>& tokens) {
  if (tokens.size() > 16) return false;  // a sentence, not a header
  int years = 0, tools = 0;
  for (const std::string& t : tokens) {
    if (BeYearIn(t)) ++years;
    if (IsToolName(t)) ++tools;
  }
  return years >= 2 || tools >= 2;
}

// A value token without the marks OCR puts beside it ("ๆ72.10", "ฯ+4.15", "85.00|").
std::string WithoutOcrNoise(const std::string& token) {
  static const RE2 noise("^(?:ๆ|ฯ|[|'\"“”‘’])+|(?:ๆ|ฯ|[|'\"“”‘’])+$");
  std::string t = token;
  RE2::GlobalReplace(&t, noise, "");
  return t.empty() ? token : t;
}

// The values a line ends in, as the line's cells after its label; empty when it ends in none.
std::vector<std::string> DataCells(std::vector<std::string> tokens) {
  size_t first_value = tokens.size();
  while (first_value > 0 && IsScoreLineValue(WithoutOcrNoise(tokens[first_value - 1]))) {
    --first_value;
    tokens[first_value] = WithoutOcrNoise(tokens[first_value]);
  }
  if (first_value == tokens.size() || first_value == 0) return {};
  // A number just before the values that reads as none ("8342" for 83.42): one of the line's
  // values is lost, so which column each of the others stands in is not known.
  const std::string& before = tokens[first_value - 1];
  if (first_value > 1 && thai::HasDigit(before) && !BeYearIn(before)) return {};
  std::vector<std::string> cells = {Joined(tokens, 0, first_value)};
  for (size_t i = first_value; i < tokens.size(); ++i) cells.push_back(tokens[i]);
  return cells;
}

}  // namespace

bool IsToolName(const std::string& text) {
  std::string t = thai::CompactForMatching(text);
  return t == "IIT" || t == "EIT" || t == "OIT";
}

std::optional<int> BeYearIn(const std::string& text) {
  std::string compact = thai::CompactForMatching(text);
  // A header, not a sentence that mentions a year.
  if (thai::DecodeUtf8(compact).size() > 30) return std::nullopt;
  static const RE2 year("(?:^|[^0-9])(2[56][0-9][0-9])(?:[^0-9]|$)");
  std::string y;
  if (!RE2::PartialMatch(compact, year, &y)) return std::nullopt;
  int value = std::stoi(y);
  if (value < kFirstPlausibleYear || value > kLastPlausibleYear) return std::nullopt;
  return value;
}

bool IsScoreLineValue(const std::string& token) {
  std::string t = thai::CompactForMatching(token);
  if (t == "-" || t == "–") return true;
  static const RE2 grade("^(AA|A|B|C|D|E|F)$");
  if (RE2::FullMatch(t, grade)) return true;
  if (t.find("เพิ่มขึ้น") == 0 || t.find("ลดลง") == 0 || t.find("คงที่") == 0) return true;
  if (!t.empty() && t.back() == '%') t.pop_back();
  auto v = thai::ParseDecimal(t);
  return v && *v >= -100 && *v <= 100;
}

size_t ValuesAtEnd(const std::string& line) {
  std::vector<std::string> cells = DataCells(Tokens(line));
  return cells.empty() ? 0 : cells.size() - 1;
}

ScoreGrid GridOf(const Table& table) {
  ScoreGrid grid;
  grid.rows.assign(table.Rows(), std::vector<std::string>(table.Cols()));
  for (const Cell& c : table.cells)
    for (int r = c.row; r < c.row + c.row_span && r < table.Rows(); ++r)
      for (int k = c.col; k < c.col + c.col_span && k < table.Cols(); ++k) grid.rows[r][k] = c.text;
  return grid;
}

std::vector<ScoreGrid> GridsInLines(const std::vector<std::string>& lines) {
  std::vector<ScoreGrid> grids;
  ScoreGrid current;
  current.from_lines = true;
  std::string pending;  // a line without values, perhaps the first half of the next one's label
  int quiet = 0;        // lines since the last data line
  auto flush = [&] {
    current.wrapped_labels.resize(current.rows.size());
    if (current.rows.size() > (current.has_header ? 1u : 0u)) grids.push_back(current);
    current = ScoreGrid{};
    current.from_lines = true;
  };
  for (const std::string& line : lines) {
    std::vector<std::string> tokens = Tokens(line);
    if (tokens.empty()) continue;
    if (IsHeaderLine(tokens)) {
      flush();
      bool years = false;
      for (const std::string& t : tokens) years = years || BeYearIn(t).has_value();
      current.rows.push_back(years ? YearHeaderCells(tokens) : ToolHeaderCells(tokens));
      current.has_header = true;
      pending.clear();
      quiet = 0;
      continue;
    }
    std::vector<std::string> cells = DataCells(tokens);
    if (cells.empty()) {
      pending = line;
      // Four lines of text end a table: what follows is not its rows.
      if (++quiet >= 4 && !current.rows.empty()) flush();
      continue;
    }
    while (current.wrapped_labels.size() < current.rows.size()) current.wrapped_labels.emplace_back();
    current.wrapped_labels.push_back(pending.empty() ? "" : pending + " " + cells[0]);
    pending.clear();
    quiet = 0;
    current.rows.push_back(std::move(cells));
  }
  flush();
  return grids;
}

}  // namespace ita
