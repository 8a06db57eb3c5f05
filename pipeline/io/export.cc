#include "pipeline/io/export.h"

#include "pipeline/io/html_report.h"
#include "pipeline/io/schema_validator.h"
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

std::vector<ExportTable> ExportSchema() {
  using C = ExportColumn;
  const C doc_id{"document_id", C::kText, "รหัสเอกสาร", "the document's id (documents.id)"};
  ExportTable documents{"documents", {
      {"id", C::kText, "รหัสเอกสาร", "sha256 of the PDF bytes (\"file:PATH\" for an input that could not be read)"},
      {"file", C::kText, "ไฟล์", "the PDF's path as given to extract"},
      {"output", C::kText, "ไฟล์ผลลัพธ์", "the JSON record's path"},
      {"family", C::kText, "ประเภทเอกสาร", "measures_plan, measures_report, ita_analysis, action_plan or unknown; empty for error records"},
      {"title", C::kText, "ชื่อเอกสาร", "the title as printed"},
      {"organization_name", C::kText, "ชื่อหน่วยงาน", "the issuing body, with its type word (เทศบาลตำบล…, องค์การบริหารส่วนตำบล…)"},
      {"organization_type", C::kText, "ประเภทหน่วยงาน", "thesaban_nakhon, thesaban_mueang, thesaban_tambon, sao, pao or other"},
      {"district", C::kText, "อำเภอ", "district, without the word อำเภอ"},
      {"province", C::kText, "จังหวัด", "province, without the word จังหวัด; one of the 77"},
      {"organization_key", C::kText, "รหัสหน่วยงาน", "groups one body's documents as the report does (OCR spellings within two edits, a name read without its place joined to the one placed body of that name): its usual name without spaces and dots, its district and its province, separated by vertical bars"},
      {"fiscal_year", C::kInteger, "ปีงบประมาณ", "Buddhist Era fiscal year the document is about (1 Oct of year-1 to 30 Sep)"},
      {"ita_item", C::kText, "ข้อ ITA", "the ITA disclosure item the document answers (O1…O43), when known"},
      {"pages", C::kInteger, "จำนวนหน้า", "pages in the PDF"},
      {"ocr_pages", C::kInteger, "หน้าที่อ่านด้วย OCR", "pages read by OCR"},
      {"measures", C::kInteger, "จำนวนมาตรการ", "measures found"},
      {"valid", C::kInteger, "ถูกต้อง", "1 when the document was read, classified and has no finding, else 0"},
      {"completeness", C::kReal, "ความครบถ้วน", "share of required values present (0..1); empty for unknown and failed documents"},
      {"findings", C::kInteger, "จำนวนข้อค้นพบ", "validation findings (rows in findings)"},
      {"error_code", C::kText, "รหัสข้อผิดพลาด", "why the PDF could not be read: not_pdf, corrupt, encrypted, empty, too_large, timeout, crashed, not_found, io, internal"},
      {"error_message", C::kText, "ข้อผิดพลาด", "the error in words"},
      {"extractor_version", C::kText, "รุ่นของโปรแกรมที่อ่าน", "the ita-extract version that wrote the record (source.extractor.version)"}},
      {"id"}, false, {}};
  ExportTable measures{"measures", {
      doc_id,
      {"n", C::kInteger, "ลำดับในไฟล์", "1-based position of the measure in the document"},
      {"seq", C::kInteger, "ลำดับ / ที่", "the number the document prints for it"},
      {"issue", C::kText, "ประเด็น / ประเด็นที่ต้องพัฒนา", "the ITA issue the measure answers"},
      {"findings", C::kText, "ข้อบกพร่อง / จุดอ่อน", "what the assessment found wanting"},
      {"measure", C::kText, "มาตรการ", "the measure"},
      {"method", C::kText, "วิธีการดำเนินการ / แนวทางการดำเนินการ", "how it is carried out (required)"},
      {"responsible", C::kText, "ผู้รับผิดชอบ / หน่วยงานที่รับผิดชอบ", "the responsible unit (required)"},
      {"output", C::kText, "ผลการดำเนินการ", "what was done (reports; required there)"},
      {"outcome", C::kText, "ผลลัพธ์", "the result"},
      {"suggestion", C::kText, "ข้อเสนอแนะ", "suggestions"},
      {"follow_up", C::kText, "การติดตามผล", "follow-up"},
      {"group", C::kText, "กลุ่ม / กลยุทธ์", "the heading row (strategy, แนวทาง) the measure stands under"},
      {"items", C::kText, "รายการย่อย", "numbered sub-items of the measure cell, one per line"},
      {"status", C::kText, "สถานะการดำเนินงาน", "done, in_progress or not_done, from tick or status columns"},
      {"questions", C::kText, "ข้อคำถาม", "the ITA questions, one per line: code and text"},
      {"period_text", C::kText, "ระยะเวลาดำเนินการ", "the period as printed (required)"},
      {"period_start", C::kText, "วันเริ่ม", "ISO date the period starts, when it could be read"},
      {"period_end", C::kText, "วันสิ้นสุด", "ISO date the period ends"},
      {"dates", C::kText, "วันที่ที่กล่าวถึง", "ISO dates mentioned in output/outcome, '; '-separated (JSON Lines: an array)", C::kTextList},
      {"pages", C::kText, "หน้า", "pages the measure is on, '; '-separated (JSON Lines: an array)", C::kIntegerList},
      {"source", C::kText, "ที่มา", "text when every field came from the PDF's text layer, ocr when any was read by OCR"},
      {"min_confidence", C::kReal, "ความเชื่อมั่นต่ำสุด", "the lowest OCR confidence of its fields (0..1), OCR measures only"}},
      {"document_id", "n"}, true, {}};
  ExportTable findings{"findings", {
      doc_id,
      {"n", C::kInteger, "ลำดับ", "1-based position of the finding in the record"},
      {"path", C::kText, "ตำแหน่ง", "JSON pointer of the value concerned, e.g. /measures/3/responsible"},
      {"code", C::kText, "รหัส", "required_missing, format, grade_mismatch, period_unparsed, period_outside_fiscal_year, no_measures, ocr_low_confidence, …"},
      {"message_th", C::kText, "ข้อความ", "the finding in Thai"},
      {"message_en", C::kText, "ข้อความ (อังกฤษ)", "the finding in English"},
      {"measure_n", C::kInteger, "มาตรการที่", "the measure concerned (measures.n), when the finding is about one"},
      {"field", C::kText, "ช่อง", "the field concerned (the path's last name: period, responsible, total, …)"},
      {"page", C::kInteger, "หน้า", "the PDF page of the value concerned (its provenance, else the measure's first page)"}},
      {"document_id", "n"}, true, {}};
  ExportTable indicators{"ita_indicators", {
      doc_id,
      {"no", C::kInteger, "ตัวชี้วัดที่", "indicator number (1-10)"},
      {"tool", C::kText, "เครื่องมือ", "IIT, EIT or OIT"},
      {"name", C::kText, "ตัวชี้วัด", "indicator name"},
      {"year", C::kInteger, "ปี", "BE year of the score"},
      {"score", C::kReal, "คะแนน", "the score (0-100)"},
      {"previous_year", C::kInteger, "ปีก่อน", "BE year of the previous score"},
      {"previous", C::kReal, "คะแนนปีก่อน", "the previous year's score"}},
      {"document_id", "no"}, true, {}};
  ExportTable projects{"action_plan_projects", {
      doc_id,
      {"n", C::kInteger, "ลำดับในไฟล์", "1-based position of the project in the plan"},
      {"seq", C::kInteger, "ที่", "the number the plan prints"},
      {"dimension", C::kInteger, "มิติ", "the plan's dimension (1-4)"},
      {"mission", C::kText, "ภารกิจ", "mission code, e.g. 1.1"},
      {"name", C::kText, "โครงการ / กิจกรรม / มาตรการ", "project name"},
      {"responsible", C::kText, "ผู้รับผิดชอบ", "responsible unit"},
      {"period_start", C::kText, "วันเริ่ม", "ISO date the project starts"},
      {"period_end", C::kText, "วันสิ้นสุด", "ISO date it ends"},
      {"budget_text", C::kText, "งบประมาณ", "the budget as printed"},
      {"budget_baht", C::kReal, "งบประมาณ (บาท)", "the budget in baht, when a number"},
      {"pages", C::kText, "หน้า", "pages of its detail, '; '-separated (JSON Lines: an array)", C::kIntegerList},
      {"objectives", C::kText, "วัตถุประสงค์", "its objectives, one per line"},
      {"target", C::kText, "เป้าหมาย", "its target"},
      {"method", C::kText, "วิธีดำเนินการ", "how it is carried out, one step per line"},
      {"outputs", C::kText, "ผลผลิต", "its outputs, one per line"},
      {"outcomes", C::kText, "ผลลัพธ์", "its outcomes, one per line"}},
      {"document_id", "n"}, true, {}};
  ExportTable budgets{"action_plan_budgets", {
      doc_id,
      {"kind", C::kText, "ระดับ", "mission, project or total"},
      {"code", C::kText, "รหัส", "mission code or project position; empty for the total"},
      {"year", C::kInteger, "ปีงบประมาณ", "BE fiscal year"},
      {"amount_baht", C::kReal, "งบประมาณ (บาท)", "the amount in baht"}},
      {"document_id", "kind", "code", "year"}, true, {}};
  ExportTable scores{"ita_scores", {
      doc_id,
      {"year", C::kInteger, "ปี", "BE year of the result"},
      {"total", C::kReal, "คะแนนรวม", "the ITA total score (0-100)"},
      {"grade", C::kText, "ระดับ", "the grade (AA, A, B, C, D, E, F)"},
      {"previous_year", C::kInteger, "ปีก่อน", "BE year of the previous result"},
      {"previous_total", C::kReal, "คะแนนรวมปีก่อน", "the previous year's total"},
      {"previous_grade", C::kText, "ระดับปีก่อน", "the previous year's grade"}},
      {"document_id"}, true, {}};
  ExportTable risks{"action_plan_risks", {
      doc_id,
      {"n", C::kInteger, "ลำดับในไฟล์", "1-based position of the risk in the plan"},
      {"seq", C::kInteger, "ที่", "the number the plan prints"},
      {"process", C::kText, "กระบวนงาน", "the process or work at risk"},
      {"risk", C::kText, "ความเสี่ยง", "the corruption risk"},
      {"level", C::kText, "ระดับความเสี่ยง", "its level as printed"},
      {"controls", C::kText, "มาตรการควบคุม", "the controls against it"}},
      {"document_id", "n"}, true, {}};
  ExportTable provenance{"measure_provenance", {
      doc_id,
      {"measure_n", C::kInteger, "มาตรการที่", "the measure (measures.n)"},
      {"field", C::kText, "ช่อง", "the field: issue, measure, method, period, responsible, output, …"},
      {"page", C::kInteger, "หน้า", "the PDF page it was read on"},
      {"x0", C::kReal, "x0", "its box on the page, points from the left"},
      {"y0", C::kReal, "y0", "points from the top"},
      {"x1", C::kReal, "x1", "right"},
      {"y1", C::kReal, "y1", "bottom"},
      {"source", C::kText, "ที่มา", "text (the PDF's text layer) or ocr"},
      {"confidence", C::kReal, "ความเชื่อมั่น", "OCR confidence 0..1, OCR only"}},
      {"document_id", "measure_n", "field"}, true, {}};
  ExportTable meta{"meta", {
      {"key", C::kText, "รายการ", "contract, exporter_version, export_format, documents, records_read, failed, duplicates, unreadable, organizations, findings, extractor_versions"},
      {"value", C::kText, "ค่า", "its value (no date or time: the same records export to the same bytes)"}},
      {"key"}, false, {}};
  return {documents, measures, findings, indicators, projects, budgets, scores, risks, provenance, meta};
}

namespace {

// "string", "integer or null", "enum: a, b", "→ measure" (a shared definition), "array of …".
std::string TypeOf(const Json& node) {
  if (!node.is_object()) return "";
  if (node.contains("$ref") && node["$ref"].is_string()) {
    std::string ref = node["$ref"].get<std::string>();
    return "→ " + ref.substr(ref.rfind('/') + 1);
  }
  if (node.contains("allOf") && node["allOf"].is_array() && !node["allOf"].empty()) return TypeOf(node["allOf"][0]);
  if (node.contains("enum") && node["enum"].is_array()) {
    std::string out = "one of";
    for (const Json& v : node["enum"]) out += " " + (v.is_string() ? v.get<std::string>() : v.dump());
    return out;
  }
  if (node.contains("const")) return "\"" + node["const"].get<std::string>() + "\"";
  if (node.contains("type")) {
    const Json& t = node["type"];
    std::string out;
    if (t.is_string()) out = t.get<std::string>();
    else for (const Json& x : t) out += (out.empty() ? "" : " or ") + x.get<std::string>();
    if (out == "array" && node.contains("items")) out = "array of " + TypeOf(node["items"]);
    return out;
  }
  if (node.contains("oneOf") || node.contains("anyOf")) return "see schema";
  return "";
}

void FieldRows(const Json& node, const std::string& prefix, std::string& md) {
  if (!node.is_object() || !node.contains("properties")) return;
  for (const auto& [name, field] : node["properties"].items()) {
    std::string path = prefix.empty() ? name : prefix + "." + name;
    md += "| `" + path + "` | " + TypeOf(field) + " | " + Str(field, "x-label-th") + " | " + Str(field, "description") + " |\n";
    FieldRows(field, path, md);
    if (field.contains("items")) FieldRows(field["items"], path + "[]", md);
  }
}

}  // namespace

std::string DataDictionaryMarkdown() {
  std::string md =
      "# Data dictionary\n\n"
      "Generated by `ita-extract export --dictionary` from the tables `ita-extract export` writes "
      "(CSV, JSON Lines, SQLite). One row per PDF in `documents`; every other table refers to it by "
      "`document_id`. Empty cells are NULL in SQLite, empty in CSV and null in JSON Lines. The JSON "
      "records themselves are described in [output-contract.md](output-contract.md).\n";
  for (const ExportTable& t : ExportSchema()) {
    md += "\n## " + t.name + "\n\nKey: ";
    for (size_t k = 0; k < t.primary_key.size(); ++k) md += (k ? ", " : "") + std::string("`") + t.primary_key[k] + "`";
    md += "\n\n| column | type | Thai | meaning |\n| --- | --- | --- | --- |\n";
    for (const ExportColumn& c : t.columns) {
      const char* type = c.type == ExportColumn::kInteger ? "integer" : c.type == ExportColumn::kReal ? "real" : "text";
      md += "| `" + c.name + "` | " + type + " | " + c.thai + " | " + c.meaning + " |\n";
    }
  }
  // The JSON records, from the schema's own descriptions and Thai labels.
  auto it = EmbeddedSchemas().find("common");
  if (it == EmbeddedSchemas().end()) return md;
  Json schema = Json::parse(it->second, nullptr, /*allow_exceptions=*/false);
  md += "\n# The JSON record (`thai-ita-extract/1`)\n\nGenerated from `schemas/common.schema.json`: each "
        "definition's fields with their type, Thai label (`x-label-th`) and meaning (`description`). "
        "\"→ name\" refers to another definition.\n";
  for (const auto& [name, def] : At(schema, "definitions").items()) {
    if (!def.contains("properties")) continue;
    md += "\n## " + name + "\n\n| field | type | Thai | meaning |\n| --- | --- | --- | --- |\n";
    FieldRows(def, "", md);
  }
  return md;
}

std::vector<ExportTable> BuildExportTables(const std::vector<ContractRecord>& records, size_t unreadable) {
  std::vector<ExportTable> schema = ExportSchema();
  ExportTable& documents = schema[0];
  ExportTable& measures = schema[1];
  ExportTable& findings = schema[2];
  ExportTable& indicators = schema[3];
  ExportTable& projects = schema[4];
  ExportTable& budgets = schema[5];
  ExportTable& scores_table = schema[6];
  ExportTable& risks = schema[7];
  ExportTable& provenance = schema[8];
  ExportTable& meta = schema[9];
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
    const Json& j = r.json;
    const Json& source = At(j, "source");
    std::string id = id_of(r);
    const Json& doc = At(j, "document");
    const Json& org = At(doc, "organization");
    const Json& validation = At(j, "validation");
    const Json& error = At(j, "error");
    long long ocr_pages = 0;
    for (const Json& s : At(source, "page_sources")) ocr_pages += s == "ocr" ? 1 : 0;
    long long measure_count = At(j, "measures").is_array() ? static_cast<long long>(At(j, "measures").size()) : 0;
    long long finding_count = At(validation, "errors").is_array() ? static_cast<long long>(At(validation, "errors").size()) : 0;
    const std::string& key = key_of[record];
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
    long long f = 0;
    for (const Json& e : At(validation, "errors")) {
      auto [th, en] = SplitMessage(Str(e, "message"));
      FindingPlace place = PlaceOf(j, Str(e, "path"));
      findings.rows.push_back({id, ++f, Text(e, "path"), Text(e, "code"), th, en.empty() ? CellValue{} : CellValue{en},
                               place.measure_n, place.field, place.page});
    }
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

namespace {

std::string CsvField(const CellValue& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (const long long* i = std::get_if<long long>(&v)) return std::to_string(*i);
  if (const double* d = std::get_if<double>(&v)) {
    Json j = *d;  // shortest round-trip form
    return j.dump();
  }
  const std::string& s = std::get<std::string>(v);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A "; "-joined list cell as a JSON array (integers where the column holds them).
nlohmann::ordered_json ListOf(const std::string& joined, ExportColumn::List list) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  size_t start = 0;
  while (!joined.empty() && start <= joined.size()) {
    size_t end = joined.find("; ", start);
    if (end == std::string::npos) end = joined.size();
    std::string item = joined.substr(start, end - start);
    if (list == ExportColumn::kIntegerList && !item.empty() &&
        item.find_first_not_of("0123456789") == std::string::npos) {
      out.push_back(std::stoll(item));
    } else {
      out.push_back(item);
    }
    start = end + 2;
  }
  return out;
}

}  // namespace

std::string ToCsv(const ExportTable& table) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t c = 0; c < table.columns.size(); ++c) out += (c ? "," : "") + table.columns[c].name;
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + CsvField(row[c]);
    out += "\r\n";
  }
  return out;
}

std::string ToJsonLines(const ExportTable& table) {
  std::string out;
  for (const auto& row : table.rows) {
    nlohmann::ordered_json j;
    for (size_t c = 0; c < row.size(); ++c) {
      const CellValue& v = row[c];
      const std::string& name = table.columns[c].name;
      ExportColumn::List list = table.columns[c].list;
      if (std::holds_alternative<std::monostate>(v)) j[name] = nullptr;
      else if (list != ExportColumn::kNotList) j[name] = ListOf(std::get<std::string>(v), list);
      else if (const long long* i = std::get_if<long long>(&v)) j[name] = *i;
      else if (const double* d = std::get_if<double>(&v)) j[name] = *d;
      else j[name] = std::get<std::string>(v);
    }
    out += j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  return out;
}

}  // namespace ita
