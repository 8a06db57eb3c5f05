#include "pipeline/families/ita_scores.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/families/ita_score_grid.h"
#include "pipeline/families/ita_score_prose.h"
#include "pipeline/families/ita_score_rows.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

struct Candidate {
  ItaScores scores;
  int fit = 0;
};

// What a column of values holds, by its header's words and then by its cells.
enum class Role { kOther, kYear, kScore, kWeight, kWeighted, kChange, kFull, kRank, kTool };

struct ValueColumn {
  int col = 0;
  Role role = Role::kOther;
  int year = 0;    // kYear
  int scores = 0;  // indicator rows whose cell reads as a score
};

Role RoleOfHeader(const std::string& header) {
  std::string h = thai::CompactForMatching(header);
  if (h.empty()) return Role::kOther;
  if (h.find("ถ่วง") != std::string::npos) return Role::kWeighted;
  if (h.find("น้ำหนัก") != std::string::npos) return Role::kWeight;
  if (h.find("เต็ม") != std::string::npos) return Role::kFull;
  if (h.find("ผลต่าง") != std::string::npos || h.find("เปลี่ยนแปลง") != std::string::npos ||
      h.find("ส่วนต่าง") != std::string::npos || h.find("+/-") != std::string::npos || NamesChange(h))
    return Role::kChange;
  if (h.find("อันดับ") != std::string::npos || h.find("ลำดับ") != std::string::npos || h == "ที่")
    return Role::kRank;
  if (h.find("เครื่องมือ") != std::string::npos) return Role::kTool;
  if (BeYearIn(h)) return Role::kYear;
  if (h.find("คะแนน") != std::string::npos || h.find("ผล") != std::string::npos ||
      h.find("ร้อยละ") != std::string::npos)
    return Role::kScore;
  return Role::kOther;
}

// The column whose cells name the most ITA indicators (at least three) below `header`.
int LabelColumn(const ScoreGrid& g, int header) {
  if (g.from_lines) return 0;
  // Else the column naming two or more tools (a summary by tools).
  for (RowMeaning::Kind kind : {RowMeaning::kIndicator, RowMeaning::kTool}) {
    int best = -1, most = kind == RowMeaning::kIndicator ? 2 : 1;
    for (int c = 0; c < ColumnsOf(g); ++c) {
      int named = 0;
      for (size_t r = header + 1; r < g.rows.size(); ++r)
        if (MeaningOf(CellOf(g, r, c)).kind == kind) ++named;
      if (named > most) {
        most = named;
        best = c;
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

std::vector<ValueColumn> ValueColumnsOf(const ScoreGrid& g, int header, int label_col,
                                        const std::vector<size_t>& indicator_rows) {
  std::vector<ValueColumn> columns;
  for (int c = 0; c < ColumnsOf(g); ++c) {
    if (c == label_col) continue;
    ValueColumn v;
    v.col = c;
    std::string head = header >= 0 ? CellOf(g, header, c) : "";
    v.role = RoleOfHeader(head);
    if (v.role == Role::kYear) v.year = *BeYearIn(head);
    int signed_cells = 0, change_words = 0, tools = 0, numbers = 0;
    bool integers_rising = true;
    std::optional<double> last;
    for (size_t r : indicator_rows) {
      std::string cell = CellOf(g, r, c);
      if (auto s = ScoreOf(cell)) {
        ++v.scores;
        ++numbers;
        if (*s != static_cast<int>(*s) || (last && *s != *last + 1)) integers_rising = false;
        last = s;
      }
      if (IsSigned(cell)) ++signed_cells, ++numbers;
      if (NamesChange(cell)) ++change_words;
      if (IsToolName(cell)) ++tools;
    }
    // What the cells hold outweighs a header the scan garbled or a line did not align.
    if (tools >= 3) v.role = Role::kTool;
    else if (change_words >= 3 || (numbers > 0 && signed_cells * 2 >= numbers)) v.role = Role::kChange;
    else if (v.scores >= 3 && integers_rising && v.role == Role::kOther) v.role = Role::kRank;
    columns.push_back(v);
  }
  return columns;
}

// Two columns of scores without readable year headers, beside a change column of
// เพิ่มขึ้น/ลดลง: which is this year's, the words say (ties: the right one). `found` may hold one
// year read from a header; 0 stands for "not known".
std::vector<ValueColumn> YearsFromChangeWords(const ScoreGrid& g, const std::vector<size_t>& rows,
                                                             const std::vector<ValueColumn>& numeric,
                                                             int change_col) {
  const ValueColumn &left = numeric[0], &right = numeric[1];
  int right_is_current = 0, left_is_current = 0;
  for (size_t r : rows) {
    auto a = ScoreOf(CellOf(g, r, left.col)), b = ScoreOf(CellOf(g, r, right.col));
    if (!a || !b || *a == *b) continue;
    std::string change = thai::CompactForMatching(CellOf(g, r, change_col));
    bool up = change.find("เพิ่ม") != std::string::npos, down = change.find("ลดลง") != std::string::npos;
    if (up == down) continue;
    ((*b > *a) == up ? right_is_current : left_is_current) += 1;
  }
  ValueColumn current = left_is_current > right_is_current ? left : right;
  ValueColumn previous = current.col == left.col ? right : left;
  if (current.year == 0 && previous.year != 0) current.year = previous.year + 1;
  if (previous.year == 0 && current.year != 0) previous.year = current.year - 1;
  return std::vector<ValueColumn>{current, previous};
}

// The columns of this year's scores and, when given, last year's (newest first).
std::optional<std::vector<ValueColumn>> ScoreColumnsOf(const ScoreGrid& g, const std::vector<size_t>& rows,
                                                       const std::vector<ValueColumn>& columns) {
  int needed = std::min<int>(3, static_cast<int>(rows.size()));
  std::vector<ValueColumn> years, unlabelled;
  int change_col = -1;
  for (const ValueColumn& v : columns) {
    if (v.role == Role::kYear && v.scores >= needed) years.push_back(v);
    if ((v.role == Role::kYear || v.role == Role::kScore || v.role == Role::kOther) && v.scores >= needed)
      unlabelled.push_back(v);
    if (v.role == Role::kChange) {
      int words = 0;
      for (size_t r : rows) words += NamesChange(CellOf(g, r, v.col));
      if (words >= needed) change_col = v.col;
    }
  }
  if (years.size() >= 2) {
    std::sort(years.begin(), years.end(), [](const ValueColumn& a, const ValueColumn& b) { return a.year > b.year; });
    return years;
  }
  if (unlabelled.size() == 2 && change_col >= 0) return YearsFromChangeWords(g, rows, unlabelled, change_col);
  // One year's scores: the one column a year or a score word heads, else the one column of scores.
  for (Role role : {Role::kYear, Role::kScore, Role::kOther}) {
    std::vector<ValueColumn> of_role;
    for (const ValueColumn& v : unlabelled)
      if (v.role == role) of_role.push_back(v);
    if (of_role.size() == 1) return of_role;
    if (of_role.size() > 1) return std::nullopt;  // two such columns: not one year's table
  }
  return std::nullopt;
}

// One indicator's row: its scores this year and last (-1: no such column), its tool. When the
// change column contradicts the two scores (เพิ่มขึ้น beside a fall) one is misread and which
// is not known, so neither is given.
IndicatorScore IndicatorOfRow(const ScoreGrid& g, size_t r, const RowMeaning& m, int now_col, int before_col,
                              int change_col, int tool_col) {
  IndicatorScore ind;
  ind.no = m.no;
  ind.name = m.name;
  ind.score = ScoreOf(CellOf(g, r, now_col));
  if (before_col >= 0) ind.previous = ScoreOf(CellOf(g, r, before_col));
  if (ind.score && ind.previous && change_col >= 0) {
    std::string change = thai::CompactForMatching(CellOf(g, r, change_col));
    bool up = change.find("เพิ่ม") != std::string::npos, down = change.find("ลดลง") != std::string::npos;
    if ((up && *ind.score < *ind.previous) || (down && *ind.score > *ind.previous)) {
      ind.score.reset();
      ind.previous.reset();
    }
  }
  std::string tool = CellOf(g, r, tool_col);
  ind.tool = IsToolName(tool) ? thai::CompactForMatching(tool) : ToolOfIndicator(m.no);
  return ind;
}

// The tools' rows hold their weights ("IIT 30, EIT 30, OIT 40, รวม 100"), not scores: whole
// numbers that sum to 100.
bool AreToolWeights(const ScoreGrid& g, const std::vector<size_t>& tool_rows, int col) {
  double sum = 0;
  bool whole = true;
  for (size_t r : tool_rows) {
    auto v = ScoreOf(CellOf(g, r, col));
    sum += v.value_or(0);
    whole = whole && v && *v == std::floor(*v);
  }
  return whole && std::abs(sum - 100) < 0.5;
}

// Indicators as rows: "ตัวชี้วัด | 2563 | 2564 | การเปลี่ยนแปลง", "ตัวชี้วัด | น้ำหนัก | คะแนน |
// คะแนนถ่วงน้ำหนัก", "ที่ | ประเด็น | คะแนน"; or the tools as rows ("IIT | 85.12 … คะแนนรวม"),
// which give the total and grade only.
std::optional<Candidate> ReadIndicatorRows(const ScoreGrid& g, int header) {
  int label_col = LabelColumn(g, header);
  if (label_col < 0) return std::nullopt;
  std::vector<size_t> indicator_rows, tool_rows;
  for (size_t r = header + 1; r < g.rows.size(); ++r) {
    RowMeaning::Kind kind = RowMeaningOf(g, r, label_col).kind;
    if (kind == RowMeaning::kIndicator) indicator_rows.push_back(r);
    if (kind == RowMeaning::kTool) tool_rows.push_back(r);
  }
  bool by_tools = indicator_rows.size() < 3;
  if (by_tools && tool_rows.size() < 2) return std::nullopt;
  const std::vector<size_t>& value_rows = by_tools ? tool_rows : indicator_rows;
  std::vector<ValueColumn> columns = ValueColumnsOf(g, header, label_col, value_rows);
  auto score_cols = ScoreColumnsOf(g, value_rows, columns);
  if (!score_cols) return std::nullopt;
  int tool_col = -1, weight_col = -1, weighted_col = -1, change_col = -1;
  for (const ValueColumn& v : columns) {
    if (v.role == Role::kChange) change_col = v.col;
    if (v.role == Role::kTool) tool_col = v.col;
    if (v.role == Role::kWeight) weight_col = v.col;
    if (v.role == Role::kWeighted) weighted_col = v.col;
  }
  const ValueColumn& now = (*score_cols)[0];
  const ValueColumn* before = score_cols->size() > 1 ? &(*score_cols)[1] : nullptr;
  Candidate cand;
  ItaScores& s = cand.scores;
  s.current.year = now.year;
  if (before) s.previous = YearScore{before->year == 0 ? -1 : before->year, std::nullopt, ""};
  double weighted_sum = 0;
  bool unread_grade = false;           // a grade row whose cell OCR could not read as a grade
  bool unread_previous_grade = false;  // the same in last year's column
  bool weights_complete = weight_col >= 0;
  for (size_t r = header + 1; r < g.rows.size(); ++r) {
    RowMeaning m = RowMeaningOf(g, r, label_col);
    if (m.kind == RowMeaning::kGrade) {
      s.current.grade = GradeIn(CellOf(g, r, now.col));
      if (s.current.grade.empty()) {
        // The grade written elsewhere in the row (under the weighted total): the one grade there,
        // when last year's column does not hold it.
        std::string rest;
        for (int c = 0; c < static_cast<int>(g.rows[r].size()); ++c)
          if (c != label_col && (!before || c != before->col)) rest += " " + g.rows[r][c];
        s.current.grade = GradeIn(rest);
        unread_grade = s.current.grade.empty() && !thai::CompactForMatching(rest).empty();
      }
      if (s.previous) {
        std::string cell = CellOf(g, r, before->col);
        s.previous->grade = GradeIn(cell);
        unread_previous_grade = s.previous->grade.empty() && !thai::CompactForMatching(cell).empty();
      }
      continue;
    }
    if (m.kind == RowMeaning::kTotal) {
      s.current.total = ScoreOf(CellOf(g, r, now.col));
      if (!s.current.total && weighted_col >= 0) s.current.total = ScoreOf(CellOf(g, r, weighted_col));
      if (s.previous) s.previous->total = ScoreOf(CellOf(g, r, before->col));
      cand.fit += 2;
      continue;
    }
    if (m.kind != RowMeaning::kIndicator) continue;
    IndicatorScore ind = IndicatorOfRow(g, r, m, now.col, before ? before->col : -1, change_col, tool_col);
    if (!ind.score) continue;
    bool duplicate = std::any_of(s.indicators.begin(), s.indicators.end(),
                                 [&](const IndicatorScore& x) { return x.no == ind.no; });
    if (duplicate) continue;
    if (weight_col >= 0) {
      auto w = ScoreOf(CellOf(g, r, weight_col));
      if (w) weighted_sum += *w * *ind.score / 100;
      else weights_complete = false;
    }
    s.indicators.push_back(ind);
    ++cand.fit;
    if (m.number_agrees) ++cand.fit;
  }
  if (by_tools ? !s.current.total : s.indicators.size() < 3) return std::nullopt;
  if (by_tools && AreToolWeights(g, tool_rows, now.col)) return std::nullopt;
  if (by_tools) s.indicators.clear();  // one or two indicators among tools' rows are no table of them
  // The grade is written but unreadable ("ระดับ «4" for a bold A): the NACC's bands (since
  // 2561) give it from the total.
  auto grade_from_bands = [](YearScore& y) {
    if (y.total && (y.year <= 0 || y.year >= 2561)) y.grade = GradeOf(*y.total);
  };
  if (unread_grade) grade_from_bands(s.current);
  if (unread_previous_grade) grade_from_bands(*s.previous);
  if (tool_col >= 0) cand.fit += 2;
  // The weights applied to the scores give the total: the columns were read right.
  if (weights_complete && s.current.total && std::abs(weighted_sum - *s.current.total) < 0.1) cand.fit += 3;
  std::sort(s.indicators.begin(), s.indicators.end(),
            [](const IndicatorScore& a, const IndicatorScore& b) { return a.no < b.no; });
  return cand;
}

// Years as rows: "ปีงบประมาณ | IIT | EIT | OIT | คะแนนรวม | ระดับ", or one indicator a column.
// This year's row is the fiscal year's, else the newest; last year's the one before it.
std::optional<Candidate> ReadYearRows(const ScoreGrid& g, int header, std::optional<int> fiscal_year) {
  int cols = ColumnsOf(g);
  int total_col = -1, grade_col = -1, tools = 0;
  std::vector<std::pair<int, int>> indicator_cols;  // (col, no)
  for (int c = 0; c < cols; ++c) {
    std::string head = CellOf(g, header, c);
    std::string compact = thai::CompactForMatching(head);
    if (compact.find("IIT") != std::string::npos || compact.find("EIT") != std::string::npos ||
        compact.find("OIT") != std::string::npos) {
      ++tools;
      continue;
    }
    RowMeaning m = MeaningOf(head);
    if (m.kind == RowMeaning::kTotal) total_col = c;
    if (m.kind == RowMeaning::kGrade) grade_col = c;
    if (m.kind == RowMeaning::kIndicator) indicator_cols.push_back({c, m.no});
  }
  if (total_col < 0 && indicator_cols.size() < 3) return std::nullopt;
  if (tools < 2 && indicator_cols.size() < 3) return std::nullopt;  // a total alone could be anything's
  std::map<int, size_t> year_rows;  // year -> row
  for (size_t r = header + 1; r < g.rows.size(); ++r) {
    for (int c = 0; c < cols; ++c) {
      if (c == total_col || c == grade_col) continue;
      if (auto y = BeYearIn(CellOf(g, r, c)); y && !ScoreOf(CellOf(g, r, c))) {
        year_rows.emplace(*y, r);
        break;
      }
    }
  }
  if (year_rows.empty()) {
    // No year in any row: one row of scores under the indicators ("คะแนนที่ได้ | 91.20 | …") is
    // the document's year's; two or more say nothing of which is this year's.
    std::vector<size_t> scored;
    for (size_t r = header + 1; r < g.rows.size(); ++r) {
      int scores = 0;
      for (auto [c, no] : indicator_cols) scores += ScoreOf(CellOf(g, r, c)) ? 1 : 0;
      if (scores >= 3) scored.push_back(r);
    }
    if (scored.size() != 1) return std::nullopt;
    year_rows.emplace(fiscal_year.value_or(0), scored[0]);
  }
  auto now = fiscal_year && year_rows.count(*fiscal_year) ? year_rows.find(*fiscal_year) : std::prev(year_rows.end());
  Candidate cand;
  ItaScores& s = cand.scores;
  auto read_year = [&](int year, size_t r) {
    YearScore y{year, ScoreOf(CellOf(g, r, total_col)), GradeIn(CellOf(g, r, grade_col))};
    return y;
  };
  s.current = read_year(now->first, now->second);
  if (now != year_rows.begin()) {
    auto prev = std::prev(now);
    s.previous = read_year(prev->first, prev->second);
  }
  for (auto [c, no] : indicator_cols) {
    IndicatorScore ind;
    ind.no = no;
    ind.name = SplitIndicatorLabel(CellOf(g, header, c)).name;
    ind.tool = ToolOfIndicator(no);
    ind.score = ScoreOf(CellOf(g, now->second, c));
    if (s.previous) ind.previous = ScoreOf(CellOf(g, year_rows[s.previous->year], c));
    if (ind.score) s.indicators.push_back(ind);
  }
  if (!s.current.total && s.indicators.size() < 3) return std::nullopt;
  cand.fit = static_cast<int>(s.indicators.size()) + (s.current.total ? 2 : 0) + (s.current.grade.empty() ? 0 : 1);
  std::sort(s.indicators.begin(), s.indicators.end(),
            [](const IndicatorScore& a, const IndicatorScore& b) { return a.no < b.no; });
  return cand;
}

std::optional<Candidate> ReadGrid(const ScoreGrid& g, std::optional<int> fiscal_year) {
  std::optional<Candidate> best;
  auto consider = [&](std::optional<Candidate> c) {
    if (c && (!best || c->fit > best->fit)) best = c;
  };
  if (g.from_lines) {
    int header = g.has_header ? 0 : -1;
    consider(ReadIndicatorRows(g, header));
    if (g.has_header) consider(ReadYearRows(g, 0, fiscal_year));
    return best;
  }
  for (int header = 0; header < std::min<int>(3, static_cast<int>(g.rows.size())); ++header) {
    consider(ReadIndicatorRows(g, header));
    consider(ReadYearRows(g, header, fiscal_year));
  }
  return best;
}

}  // namespace

std::string GradeOf(double score) {
  if (score >= 95) return "AA";
  if (score >= 85) return "A";
  if (score >= 75) return "B";
  if (score >= 65) return "C";
  if (score >= 55) return "D";
  if (score >= 50) return "E";
  return "F";
}

std::string ToolOfIndicator(int no) {
  if (no >= 1 && no <= 5) return "IIT";
  if (no >= 6 && no <= 8) return "EIT";
  return "OIT";
}

std::optional<int> IndicatorNumberOf(const std::string& name) {
  // The names normalised once: this runs for every cell of every score table's candidate column.
  static const std::vector<std::u32string> names = [] {
    std::vector<std::u32string> out;
    for (const std::string& n : IndicatorNames()) out.push_back(NormalizeHeader(n));
    return out;
  }();
  std::u32string n = NormalizeHeader(name);
  if (n.empty()) return std::nullopt;
  int best = -1;
  int best_distance = 1 << 30;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::u32string& ref = names[i];
    int d = thai::EditDistance(n, ref);
    if (d < best_distance) {
      best_distance = d;
      best = static_cast<int>(i) + 1;
    }
  }
  // Allow about one error in five letters ("การปรับปรุงระบบการทำงาน" is indicator 8).
  const std::u32string& ref = names[best - 1];
  if (best_distance * 5 <= static_cast<int>(std::max(ref.size(), n.size()))) return best;
  // A name inside a few letters of OCR's noise ("การใช้งบประมาณม% โญ"): the name found within.
  std::optional<int> within;
  double best_ratio = 0.2;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::u32string& r = names[i];
    if (n.size() > r.size() + 8) continue;
    double ratio = static_cast<double>(thai::SubstringEditDistance(n, r)) / static_cast<double>(r.size());
    if (ratio <= best_ratio) {
      best_ratio = ratio;
      within = static_cast<int>(i) + 1;
    }
  }
  return within;
}

std::optional<ItaScores> BuildItaScores(const std::vector<Table>& tables,
                                        const std::vector<std::string>& prose,
                                        std::optional<int> fiscal_year) {
  // Ruled tables first: on a tie their reading is kept over the same numbers read from lines.
  std::optional<Candidate> best;
  auto consider = [&](std::optional<Candidate> c) {
    if (c && (!best || c->fit > best->fit)) best = c;
  };
  for (const Table& t : tables) consider(ReadGrid(GridOf(t), fiscal_year));
  for (const ScoreGrid& g : GridsInLines(prose)) consider(ReadGrid(g, fiscal_year));
  ItaScores scores;
  if (best) {
    scores = best->scores;
  } else if (fiscal_year) {
    scores.current.year = *fiscal_year;
  }
  TotalFromProse(prose, scores.current);
  if (!best && !scores.current.total) return std::nullopt;
  if (scores.current.year == 0 && fiscal_year) scores.current.year = *fiscal_year;
  if (scores.previous && scores.previous->year <= 0)
    scores.previous->year = scores.current.year > 0 ? scores.current.year - 1 : 0;
  if (scores.current.year > 0) PreviousFromProse(prose, scores.current.year - 1, scores.previous);
  return scores;
}

}  // namespace ita
