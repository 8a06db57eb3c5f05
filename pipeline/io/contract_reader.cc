#include "pipeline/io/contract_reader.h"

#include <nlohmann/json.hpp>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/ita_items.h"

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
  return Period{Text(j, "text"), Text(j, "start"), Text(j, "end"), Text(j, "reason")};
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
  if (auto seq = Integer(j, "seq")) m.seq = *seq;
  for (const auto& [key, value] : j.items()) {
    auto field = MeasureFieldFromName(key);
    if (!field || *field == MeasureField::kSeq) continue;
    if (*field == MeasureField::kQuestions) {
      std::string joined;
      if (value.is_array()) {
        for (const Json& q : value) {
          Question question{Text(q, "code"), Text(q, "text")};
          m.questions.push_back(question);
          joined += (joined.empty() ? "" : "\n") + question.code + " " + question.text;
        }
      }
      m.columns[*field] = joined;
    } else if (*field == MeasureField::kPeriod) {
      m.period = PeriodOf(value);
      m.columns[*field] = m.period ? m.period->text : "";
    } else {
      m.columns[*field] = value.is_string() ? value.get<std::string>() : "";
    }
  }
  m.dates = Texts(j, "dates");
  m.group = Text(j, "group");
  m.items = Texts(j, "items");
  if (j.contains("status")) m.status = Text(j, "status");
  if (j.contains("provenance") && j["provenance"].is_object()) {
    for (const auto& [key, value] : j["provenance"].items()) {
      auto field = MeasureFieldFromName(key);
      if (!field || !value.is_object()) continue;
      FieldSource src;
      src.page = Integer(value, "page").value_or(0);
      if (value.contains("box") && value["box"].is_array() && value["box"].size() == 4) {
        const Json& b = value["box"];
        if (b[0].is_number() && b[1].is_number() && b[2].is_number() && b[3].is_number())
          src.box = Box{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
      }
      src.origin = Text(value, "source") == "ocr" ? Origin::kOcr : Origin::kPdfText;
      src.confidence = Number(value, "confidence").value_or(1.0);
      m.sources[*field] = src;
      if (src.origin == Origin::kOcr) {
        m.confidence[*field] = src.confidence;
        m.provenance.origin = Origin::kOcr;
        m.provenance.min_confidence = std::min(m.provenance.min_confidence, src.confidence);
      }
    }
  }
  if (j.contains("pages") && j["pages"].is_array()) {
    for (const Json& p : j["pages"]) {
      if (p.is_number_integer()) m.provenance.pages.push_back(p.get<int>());
    }
  }
  return m;
}

YearScore YearScoreOf(const Json& j) {
  return YearScore{Integer(j, "year").value_or(0), Number(j, "total"), Text(j, "grade")};
}

ItaScores ItaScoresOf(const Json& j) {
  ItaScores s;
  s.current = YearScoreOf(j);
  if (j.contains("previous") && j["previous"].is_object()) s.previous = YearScoreOf(j["previous"]);
  for (const Json& i : j.value("indicators", Json::array())) {
    s.indicators.push_back(IndicatorScore{Integer(i, "no").value_or(0), Text(i, "tool"),
                                          Text(i, "name"), Number(i, "score"), Number(i, "previous")});
  }
  return s;
}

ActionPlan ActionPlanOf(const Json& j) {
  ActionPlan p;
  const Json years = j.value("years", Json::object());
  p.year_from = Integer(years, "from");
  p.year_to = Integer(years, "to");
  for (const Json& r : j.value("risks", Json::array())) {
    p.risks.push_back(Risk{Integer(r, "seq"), Text(r, "process"), Text(r, "risk"), Text(r, "level"),
                           Text(r, "controls")});
  }
  for (const Json& m : j.value("missions", Json::array())) {
    p.missions.push_back(Mission{Integer(m, "dimension").value_or(0), Text(m, "code"),
                                 Text(m, "name"), BudgetOf(m.value("budget", Json::object()))});
  }
  for (const Json& x : j.value("projects", Json::array())) {
    Project pr;
    pr.seq = Integer(x, "seq").value_or(0);
    pr.dimension = Integer(x, "dimension").value_or(0);
    pr.mission = Text(x, "mission");
    pr.name = Text(x, "name");
    pr.responsible = Text(x, "responsible");
    pr.budget = BudgetOf(x.value("budget", Json::object()));
    if (x.contains("detail") && x["detail"].is_object()) {
      const Json& d = x["detail"];
      ProjectDetail detail;
      detail.rationale = Text(d, "rationale");
      detail.objectives = Texts(d, "objectives");
      detail.target = Text(d, "target");
      detail.method = Texts(d, "method");
      if (d.contains("period")) detail.period = PeriodOf(d["period"]);
      detail.budget_text = Text(d, "budget_text");
      detail.budget_baht = Number(d, "budget_baht");
      detail.responsible = Text(d, "responsible");
      detail.outputs = Texts(d, "outputs");
      detail.outcomes = Texts(d, "outcomes");
      pr.detail = detail;
    }
    p.projects.push_back(pr);
  }
  const Json totals = j.value("totals", Json::object());
  p.stated_projects = Integer(totals, "projects");
  p.stated_budget = BudgetOf(totals.value("budget", Json::object()));
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
  if (!j.is_object() || Text(j, "contract") != kContractName) {
    return Fail(ErrorCode::kCorrupt, "ไม่ใช่ผลของ ita-extract / not a thai-ita-extract/1 record");
  }
  try {
    Extraction ex;
    const Json source = j.value("source", Json::object());
    ex.source.file = Text(source, "file");
    ex.source.sha256 = Text(source, "sha256");
    if (source.contains("extractor") && source["extractor"].is_object())
      ex.source.extractor_version = Text(source["extractor"], "version");
    ex.source.pages = Integer(source, "pages").value_or(0);
    for (const Json& s : source.value("page_sources", Json::array()))
      ex.source.page_sources.push_back(s == "ocr" ? TextSource::kOcr : TextSource::kText);
    if (j.contains("error") && j["error"].is_object()) {
      Error e;
      e.message = Text(j["error"], "message");
      e.code = ErrorCodeFromName(Text(j["error"], "code"));
      ex.error = e;
    }
    if (j.contains("document") && j["document"].is_object()) {
      const Json& d = j["document"];
      DocumentInfo doc;
      doc.family = FamilyFromName(Text(d, "family")).value_or(Family::kUnknown);
      doc.title = Text(d, "title");
      const Json org = d.value("organization", Json::object());
      doc.organization.name = Text(org, "name");
      doc.organization.district = Text(org, "district");
      doc.organization.province = Text(org, "province");
      std::string type = Text(org, "type");
      for (OrganizationType t : {OrganizationType::kThesabanNakhon, OrganizationType::kThesabanMueang,
                                 OrganizationType::kThesabanTambon, OrganizationType::kSao,
                                 OrganizationType::kPao, OrganizationType::kOther}) {
        if (OrganizationTypeName(t) == type) doc.organization.type = t;
      }
      doc.fiscal_year = Integer(d, "fiscal_year");
      doc.ita_item = Text(d, "ita_item");
      ex.document = doc;
    }
    for (const Json& m : j.value("measures", Json::array())) ex.measures.push_back(MeasureOf(m));
    if (j.contains("ita_scores") && j["ita_scores"].is_object()) ex.ita_scores = ItaScoresOf(j["ita_scores"]);
    if (j.contains("action_plan") && j["action_plan"].is_object()) ex.action_plan = ActionPlanOf(j["action_plan"]);
    ex.diagnostics = Texts(j, "diagnostics");
    return ex;
  } catch (const std::exception&) {
    return Fail(ErrorCode::kCorrupt,
                "ข้อมูลในไฟล์ผิดรูปแบบ / a thai-ita-extract/1 record with a value of the wrong type "
                "(edited by hand? `ita-extract validate` shows where)");
  }
}

}  // namespace ita
