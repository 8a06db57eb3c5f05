// Flat tables from contract records, for researchers (pandas, R, Excel, SQLite) and auditors:
// documents, measures, findings, ita_indicators, action_plan_projects, action_plan_budgets.
// Built from the public JSON (the contract), not from internal types, so any folder of outputs
// exports the same way. docs/data-dictionary.md describes every column.
//
// Deterministic: records are taken in path order, duplicates (same sha256) once, rows in
// document order; the same input gives the same bytes.
#pragma once

#include <nlohmann/json.hpp>  // ContractRecord holds a parsed record
#include <string>
#include <variant>
#include <vector>

namespace ita {

using CellValue = std::variant<std::monostate, long long, double, std::string>;

struct ExportColumn {
  std::string name;
  enum Type { kText, kInteger, kReal } type = kText;
  std::string thai;     // the Thai label (the column header of the source document, where any)
  std::string meaning;  // English, for the data dictionary
  // A list, joined with "; " in CSV and SQLite; JSON Lines writes it as an array of strings or
  // of integers.
  enum List { kNotList, kTextList, kIntegerList } list = kNotList;
};

// The tables' layout version: SQLite's user_version and meta's export_format. Raised when a
// column is removed or changes meaning (added columns keep it).
inline constexpr int kExportFormatVersion = 2;

struct ExportTable {
  std::string name;
  std::vector<ExportColumn> columns;
  std::vector<std::string> primary_key;  // column names
  bool references_documents = true;      // document_id -> documents(id)
  std::vector<std::vector<CellValue>> rows;
};

struct ContractRecord {
  std::string path;          // the JSON file it was read from
  nlohmann::json json;
};

// Reads every contract record (*.json, recursively) under `paths`, sorted by path; files that
// are not contract records are listed in `problems`.
std::vector<ContractRecord> ReadContractRecords(const std::vector<std::string>& paths,
                                                std::vector<std::string>* problems);

// `unreadable`: files given that were not readable records (counted in meta).
std::vector<ExportTable> BuildExportTables(const std::vector<ContractRecord>& records, size_t unreadable = 0);

// The tables' columns without rows, and docs/data-dictionary.md rendered from them (so the
// dictionary cannot drift from what export writes).
std::vector<ExportTable> ExportSchema();
std::string DataDictionaryMarkdown();

// CSV (UTF-8 with BOM so Excel shows Thai, RFC 4180 quoting, CRLF line ends).
std::string ToCsv(const ExportTable& table);
// One JSON object per row.
std::string ToJsonLines(const ExportTable& table);

// Reading contract JSON loosely (export and report): the value at `key` (null when absent),
// the string at `key` (`fallback` when absent or not a string), and a finding's message
// "Thai (English)" split into its two languages (English empty when it has none).
const nlohmann::json& JsonAt(const nlohmann::json& j, const char* key);
std::string JsonText(const nlohmann::json& j, const char* key, const std::string& fallback = "");
std::pair<std::string, std::string> SplitMessage(const std::string& message);

// A key that groups one organization's documents: type word, name without spaces and marks
// of OCR noise, province ("" when the record names none).
std::string OrganizationKey(const nlohmann::json& organization);

}  // namespace ita
