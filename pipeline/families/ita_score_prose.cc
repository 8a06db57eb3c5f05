// ITA results stated in sentences: the total and grade an announcement or analysis states, and
// last year's result as the analysis compares it.
#include "pipeline/families/ita_score_prose.h"

#include <re2/re2.h>

#include <algorithm>
#include <string_view>

#include "pipeline/families/ita_score_grid.h"
#include "pipeline/families/ita_scores.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// Words that lead to a stated total, in compact text (an RE2 alternation).
const std::string kTotalWords =
    "คะแนนภาพรวม|คะแนนรวม|ได้คะแนน|ผลคะแนน|คะแนนที่ได้|ได้รับคะแนน|คะแนนITA|คะแนนการประเมิน";

// The sentences of `prose` as one compact text. A line ending in two or more values is a row
// of a table (several years' totals), which the grids read.
std::string CompactSentences(const std::vector<std::string>& prose) {
  std::string all;
  for (const std::string& l : prose)
    if (ValuesAtEnd(l) < 2) all += l + " ";
  return thai::CompactForMatching(all);
}

}  // namespace

// The total a sentence states, in compact text: "คะแนนภาพรวม … : ๕๙.๔๖ คะแนน", "…ได้คะแนนรวม
// 65.38", "คะแนน ITA 92.45", or a score said to be got: "ได้ 92.45 คะแนน", "ได้รับ 88.10 คะแนน".
std::optional<double> ProseTotalIn(const std::string& compact) {
  static const RE2 led("(?:" + kTotalWords + ")[^0-9]{0,80}?([0-9]{1,3}\\.[0-9]{1,2})");
  static const RE2 got("ได้(?:รับ)?([0-9]{1,3}\\.[0-9]{1,2})คะแนน");
  std::string value;
  if (!RE2::PartialMatch(compact, led, &value) && !RE2::PartialMatch(compact, got, &value)) return std::nullopt;
  double v = std::stod(value);
  if (v > 100) return std::nullopt;
  return v;
}

void TotalFromProse(const std::vector<std::string>& prose, YearScore& year) {
  std::string all = CompactSentences(prose);
  static const RE2 grade("(?:" + kTotalWords + "|ได้(?:รับ)?[0-9]{1,3}\\.[0-9]{1,2}คะแนน).{0,200}?ระดับ"
                         "(?:ผลการประเมิน|ผลการประเมินอยู่ในระดับ|การประเมิน)?(AA|A|B|C|D|E|F)(?:[^A-Za-z]|$)");
  std::string g;
  if (!year.total) year.total = ProseTotalIn(all);
  if (year.grade.empty() && RE2::PartialMatch(all, grade, &g)) year.grade = g;
}


bool StatesItaResult(const std::vector<std::string>& prose) {
  std::string all;
  for (const std::string& l : prose) all += l + " ";
  all = thai::CompactForMatching(all);
  static const RE2 ita("ITA|ไอทีเอ|ประเมินคุณธรรมและความโปร่งใส");
  return RE2::PartialMatch(all, ita) && ProseTotalIn(all).has_value();
}

// Last year's result as a sentence compares it: "…เพิ่มขึ้นจากปีงบประมาณ พ.ศ. ๒๕๖๓ ที่ได้รับผลการ
// ประเมินอยู่ในระดับ D (๕๘.๐๕ คะแนน)". After a year word and `year` (BE), before any other year:
// the first score (two decimals at most, 0-100) and grade. Fills only what the tables left out.
void PreviousFromProse(const std::vector<std::string>& prose, int year, std::optional<YearScore>& previous) {
  if (year <= 0 || (previous && previous->total && !previous->grade.empty())) return;
  if (previous && previous->year > 0 && previous->year != year) return;
  std::string all = CompactSentences(prose);
  const RE2 mention("ปี(?:งบประมาณ)?(?:พ\\.?ศ\\.?)?" + std::to_string(year) + "(?:[^0-9]|$)");
  static const RE2 next_year("(?:^|[^0-9])(2[45][0-9]{2})(?:[^0-9]|$)");
  // A score is said to be one: "58.05 คะแนน" or "คะแนน 58.05"; a bare "3.1" is a heading's number.
  static const RE2 score("(?:^|[^0-9.])([0-9]{1,3}\\.[0-9]{1,2})คะแนน|คะแนน(?:รวม|ITA)?([0-9]{1,3}\\.[0-9]{1,2})(?:[^0-9]|$)");
  static const RE2 grade("ระดับ(?:ผลการประเมิน|การประเมิน)?(AA|A|B|C|D|E|F)(?:[^A-Za-z]|$)");
  re2::StringPiece rest(all);
  while (RE2::FindAndConsume(&rest, mention)) {
    // The stretch that speaks of that year: up to the next year named, at most ~80 letters.
    std::string_view stretch(rest.data(), std::min<size_t>(rest.size(), 240));
    re2::StringPiece other;
    if (RE2::PartialMatch(stretch, next_year, &other)) stretch = stretch.substr(0, other.data() - stretch.data());
    std::string before, after, letter;
    std::optional<double> total;
    if (RE2::PartialMatch(stretch, score, &before, &after)) {
      double v = std::stod(before.empty() ? after : before);
      if (v <= 100) total = v;
    }
    if (!RE2::PartialMatch(stretch, grade, &letter)) letter.clear();
    if (!total && letter.empty()) continue;
    if (!previous) previous = YearScore{year, std::nullopt, ""};
    previous->year = year;
    if (!previous->total) previous->total = total;
    if (previous->grade.empty()) previous->grade = letter;
    return;
  }
}

}  // namespace ita
