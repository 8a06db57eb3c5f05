// Contract records to the export's rows: one per document, measure, finding, indicator,
// project, budget, score, risk and value's provenance.
#include "pipeline/io/export.h"

#include "pipeline/io/html_report.h"
#include "pipeline/model/version.h"

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
  const Json& measures = JsonAt(record, "measures");
  if (!measures.is_array() || index >= measures.size()) return place;
  const Json& m = measures[index];
  const Json& provenance = JsonAt(JsonAt(m, "provenance"), parts.size() > 2 ? parts[2].c_str() : "");
  if (provenance.is_object() && provenance.contains("page") && provenance["page"].is_number_integer()) {
    place.page = provenance["page"].get<long long>();
  } else if (const Json& pages = JsonAt(m, "pages"); pages.is_array() && !pages.empty() && pages[0].is_number_integer()) {
    place.page = pages[0].get<long long>();
  }
  return place;
}

const char* kMeasureTextFields[] = {"issue", "findings", "measure", "method", "responsible",
                                    "output", "outcome", "suggestion", "follow_up"};

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
  if (!org.is_object() || !org.contains("name") || !org["name"].is_string()) return "";
  std::string name;
  for (char c : org["name"].get<std::string>())
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
    if (!j.is_object() || Str(j, "contract") != "thai-ita-extract/1") {
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
  const Json& source = At(j, "source");
  ExportTable& documents = tables[kDocuments];
  const Json& doc = At(j, "document");
  const Json& org = At(doc, "organization");
  const Json& validation = At(j, "validation");
  const Json& error = At(j, "error");
  long long ocr_pages = 0;
  for (const Json& s : At(source, "page_sources")) ocr_pages += s == "ocr" ? 1 : 0;
  long long measure_count = At(j, "measures").is_array() ? static_cast<long long>(At(j, "measures").size()) : 0;
  long long finding_count = At(validation, "errors").is_array() ? static_cast<long long>(At(validation, "errors").size()) : 0;
  // Only a document read and classified is assessed: an unknown or failed one is never valid
  // or complete, and has no completeness (an average over documents must not count it as 1).
  std::string family = Str(doc, "family");
  bool assessable = !family.empty() && family != "unknown" && !At(j, "error").is_object();
  CellValue valid;  // empty when an assessed record has no verdict
  if (!assessable) valid = 0LL;
  else if (At(validation, "valid").is_boolean()) valid = At(validation, "valid").get<bool>() ? 1LL : 0LL;
  documents.rows.push_back({id, Text(source, "file"), r.path, Text(doc, "family"), Text(doc, "title"),
                            Text(org, "name"), Text(org, "type"), Text(org, "district"), Text(org, "province"),
                            key.empty() ? CellValue{} : CellValue{key}, Integer(doc, "fiscal_year"),
                            Text(doc, "ita_item"), Integer(source, "pages"), ocr_pages, measure_count,
                            valid,
                            assessable ? Real(validation, "completeness") : CellValue{}, finding_count,
                            Text(error, "code"),
                            Text(error, "message"), Text(At(source, "extractor"), "version")});
  if (auto v = Text(At(source, "extractor"), "version"); std::holds_alternative<std::string>(v))
    extractor_versions.insert(std::get<std::string>(v));
}

// One row a measure, and one a field of it for where it was read.
void AddMeasureRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& measures = tables[kMeasures];
  ExportTable& provenance = tables[kProvenance];
  long long n = 0;
  for (const Json& m : At(j, "measures")) {
    std::vector<CellValue> row = {id, ++n, Integer(m, "seq")};
    for (const char* f : kMeasureTextFields) row.push_back(Text(m, f));
    row.push_back(Text(m, "group"));
    std::string items;
    for (const Json& item : At(m, "items"))
      if (item.is_string()) items += (items.empty() ? "" : "\n") + item.get<std::string>();
    row.push_back(At(m, "items").is_array() ? CellValue{items} : CellValue{});
    row.push_back(Text(m, "status"));
    std::string questions;
    for (const Json& q : At(m, "questions")) {
      std::string code = Str(q, "code");
      std::string text = q.contains("text") && q["text"].is_string() ? q["text"].get<std::string>() : "";
      questions += (questions.empty() ? "" : "\n") + (code.empty() ? text : code + " " + text);
    }
    row.push_back(At(m, "questions").is_array() ? CellValue{questions} : CellValue{});
    const Json& period = At(m, "period");
    row.push_back(Text(period, "text"));
    row.push_back(Text(period, "start"));
    row.push_back(Text(period, "end"));
    row.push_back(Joined(m, "dates"));
    row.push_back(Joined(m, "pages"));
    // Where it was read: ocr when any field came from OCR, with the lowest confidence.
    std::string origin = "text";
    double lowest = 1.0;
    for (const auto& [field, p] : At(m, "provenance").items()) {
      if (Str(p, "source") == "ocr") {
        origin = "ocr";
        if (p.contains("confidence") && p["confidence"].is_number()) lowest = std::min(lowest, p["confidence"].get<double>());
      }
    }
    row.push_back(At(m, "provenance").is_object() ? CellValue{origin} : CellValue{});
    row.push_back(origin == "ocr" ? CellValue{lowest} : CellValue{});
    measures.rows.push_back(std::move(row));
    // Where each field was read: one row per field, for checking a value against its page.
    if (At(m, "provenance").is_object()) {
      for (const auto& [field, where] : At(m, "provenance").items()) {
        const Json& box = At(where, "box");
        auto corner = [&](size_t k) {
          return box.is_array() && box.size() == 4 && box[k].is_number() ? CellValue{box[k].get<double>()} : CellValue{};
        };
        provenance.rows.push_back({id, n, field, Integer(where, "page"), corner(0), corner(1), corner(2), corner(3),
                                   Text(where, "source"), Real(where, "confidence")});
      }
    }
  }
}

// One row a finding of the validation, with the measure, field and page it is about.
void AddFindingRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& findings = tables[kFindings];
  const Json& validation = At(j, "validation");
  long long f = 0;
  for (const Json& e : At(validation, "errors")) {
    auto [th, en] = SplitMessage(Str(e, "message"));
    FindingPlace place = PlaceOf(j, Str(e, "path"));
    findings.rows.push_back({id, ++f, Text(e, "path"), Text(e, "code"), th, en.empty() ? CellValue{} : CellValue{en},
                             place.measure_n, place.field, place.page});
  }
}

// An ITA analysis: one row an indicator (each number once), one for the total and grade.
void AddScoreRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& indicators = tables[kIndicators];
  ExportTable& scores_table = tables[kScores];
  const Json& scores = At(j, "ita_scores");
  const Json& previous = At(scores, "previous");
  std::set<long long> numbers;
  for (const Json& i : At(scores, "indicators")) {
    CellValue no = Integer(i, "no");
    if (auto* v = std::get_if<long long>(&no); !v || !numbers.insert(*v).second) continue;
    indicators.rows.push_back({id, no, Text(i, "tool"), Text(i, "name"), Integer(scores, "year"),
                               Real(i, "score"), Integer(previous, "year"), Real(i, "previous")});
  }
  if (scores.is_object() && (scores.contains("total") || scores.contains("grade"))) {
    scores_table.rows.push_back({id, Integer(scores, "year"), Real(scores, "total"), Text(scores, "grade"),
                                 Integer(previous, "year"), Real(previous, "total"), Text(previous, "grade")});
  }
}

// An action plan: its risks, projects and budgets by year (project, mission, total).
void AddPlanRows(const Json& j, const std::string& id, std::vector<ExportTable>& tables) {
  ExportTable& risks = tables[kRisks];
  ExportTable& projects = tables[kProjects];
  ExportTable& budgets = tables[kBudgets];
  const Json& plan = At(j, "action_plan");
  long long risk_n = 0;
  for (const Json& risk : At(plan, "risks")) {
    risks.rows.push_back({id, ++risk_n, Integer(risk, "seq"), Text(risk, "process"), Text(risk, "risk"),
                          Text(risk, "level"), Text(risk, "controls")});
  }
  long long p = 0;
  for (const Json& project : At(plan, "projects")) {
    const Json& detail = At(project, "detail");
    const Json& period = At(detail, "period");
    projects.rows.push_back({id, ++p, Integer(project, "seq"), Integer(project, "dimension"),
                             Text(project, "mission"), Text(project, "name"), Text(project, "responsible"),
                             Text(period, "start"), Text(period, "end"), Text(detail, "budget_text"),
                             Real(detail, "budget_baht"), Joined(detail, "pages"), Lines(detail, "objectives"),
                             Text(detail, "target"), Lines(detail, "method"), Lines(detail, "outputs"),
                             Lines(detail, "outcomes")});
    for (const auto& [year, amount] : At(project, "budget").items()) {
      if (amount.is_number())
        budgets.rows.push_back({id, std::string("project"), std::to_string(p), std::stoll(year), amount.get<double>()});
    }
  }
  std::set<std::string> mission_codes;
  for (const Json& mission : At(plan, "missions")) {
    std::string code = Str(mission, "code");
    if (code.empty() || !mission_codes.insert(code).second) continue;
    for (const auto& [year, amount] : At(mission, "budget").items()) {
      if (amount.is_number())
        budgets.rows.push_back({id, std::string("mission"), code, std::stoll(year), amount.get<double>()});
    }
  }
  for (const auto& [year, amount] : At(At(plan, "totals"), "budget").items()) {
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
    const Json& source = JsonAt(r.json, "source");
    std::string sha = JsonText(source, "sha256");
    return sha.empty() ? "file:" + JsonText(source, "file", r.path) : sha;
  };
  std::vector<ContractRecord> unique;
  for (const ContractRecord& r : records)
    if (seen.insert(id_of(r)).second) unique.push_back(r);
  // One organization key with the report: its groups (OCR spellings, a name read without its
  // place), keyed by the group's name and province.
  std::vector<OrganizationGroup> groups = GroupOrganizations(unique);
  std::vector<std::string> key_of(unique.size());
  for (const OrganizationGroup& g : groups) {
    Json org = {{"name", g.name}, {"district", g.district}, {"province", g.province}};
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
    failed += JsonAt(unique[i].json, "error").is_object() ? 1 : 0;
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
