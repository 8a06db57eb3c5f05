// Score tables reduced to rows of cell texts, whatever drew them: a ruled table, or lines of
// text that end in numbers (a table without rulings, on a text page or an OCR'd scan).
//
//   ตัวชี้วัด ปี 2564 ปี 2565 ปี 2566 ผลต่าง      -> header  [ตัวชี้วัด][ปี 2564][ปี 2565][ปี 2566][ผลต่าง]
//   1. การปฏิบัติหน้าที่ 79.12 83.40 85.47 +2.07  -> row     [1. การปฏิบัติหน้าที่][79.12][83.40][85.47][+2.07]
//
// A line's cells are its label and the values at its end, left-aligned under the header's
// cells: a line cannot say which column an empty cell was in, so rows with fewer values than the
// header are read as far as they go. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct ScoreGrid {
  std::vector<std::vector<std::string>> rows;  // rows[0] is the header when has_header
  // Per row, from lines only: the row's label joined to the line before it when that line ended
  // in no value (a name wrapped onto two lines); empty when there is none. The reader takes it
  // when the label alone names nothing.
  std::vector<std::string> wrapped_labels;
  bool has_header = false;
  bool from_lines = false;
};

// A ruled table's cells; a merged cell's text stands at every position it covers (a tool
// spanning its indicators' rows, a label spanning two columns). All rows: the reader chooses
// which of the first ones is the header.
ScoreGrid GridOf(const Table& table);

// Runs of lines that end in values (scores, signed changes, grades, เพิ่มขึ้น/ลดลง), each after
// the header line that heads it: a line naming two or more years, or two or more of IIT, EIT,
// OIT. Data lines before any header form one grid without a header; four lines without values
// end a grid.
std::vector<ScoreGrid> GridsInLines(const std::vector<std::string>& lines);

// True when `token` is a value a score line ends in: a number from 0 to 100 (Thai or Arabic
// digits, signed, with %), a grade (AA, A…F), a dash, เพิ่มขึ้น/ลดลง/คงที่.
bool IsScoreLineValue(const std::string& token);

// How many values (as IsScoreLineValue) `line` ends in, after some label.
size_t ValuesAtEnd(const std::string& line);

// True when `text` is one of the ITA's tools alone: IIT, EIT or OIT.
bool IsToolName(const std::string& text);

// The Buddhist Era year a short text names ("ปี ๒๕๖๔", "ปีงบประมาณ พ.ศ. 2566"), if one.
std::optional<int> BeYearIn(const std::string& text);

}  // namespace ita
