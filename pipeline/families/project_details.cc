// The details an action plan gives of each project in prose after its tables: headed sections
// (name, rationale, objectives, target, area, method, period, budget, responsible, outputs,
// outcomes) whose numbering varies between documents.
#include <re2/re2.h>

#include <sstream>

#include "pipeline/families/action_plan.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

enum class Section { kNone, kName, kRationale, kObjectives, kTarget, kArea, kMethod, kPeriod,
                     kBudget, kResponsible, kOutputs, kOutcomes };

struct SectionWord {
  const char* word;
  Section section;
};

// Heading words, most specific first; the number before them varies between documents.
constexpr SectionWord kSectionWords[] = {
    {"ชื่อโครงการ", Section::kName},           {"ชื่อมาตรการ", Section::kName},
    {"ชื่อกิจกรรม", Section::kName},           {"หลักการและเหตุผล", Section::kRationale},
    {"วัตถุประสงค์", Section::kObjectives},     {"กลุ่มเป้าหมาย", Section::kTarget},
    {"เป้าหมาย", Section::kTarget},            {"พื้นที่ดำเนินการ", Section::kArea},
    {"วิธีดำเนินการ", Section::kMethod},        {"วิธีการดำเนินการ", Section::kMethod},
    {"ขั้นตอนการดำเนินการ", Section::kMethod},  {"ขั้นตอนการดำเนินงาน", Section::kMethod},
    {"ระยะเวลาดำเนินการ", Section::kPeriod},   {"ระยะเวลา", Section::kPeriod},
    {"งบประมาณดำเนินการ", Section::kBudget},  {"งบประมาณที่ใช้", Section::kBudget},
    {"งบประมาณ", Section::kBudget},           {"ผู้รับผิดชอบ", Section::kResponsible},
    {"หน่วยงานรับผิดชอบ", Section::kResponsible}, {"ผลผลิต", Section::kOutputs},
    {"ผลลัพธ์", Section::kOutcomes},           {"ตัวชี้วัด", Section::kOutcomes},
    {"ผลที่คาดว่าจะได้รับ", Section::kOutcomes},
};

// "๒. หลักการและเหตุผล", "๗. ระยะเวลาดำเนินการ : ๕ ปี" -> section and the text after it.
Section HeadingOf(const std::string& line, std::string* rest) {
  static const RE2 numbered("^\\s*[0-9]{1,2}\\s*\\.\\s*(.*)$");
  std::string ascii = thai::ThaiDigitsToAscii(line), body;
  if (!RE2::FullMatch(ascii, numbered, &body)) return Section::kNone;
  // A mission heading ("๑.๑ …") is not a section.
  if (!body.empty() && body[0] >= '0' && body[0] <= '9') return Section::kNone;
  std::string compact = thai::CompactForMatching(body);
  for (const SectionWord& w : kSectionWords) {
    if (compact.rfind(w.word, 0) != 0) continue;
    // The text after the heading word (and a ':'), as printed.
    size_t at = line.find(w.word);
    std::string after = at == std::string::npos ? "" : line.substr(at + std::string(w.word).size());
    size_t b = after.find_first_not_of(" :");
    *rest = b == std::string::npos ? "" : after.substr(b);
    // "ผลผลิต/ผลลัพธ์" and similar compound headings: the words are the heading.
    if (w.section == Section::kOutputs && thai::CompactForMatching(after).find("ผลลัพธ์") != std::string::npos) *rest = "";
    return w.section;
  }
  return Section::kNone;
}

bool IsPageNumber(const std::string& line) {
  static const RE2 page("^\\s*-?\\s*[0-9]{1,4}\\s*-?\\s*$");
  return RE2::FullMatch(thai::ThaiDigitsToAscii(line), page);
}

bool EndsSections(const std::string& line) {
  std::string c = thai::CompactForMatching(line);
  static const RE2 mission("^[0-9]{1,2}\\.[0-9]{1,2}[^0-9]");
  return c.rfind("มิติที่", 0) == 0 || c.rfind("มติที่", 0) == 0 || c.rfind("ส่วนที่", 0) == 0 ||
         RE2::PartialMatch(c, mission);
}


void Store(NamedDetail& d, Section s, const std::string& text) {
  ProjectDetail& x = d.detail;
  switch (s) {
    case Section::kName: d.name = text; break;
    case Section::kRationale: x.rationale = text; break;
    case Section::kObjectives: x.objectives = DetailItems(text); break;
    case Section::kTarget: x.target = text; break;
    case Section::kMethod: x.method = DetailItems(text); break;
    case Section::kPeriod:
      if (!text.empty()) x.period = thai::ParsePeriod(text, {});
      break;
    case Section::kBudget:
      x.budget_text = text;
      x.budget_baht = thai::ParseAmountBaht(text);
      if (x.budget_baht && *x.budget_baht >= kImplausibleBaht) x.budget_baht.reset();  // text kept
      break;
    case Section::kResponsible: x.responsible = text; break;
    case Section::kOutputs: x.outputs = DetailItems(text); break;
    case Section::kOutcomes: {
      auto items = DetailItems(text);
      x.outcomes.insert(x.outcomes.end(), items.begin(), items.end());
      break;
    }
    case Section::kArea:
    case Section::kNone: break;
  }
}

}  // namespace

std::vector<std::string> DetailItems(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);) {
    if (l.empty()) continue;
    if (out.empty() || StartsNewItem(l)) {
      out.push_back(l);
    } else {
      AppendWrapped(out.back(), l);
    }
  }
  return out;
}

std::vector<NamedDetail> ReadProjectDetails(const std::vector<ProseLine>& prose) {
  std::vector<NamedDetail> out;
  Section current = Section::kNone;
  std::string buffer;
  auto flush = [&] {
    if (!out.empty() && current != Section::kNone) Store(out.back(), current, buffer);
    buffer.clear();
  };
  for (const ProseLine& pl : prose) {
    const std::string& line = pl.text;
    if (line.empty() || IsPageNumber(line)) continue;
    std::string rest;
    Section s = HeadingOf(line, &rest);
    if (s == Section::kName) {
      flush();
      out.push_back(NamedDetail{});
      out.back().detail.pages.push_back(pl.page + 1);
      current = s;
      buffer = rest;
      continue;
    }
    if (out.empty()) continue;
    if (s != Section::kNone) {
      flush();
      current = s;
      buffer = rest;
    } else if ((current == Section::kOutputs || current == Section::kOutcomes) &&
               (thai::CompactForMatching(line).rfind("ผลผลิต", 0) == 0 || thai::CompactForMatching(line).rfind("ผลลัพธ์", 0) == 0)) {
      // Unnumbered sub-headings inside "ผลผลิต/ผลลัพธ์".
      flush();
      bool outputs = thai::CompactForMatching(line).rfind("ผลผลิต", 0) == 0;
      current = outputs ? Section::kOutputs : Section::kOutcomes;
      std::string word = outputs ? "ผลผลิต" : "ผลลัพธ์";
      size_t at = line.find(word);
      buffer = line.substr(at + word.size());
      size_t b = buffer.find_first_not_of(" :");
      buffer = b == std::string::npos ? "" : buffer.substr(b);
    } else if (EndsSections(line)) {
      flush();
      current = Section::kNone;
      continue;
    } else if (current != Section::kNone) {
      if (current == Section::kRationale && !buffer.empty()) {
        // Paragraphs: a line starting with an indent word like "ดังนั้น" begins a new one.
        bool paragraph = thai::CompactForMatching(line).rfind("ดังนั้น", 0) == 0;
        if (paragraph) {
          buffer += "\n" + line;
          continue;
        }
      }
      if (buffer.empty()) {
        buffer = line;
      } else {
        AppendWrapped(buffer, line);
      }
    }
    std::vector<int>& pages = out.back().detail.pages;
    if (pages.empty() || pages.back() != pl.page + 1) pages.push_back(pl.page + 1);
  }
  flush();
  return out;
}


}  // namespace ita
