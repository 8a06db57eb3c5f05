#include "pipeline/io/contract_reader.h"

#include <nlohmann/json.hpp>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/io/contract_fields.h"

namespace ita {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return "";
  return j[key].get<std::string>();
}

std::optional<double> Number(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

std::optional<int> Integer(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer()) return std::nullopt;
  return j[key].get<int>();
}

std::vector<std::string> Texts(const Json& j, const char* key) {
  std::vector<std::string> out;
  if (j.is_object() && j.contains(key) && j[key].is_array()) {
    for (const Json& v : j[key]) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::optional<Period> PeriodOf(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  return Period{Text(j, field::kText), Text(j, field::kStart), Text(j, field::kEnd), Text(j, field::kReason)};
}

std::map<int, double> BudgetOf(const Json& j) {
  std::map<int, double> out;
  if (!j.is_object()) return out;
  for (const auto& [year, amount] : j.items()) {
    if (amount.is_number()) out[std::stoi(year)] = amount.get<double>();
  }
  return out;
}

Measure MeasureOf(const Json& j) {
  Measure m;
  if (auto seq = Integer(j, field::kSeq)) m.seq = *seq;
  for (const auto& [key, value] : j.items()) {
    auto which = MeasureFieldFromName(key);
    if (!which || *which == MeasureField::kSeq) continue;
    if (*which == MeasureField::kQuestions) {
      std::string joined;
      if (value.is_array()) {
        for (const Json& q : value) {
          Question question{Text(q, field::kCode), Text(q, field::kText)};
          m.questions.push_back(question);
          joined += (joined.empty() ? "" : "\n") + question.code + " " + question.text;
        }
      }
      m.columns[*which] = joined;
    } else if (*which == MeasureField::kPeriod) {
      m.period = PeriodOf(value);
      m.columns[*which] = m.period ? m.period->text : "";
    } else {
      m.columns[*which] = value.is_string() ? value.get<std::string>() : "";
    }
  }
  m.dates = Texts(j, field::kDates);
  m.group = Text(j, field::kGroup);
  m.items = Texts(j, field::kItems);
  if (j.contains(field::kStatus)) m.status = Text(j, field::kStatus);
  if (j.contains(field::kProvenance) && j[field::kProvenance].is_object()) {
    for (const auto& [key, value] : j[field::kProvenance].items()) {
      auto field = MeasureFieldFromName(key);
      if (!field || !value.is_object()) continue;
      FieldSource src;
      src.page = Integer(value, field::kPage).value_or(0);
      if (value.contains(field::kBox) && value[field::kBox].is_array() && value[field::kBox].size() == 4) {
        const Json& b = value[field::kBox];
        if (b[0].is_number() && b[1].is_number() && b[2].is_number() && b[3].is_number())
          src.box = Box{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
      }
      src.origin = Text(value, field::kSource) == "ocr" ? Origin::kOcr : Origin::kPdfText;
      src.confidence = Number(value, field::kConfidence).value_or(1.0);
      m.sources[*field] = src;
      if (src.origin == Origin::kOcr) {
        m.confidence[*field] = src.confidence;
        m.provenance.origin = Origin::kOcr;
        m.provenance.min_confidence = std::min(m.provenance.min_confidence, src.confidence);
      }
    }
  }
  if (j.contains(field::kPages) && j[field::kPages].is_array()) {
    for (const Json& p : j[field::kPages]) {
      if (p.is_number_integer()) m.provenance.pages.push_back(p.get<int>());
    }
  }
  return m;
}

YearScore YearScoreOf(const Json& j) {
  return YearScore{Integer(j, field::kYear).value_or(0), Number(j, field::kTotal), Text(j, field::kGrade)};
}

ItaScores ItaScoresOf(const Json& j) {
  ItaScores s;
  s.current = YearScoreOf(j);
  if (j.contains(field::kPrevious) && j[field::kPrevious].is_object()) s.previous = YearScoreOf(j[field::kPrevious]);
  for (const Json& i : j.value(field::kIndicators, Json::array())) {
    s.indicators.push_back(IndicatorScore{Integer(i, field::kNo).value_or(0), Text(i, field::kTool),
                                          Text(i, field::kName), Number(i, field::kScore), Number(i, field::kPrevious)});
  }
  return s;
}

ActionPlan ActionPlanOf(const Json& j) {
  ActionPlan p;
  const Json years = j.value(field::kYears, Json::object());
  p.year_from = Integer(years, field::kFrom);
  p.year_to = Integer(years, field::kTo);
  for (const Json& r : j.value(field::kRisks, Json::array())) {
    p.risks.push_back(Risk{Integer(r, field::kSeq), Text(r, field::kProcess), Text(r, field::kRisk), Text(r, field::kLevel),
                           Text(r, field::kControls)});
  }
  for (const Json& m : j.value(field::kMissions, Json::array())) {
    p.missions.push_back(Mission{Integer(m, field::kDimension).value_or(0), Text(m, field::kCode),
                                 Text(m, field::kName), BudgetOf(m.value(field::kBudget, Json::object()))});
  }
  for (const Json& x : j.value(field::kProjects, Json::array())) {
    Project pr;
    pr.seq = Integer(x, field::kSeq).value_or(0);
    pr.dimension = Integer(x, field::kDimension).value_or(0);
    pr.mission = Text(x, field::kMission);
    pr.name = Text(x, field::kName);
    pr.responsible = Text(x, field::kResponsible);
    pr.budget = BudgetOf(x.value(field::kBudget, Json::object()));
    if (x.contains(field::kDetail) && x[field::kDetail].is_object()) {
      const Json& d = x[field::kDetail];
      ProjectDetail detail;
      detail.rationale = Text(d, field::kRationale);
      detail.objectives = Texts(d, field::kObjectives);
      detail.target = Text(d, field::kTarget);
      detail.method = Texts(d, field::kMethod);
      if (d.contains(field::kPeriod)) detail.period = PeriodOf(d[field::kPeriod]);
      detail.budget_text = Text(d, field::kBudgetText);
      detail.budget_baht = Number(d, field::kBudgetBaht);
      detail.responsible = Text(d, field::kResponsible);
      detail.outputs = Texts(d, field::kOutputs);
      detail.outcomes = Texts(d, field::kOutcomes);
      pr.detail = detail;
    }
    p.projects.push_back(pr);
  }
  const Json totals = j.value(field::kTotals, Json::object());
  p.stated_projects = Integer(totals, field::kProjects);
  p.stated_budget = BudgetOf(totals.value(field::kBudget, Json::object()));
  return p;
}

}  // namespace

Result<Extraction> ReadContractJson(const std::string& text) {
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // Said in words, not in the library's: where the text stops being JSON.
    std::string where = e.byte >= text.size() ? "it ends before the record does (cut short?)"
                                              : "at byte " + std::to_string(e.byte);
    return Fail(ErrorCode::kCorrupt, "อ่านเป็น JSON ไม่ได้ / not valid JSON: " + where);
  }
  if (!j.is_object() || Text(j, field::kContract) != kContractName) {
    return Fail(ErrorCode::kCorrupt, "ไม่ใช่ผลของ ita-extract / not a thai-ita-extract/1 record");
  }
  try {
    Extraction ex;
    const Json source = j.value(field::kSource, Json::object());
    ex.source.file = Text(source, field::kFile);
    ex.source.sha256 = Text(source, "sha256");
    if (source.contains(field::kExtractor) && source[field::kExtractor].is_object())
      ex.source.extractor_version = Text(source[field::kExtractor], field::kVersion);
    ex.source.pages = Integer(source, field::kPages).value_or(0);
    for (const Json& s : source.value(field::kPageSources, Json::array()))
      ex.source.page_sources.push_back(s == "ocr" ? TextSource::kOcr : TextSource::kText);
    if (j.contains(field::kError) && j[field::kError].is_object()) {
      Error e;
      e.message = Text(j[field::kError], field::kMessage);
      e.code = ErrorCodeFromName(Text(j[field::kError], field::kCode));
      ex.error = e;
    }
    if (j.contains(field::kDocument) && j[field::kDocument].is_object()) {
      const Json& d = j[field::kDocument];
      DocumentInfo doc;
      doc.family = FamilyFromName(Text(d, field::kFamily)).value_or(Family::kUnknown);
      doc.title = Text(d, field::kTitle);
      const Json org = d.value(field::kOrganization, Json::object());
      doc.organization.name = Text(org, field::kName);
      doc.organization.district = Text(org, field::kDistrict);
      doc.organization.province = Text(org, field::kProvince);
      std::string type = Text(org, field::kType);
      for (OrganizationType t : {OrganizationType::kThesabanNakhon, OrganizationType::kThesabanMueang,
                                 OrganizationType::kThesabanTambon, OrganizationType::kSao,
                                 OrganizationType::kPao, OrganizationType::kOther}) {
        if (OrganizationTypeName(t) == type) doc.organization.type = t;
      }
      doc.fiscal_year = Integer(d, field::kFiscalYear);
      doc.ita_item = Text(d, field::kItaItem);
      ex.document = doc;
    }
    for (const Json& m : j.value(field::kMeasures, Json::array())) ex.measures.push_back(MeasureOf(m));
    if (j.contains(field::kItaScores) && j[field::kItaScores].is_object()) ex.ita_scores = ItaScoresOf(j[field::kItaScores]);
    if (j.contains(field::kActionPlan) && j[field::kActionPlan].is_object()) ex.action_plan = ActionPlanOf(j[field::kActionPlan]);
    ex.diagnostics = Texts(j, field::kDiagnostics);
    return ex;
  } catch (const std::exception&) {
    return Fail(ErrorCode::kCorrupt,
                "ข้อมูลในไฟล์ผิดรูปแบบ / a thai-ita-extract/1 record with a value of the wrong type "
                "(edited by hand? `ita-extract validate` shows where)");
  }
}

}  // namespace ita
