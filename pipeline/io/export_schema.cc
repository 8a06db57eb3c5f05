// The export's tables as data (names, columns, types, Thai labels) and the data dictionary
// made from them and the contract's schemas.
#include "pipeline/io/export.h"
#include <nlohmann/json.hpp>

#include "pipeline/io/schema_validator.h"

namespace ita {
using Json = nlohmann::json;

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
    md += "| `" + path + "` | " + TypeOf(field) + " | " + JsonText(field, "x-label-th") + " | " + JsonText(field, "description") + " |\n";
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
  for (const auto& [name, def] : JsonAt(schema, "definitions").items()) {
    if (!def.contains("properties")) continue;
    md += "\n## " + name + "\n\n| field | type | Thai | meaning |\n| --- | --- | --- | --- |\n";
    FieldRows(def, "", md);
  }
  return md;
}


}  // namespace ita
