// Dataset exports and the auditors' report from contract records: row counts equal the JSON,
// duplicates once, CSV quoting, SQLite keys, determinism, HTML escaping, organization groups.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <set>
#include <fstream>

#include "pipeline/io/export.h"
#include "pipeline/io/export_sqlite.h"
#include "pipeline/io/html_report.h"

namespace ita {
namespace {

namespace fs = std::filesystem;
const fs::path kGolden = fs::path(ITA_SOURCE_DIR) / "samples/golden";

std::vector<ContractRecord> Goldens() {
  std::vector<std::string> problems;
  auto records = ReadContractRecords({kGolden.string()}, &problems);
  EXPECT_TRUE(problems.empty());
  return records;
}

const ExportTable& Table(const std::vector<ExportTable>& tables, const std::string& name) {
  for (const ExportTable& t : tables)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

TEST(Export, RowsMatchTheRecordsAndDuplicatesCountOnce) {
  std::vector<ContractRecord> records = Goldens();
  ASSERT_GE(records.size(), 7u);
  size_t measures = 0, findings = 0;
  for (const ContractRecord& r : records) {
    measures += r.json.contains("measures") ? r.json["measures"].size() : 0;
    findings += r.json["validation"]["errors"].size();
  }
  auto tables = BuildExportTables(records);
  EXPECT_EQ(Table(tables, "documents").rows.size(), records.size());
  EXPECT_EQ(Table(tables, "measures").rows.size(), measures);
  EXPECT_EQ(Table(tables, "findings").rows.size(), findings);
  EXPECT_GT(Table(tables, "ita_indicators").rows.size(), 0u);
  EXPECT_GT(Table(tables, "action_plan_projects").rows.size(), 0u);
  EXPECT_GT(Table(tables, "action_plan_budgets").rows.size(), 0u);
  // One row per ITA result and per risk of a plan.
  size_t results = 0, risks = 0;
  for (const ContractRecord& r : records) {
    results += r.json.contains("ita_scores") && r.json["ita_scores"].contains("total") ? 1 : 0;
    if (r.json.contains("action_plan") && r.json["action_plan"].contains("risks")) risks += r.json["action_plan"]["risks"].size();
  }
  EXPECT_EQ(Table(tables, "ita_scores").rows.size(), results);
  EXPECT_GT(results, 0u);
  EXPECT_EQ(Table(tables, "action_plan_risks").rows.size(), risks);
  EXPECT_GT(risks, 0u);
  // One row per measure field's provenance.
  size_t fields = 0;
  for (const ContractRecord& r : records)
    if (r.json.contains("measures"))
      for (const auto& m : r.json["measures"])
        if (m.contains("provenance")) fields += m["provenance"].size();
  EXPECT_EQ(Table(tables, "measure_provenance").rows.size(), fields);
  EXPECT_GT(fields, 0u);
  // The same PDF read twice (same sha256) is one document.
  std::vector<ContractRecord> twice = records;
  twice.push_back(records[0]);
  twice.back().path = "elsewhere.json";
  EXPECT_EQ(Table(BuildExportTables(twice), "documents").rows.size(), records.size());
  EXPECT_EQ(Table(BuildExportTables(twice), "measures").rows.size(), measures);
}

// An unknown or failed document is never valid or complete: valid 0, completeness empty, so that
// an average over the documents table counts only what was assessed.
TEST(Export, UnknownAndFailedDocumentsAreNotAssessed) {
  std::vector<ContractRecord> records = Goldens();
  ASSERT_FALSE(records.empty());
  ContractRecord unknown = records[0], failed = records[0];
  unknown.json["document"]["family"] = "unknown";
  unknown.json["source"]["sha256"] = std::string(64, 'a');
  failed.json["error"] = {{"code", "corrupt"}, {"message", "x"}};
  failed.json["source"]["sha256"] = std::string(64, 'b');
  std::vector<ExportTable> tables = BuildExportTables({records[0], unknown, failed});
  const ExportTable& docs = Table(tables, "documents");
  size_t valid = 0, completeness = 0;
  for (size_t c = 0; c < docs.columns.size(); ++c) {
    if (docs.columns[c].name == "valid") valid = c;
    if (docs.columns[c].name == "completeness") completeness = c;
  }
  ASSERT_EQ(docs.rows.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<double>(docs.rows[0][completeness]));
  for (size_t r : {1u, 2u}) {
    EXPECT_EQ(std::get<long long>(docs.rows[r][valid]), 0) << r;
    EXPECT_TRUE(std::holds_alternative<std::monostate>(docs.rows[r][completeness])) << r;
  }
}

// A finding names its measure, field and page; lists are arrays in JSON Lines.
TEST(Export, FindingsArePlacedAndListsAreArrays) {
  ContractRecord r;
  r.path = "x.json";
  r.json = nlohmann::json::parse(R"json({"contract":"thai-ita-extract/1","source":{"file":"x.pdf","sha256":"ab"},
    "document":{"family":"measures_plan"},
    "measures":[{"seq":1,"measure":"a","pages":[2]},
                {"seq":2,"measure":"b","pages":[3,4],"dates":["2024-01-05"],
                 "provenance":{"period":{"page":4,"box":[0,0,1,1],"source":"text"}}}],
    "validation":{"valid":false,"completeness":0.5,"errors":[
      {"path":"/measures/1/period","code":"required_missing","message":"ไม่มีระยะเวลา (no period)"},
      {"path":"/measures/0/responsible","code":"required_missing","message":"ไม่มีผู้รับผิดชอบ (no unit)"},
      {"path":"/ita_scores/total","code":"total_mismatch","message":"ยอดรวมไม่ตรง (total)"}]}})json");
  auto tables = BuildExportTables({r});
  const ExportTable& findings = Table(tables, "findings");
  ASSERT_EQ(findings.rows.size(), 3u);
  auto column = [&](const std::string& name) {
    for (size_t c = 0; c < findings.columns.size(); ++c)
      if (findings.columns[c].name == name) return c;
    throw std::runtime_error("no column " + name);
  };
  EXPECT_EQ(std::get<long long>(findings.rows[0][column("measure_n")]), 2);
  EXPECT_EQ(std::get<std::string>(findings.rows[0][column("field")]), "period");
  EXPECT_EQ(std::get<long long>(findings.rows[0][column("page")]), 4);  // its provenance
  EXPECT_EQ(std::get<long long>(findings.rows[1][column("page")]), 2);  // the measure's first page
  EXPECT_TRUE(std::holds_alternative<std::monostate>(findings.rows[2][column("measure_n")]));
  EXPECT_EQ(std::get<std::string>(findings.rows[2][column("field")]), "total");
  std::string lines = ToJsonLines(Table(tables, "measures"));
  nlohmann::json second = nlohmann::json::parse(lines.substr(lines.find('\n') + 1, lines.rfind('\n') - lines.find('\n') - 1));
  EXPECT_EQ(second["pages"], nlohmann::json::parse("[3,4]"));
  EXPECT_EQ(second["dates"], nlohmann::json::parse(R"(["2024-01-05"])"));
  EXPECT_NE(ToCsv(Table(tables, "measures")).find("3; 4"), std::string::npos);  // joined in CSV
}

// The export's organization key groups as the report does: an OCR spelling and a name read
// without its place are the same body.
TEST(Export, OrganizationKeyIsTheReportsGroup) {
  auto record = [](const std::string& sha, const std::string& name, const std::string& district,
                   const std::string& province) {
    nlohmann::json j = {{"contract", "thai-ita-extract/1"}, {"source", {{"file", sha + ".pdf"}, {"sha256", sha}}},
                        {"document", {{"family", "measures_plan"},
                                      {"organization", {{"name", name}, {"district", district}, {"province", province}}}}}};
    return ContractRecord{sha + ".json", j};
  };
  // Two bodies of one name in one province, told apart by their districts; one read without
  // its district joins neither (which one is not known).
  auto tables = BuildExportTables({record("a", "เทศบาลตำบลบ้านฆ้อง", "โพธาราม", "ราชบุรี"),
                                   record("b", "เทศบาลตำบลบ้านมฆ้อง", "โพธาราม", "ราชบุรี"),
                                   record("c", "เทศบาลตำบลบ้านฆ้อง", "", ""),
                                   record("d", "เทศบาลตำบลหนองบัว", "เมือง", "ราชบุรี"),
                                   record("e", "เทศบาลตำบลหนองบัว", "บ้านโป่ง", "ราชบุรี"),
                                   record("f", "เทศบาลตำบลหนองบัว", "", "ราชบุรี")});
  const ExportTable& documents = Table(tables, "documents");
  size_t key = 0;
  while (documents.columns[key].name != "organization_key") ++key;
  std::set<std::string> keys;
  for (size_t r = 0; r < 3; ++r) keys.insert(std::get<std::string>(documents.rows[r][key]));
  EXPECT_EQ(keys, std::set<std::string>{"เทศบาลตำบลบ้านฆ้อง|โพธาราม|ราชบุรี"});
  EXPECT_EQ(std::get<std::string>(documents.rows[3][key]), "เทศบาลตำบลหนองบัว|เมือง|ราชบุรี");
  EXPECT_EQ(std::get<std::string>(documents.rows[4][key]), "เทศบาลตำบลหนองบัว|บ้านโป่ง|ราชบุรี");
  EXPECT_EQ(std::get<std::string>(documents.rows[5][key]), "เทศบาลตำบลหนองบัว||ราชบุรี");
}

TEST(Export, CsvIsExcelReadyAndDeterministic) {
  auto tables = BuildExportTables(Goldens());
  std::string csv = ToCsv(Table(tables, "measures"));
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "document_id,n,seq,", 0), 0u) << "BOM, then the header";
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  EXPECT_EQ(csv, ToCsv(Table(BuildExportTables(Goldens()), "measures"))) << "same input, same bytes";
  ExportTable t{"t", {{"a", ExportColumn::kText, "", ""}, {"b", ExportColumn::kReal, "", ""}}, {"a"}, false,
                {{std::string("say \"hi\", then\nleave"), 1.5}, {CellValue{}, CellValue{}}}};
  EXPECT_EQ(ToCsv(t), "\xEF\xBB\xBF" "a,b\r\n\"say \"\"hi\"\", then\nleave\",1.5\r\n,\r\n");
  EXPECT_EQ(ToJsonLines(t), "{\"a\":\"say \\\"hi\\\", then\\nleave\",\"b\":1.5}\n{\"a\":null,\"b\":null}\n");
}

TEST(Export, SqliteHasTheTablesWithKeys) {
  auto tables = BuildExportTables(Goldens());
  fs::path db_path = fs::temp_directory_path() / ("ita_export_" + std::to_string(::getpid()) + ".db");
  std::string error;
  ASSERT_TRUE(WriteSqlite(tables, db_path.string(), &error)) << error;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.string().c_str(), &db), SQLITE_OK);
  auto count = [&](const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql;
    long long n = -1;
    if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
  };
  for (const ExportTable& t : tables)
    EXPECT_EQ(count("SELECT count(*) FROM " + t.name), static_cast<long long>(t.rows.size())) << t.name;
  EXPECT_EQ(count("SELECT count(*) FROM measures m LEFT JOIN documents d ON m.document_id = d.id WHERE d.id IS NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM pragma_foreign_key_list('measures')"), 1);
  EXPECT_EQ(count("SELECT typeof(completeness) = 'real' FROM documents WHERE completeness IS NOT NULL LIMIT 1"), 1);
  // What the dataset is: its layout version, and a meta table naming the contract and counts.
  EXPECT_EQ(count("PRAGMA user_version"), kExportFormatVersion);
  EXPECT_EQ(count("SELECT count(*) FROM meta WHERE key = 'contract' AND value = 'thai-ita-extract/1'"), 1);
  EXPECT_EQ(count("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'documents'"),
            count("SELECT count(*) FROM documents"));
  EXPECT_EQ(count("SELECT count(*) FROM documents WHERE extractor_version IS NULL AND error_code IS NULL"), 0);
  sqlite3_close(db);
  EXPECT_FALSE(fs::exists(db_path.string() + ".partial"));
  fs::remove(db_path);
}

TEST(Export, DataDictionaryCoversEveryColumnAndIsCommitted) {
  std::string md = DataDictionaryMarkdown();
  for (const ExportTable& t : ExportSchema()) {
    EXPECT_NE(md.find("## " + t.name), std::string::npos);
    for (const ExportColumn& c : t.columns) {
      EXPECT_NE(md.find("| `" + c.name + "` |"), std::string::npos) << t.name << "." << c.name;
      EXPECT_FALSE(c.meaning.empty()) << t.name << "." << c.name;
      EXPECT_FALSE(c.thai.empty()) << t.name << "." << c.name;
    }
  }
  std::ifstream in(fs::path(ITA_SOURCE_DIR) / "docs/data-dictionary.md");
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(committed, md) << "regenerate: build/ita-extract export --dictionary > docs/data-dictionary.md";
}

// Every field of the contract schema says what it means, in English and Thai.
TEST(Export, EverySchemaFieldIsDescribed) {
  std::ifstream in(fs::path(ITA_SOURCE_DIR) / "schemas/common.schema.json");
  nlohmann::json schema = nlohmann::json::parse(in);
  std::vector<std::string> undescribed;
  std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& node,
                                                                            const std::string& path) {
    if (!node.is_object()) return;
    if (node.contains("properties")) {
      for (const auto& [name, field] : node["properties"].items()) {
        if (!field.contains("description") || !field.contains("x-label-th")) undescribed.push_back(path + "/" + name);
        walk(field, path + "/" + name);
      }
    }
    for (const char* key : {"items", "additionalProperties"})
      if (node.contains(key)) walk(node[key], path + "/" + key);
  };
  for (const auto& [name, def] : schema["definitions"].items()) walk(def, name);
  EXPECT_TRUE(undescribed.empty()) << undescribed.size() << " fields, first: " << undescribed.front();
  EXPECT_NE(DataDictionaryMarkdown().find("| `method` | → nullableText | วิธีการดำเนินการ |"), std::string::npos);
}

TEST(Report, EscapesWhatCameFromAPdf) {
  EXPECT_EQ(EscapeHtml("<script>a&b</script>\"'"), "&lt;script&gt;a&amp;b&lt;/script&gt;&quot;&#39;");
  std::vector<ContractRecord> records = Goldens();
  records[0].json["document"]["title"] = "<script>alert(1)</script>";
  std::string html = RenderHtmlReport(records, "test");
  EXPECT_EQ(html.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
}

TEST(Report, OneBodyReadTwoWaysIsOneOrganization) {
  auto record = [](const std::string& name, const std::string& district, const std::string& province) {
    nlohmann::json j = {{"contract", "thai-ita-extract/1"},
                        {"document", {{"organization", {{"name", name}, {"district", district}, {"province", province}}}}}};
    return ContractRecord{name, j};
  };
  std::vector<ContractRecord> records = {
      record("เทศบาลตำบลบ้านฆ้อง", "โพธาราม", "ราชบุรี"), record("เทศบาลตำบลบ้านมฆ้อง", "โพธาราม", "ราชบุรี"),
      record("เทศบาลตำบลบ้านฆ้อง", "โพธาราม", "ราชบุรี"), record("เทศบาลตำบลบ้านโป่ง", "โพธาราม", "ราชบุรี"),
      record("เทศบาลตำบลบ้านฆ้อง", "เมือง", "ขอนแก่น")};
  auto groups = GroupOrganizations(records);
  ASSERT_EQ(groups.size(), 3u);  // บ้านโป่ง is another body; the same name elsewhere too
  EXPECT_EQ(groups[0].name, "เทศบาลตำบลบ้านฆ้อง");
  EXPECT_EQ(groups[0].records.size(), 3u);
  EXPECT_EQ(groups[0].variants, std::vector<std::string>{"เทศบาลตำบลบ้านมฆ้อง"});
  // Read once without its place: the one placed body of that name. With two such bodies
  // (the same name in two provinces) it stays apart: which one is not known.
  std::vector<ContractRecord> placed = {record("โรงพยาบาลน้ำยืน", "", ""), record("โรงพยาบาลน้ำยืน", "น้ำยืน", "อุบลราชธานี")};
  auto one = GroupOrganizations(placed);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].province, "อุบลราชธานี");
  EXPECT_EQ(one[0].records, (std::vector<size_t>{0, 1}));
  records.push_back(record("เทศบาลตำบลบ้านฆ้อง", "", ""));
  EXPECT_EQ(GroupOrganizations(records).size(), 4u);
}

}  // namespace
}  // namespace ita
