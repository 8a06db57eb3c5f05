#include "pipeline/io/contract_json.h"

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
  if (m.Has(MeasureField::kOutput) || m.Has(MeasureField::kOutcome)) j["dates"] = m.dates;
  j["pages"] = m.provenance.pages;
  return j;
}

Json ValidationJson(const Validation& v) {
  Json errors = Json::array();
  for (const ValidationIssue& e : v.errors) {
    errors.push_back(Json{{"path", e.path}, {"code", e.code}, {"message", e.message}});
  }
  return Json{{"schema", v.schema},
              {"valid", v.valid},
              {"completeness", v.completeness},
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
  if (ex.document) {
    const DocumentInfo& d = *ex.document;
    const Organization& o = d.organization;
    Json doc;
    doc["family"] = FamilyName(d.family);
    doc["title"] = TextOrNull(d.title);
    doc["organization"] = Json{{"name", TextOrNull(o.name)},
                               {"type", OrganizationTypeName(o.type)},
                               {"district", TextOrNull(o.district)},
                               {"province", TextOrNull(o.province)}};
    doc["fiscal_year"] = d.fiscal_year ? Json(*d.fiscal_year) : Json(nullptr);
    j["document"] = doc;
    bool measures_family = d.family == Family::kMeasuresPlan ||
                           d.family == Family::kMeasuresReport || d.family == Family::kItaAnalysis;
    if (measures_family || !ex.measures.empty()) {
      Json list = Json::array();
      for (const Measure& m : ex.measures) list.push_back(MeasureJson(m));
      j["measures"] = list;
    }
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

}  // namespace ita
