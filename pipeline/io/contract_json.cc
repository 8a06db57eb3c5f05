#include "pipeline/io/contract_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace ita {
namespace {

using Json = nlohmann::ordered_json;

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json PeriodJson(const Period& p) {
  Json j;
  j["text"] = p.text;
  j["start"] = TextOrNull(p.start);
  j["end"] = TextOrNull(p.end);
  if (p.start.empty() && !p.reason.empty()) j["reason"] = p.reason;
  return j;
}

Json MeasureJson(const Measure& m) {
  Json j;
  j["seq"] = m.seq ? Json(*m.seq) : Json(nullptr);
  if (!m.group.empty()) j["group"] = m.group;
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
        list.push_back(Json{{"code", TextOrNull(q.code)}, {"text", q.text}});
      }
      j[name] = list;
    } else if (f == MeasureField::kPeriod) {
      j[name] = m.period ? PeriodJson(*m.period) : Json(nullptr);
    } else {
      j[name] = TextOrNull(it->second);
    }
  }
  if (!m.items.empty()) j["items"] = m.items;
  if (m.status) j["status"] = TextOrNull(*m.status);
  if (m.Has(MeasureField::kOutput) || m.Has(MeasureField::kOutcome)) j["dates"] = m.dates;
  j["pages"] = m.provenance.pages;
  // Where each field was read, so `validate` and the reports reproduce what extraction knew.
  if (!m.sources.empty()) {
    Json provenance = Json::object();
    for (const auto& [field, src] : m.sources) {
      if (!m.columns.contains(field)) continue;
      auto round1 = [](double v) { return std::round(v * 10) / 10; };
      Json entry{{"page", src.page},
                 {"box", Json::array({round1(src.box.x0), round1(src.box.y0), round1(src.box.x1), round1(src.box.y1)})},
                 {"source", src.origin == Origin::kOcr ? "ocr" : "text"}};
      if (src.origin == Origin::kOcr) entry["confidence"] = std::round(src.confidence * 1000) / 1000;
      provenance[MeasureFieldName(field)] = entry;
    }
    // Sources of fields the measure does not have are not written: no empty object, which
    // would read back as no provenance and be written differently (found by contract_fuzzer).
    if (!provenance.empty()) j["provenance"] = provenance;
  }
  return j;
}

Json NumberOrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

Json YearScoreJson(const YearScore& y) {
  return Json{{"year", y.year > 0 ? Json(y.year) : Json(nullptr)},
              {"total", NumberOrNull(y.total)},
              {"grade", TextOrNull(y.grade)}};
}

Json ItaScoresJson(const ItaScores& s) {
  Json j = YearScoreJson(s.current);
  j["previous"] = s.previous ? YearScoreJson(*s.previous) : Json(nullptr);
  Json list = Json::array();
  for (const IndicatorScore& i : s.indicators) {
    list.push_back(Json{{"no", i.no},
                        {"tool", i.tool},
                        {"name", i.name},
                        {"score", NumberOrNull(i.score)},
                        {"previous", NumberOrNull(i.previous)}});
  }
  j["indicators"] = list;
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
  j["years"] = Json{{"from", p.year_from ? Json(*p.year_from) : Json(nullptr)},
                    {"to", p.year_to ? Json(*p.year_to) : Json(nullptr)}};
  Json risks = Json::array();
  for (const Risk& r : p.risks) {
    risks.push_back(Json{{"seq", r.seq ? Json(*r.seq) : Json(nullptr)},
                         {"process", TextOrNull(r.process)},
                         {"risk", TextOrNull(r.risk)},
                         {"level", TextOrNull(r.level)},
                         {"controls", TextOrNull(r.controls)}});
  }
  j["risks"] = risks;
  Json missions = Json::array();
  for (const Mission& m : p.missions) {
    missions.push_back(Json{{"dimension", m.dimension}, {"code", m.code}, {"name", m.name},
                            {"budget", BudgetJson(m.budget)}});
  }
  j["missions"] = missions;
  Json projects = Json::array();
  for (const Project& pr : p.projects) {
    Json x{{"seq", pr.seq}, {"dimension", pr.dimension}, {"mission", pr.mission},
           {"name", pr.name}, {"responsible", TextOrNull(pr.responsible)}};
    if (!pr.budget.empty()) x["budget"] = BudgetJson(pr.budget);
    if (pr.detail) {
      const ProjectDetail& d = *pr.detail;
      x["detail"] = Json{{"rationale", TextOrNull(d.rationale)},
                         {"objectives", TextList(d.objectives)},
                         {"target", TextOrNull(d.target)},
                         {"method", TextList(d.method)},
                         {"period", d.period ? PeriodJson(*d.period) : Json(nullptr)},
                         {"budget_text", TextOrNull(d.budget_text)},
                         {"budget_baht", NumberOrNull(d.budget_baht)},
                         {"responsible", TextOrNull(d.responsible)},
                         {"outputs", TextList(d.outputs)},
                         {"outcomes", TextList(d.outcomes)},
                         {"pages", d.pages}};
    } else {
      x["detail"] = nullptr;
    }
    projects.push_back(x);
  }
  j["projects"] = projects;
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
  j["totals"] = Json{{"projects", p.stated_projects ? *p.stated_projects : static_cast<int>(p.projects.size())},
                     {"budget", BudgetJson(budget)}};
  return j;
}

Json ValidationJson(const Validation& v) {
  Json errors = Json::array();
  for (const ValidationIssue& e : v.errors) {
    errors.push_back(Json{{"path", e.path}, {"code", e.code}, {"message", e.message}});
  }
  return Json{{"schema", v.schema},
              {"valid", v.valid},
              {"completeness", v.assessed ? Json(v.completeness) : Json(nullptr)},
              {"errors", errors}};
}

}  // namespace

nlohmann::ordered_json ToContractJson(const Extraction& ex) {
  Json j;
  j["contract"] = kContractName;
  Json sources = Json::array();
  for (TextSource s : ex.source.page_sources) sources.push_back(s == TextSource::kText ? "text" : "ocr");
  j["source"] = Json{{"file", ex.source.file},
                     {"sha256", ex.source.sha256},
                     {"pages", ex.source.pages},
                     {"page_sources", sources}};
  if (!ex.source.extractor_version.empty()) {
    j["source"]["extractor"] = Json{{"name", "ita-extract"}, {"version", ex.source.extractor_version}};
  }
  if (ex.document) {
    const DocumentInfo& d = *ex.document;
    const Organization& o = d.organization;
    Json doc;
    doc["family"] = FamilyName(d.family);
    doc["title"] = TextOrNull(d.title);
    doc["organization"] = Json{{"name", TextOrNull(o.name)},
                               // No issuer named: no type to give either.
                               {"type", o.name.empty() ? Json(nullptr) : Json(OrganizationTypeName(o.type))},
                               {"district", TextOrNull(o.district)},
                               {"province", TextOrNull(o.province)}};
    doc["fiscal_year"] = d.fiscal_year ? Json(*d.fiscal_year) : Json(nullptr);
    if (!d.ita_item.empty()) doc["ita_item"] = d.ita_item;
    j["document"] = doc;
    if (IsMeasuresFamily(d.family) || !ex.measures.empty()) {
      Json list = Json::array();
      for (const Measure& m : ex.measures) list.push_back(MeasureJson(m));
      j["measures"] = list;
    }
    if (ex.ita_scores) j["ita_scores"] = ItaScoresJson(*ex.ita_scores);
    if (ex.action_plan) j["action_plan"] = ActionPlanJson(*ex.action_plan);
  } else {
    j["document"] = nullptr;
  }
  j["validation"] = ValidationJson(ex.validation);
  if (ex.error) {
    j["error"] = Json{{"code", ErrorCodeName(ex.error->code)}, {"message", ex.error->message}};
  }
  if (!ex.diagnostics.empty()) j["diagnostics"] = ex.diagnostics;
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
  if (period.start.empty()) j["reason"] = period.reason;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string DatesLine(const std::vector<std::string>& dates) { return Json(dates).dump(); }

}  // namespace ita
