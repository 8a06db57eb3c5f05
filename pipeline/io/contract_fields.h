// The contract's field names (../shared/spec/output-contract.md, docs/output-contract.md): the
// one table the writer (contract_json.cc), the typed reader (contract_reader.cc), the exports
// (export_rows.cc), the report (html_report.cc) and re-validation read them from, so that a
// field renamed or misspelt in one of them does not compile instead of silently reading nothing.
// A measure's own fields are named by MeasureFieldName (pipeline/model/document.h), which the
// writer and every reader use for them.
#pragma once

namespace ita::field {

inline constexpr char kActionPlan[] = "action_plan";
inline constexpr char kBox[] = "box";
inline constexpr char kBudget[] = "budget";
inline constexpr char kBudgetBaht[] = "budget_baht";
inline constexpr char kBudgetText[] = "budget_text";
inline constexpr char kCode[] = "code";
inline constexpr char kCompleteness[] = "completeness";
inline constexpr char kConfidence[] = "confidence";
inline constexpr char kContract[] = "contract";
inline constexpr char kControls[] = "controls";
inline constexpr char kDates[] = "dates";
inline constexpr char kDetail[] = "detail";
inline constexpr char kDiagnostics[] = "diagnostics";
inline constexpr char kDimension[] = "dimension";
inline constexpr char kDistrict[] = "district";
inline constexpr char kDocument[] = "document";
inline constexpr char kEnd[] = "end";
inline constexpr char kError[] = "error";
inline constexpr char kErrors[] = "errors";
inline constexpr char kExtractor[] = "extractor";
inline constexpr char kFamily[] = "family";
inline constexpr char kFile[] = "file";
inline constexpr char kFiscalYear[] = "fiscal_year";
inline constexpr char kFrom[] = "from";
inline constexpr char kGrade[] = "grade";
inline constexpr char kGroup[] = "group";
inline constexpr char kIndicators[] = "indicators";
inline constexpr char kItaItem[] = "ita_item";
inline constexpr char kItaScores[] = "ita_scores";
inline constexpr char kItems[] = "items";
inline constexpr char kLevel[] = "level";
inline constexpr char kMeasures[] = "measures";
inline constexpr char kMessage[] = "message";
inline constexpr char kMethod[] = "method";
inline constexpr char kMission[] = "mission";
inline constexpr char kMissions[] = "missions";
inline constexpr char kName[] = "name";
inline constexpr char kNo[] = "no";
inline constexpr char kObjectives[] = "objectives";
inline constexpr char kOrganization[] = "organization";
inline constexpr char kOutcomes[] = "outcomes";
inline constexpr char kOutputs[] = "outputs";
inline constexpr char kPage[] = "page";
inline constexpr char kPageSources[] = "page_sources";
inline constexpr char kPages[] = "pages";
inline constexpr char kPath[] = "path";
inline constexpr char kPeriod[] = "period";
inline constexpr char kPrevious[] = "previous";
inline constexpr char kProcess[] = "process";
inline constexpr char kProjects[] = "projects";
inline constexpr char kProvenance[] = "provenance";
inline constexpr char kProvince[] = "province";
inline constexpr char kRationale[] = "rationale";
inline constexpr char kReason[] = "reason";
inline constexpr char kResponsible[] = "responsible";
inline constexpr char kRisk[] = "risk";
inline constexpr char kRisks[] = "risks";
inline constexpr char kSchema[] = "schema";
inline constexpr char kScore[] = "score";
inline constexpr char kSeq[] = "seq";
inline constexpr char kSource[] = "source";
inline constexpr char kStart[] = "start";
inline constexpr char kStatus[] = "status";
inline constexpr char kTarget[] = "target";
inline constexpr char kText[] = "text";
inline constexpr char kTitle[] = "title";
inline constexpr char kTo[] = "to";
inline constexpr char kTool[] = "tool";
inline constexpr char kTotal[] = "total";
inline constexpr char kTotals[] = "totals";
inline constexpr char kType[] = "type";
inline constexpr char kValid[] = "valid";
inline constexpr char kValidation[] = "validation";
inline constexpr char kVersion[] = "version";
inline constexpr char kYear[] = "year";
inline constexpr char kYears[] = "years";

}  // namespace ita::field
