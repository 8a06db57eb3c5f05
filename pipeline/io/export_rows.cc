// Contract records to the export's rows: one per document, measure, finding, indicator,
// project, budget, score, risk and value's provenance.
#include "pipeline/io/export.h"

#include "pipeline/io/html_report.h"
#include "pipeline/model/document.h"
#include "pipeline/model/version.h"
#include "pipeline/io/contract_fields.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace ita {
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

CellValue Text(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::monostate{};
  return j[key].get<std::string>();
}
CellValue Integer(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer()) return std::monostate{};
  return j[key].get<long long>();
}
CellValue Real(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return std::monostate{};
  return j[key].get<double>();
}
// A list of strings or numbers joined with "; ".
CellValue Joined(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_array()) return std::monostate{};
  std::string out;
  for (const Json& v : j[key]) {
    std::string s = v.is_string() ? v.get<std::string>() : v.dump();
    out += (out.empty() ? "" : "; ") + s;
  }
  return out;
}
// A list of strings one per line, or a string as it is.
CellValue Lines(const Json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) return std::monostate{};
  const Json& v = j[key];
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_array()) return std::monostate{};
  std::string out;
  for (const Json& item : v)
    if (item.is_string()) out += (out.empty() ? "" : "\n") + item.get<std::string>();
  return out;
}
const Json& At(const Json& j, const char* key) { return JsonAt(j, key); }
std::string Str(const Json& j, const char* key, const std::string& fallback = "") {
  return JsonText(j, key, fallback);
}

// Where a finding's JSON pointer ("/measures/3/period") points: the measure (1-based, as
// measures.n), the field, and the page the value was read on.
struct FindingPlace {
  CellValue measure_n;
  CellValue field;
  CellValue page;
};
FindingPlace PlaceOf(const Json& record, const std::string& pointer) {
  FindingPlace place;
  std::vector<std::string> parts;
  for (size_t start = 1; start <= pointer.size() && !pointer.empty();) {
    size_t end = pointer.find('/', start);
    if (end == std::string::npos) end = pointer.size();
    parts.push_back(pointer.substr(start, end - start));
    start = end + 1;
  }
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!it->empty() && it->find_first_not_of("0123456789") != std::string::npos) {
      place.field = *it;
      break;
    }
  }
  if (parts.size() < 2 || parts[0] != "measures" || parts[1].empty() ||
      parts[1].find_first_not_of("0123456789") != std::string::npos) {
    return place;
  }
  size_t index = std::stoul(parts[1]);
  place.measure_n = static_cast<long long>(index) + 1;
  const Json& measures = JsonAt(record, field::kMeasures);
  if (!measures.is_array() || index >= measures.size()) return place;
  const Json& m = measures[index];
  const Json& provenance = JsonAt(JsonAt(m, field::kProvenance), parts.size() > 2 ? parts[2].c_str() : "");
  if (provenance.is_object() && provenance.contains(field::kPage) && provenance[field::kPage].is_number_integer()) {
    place.page = provenance[field::kPage].get<long long>();
  } else if (const Json& pages = JsonAt(m, field::kPages); pages.is_array() && !pages.empty() && pages[0].is_number_integer()) {
    place.page = pages[0].get<long long>();
  }
  return place;
}

// Named by the model's measure field table (MeasureFieldName), as the writer names them.
const MeasureField kMeasureTextFields[] = {MeasureField::kIssue,   MeasureField::kFindings,  MeasureField::kMeasure,
                                           MeasureField::kMethod,  MeasureField::kResponsible, MeasureField::kOutput,
                                           MeasureField::kOutcome, MeasureField::kSuggestion, MeasureField::kFollowUp};

}  // namespace

const Json& JsonAt(const Json& j, const char* key) {
  static const Json kNull;
  return j.is_object() && j.contains(key) ? j[key] : kNull;
}

std::string JsonText(const Json& j, const char* key, const std::string& fallback) {
  const Json& v = JsonAt(j, key);
  return v.is_string() ? v.get<std::string>() : fallback;
}

std::pair<std::string, std::string> SplitMessage(const std::string& m) {
  if (m.empty() || m.back() != ')') return {m, ""};
  int depth = 0;
  for (size_t i = m.size(); i-- > 0;) {
    if (m[i] == ')') ++depth;
    if (m[i] == '(' && --depth == 0) {
      std::string th = m.substr(0, i);
      while (!th.empty() && th.back() == ' ') th.pop_back();
      return {th, m.substr(i + 1, m.size() - i - 2)};
    }
  }
  return {m, ""};
}

std::string OrganizationKey(const Json& org) {
  if (!org.is_object() || !org.contains(field::kName) || !org[field::kName].is_string()) return "";
  std::string name;
  for (char c : org[field::kName].get<std::string>())
    if (c != ' ' && c != '.') name += c;
  auto text = [&](const char* key) { return org.contains(key) && org[key].is_string() ? org[key].get<std::string>() : ""; };
  // Many tambons share a name within a province: the district tells them apart.
  return name + "|" + text("district") + "|" + text("province");
}

std::vector<ContractRecord> ReadContractRecords(const std::vector<std::string>& paths,
                                                std::vector<std::string>* problems) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        std::string name = it->path().filename().string();
        if (it->is_regular_file(type_ec) && it->path().extension() == ".json" && name[0] != '.')
          files.push_back(it->path().string());
      }
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      problems->push_back(p + ": ไม่พบไฟล์หรือโฟลเดอร์ / no such file or folder");
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<ContractRecord> out;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    Json j = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || Str(j, field::kContract) != "thai-ita-extract/1") {
      problems->push_back(f + ": อ่านไม่ได้ ไม่ใช่ผลของ ita-extract หรือไฟล์ไม่ครบ / not readable: not a "
                          "thai-ita-extract/1 record, or not valid JSON (cut short?)");
      continue;
    }
    out.push_back({f, std::move(j)});
  }
  return out;
}


namespace {

// The export's tables in ExportSchema's order.
enum TableIndex { kDocuments, kMeasures, kFindings, kIndicators, kProjects, kBudgets, kScores, kRisks,
                  kProvenance, kMeta };

// The document's row. `key`: its organization's key (empty when it names none).
void AddDocumentRow(const ContractRecord& r, const std::string& id, const std::string& key,
                    std::vector<ExportTable>& tables, std::set<std::string>& extractor_versions) {
  const Json& j = r.json;
  const Json& source = At(j, field::kSource);
  ExportTable& documents = tables[kDocuments];
  const Json& doc = At(j, field::kDocument);
  const Json& org = At(doc, field::kOrganization);
  const Json& validation = At(j, field::kValidation);
  const Json& error = At(j, field::kError);
  long long ocr_pages = 0;
  for (const Json& s : At(source, field::kPageSources)) ocr_pages += s == "ocr" ? 1 : 0;
  long long measure_count = At(j, field::kMeasures).is_array() ? static_cast<long long>(At(j, field::kMeasures).size()) : 0;
  long long finding_count = At(validation, field::kErrors).is_array() ? static_cast<long long>(At(validation, field::kErrors).size()) : 0;
  // Only a document read and classified is assessed: an unknown or failed one is never valid
  // or complete, and has no completeness (an average over documents must not count it as 1).
  std::string family = Str(doc, field::kFamily);
  bool assessable = !family.empty() && family != "unknown" && !At(j, field::kError).is_object();
  CellValue valid;  // empty when an assessed record has no verdict
  if (!assessable) valid = 0LL;
  else if (At(validation, field::kValid).is_boolean()) valid = At(validation, field::kValid).get<bool>() ? 1LL : 0LL;
  documents.rows.push_back({id, Text(source, field::kFile), r.path, Text(doc, field::kFamily), Text(doc, field::kTitle),
                            Text(org, field::kName), Text(org, field::kType), Text(org, field::kDistrict), Text(org, field::kProvince),
                            key.empty() ? CellValue{} : CellValue{key}, Integer(doc, field::kFiscalYear),
                            Text(doc, field::kItaItem), Integer(source, field::kPages), ocr_pages, measure_count,
                            valid,
                            assessable ? Real(validation, field::kCompleteness) : CellValue{}, finding_count,
                            Text(error, field::kCode),
                            Text(error, field::kMessage), Text(At(source, field::kExtractor), field::kVersion)});
  if (auto v = Text(At(source, field::kExtractor), field::kVersion); std::holds_alternative<std::string>(v))
    extractor_versions.insert(std::get<std::string>(v));
}

// One row a measure, and one a field of it for where it was read.
void AddMeasureRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& measures = tables[kMeasures];
  ExportTable& provenance = tables[kProvenance];
  long long n = 0;
  for (const Json& m : At(j, field::kMeasures)) {
    std::vector<CellValue> row = {id, ++n, Integer(m, field::kSeq)};
    for (MeasureField f : kMeasureTextFields) row.push_back(Text(m, MeasureFieldName(f).c_str()));
    row.push_back(Text(m, field::kGroup));
    std::string items;
    for (const Json& item : At(m, field::kItems))
      if (item.is_string()) items += (items.empty() ? "" : "\n") + item.get<std::string>();
    row.push_back(At(m, field::kItems).is_array() ? CellValue{items} : CellValue{});
    row.push_back(Text(m, field::kStatus));
    std::string questions;
    for (const Json& q : At(m, MeasureFieldName(MeasureField::kQuestions).c_str())) {
      std::string code = Str(q, field::kCode);
      std::string text = q.contains(field::kText) && q[field::kText].is_string() ? q[field::kText].get<std::string>() : "";
      questions += (questions.empty() ? "" : "\n") + (code.empty() ? text : code + " " + text);
    }
    row.push_back(At(m, MeasureFieldName(MeasureField::kQuestions).c_str()).is_array() ? CellValue{questions} : CellValue{});
    const Json& period = At(m, field::kPeriod);
    row.push_back(Text(period, field::kText));
    row.push_back(Text(period, field::kStart));
    row.push_back(Text(period, field::kEnd));
    row.push_back(Joined(m, field::kDates));
    row.push_back(Joined(m, field::kPages));
    // Where it was read: ocr when any field came from OCR, with the lowest confidence.
    std::string origin = "text";
    double lowest = 1.0;
    for (const auto& [field, p] : At(m, field::kProvenance).items()) {
      if (Str(p, field::kSource) == "ocr") {
        origin = "ocr";
        if (p.contains(field::kConfidence) && p[field::kConfidence].is_number()) lowest = std::min(lowest, p[field::kConfidence].get<double>());
      }
    }
    row.push_back(At(m, field::kProvenance).is_object() ? CellValue{origin} : CellValue{});
    row.push_back(origin == "ocr" ? CellValue{lowest} : CellValue{});
    measures.rows.push_back(std::move(row));
    // Where each field was read: one row per field, for checking a value against its page.
    if (At(m, field::kProvenance).is_object()) {
      for (const auto& [field, where] : At(m, field::kProvenance).items()) {
        const Json& box = At(where, field::kBox);
        auto corner = [&](size_t k) {
          return box.is_array() && box.size() == 4 && box[k].is_number() ? CellValue{box[k].get<double>()} : CellValue{};
        };
        provenance.rows.push_back({id, n, field, Integer(where, field::kPage), corner(0), corner(1), corner(2), corner(3),
                                   Text(where, field::kSource), Real(where, field::kConfidence)});
      }
    }
  }
}

// One row a finding of the validation, with the measure, field and page it is about.
void AddFindingRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& findings = tables[kFindings];
  const Json& validation = At(j, field::kValidation);
  long long f = 0;
  for (const Json& e : At(validation, field::kErrors)) {
    auto [th, en] = SplitMessage(Str(e, field::kMessage));
    FindingPlace place = PlaceOf(j, Str(e, field::kPath));
    findings.rows.push_back({id, ++f, Text(e, field::kPath), Text(e, field::kCode), th, en.empty() ? CellValue{} : CellValue{en},
                             place.measure_n, place.field, place.page});
  }
}

// An ITA analysis: one row an indicator (each number once), one for the total and grade.
void AddScoreRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& indicators = tables[kIndicators];
  ExportTable& scores_table = tables[kScores];
  const Json& scores = At(j, field::kItaScores);
  const Json& previous = At(scores, field::kPrevious);
  std::set<long long> numbers;
  for (const Json& i : At(scores, field::kIndicators)) {
    CellValue no = Integer(i, field::kNo);
    if (auto* v = std::get_if<long long>(&no); !v || !numbers.insert(*v).second) continue;
    indicators.rows.push_back({id, no, Text(i, field::kTool), Text(i, field::kName), Integer(scores, field::kYear),
                               Real(i, field::kScore), Integer(previous, field::kYear), Real(i, field::kPrevious)});
  }
  if (scores.is_object() && (scores.contains(field::kTotal) || scores.contains(field::kGrade))) {
    scores_table.rows.push_back({id, Integer(scores, field::kYear), Real(scores, field::kTotal), Text(scores, field::kGrade),
                                 Integer(previous, field::kYear), Real(previous, field::kTotal), Text(previous, field::kGrade)});
  }
}

// An action plan: its risks, projects and budgets by year (project, mission, total).
void AddPlanRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& risks = tables[kRisks];
  ExportTable& projects = tables[kProjects];
  ExportTable& budgets = tables[kBudgets];
  const Json& plan = At(j, field::kActionPlan);
  long long risk_n = 0;
  for (const Json& risk : At(plan, field::kRisks)) {
    risks.rows.push_back({id, ++risk_n, Integer(risk, field::kSeq), Text(risk, field::kProcess), Text(risk, field::kRisk),
                          Text(risk, field::kLevel), Text(risk, field::kControls)});
  }
  long long p = 0;
  for (const Json& project : At(plan, field::kProjects)) {
    const Json& detail = At(project, field::kDetail);
    const Json& period = At(detail, field::kPeriod);
    projects.rows.push_back({id, ++p, Integer(project, field::kSeq), Integer(project, field::kDimension),
                             Text(project, field::kMission), Text(project, field::kName), Text(project, field::kResponsible),
                             Text(period, field::kStart), Text(period, field::kEnd), Text(detail, field::kBudgetText),
                             Real(detail, field::kBudgetBaht), Joined(detail, field::kPages), Lines(detail, field::kObjectives),
                             Text(detail, field::kTarget), Lines(detail, field::kMethod), Lines(detail, field::kOutputs),
                             Lines(detail, field::kOutcomes)});
    for (const auto& [year, amount] : At(project, field::kBudget).items()) {
      if (amount.is_number())
        budgets.rows.push_back({id, std::string("project"), std::to_string(p), std::stoll(year), amount.get<double>()});
    }
  }
  std::set<std::string> mission_codes;
  for (const Json& mission : At(plan, field::kMissions)) {
    std::string code = Str(mission, field::kCode);
    if (code.empty() || !mission_codes.insert(code).second) continue;
    for (const auto& [year, amount] : At(mission, field::kBudget).items()) {
      if (amount.is_number())
        budgets.rows.push_back({id, std::string("mission"), code, std::stoll(year), amount.get<double>()});
    }
  }
  for (const auto& [year, amount] : At(At(plan, field::kTotals), field::kBudget).items()) {
    if (amount.is_number())
      budgets.rows.push_back({id, std::string("total"), std::string(""), std::stoll(year), amount.get<double>()});
  }
}

}  // namespace

std::vector<ExportTable> BuildExportTables(const std::vector<ContractRecord>& records, size_t unreadable) {
  std::vector<ExportTable> schema = ExportSchema();
  std::set<std::string> seen;
  std::set<std::string> extractor_versions;
  // The same PDF twice: once. Records without bytes (a missing input) are told apart by their
  // file name.
  auto id_of = [](const ContractRecord& r) {
    const Json& source = JsonAt(r.json, field::kSource);
    std::string sha = JsonText(source, "sha256");
    return sha.empty() ? "file:" + JsonText(source, field::kFile, r.path) : sha;
  };
  std::vector<ContractRecord> unique;
  for (const ContractRecord& r : records)
    if (seen.insert(id_of(r)).second) unique.push_back(r);
  // One organization key with the report: its groups (OCR spellings, a name read without its
  // place), keyed by the group's name and province.
  std::vector<OrganizationGroup> groups = GroupOrganizations(unique);
  std::vector<std::string> key_of(unique.size());
  for (const OrganizationGroup& g : groups) {
    Json org = {{field::kName, g.name}, {field::kDistrict, g.district}, {field::kProvince, g.province}};
    for (size_t i : g.records) key_of[i] = g.name.empty() ? "" : OrganizationKey(org);
  }
  for (size_t record = 0; record < unique.size(); ++record) {
    const ContractRecord& r = unique[record];
    std::string id = id_of(r);
    AddDocumentRow(r, id, key_of[record], schema, extractor_versions);
    AddMeasureRows(r.json, id, schema);
    AddFindingRows(r.json, id, schema);
    AddScoreRows(r.json, id, schema);
    AddPlanRows(r.json, id, schema);
  }
  const ExportTable& documents = schema[kDocuments];
  const ExportTable& findings = schema[kFindings];
  ExportTable& meta = schema[kMeta];
  // What the dataset is: the contract, who exported it and from how many records.
  std::string versions;
  for (const std::string& v : extractor_versions) versions += (versions.empty() ? "" : "; ") + v;
  meta.rows.push_back({std::string("contract"), std::string("thai-ita-extract/1")});
  meta.rows.push_back({std::string("exporter_version"), std::string(kProgramVersion)});
  meta.rows.push_back({std::string("export_format"), std::to_string(kExportFormatVersion)});
  meta.rows.push_back({std::string("documents"), std::to_string(documents.rows.size())});
  meta.rows.push_back({std::string("records_read"), std::to_string(records.size())});
  // The counts report and validate give for the same paths.
  size_t failed = 0;
  std::set<std::string> organizations;
  for (size_t i = 0; i < unique.size(); ++i) {
    failed += JsonAt(unique[i].json, field::kError).is_object() ? 1 : 0;
    if (!key_of[i].empty()) organizations.insert(key_of[i]);
  }
  meta.rows.push_back({std::string("failed"), std::to_string(failed)});
  meta.rows.push_back({std::string("duplicates"), std::to_string(records.size() - unique.size())});
  meta.rows.push_back({std::string("unreadable"), std::to_string(unreadable)});
  meta.rows.push_back({std::string("organizations"), std::to_string(organizations.size())});
  meta.rows.push_back({std::string("findings"), std::to_string(findings.rows.size())});
  meta.rows.push_back({std::string("extractor_versions"), versions});
  return schema;
}


}  // namespace ita
