#include "pipeline/model/document.h"

namespace ita {

std::string ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotPdf: return "not_pdf";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kCrashed: return "crashed";
    case ErrorCode::kNotFound: return "not_found";
  }
  return "internal";
}

std::string ErrorCodeThai(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotPdf: return "ไม่ใช่ไฟล์ PDF";
    case ErrorCode::kCorrupt: return "ไฟล์เสียหาย";
    case ErrorCode::kEncrypted: return "ไฟล์ถูกเข้ารหัส";
    case ErrorCode::kEmpty: return "ไฟล์ว่างหรือไม่มีหน้า";
    case ErrorCode::kTooLarge: return "ไฟล์ใหญ่เกินกำหนด";
    case ErrorCode::kTimeout: return "อ่านนานเกินกำหนด";
    case ErrorCode::kIo: return "อ่านหรือเขียนไฟล์ไม่ได้";
    case ErrorCode::kInternal: return "ข้อผิดพลาดภายในโปรแกรม";
    case ErrorCode::kCrashed: return "ตัวอ่านเอกสารล้มเหลว";
    case ErrorCode::kNotFound: return "ไม่พบไฟล์";
  }
  return "ข้อผิดพลาดภายในโปรแกรม";
}

ErrorCode ErrorCodeFromName(std::string_view name) {
  for (ErrorCode c : kAllErrorCodes)
    if (ErrorCodeName(c) == name) return c;
  return ErrorCode::kInternal;
}

std::string FamilyName(Family family) {
  switch (family) {
    case Family::kMeasuresPlan: return "measures_plan";
    case Family::kMeasuresReport: return "measures_report";
    case Family::kItaAnalysis: return "ita_analysis";
    case Family::kActionPlan: return "action_plan";
    case Family::kUnknown: return "unknown";
  }
  return "unknown";
}

std::string MeasureFieldName(MeasureField field) {
  switch (field) {
    case MeasureField::kSeq: return "seq";
    case MeasureField::kIssue: return "issue";
    case MeasureField::kQuestions: return "questions";
    case MeasureField::kFindings: return "findings";
    case MeasureField::kMeasure: return "measure";
    case MeasureField::kMethod: return "method";
    case MeasureField::kResponsible: return "responsible";
    case MeasureField::kPeriod: return "period";
    case MeasureField::kOutput: return "output";
    case MeasureField::kOutcome: return "outcome";
    case MeasureField::kSuggestion: return "suggestion";
    case MeasureField::kFollowUp: return "follow_up";
    case MeasureField::kTarget: return "target";
    case MeasureField::kObjective: return "objective";
    case MeasureField::kRemark: return "remark";
    case MeasureField::kQuantity: return "quantity";
    case MeasureField::kBudget: return "budget";
    case MeasureField::kStatistic: return "statistic";
    case MeasureField::kStatus: return "status";
    case MeasureField::kDone: return "done";
    case MeasureField::kInProgress: return "in_progress";
    case MeasureField::kNotDone: return "not_done";
    case MeasureField::kPeriodTick: return "period_tick";
  }
  return "unknown";
}

std::string OrganizationTypeName(OrganizationType type) {
  switch (type) {
    case OrganizationType::kThesabanNakhon: return "thesaban_nakhon";
    case OrganizationType::kThesabanMueang: return "thesaban_mueang";
    case OrganizationType::kThesabanTambon: return "thesaban_tambon";
    case OrganizationType::kSao: return "sao";
    case OrganizationType::kPao: return "pao";
    case OrganizationType::kOther: return "other";
  }
  return "other";
}

}  // namespace ita
