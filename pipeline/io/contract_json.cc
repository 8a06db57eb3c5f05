#include "pipeline/io/contract_json.h"
#include "pipeline/io/contract_fields.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ita {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json PeriodJson(const Period& p) {
  Json j;
  j[field::kText] = p.text;
  j[field::kStart] = TextOrNull(p.start);
  j[field::kEnd] = TextOrNull(p.end);
  if (p.start.empty() && !p.reason.empty()) j[field::kReason] = p.reason;
  return j;
}

Json MeasureJson(const Measure& m) {
  Json j;
  j[field::kSeq] = m.seq ? Json(*m.seq) : Json(nullptr);
  if (!m.group.empty()) j[field::kGroup] = m.group;
  // Contract order; a field appears only when its column exists.
  for (MeasureField f : {MeasureField::kIssue, MeasureField::kQuestions, MeasureField::kFindings,
                         MeasureField::kMeasure, MeasureField::kMethod, MeasureField::kResponsible,
                         MeasureField::kPeriod, MeasureField::kOutput, MeasureField::kOutcome,
                         MeasureField::kSuggestion, MeasureField::kFollowUp}) {
    auto it = m.columns.find(f);
    if (it == m.columns.end()) continue;
    std::string name = MeasureFieldName(f);
    if (f == MeasureField::kQuestions) {
      if (m.questions.empty()) {
        j[name] = nullptr;
        continue;
      }
      Json list = Json::array();
      for (const Question& q : m.questions) {
        list.push_back(Json{{field::kCode, TextOrNull(q.code)}, {field::kText, q.text}});
      }
      j[name] = list;
    } else if (f == MeasureField::kPeriod) {
      j[name] = m.period ? PeriodJson(*m.period) : Json(nullptr);
    } else {
      j[name] = TextOrNull(it->second);
    }
  }
  if (!m.items.empty()) j[field::kItems] = m.items;
  if (m.status) j[field::kStatus] = TextOrNull(*m.status);
  if (m.Has(MeasureField::kOutput) || m.Has(MeasureField::kOutcome)) j[field::kDates] = m.dates;
  j[field::kPages] = m.provenance.pages;
  // Where each field was read, so `validate` and the reports reproduce what extraction knew.
  if (!m.sources.empty()) {
    Json provenance = Json::object();
    for (const auto& [field, src] : m.sources) {
      if (!m.columns.contains(field)) continue;
      auto round1 = [](double v) { return std::round(v * 10) / 10; };
      Json entry{{field::kPage, src.page},
                 {field::kBox, Json::array({round1(src.box.x0), round1(src.box.y0), round1(src.box.x1), round1(src.box.y1)})},
                 {field::kSource, src.origin == Origin::kOcr ? "ocr" : "text"}};
      if (src.origin == Origin::kOcr) entry[field::kConfidence] = std::round(src.confidence * 1000) / 1000;
      provenance[MeasureFieldName(field)] = entry;
    }
    // Sources of fields the measure does not have are not written: no empty object, which
    // would read back as no provenance and be written differently (found by contract_fuzzer).
    if (!provenance.empty()) j[field::kProvenance] = provenance;
  }
  return j;
}

Json NumberOrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json YearScoreJson(const YearScore& y) {
  return Json{{field::kYear, y.year > 0 ? Json(y.year) : Json(nullptr)},
              {field::kTotal, NumberOrNull(y.total)},
              {field::kGrade, TextOrNull(y.grade)}};
}

Json ItaScoresJson(const ItaScores& s) {
  Json j = YearScoreJson(s.current);
  j[field::kPrevious] = s.previous ? YearScoreJson(*s.previous) : Json(nullptr);
  Json list = Json::array();
  for (const IndicatorScore& i : s.indicators) {
    list.push_back(Json{{field::kNo, i.no},
                        {field::kTool, i.tool},
                        {field::kName, i.name},
                        {field::kScore, NumberOrNull(i.score)},
                        {field::kPrevious, NumberOrNull(i.previous)}});
  }
  j[field::kIndicators] = list;
  return j;
}

Json BudgetJson(const std::map<int, double>& budget) {
  Json j = Json::object();
  for (const auto& [year, amount] : budget) j[std::to_string(year)] = amount;
  return j;
}

Json TextList(const std::vector<std::string>& items) {
  Json j = Json::array();
  for (const std::string& s : items) j.push_back(s);
  return j;
}

Json ActionPlanJson(const ActionPlan& p) {
  Json j;
  j[field::kYears] = Json{{field::kFrom, p.year_from ? Json(*p.year_from) : Json(nullptr)},
                    {field::kTo, p.year_to ? Json(*p.year_to) : Json(nullptr)}};
  Json risks = Json::array();
  for (const Risk& r : p.risks) {
    risks.push_back(Json{{field::kSeq, r.seq ? Json(*r.seq) : Json(nullptr)},
                         {field::kProcess, TextOrNull(r.process)},
                         {field::kRisk, TextOrNull(r.risk)},
                         {field::kLevel, TextOrNull(r.level)},
                         {field::kControls, TextOrNull(r.controls)}});
  }
  j[field::kRisks] = risks;
  Json missions = Json::array();
  for (const Mission& m : p.missions) {
    missions.push_back(Json{{field::kDimension, m.dimension}, {field::kCode, m.code}, {field::kName, m.name},
                            {field::kBudget, BudgetJson(m.budget)}});
  }
  j[field::kMissions] = missions;
  Json projects = Json::array();
  for (const Project& pr : p.projects) {
    Json x{{field::kSeq, pr.seq}, {field::kDimension, pr.dimension}, {field::kMission, pr.mission},
           {field::kName, pr.name}, {field::kResponsible, TextOrNull(pr.responsible)}};
    if (!pr.budget.empty()) x[field::kBudget] = BudgetJson(pr.budget);
    if (pr.detail) {
      const ProjectDetail& d = *pr.detail;
      x[field::kDetail] = Json{{field::kRationale, TextOrNull(d.rationale)},
                         {field::kObjectives, TextList(d.objectives)},
                         {field::kTarget, TextOrNull(d.target)},
                         {field::kMethod, TextList(d.method)},
                         {field::kPeriod, d.period ? PeriodJson(*d.period) : Json(nullptr)},
                         {field::kBudgetText, TextOrNull(d.budget_text)},
                         {field::kBudgetBaht, NumberOrNull(d.budget_baht)},
                         {field::kResponsible, TextOrNull(d.responsible)},
                         {field::kOutputs, TextList(d.outputs)},
                         {field::kOutcomes, TextList(d.outcomes)},
                         {field::kPages, d.pages}};
    } else {
      x[field::kDetail] = nullptr;
    }
    projects.push_back(x);
  }
  j[field::kProjects] = projects;
  // Totals as the document states them, else as summed here.
  std::map<int, double> budget = p.stated_budget;
  if (budget.empty()) {
    for (const Mission& m : p.missions)
      for (const auto& [year, amount] : m.budget) budget[year] += amount;
  }
  if (budget.empty()) {
    for (const Project& pr : p.projects)
      for (const auto& [year, amount] : pr.budget) budget[year] += amount;
  }
  j[field::kTotals] = Json{{field::kProjects, p.stated_projects ? *p.stated_projects : static_cast<int>(p.projects.size())},
                     {field::kBudget, BudgetJson(budget)}};
  return j;
}

Json ValidationJson(const Validation& v) {
  Json errors = Json::array();
  for (const ValidationIssue& e : v.errors) {
    errors.push_back(Json{{field::kPath, e.path}, {field::kCode, e.code}, {field::kMessage, e.message}});
  }
  return Json{{field::kSchema, v.schema},
              {field::kValid, v.valid},
              {field::kCompleteness, v.assessed ? Json(v.completeness) : Json(nullptr)},
              {field::kErrors, errors}};
}

}  // namespace

nlohmann::ordered_json ToContractJson(const Extraction& ex) {
  Json j;
  j[field::kContract] = kContractName;
  Json sources = Json::array();
  for (TextSource s : ex.source.page_sources) sources.push_back(s == TextSource::kText ? "text" : "ocr");
  j[field::kSource] = Json{{field::kFile, ex.source.file},
                     {"sha256", ex.source.sha256},
                     {field::kPages, ex.source.pages},
                     {field::kPageSources, sources}};
  if (!ex.source.extractor_version.empty()) {
    j[field::kSource][field::kExtractor] = Json{{field::kName, "ita-extract"}, {field::kVersion, ex.source.extractor_version}};
  }
  if (ex.document) {
    const DocumentInfo& d = *ex.document;
    const Organization& o = d.organization;
    Json doc;
    doc[field::kFamily] = FamilyName(d.family);
    doc[field::kTitle] = TextOrNull(d.title);
    doc[field::kOrganization] = Json{{field::kName, TextOrNull(o.name)},
                               // No issuer named: no type to give either.
                               {field::kType, o.name.empty() ? Json(nullptr) : Json(OrganizationTypeName(o.type))},
                               {field::kDistrict, TextOrNull(o.district)},
                               {field::kProvince, TextOrNull(o.province)}};
    doc[field::kFiscalYear] = d.fiscal_year ? Json(*d.fiscal_year) : Json(nullptr);
    if (!d.ita_item.empty()) doc[field::kItaItem] = d.ita_item;
    j[field::kDocument] = doc;
    if (IsMeasuresFamily(d.family) || !ex.measures.empty()) {
      Json list = Json::array();
      for (const Measure& m : ex.measures) list.push_back(MeasureJson(m));
      j[field::kMeasures] = list;
    }
    if (ex.ita_scores) j[field::kItaScores] = ItaScoresJson(*ex.ita_scores);
    if (ex.action_plan) j[field::kActionPlan] = ActionPlanJson(*ex.action_plan);
  } else {
    j[field::kDocument] = nullptr;
  }
  j[field::kValidation] = ValidationJson(ex.validation);
  if (ex.error) {
    j[field::kError] = Json{{field::kCode, ErrorCodeName(ex.error->code)}, {field::kMessage, ex.error->message}};
  }
  if (!ex.diagnostics.empty()) j[field::kDiagnostics] = ex.diagnostics;
  return j;
}

std::string ToContractText(const Extraction& extraction) {
  return ToContractJson(extraction).dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string ToContractLine(const Extraction& extraction) {
  return ToContractJson(extraction).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string PeriodLine(const Period& period) {
  Json j = PeriodJson(period);
  if (period.start.empty()) j[field::kReason] = period.reason;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string DatesLine(const std::vector<std::string>& dates) { return Json(dates).dump(); }

}  // namespace ita
