// What the cells and rows of an ITA score table say: indicator names and numbers, scores,
// grades, signed changes, and each row's meaning (an indicator, a tool, the total, the grade).
// Internal to pipeline/families/ (ita_scores.cc reads the tables with them).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/families/ita_score_grid.h"

namespace ita {

// The ten ITA indicators (NACC's framework since 2020), by number.
const std::vector<std::string>& IndicatorNames();

// A grade as a cell or a line writes it: "A", "ระดับ A", "B (ดี)". Empty when none or two.
std::string GradeIn(const std::string& text);

// A score as a cell writes it: "85.47", "๘๕.๔๗", "85.47%", "85.47 คะแนน"; 0..100, unsigned (a
// signed number is a change), two decimals at most.
std::optional<double> ScoreOf(const std::string& text);

// A signed number ("+2.15", "-0.5"): a change between years.
bool IsSigned(const std::string& text);

// The words of a change ("เพิ่มขึ้น", "ลดลง").
bool NamesChange(const std::string& text);

// "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (IIT)" -> number 1, name "การปฏิบัติหน้าที่".
struct IndicatorLabel {
  std::optional<int> number;  // as written before the name
  std::string name;
};
IndicatorLabel SplitIndicatorLabel(const std::string& text);

// True when `compact` mentions a tool: IIT, EIT, OIT or one of their Thai names.
bool MentionsTool(const std::string& compact);

// What a row of a score table is: an indicator, the total, the grade, or nothing we read.
struct RowMeaning {
  enum Kind { kNothing, kIndicator, kTool, kTotal, kGrade } kind = kNothing;
  int no = 0;
  std::string name;
  bool number_agrees = false;  // the written number and the name say the same indicator
};
// The meaning of a row's label. `numbers_trusted`: a number before a name may say which
// indicator it is (a ruled table's label column, not a line of text).
RowMeaning MeaningOf(const std::string& label, bool numbers_trusted = true);

// A row's meaning from its label cell, else from the text the line before adds (lines only),
// else from its first cell (a total label spanning the columns before the label column).
RowMeaning RowMeaningOf(const ScoreGrid& g, size_t r, int label_col);

// Cell (r, c) of the grid, empty outside it; the widest row's cell count.
std::string CellOf(const ScoreGrid& g, size_t r, int c);
int ColumnsOf(const ScoreGrid& g);

}  // namespace ita
