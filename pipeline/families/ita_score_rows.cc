#include "pipeline/families/ita_score_rows.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "pipeline/families/ita_scores.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {

// The ten ITA indicators (NACC's framework since 2020), by number.
const std::vector<std::string>& IndicatorNames() {
  static const std::vector<std::string> names = {
      "การปฏิบัติหน้าที่",     "การใช้งบประมาณ",       "การใช้อำนาจ",
      "การใช้ทรัพย์สินของราชการ", "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน",
      "ประสิทธิภาพการสื่อสาร",  "การปรับปรุงการทำงาน",   "การเปิดเผยข้อมูล",
      "การป้องกันการทุจริต"};
  return names;
}

// A grade as a cell or a line writes it: "A", "ระดับ A", "B (ดี)". Empty when none or two.
std::string GradeIn(const std::string& text) {
  static const RE2 grade("(?:^|[^A-Za-z])(AA|A|B|C|D|E|F)(?:[^A-Za-z]|$)");
  std::string compact = thai::CompactForMatching(text);
  re2::StringPiece rest(compact);
  std::string found, g;
  while (RE2::FindAndConsume(&rest, grade, &g)) {
    if (!found.empty() && found != g) return "";
    found = g;
  }
  return found;
}

// A score as a cell writes it: "85.47", "๘๕.๔๗", "85.47%", "85.47 คะแนน"; 0..100, unsigned (a
// signed number is a change), two decimals at most.
std::optional<double> ScoreOf(const std::string& text) {
  std::string t = thai::CompactForMatching(text);
  if (t.size() > 9 && t.compare(t.size() - 9, 9, "คะแนน") == 0) t.resize(t.size() - 9);
  if (!t.empty() && t.back() == '%') t.pop_back();
  // A comma beside the decimal point is OCR's ("๘๖,.๐๒"): no score has thousands.
  for (const char* stray : {",.", ".,"})
    if (size_t at = t.find(stray); at != std::string::npos) t.replace(at, 2, ".");
  if (t.empty() || t[0] == '+' || t[0] == '-') return std::nullopt;
  // Scores have two decimals at most: "71.453" is a misread.
  if (size_t dot = t.find('.'); dot != std::string::npos && t.size() - dot - 1 > 2) return std::nullopt;
  auto v = thai::ParseDecimal(t);
  if (!v || *v < 0 || *v > 100) return std::nullopt;
  return v;
}

bool IsSigned(const std::string& text) {
  std::string t = thai::CompactForMatching(text);
  return t.size() > 1 && (t[0] == '+' || t[0] == '-') && thai::ParseDecimal(t.substr(1)).has_value();
}

bool NamesChange(const std::string& text) {
  std::string t = thai::CompactForMatching(text);
  return t.find("เพิ่ม") != std::string::npos || t.find("ลดลง") != std::string::npos;
}

IndicatorLabel SplitIndicatorLabel(const std::string& text) {
  static const RE2 lead("^\\s*(?:ตัวชี้วัดที่\\s*)?\\(?([0-9๐-๙]{1,2})(?:[.):]|\\s|$)\\s*");
  static const RE2 tool_tag("\\s*\\(?(?:IIT|EIT|OIT)\\)?\\s*$");
  IndicatorLabel label;
  re2::StringPiece rest(text);
  std::string digits;
  if (RE2::Consume(&rest, lead, &digits)) label.number = thai::ParseInteger(digits);
  label.name = std::string(rest);
  RE2::Replace(&label.name, tool_tag, "");
  // Spaces and the colon OCR leaves between a name and its score.
  while (!label.name.empty() && (std::isspace(static_cast<unsigned char>(label.name.back())) || label.name.back() == ':'))
    label.name.pop_back();
  return label;
}

// True when `compact` mentions a tool: IIT, EIT, OIT or one of their Thai names.
bool MentionsTool(const std::string& compact) {
  for (const char* tool : {"IIT", "EIT", "OIT", "ส่วนเสียภายใน", "ส่วนเสียภายนอก", "เปิดเผยข้อมูลสาธารณะ"})
    if (compact.find(tool) != std::string::npos) return true;
  return false;
}

RowMeaning MeaningOf(const std::string& label, bool numbers_trusted) {
  RowMeaning m;
  std::string compact = thai::CompactForMatching(label);
  if (compact.empty()) return m;
  if (compact.find("ระดับ") != std::string::npos || compact.find("เกรด") != std::string::npos) {
    m.kind = RowMeaning::kGrade;
    return m;
  }
  bool says_score = compact.find("คะแนน") != std::string::npos;
  // One tool's average ("คะแนนเฉลี่ย IIT") is not the total.
  bool names_tool = MentionsTool(compact);
  // "เฉลี่ย" with one letter misread ("คะแนนเลลี่ย") still names the average.
  bool says_average = compact.find("เฉลี่ย") != std::string::npos ||
                      (says_score && thai::DecodeUtf8(compact).size() <= 16 &&
                       thai::SubstringEditDistance(thai::DecodeUtf8(compact), U"เฉลี่ย") <= 1);
  bool names_total = (says_score && (compact.find("รวม") != std::string::npos || says_average)) ||
                     compact.find("ภาพรวม") != std::string::npos || compact == "รวม";
  if (names_total && !names_tool) {
    m.kind = RowMeaning::kTotal;
    return m;
  }
  IndicatorLabel split = SplitIndicatorLabel(label);
  std::optional<int> by_name = IndicatorNumberOf(split.name);
  // The name decides (OCR garbles Thai digits more than words). Without a name that matches, the
  // number does when it says what it numbers ("ตัวชี้วัดที่ 1") or stands before a name in a
  // ruled table's label column; a bare number is a rank, and a number before any words in a
  // line of text is a paragraph's.
  bool number_names = split.number && *split.number >= 1 && *split.number <= 10 &&
                      (compact.rfind("ตัวชี้วัดที่", 0) == 0 || (numbers_trusted && !split.name.empty()));
  std::optional<int> no = by_name ? by_name : number_names ? split.number : std::nullopt;
  if (!no) {
    // "ผลการประเมิน" heading a row of grades; a tool's row of a summary by tools.
    if (compact.find("ผลการประเมิน") != std::string::npos && !says_score) m.kind = RowMeaning::kGrade;
    else if (names_tool && !says_score) m.kind = RowMeaning::kTool;
    return m;
  }
  m.kind = RowMeaning::kIndicator;
  m.no = *no;
  m.name = split.name;
  m.number_agrees = split.number && split.number == by_name;
  return m;
}

// A row's meaning from its label cell, else from the text the line before adds (lines only),
// else from its first cell (a total label spanning the columns before the label column).
RowMeaning RowMeaningOf(const ScoreGrid& g, size_t r, int label_col) {
  const std::vector<std::string>& row = g.rows[r];
  RowMeaning m = MeaningOf(label_col < static_cast<int>(row.size()) ? row[label_col] : "", !g.from_lines);
  if (m.kind == RowMeaning::kNothing && r < g.wrapped_labels.size() && !g.wrapped_labels[r].empty())
    m = MeaningOf(g.wrapped_labels[r], false);
  if (m.kind == RowMeaning::kNothing && label_col != 0 && !row.empty()) {
    RowMeaning first = MeaningOf(row[0]);
    if (first.kind == RowMeaning::kTotal || first.kind == RowMeaning::kGrade) m = first;
  }
  return m;
}

std::string CellOf(const ScoreGrid& g, size_t r, int c) {
  return c >= 0 && c < static_cast<int>(g.rows[r].size()) ? g.rows[r][c] : "";
}

int ColumnsOf(const ScoreGrid& g) {
  size_t n = 0;
  for (const auto& row : g.rows) n = std::max(n, row.size());
  return static_cast<int>(n);
}

}  // namespace ita
