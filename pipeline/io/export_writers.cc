// The export's writers: CSV (UTF-8 with a byte-order mark, RFC 4180 quoting) and JSON Lines.
#include "pipeline/io/export.h"

namespace ita {
using Json = nlohmann::json;

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
