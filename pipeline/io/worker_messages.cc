#include "pipeline/io/worker_messages.h"

#include <nlohmann/json.hpp>

namespace ita {
namespace {

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) out += {kDigits[c >> 4], kDigits[c & 15]};
  return out;
}

std::string FromHex(const std::string& hex) {
  auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(value(hex[i]) << 4 | value(hex[i + 1]));
  return out;
}

}  // namespace

std::string EngineConfig::ToLine() const {
  nlohmann::json j = {{"ocr", ocr},
                      {"languages", tesseract.languages},
                      {"tessdata", tesseract.tessdata_dir},
                      {"numeric_model", tesseract.numeric_model_dir},
                      {"latin_languages", tesseract.latin_languages},
                      {"ocr_dpi", ocr_dpi},
                      {"ocr_cells", ocr_cells},
                      {"max_bytes", max_bytes},
                      {"max_pages", max_pages},
                      {"ocr_threads", ocr_threads},
                      {"max_memory_mb", max_memory_mb}};
  return j.dump();
}

EngineConfig EngineConfig::FromLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  EngineConfig c;
  if (!j.is_object()) return c;
  c.ocr = j.value("ocr", c.ocr);
  c.tesseract.languages = j.value("languages", c.tesseract.languages);
  c.tesseract.tessdata_dir = j.value("tessdata", c.tesseract.tessdata_dir);
  c.tesseract.numeric_model_dir = j.value("numeric_model", c.tesseract.numeric_model_dir);
  c.tesseract.latin_languages = j.value("latin_languages", c.tesseract.latin_languages);
  c.ocr_dpi = j.value("ocr_dpi", c.ocr_dpi);
  c.ocr_cells = j.value("ocr_cells", c.ocr_cells);
  c.max_bytes = j.value("max_bytes", c.max_bytes);
  c.max_pages = j.value("max_pages", c.max_pages);
  c.ocr_threads = j.value("ocr_threads", c.ocr_threads);
  c.max_memory_mb = j.value("max_memory_mb", c.max_memory_mb);
  return c;
}

std::string WorkerRequestLine(const WorkerRequest& request) {
  return nlohmann::json{{"input_hex", Hex(request.input)}, {"output_hex", Hex(request.output)}}.dump();
}

std::optional<WorkerRequest> ParseWorkerRequest(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  return WorkerRequest{FromHex(j.value("input_hex", "")), FromHex(j.value("output_hex", ""))};
}

std::string ProgressLine(int done, int total) {
  return std::string(kProgressPrefix) + "[" + std::to_string(done) + "," + std::to_string(total) + "]}";
}

std::optional<std::pair<int, int>> ParseProgressLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j["progress"].is_array() || j["progress"].size() != 2 ||
      !j["progress"][0].is_number_integer() || !j["progress"][1].is_number_integer()) {
    return std::nullopt;
  }
  return std::pair{j["progress"][0].get<int>(), j["progress"][1].get<int>()};
}

std::string OutcomeToLine(const DocumentOutcome& o) {
  nlohmann::ordered_json j;
  j["input"] = o.input;
  j["output"] = o.output;
  j["sha256"] = o.sha256;
  j["status"] = o.status;
  if (o.error) j["error"] = {{"code", ErrorCodeName(o.error->code)}, {"message", o.error->message}};
  j["family"] = o.family;
  j["pages"] = o.pages;
  j["ocr_pages"] = o.ocr_pages;
  j["measures"] = o.measures;
  j["completeness"] = o.completeness;
  j["write_failed"] = o.write_failed;
  j["storage_fault"] = o.storage_fault;
  if (!o.stream_json.empty()) j["json"] = o.stream_json;
  nlohmann::ordered_json timings = nlohmann::ordered_json::array();
  for (const PageTiming& t : o.timings) {
    timings.push_back({t.page, t.source == TextSource::kText ? "text" : "ocr", t.text, t.ocr_prepare,
                       t.ocr_wait, t.ocr_recognize, t.ocr_reread, t.reread_cells, t.reread_digits,
                       t.reread_latin_words, t.reread_latin_codes});
  }
  j["timings"] = timings;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::optional<DocumentOutcome> OutcomeFromLine(const std::string& line) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  try {
    DocumentOutcome o;
    o.input = j.value("input", "");
    o.output = j.value("output", "");
    o.sha256 = j.value("sha256", "");
    o.status = j.value("status", "");
    if (j.contains("error") && j["error"].is_object()) {
      Error e;
      e.message = j["error"].value("message", "");
      e.code = ErrorCodeFromName(j["error"].value("code", ""));
      o.error = e;
    }
    o.family = j.value("family", "");
    o.pages = j.value("pages", 0);
    o.ocr_pages = j.value("ocr_pages", 0);
    o.measures = j.value("measures", size_t{0});
    o.completeness = j.value("completeness", 0.0);
    o.write_failed = j.value("write_failed", false);
    o.storage_fault = j.value("storage_fault", false);
    o.stream_json = j.value("json", "");
    for (const auto& t : j.value("timings", nlohmann::json::array())) {
      PageTiming pt;
      pt.page = t.at(0).get<int>();
      pt.source = t.at(1) == "ocr" ? TextSource::kOcr : TextSource::kText;
      pt.text = t.at(2).get<double>();
      pt.ocr_prepare = t.at(3).get<double>();
      pt.ocr_wait = t.at(4).get<double>();
      pt.ocr_recognize = t.at(5).get<double>();
      if (t.size() > 6) pt.ocr_reread = t.at(6).get<double>();
      if (t.size() > 10) {
        pt.reread_cells = t.at(7).get<double>();
        pt.reread_digits = t.at(8).get<double>();
        pt.reread_latin_words = t.at(9).get<double>();
        pt.reread_latin_codes = t.at(10).get<double>();
      }
      o.timings.push_back(pt);
    }
    return o;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace ita
