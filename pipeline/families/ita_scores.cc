#include "pipeline/families/ita_scores.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/families/metadata.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// The ten ITA indicators (NACC's framework since 2020), by number.
const std::vector<std::string>& IndicatorNames() {
  static const std::vector<std::string> names = {
      "การปฏิบัติหน้าที่",     "การใช้งบประมาณ",       "การใช้อำนาจ",
      "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน",
      "ประสิทธิภาพการสื่อสาร",  "การปรับปรุงการทำงาน",   "การเปิดเผยข้อมูล",
      "การป้องกันการทุจริต"};
  return names;
}

std::optional<int> YearIn(const std::string& text) {
  static const RE2 year("(2[56][0-9][0-9])");
  std::string y;
  if (!RE2::PartialMatch(thai::CompactForMatching(text), year, &y)) return std::nullopt;
  int value = std::stoi(y);
  if (value < kFirstPlausibleYear || value > kLastPlausibleYear) return std::nullopt;
  return value;
}

bool IsGrade(const std::string& s) {
  static const RE2 grade("^(AA|A|B|C|D|E|F)$");
  return RE2::FullMatch(thai::CompactForMatching(s), grade);
}

std::string TextAt(const Table& t, int row, int col) {
  const Cell* c = t.CellAt(row, col);
  return c ? c->text : "";
}

// "๑. การปฏิบัติหน้าที่" -> "การปฏิบัติหน้าที่"
std::string WithoutEnumerator(const std::string& text) {
  static const RE2 lead("^\\s*\\(?[0-9๐-๙]{1,2}[.)]\\s*");
  std::string s = text;
  RE2::Replace(&s, lead, "");
  return s;
}

// Cells below `header` in column `col` that read as scores (0..100).
int ScoreCells(const Table& t, int header, int col) {
  int scores = 0;
  for (int r = header + 1; r < t.Rows(); ++r)
    if (auto v = thai::ParseDecimal(TextAt(t, r, col)); v && *v >= 0 && *v <= 100) ++scores;
  return scores;
}

struct Candidate {
  ItaScores scores;
  int fit = 0;
};

// Two columns of scores (0..100 in most rows) without readable year headers, beside a change
// column: (year, column) for this year and last, as the change column's เพิ่มขึ้น/ลดลง say
// (ties: the right one is this year's). `found` may hold one year read from a header; 0 stands for "not known".
std::optional<std::vector<std::pair<int, int>>> YearsFromScores(const Table& t, int header, int indicator_col,
                                                                int tool_col,
                                                                const std::vector<std::pair<int, int>>& found) {
  std::vector<int> numeric;
  int change_col = -1;
  for (int c = 0; c < t.Cols(); ++c) {
    if (c == indicator_col || c == tool_col) continue;
    int changes = 0;
    for (int r = header + 1; r < t.Rows(); ++r) {
      std::string compact = thai::CompactForMatching(TextAt(t, r, c));
      if (compact.find("เพิ่ม") != std::string::npos || compact.find("ลดลง") != std::string::npos) ++changes;
    }
    if (ScoreCells(t, header, c) >= 3) numeric.push_back(c);
    if (changes >= 3) change_col = c;
  }
  // Without a change column two columns of numbers could be anything (a ranking, counts).
  if (numeric.size() != 2 || change_col < 0) return std::nullopt;
  int left = numeric[0], right = numeric[1];
  int right_is_current = 0, left_is_current = 0;
  for (int r = header + 1; r < t.Rows(); ++r) {
    auto a = thai::ParseDecimal(TextAt(t, r, left)), b = thai::ParseDecimal(TextAt(t, r, right));
    if (!a || !b || *a == *b) continue;
    std::string change = thai::CompactForMatching(TextAt(t, r, change_col));
    bool up = change.find("เพิ่ม") != std::string::npos, down = change.find("ลดลง") != std::string::npos;
    if (up == down) continue;
    ((*b > *a) == up ? right_is_current : left_is_current) += 1;
  }
  int current = left_is_current > right_is_current ? left : right;
  int previous = current == left ? right : left;
  int year = 0;
  for (auto [y, c] : found) {
    if (c == current) year = y;
    if (c == previous) year = y + 1;
  }
  return std::vector<std::pair<int, int>>{{year, current}, {year == 0 ? -1 : year - 1, previous}};
}

// The column whose cells name the most ITA indicators (at least three), below `header`: where
// a table heads its indicator column otherwise ("ประเด็น", nothing at all).
int ColumnOfIndicatorNames(const Table& t, int header) {
  int best = -1, most = 2;
  for (int c = 0; c < t.Cols(); ++c) {
    int named = 0;
    for (int r = header + 1; r < t.Rows(); ++r) {
      const Cell* cell = t.CellAt(r, c);
      if (cell != nullptr && cell->row == r && cell->col == c && IndicatorNumberOf(WithoutEnumerator(cell->text)))
        ++named;
    }
    if (named > most) {
      most = named;
      best = c;
    }
  }
  return best;
}

// A table of one year's scores ("ตัวชี้วัด | คะแนน", or one year's column): the one column
// whose header says คะแนน or a year and whose cells are scores (0..100) in at least three rows.
std::optional<int> SingleScoreColumn(const Table& t, int header, int indicator_col, int tool_col) {
  std::optional<int> found;
  for (int c = 0; c < t.Cols(); ++c) {
    if (c == indicator_col || c == tool_col) continue;
    std::string head = thai::CompactForMatching(TextAt(t, header, c));
    if (head.find("คะแนน") == std::string::npos && !YearIn(head)) continue;
    if (ScoreCells(t, header, c) < 3) continue;
    if (found) return std::nullopt;  // two such columns: not one year's table
    found = c;
  }
  return found;
}

std::optional<Candidate> ReadComparisonTable(const Table& t) {
  for (int header = 0; header < std::min(3, t.Rows()); ++header) {
    int indicator_col = -1, tool_col = -1;
    std::vector<std::pair<int, int>> year_cols;  // (year, col)
    for (int c = 0; c < t.Cols(); ++c) {
      const Cell* cell = t.CellAt(header, c);
      if (cell == nullptr || cell->col != c) continue;
      std::string text = thai::CompactForMatching(cell->text);
      if (text.find("ตัวชี้วัด") != std::string::npos || text.find("ดัชนี") != std::string::npos)
        indicator_col = c;
      if (text.find("เครื่องมือ") != std::string::npos) tool_col = c;
      if (auto y = YearIn(text); y && text.size() <= 40) year_cols.push_back({*y, c});
    }
    // No header names the indicators: the column that holds their names.
    if (indicator_col < 0) indicator_col = ColumnOfIndicatorNames(t, header);
    if (indicator_col < 0) continue;
    std::erase_if(year_cols, [&](const auto& yc) { return yc.second == indicator_col || yc.second == tool_col; });
    if (year_cols.size() < 2) {
      // Year headers lost (a stamp over them, OCR): two columns of scores are this year's and
      // last year's; which is which, the change column's เพิ่มขึ้น/ลดลง tells.
      if (auto order = YearsFromScores(t, header, indicator_col, tool_col, year_cols)) {
        year_cols = *order;
      } else if (auto col = SingleScoreColumn(t, header, indicator_col, tool_col)) {
        // One year's scores; its year from the header, else the document's fiscal year.
        int year = year_cols.size() == 1 && year_cols[0].second == *col ? year_cols[0].first : 0;
        year_cols = {{year, *col}};
      } else {
        continue;
      }
    }
    std::sort(year_cols.rbegin(), year_cols.rend());
    Candidate cand;
    ItaScores& s = cand.scores;
    s.current.year = year_cols[0].first;
    if (year_cols.size() > 1) s.previous = YearScore{year_cols[1].first, std::nullopt, ""};
    for (int r = header + 1; r < t.Rows(); ++r) {
      std::string label = TextAt(t, r, indicator_col);
      std::string first = TextAt(t, r, 0);
      std::string row_label = thai::CompactForMatching(first + label);
      auto value = [&](size_t k) -> std::optional<double> {
        if (k >= year_cols.size()) return std::nullopt;
        return thai::ParseDecimal(TextAt(t, r, year_cols[k].second));
      };
      if (row_label.find("ระดับ") != std::string::npos) {
        std::string g = thai::CompactForMatching(TextAt(t, r, year_cols[0].second));
        if (IsGrade(g)) s.current.grade = g;
        if (s.previous && year_cols.size() > 1) {
          std::string pg = thai::CompactForMatching(TextAt(t, r, year_cols[1].second));
          if (IsGrade(pg)) s.previous->grade = pg;
        }
        continue;
      }
      if ((row_label.find("คะแนน") != std::string::npos &&
           (row_label.find("เฉลี่ย") != std::string::npos || row_label.find("รวม") != std::string::npos)) ||
          row_label.find("ภาพรวม") != std::string::npos) {
        s.current.total = value(0);
        if (s.previous) s.previous->total = value(1);
        cand.fit += 2;
        continue;
      }
      std::optional<int> no = thai::LeadingEnumerator(label);
      std::string name = WithoutEnumerator(label);
      if (!no || *no < 1 || *no > 10) no = IndicatorNumberOf(name);
      if (!no) continue;
      IndicatorScore ind;
      ind.no = *no;
      ind.name = name;
      ind.score = value(0);
      ind.previous = value(1);
      std::string tool = tool_col >= 0 ? thai::CompactForMatching(TextAt(t, r, tool_col)) : "";
      ind.tool = (tool == "IIT" || tool == "EIT" || tool == "OIT") ? tool : ToolOfIndicator(*no);
      if (!ind.score) continue;
      bool duplicate = std::any_of(s.indicators.begin(), s.indicators.end(),
                                   [&](const IndicatorScore& x) { return x.no == ind.no; });
      if (duplicate) continue;
      s.indicators.push_back(ind);
      ++cand.fit;
      if (IndicatorNumberOf(name) == *no) ++cand.fit;  // the label agrees with the number
    }
    if (tool_col >= 0) cand.fit += 2;
    std::sort(s.indicators.begin(), s.indicators.end(),
              [](const IndicatorScore& a, const IndicatorScore& b) { return a.no < b.no; });
    if (s.indicators.size() >= 3) return cand;
  }
  return std::nullopt;
}

// "คะแนนภาพรวม … : ๕๙.๔๖ คะแนน ระดับผลการประเมิน D", "…ได้คะแนนรวม 65.38 ระดับ C".
const RE2& ProseTotal() {
  static const RE2 total("(?:คะแนนภาพรวม|คะแนนรวม|ได้คะแนน|ผลคะแนน)[^0-9]{0,80}?([0-9]{1,3}\\.[0-9]{1,2})");
  return total;
}

void TotalFromProse(const std::vector<std::string>& prose, YearScore& year) {
  std::string all;
  for (const std::string& l : prose) all += l + " ";
  all = thai::CompactForMatching(all);
  static const RE2 grade("(?:คะแนนภาพรวม|คะแนนรวม|ได้คะแนน|ผลคะแนน).{0,200}?ระดับ"
                         "(?:ผลการประเมิน|ผลการประเมินอยู่ในระดับ|การประเมิน)?(AA|A|B|C|D|E|F)(?:[^A-Za-z]|$)");
  std::string value, g;
  if (!year.total && RE2::PartialMatch(all, ProseTotal(), &value)) {
    double v = std::stod(value);
    if (v <= 100) year.total = v;
  }
  if (year.grade.empty() && RE2::PartialMatch(all, grade, &g)) year.grade = g;
}

}  // namespace

bool StatesItaResult(const std::vector<std::string>& prose) {
  std::string all;
  for (const std::string& l : prose) all += l + " ";
  all = thai::CompactForMatching(all);
  static const RE2 ita("ITA|ไอทีเอ|ประเมินคุณธรรมและความโปร่งใส");
  std::string value;
  return RE2::PartialMatch(all, ita) && RE2::PartialMatch(all, ProseTotal(), &value) && std::stod(value) <= 100;
}

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
  std::u32string n = NormalizeHeader(name);
  if (n.empty()) return std::nullopt;
  int best = -1;
  int best_distance = 1 << 30;
  for (size_t i = 0; i < IndicatorNames().size(); ++i) {
    std::u32string ref = NormalizeHeader(IndicatorNames()[i]);
    int d = thai::EditDistance(n, ref);
    if (d < best_distance) {
      best_distance = d;
      best = static_cast<int>(i) + 1;
    }
  }
  // Allow about one error in five letters ("การปรับปรุงระบบการทำงาน" is indicator 8).
  std::u32string ref = NormalizeHeader(IndicatorNames()[best - 1]);
  if (best_distance * 5 > static_cast<int>(std::max(ref.size(), n.size()))) return std::nullopt;
  return best;
}

std::optional<ItaScores> BuildItaScores(const std::vector<Table>& tables,
                                        const std::vector<std::string>& prose,
                                        std::optional<int> fiscal_year) {
  std::optional<Candidate> best;
  for (const Table& t : tables) {
    auto cand = ReadComparisonTable(t);
    if (cand && (!best || cand->fit > best->fit)) best = cand;
  }
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
  return scores;
}

}  // namespace ita
