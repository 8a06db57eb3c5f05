#include "pipeline/validate/completeness.h"

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

bool IsMeasuresFamily(Family f) {
  return f == Family::kMeasuresPlan || f == Family::kMeasuresReport || f == Family::kItaAnalysis;
}

std::string Label(const Measure& m, size_t index) {
  return "มาตรการที่ " + std::to_string(m.seq ? *m.seq : static_cast<int>(index) + 1);
}

std::string Pointer(size_t index, MeasureField f) {
  return "/measures/" + std::to_string(index) + "/" + MeasureFieldName(f);
}

}  // namespace

std::string SchemaNameOf(const Extraction& extraction) {
  if (extraction.error || !extraction.document) return "error";
  return FamilyName(extraction.document->family);
}

Validation CheckCompleteness(const Extraction& extraction, const ValidationOptions& options) {
  Validation v;
  v.schema = SchemaNameOf(extraction);
  if (!extraction.document) {
    v.valid = false;
    v.completeness = 0;
    return v;
  }
  Family family = extraction.document->family;
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
  v.completeness = required == 0 ? 1.0 : static_cast<double>(present) / required;
  v.valid = v.errors.empty();
  return v;
}

}  // namespace ita
