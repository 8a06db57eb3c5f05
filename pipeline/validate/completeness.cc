#include "pipeline/validate/completeness.h"

#include "pipeline/families/ita_scores.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ita {
namespace {

struct FieldWords {
  MeasureField field;
  const char* thai;
};

constexpr FieldWords kFieldWords[] = {
    {MeasureField::kMeasure, "มาตรการ"},        {MeasureField::kIssue, "ประเด็น"},
    {MeasureField::kMethod, "วิธีการดำเนินการ"},   {MeasureField::kPeriod, "ระยะเวลาดำเนินการ"},
    {MeasureField::kResponsible, "ผู้รับผิดชอบ"}, {MeasureField::kOutput, "ผลการดำเนินการ"},
    {MeasureField::kQuestions, "ข้อคำถาม"},      {MeasureField::kFindings, "ข้อค้นพบ"},
    {MeasureField::kOutcome, "ผลลัพธ์"},         {MeasureField::kSuggestion, "ข้อเสนอแนะ"},
    {MeasureField::kFollowUp, "การติดตามผล"},    {MeasureField::kSeq, "ลำดับ"},
};

std::string ThaiName(MeasureField f) {
  for (const FieldWords& w : kFieldWords) {
    if (w.field == f) return w.thai;
  }
  return MeasureFieldName(f);
}

std::string Label(const Measure& m, size_t index) {
  return "มาตรการที่ " + std::to_string(m.seq ? *m.seq : static_cast<int>(index) + 1);
}

std::string Pointer(size_t index, MeasureField f) {
  return "/measures/" + std::to_string(index) + "/" + MeasureFieldName(f);
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void CheckGrade(const YearScore& y, const std::string& path, std::vector<ValidationIssue>& errors) {
  if (!y.total || y.grade.empty() || GradeOf(*y.total) == y.grade) return;
  errors.push_back({path, "grade_mismatch",
                    "ปี " + std::to_string(y.year) + ": ระดับ " + y.grade + " ไม่ตรงกับคะแนน " +
                        Number(*y.total) + " (grade " + y.grade + " contradicts score " +
                        Number(*y.total) + ", which is grade " + GradeOf(*y.total) + ")"});
}

// Required: the overall score and grade; every indicator score within 0..100.
void CheckItaScores(const std::optional<ItaScores>& scores, int& required, int& present,
                    std::vector<ValidationIssue>& errors) {
  required += 2;
  if (!scores) {
    errors.push_back({"/ita_scores", "required_missing",
                      "ไม่พบคะแนน ITA (no ITA scores found: no comparison table or overall score)"});
    return;
  }
  if (scores->current.total) {
    ++present;
  } else {
    errors.push_back({"/ita_scores/total", "required_missing", "ไม่พบคะแนนภาพรวม (overall score is missing)"});
  }
  if (!scores->current.grade.empty()) {
    ++present;
  } else {
    errors.push_back({"/ita_scores/grade", "required_missing", "ไม่พบระดับผลการประเมิน (grade is missing)"});
  }
  CheckGrade(scores->current, "/ita_scores/grade", errors);
  if (scores->previous) CheckGrade(*scores->previous, "/ita_scores/previous/grade", errors);
  for (size_t i = 0; i < scores->indicators.size(); ++i) {
    const IndicatorScore& ind = scores->indicators[i];
    for (const auto& [value, field] : {std::pair{ind.score, "score"}, std::pair{ind.previous, "previous"}}) {
      if (value && (*value < 0 || *value > 100)) {
        errors.push_back({"/ita_scores/indicators/" + std::to_string(i) + "/" + field, "format",
                          "ตัวชี้วัดที่ " + std::to_string(ind.no) + ": คะแนน " + Number(*value) +
                              " อยู่นอกช่วง 0-100 (score outside 0-100)"});
      }
    }
  }
}

// Required: the plan's years; cross-checks: stated totals against the missions, the stated
// number of projects, and a detail section for every project.
void CheckActionPlan(const std::optional<ActionPlan>& plan, int& required, int& present,
                     std::vector<ValidationIssue>& errors) {
  ++required;
  if (!plan) {
    errors.push_back({"/action_plan", "required_missing",
                      "ไม่พบแผนปฏิบัติการ (no action plan tables found)"});
    return;
  }
  if (plan->year_from && plan->year_to) {
    ++present;
  } else {
    errors.push_back({"/action_plan/years", "required_missing",
                      "ไม่ระบุปีของแผน (plan years are missing)"});
  }
  for (const auto& [year, stated] : plan->stated_budget) {
    double sum = 0;
    for (const Mission& m : plan->missions) {
      auto it = m.budget.find(year);
      if (it != m.budget.end()) sum += it->second;
    }
    if (std::abs(sum - stated) > 0.5) {
      errors.push_back({"/action_plan/totals/budget/" + std::to_string(year), "total_mismatch",
                        "ปี " + std::to_string(year) + ": งบประมาณรวม " + Number(stated) +
                            " บาท ไม่เท่ากับผลรวมรายภารกิจ " + Number(sum) + " บาท (stated total " +
                            Number(stated) + " differs from the sum of missions " + Number(sum) + ")"});
    }
  }
  // A plan that lists no project is a finding, never "valid, complete".
  ++required;
  if (plan->projects.empty()) {
    errors.push_back({"/action_plan/projects", "no_measures",
                      "ไม่พบโครงการในแผน (no project found in the plan)"});
  } else {
    ++present;
  }
  if (plan->stated_projects && *plan->stated_projects != static_cast<int>(plan->projects.size())) {
    std::string stated = std::to_string(*plan->stated_projects);
    std::string found = std::to_string(plan->projects.size());
    errors.push_back({"/action_plan/totals/projects", "count_mismatch",
                      "ระบุจำนวน " + stated + " โครงการ แต่พบ " + found + " โครงการ (" + stated +
                          " projects stated, " + found + " found)"});
  }
  for (size_t i = 0; i < plan->projects.size(); ++i) {
    const Project& p = plan->projects[i];
    if (p.detail) continue;
    errors.push_back({"/action_plan/projects/" + std::to_string(i) + "/detail", "missing_detail",
                      "โครงการที่ " + std::to_string(p.seq) + ": ไม่พบรายละเอียดโครงการ (no detail section)"});
  }
}

}  // namespace

std::string SchemaNameOf(const Extraction& extraction) {
  if (extraction.error || !extraction.document) return "error";
  return FamilyName(extraction.document->family);
}

Validation CheckCompleteness(const Extraction& extraction, const ValidationOptions& options) {
  Validation v;
  v.schema = SchemaNameOf(extraction);
  if (!extraction.document || extraction.error || extraction.document->family == Family::kUnknown) {
    v.valid = false;
    v.assessed = false;
    v.completeness = 0;
    return v;
  }
  Family family = extraction.document->family;
  const ItaItemRule* rule =
      options.ita_items ? options.ita_items->Find(extraction.document->fiscal_year, family) : nullptr;
  int required = 0;
  int present = 0;
  if (IsMeasuresFamily(family) && extraction.measures.empty()) {
    v.errors.push_back({"/measures", "no_measures",
                        "ไม่พบตารางมาตรการในเอกสาร (no measures table found)"});
  }
  for (size_t i = 0; i < extraction.measures.size(); ++i) {
    const Measure& m = extraction.measures[i];
    std::vector<MeasureField> fields;
    if (m.Has(MeasureField::kMeasure)) {
      fields.push_back(MeasureField::kMeasure);
    } else if (m.Has(MeasureField::kIssue)) {
      fields.push_back(MeasureField::kIssue);
    }
    for (MeasureField f : {MeasureField::kMethod, MeasureField::kPeriod, MeasureField::kResponsible})
      if (m.Has(f)) fields.push_back(f);
    if (family == Family::kMeasuresReport && m.Has(MeasureField::kOutput))
      fields.push_back(MeasureField::kOutput);
    // What the year's ITA item adds (only where the document has such a column).
    if (rule != nullptr) {
      for (MeasureField f : rule->required_fields) {
        if (m.Has(f) && std::find(fields.begin(), fields.end(), f) == fields.end() &&
            !(f == MeasureField::kMeasure && !m.Has(MeasureField::kMeasure)))
          fields.push_back(f);
      }
    }
    for (MeasureField f : fields) {
      ++required;
      if (!m.columns.at(f).empty()) {
        ++present;
        continue;
      }
      v.errors.push_back({Pointer(i, f), "required_missing",
                          Label(m, i) + ": ไม่ระบุ" + ThaiName(f) + " (" + MeasureFieldName(f) +
                              " is empty)"});
    }
    if (m.period && m.period->start.empty()) {
      v.errors.push_back({Pointer(i, MeasureField::kPeriod), "period_unparsed",
                          Label(m, i) + ": อ่านระยะเวลาไม่ได้ \"" + m.period->text +
                              "\" (period not understood: " + m.period->reason + ")"});
    }
    for (const auto& [field, confidence] : m.confidence) {
      if (confidence >= options.min_ocr_confidence) continue;
      char pct[16];
      std::snprintf(pct, sizeof pct, "%.0f%%", confidence * 100);
      v.errors.push_back({Pointer(i, field), "ocr_low_confidence",
                          Label(m, i) + ": " + ThaiName(field) + " อ่านด้วย OCR ความเชื่อมั่นต่ำ " +
                              pct + " (" + MeasureFieldName(field) + " read by OCR at " + pct +
                              " confidence)"});
    }
  }
  if (family == Family::kItaAnalysis) CheckItaScores(extraction.ita_scores, required, present, v.errors);
  if (family == Family::kActionPlan) CheckActionPlan(extraction.action_plan, required, present, v.errors);
  v.completeness = required == 0 ? 1.0 : static_cast<double>(present) / required;
  v.valid = v.errors.empty();
  return v;
}

}  // namespace ita
