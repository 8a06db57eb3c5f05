#define VALIJSON_USE_EXCEPTIONS 1
#include "pipeline/io/schema_validator.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/embedded_schemas.h"
#include "pipeline/validate/completeness.h"

namespace ita {

struct SchemaValidator::Compiled {
  valijson::Schema schema;
};

SchemaValidator::~SchemaValidator() = default;

const std::map<std::string, std::string>& EmbeddedSchemas() {
  static const std::map<std::string, std::string> schemas = [] {
    std::map<std::string, std::string> m;
    for (const EmbeddedSchema& s : kEmbeddedSchemas) m.emplace(s.name, s.text);
    return m;
  }();
  return schemas;
}

Result<std::shared_ptr<const SchemaValidator>> SchemaValidator::Create() {
  std::shared_ptr<SchemaValidator> v(new SchemaValidator());
  std::map<std::string, nlohmann::json> documents;
  try {
    for (const auto& [name, text] : EmbeddedSchemas()) documents[name] = nlohmann::json::parse(text);
    // "$ref": "common.schema.json#/…" is served from the embedded copies.
    auto fetch = [&documents](const std::string& uri) -> const nlohmann::json* {
      std::string name = uri.substr(uri.find_last_of('/') + 1);
      const std::string suffix = ".schema.json";
      if (name.size() > suffix.size() && name.ends_with(suffix))
        name = name.substr(0, name.size() - suffix.size());
      auto it = documents.find(name);
      return it == documents.end() ? nullptr : new nlohmann::json(it->second);
    };
    auto free_doc = [](const nlohmann::json* doc) { delete doc; };
    for (const auto& [name, doc] : documents) {
      // Only documents that declare a JSON Schema are schemas ("common" holds definitions).
      if (name == "common" || !doc.contains("$schema")) continue;
      auto compiled = std::make_unique<Compiled>();
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(doc);
      parser.populateSchema(adapter, compiled->schema, fetch, free_doc);
      v->schemas_.emplace(name, std::move(compiled));
    }
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInternal, std::string("schema failed to load: ") + e.what());
  }
  return std::shared_ptr<const SchemaValidator>(std::move(v));
}

std::vector<std::string> SchemaValidator::SchemaNames() const {
  std::vector<std::string> names;
  for (const auto& [name, schema] : schemas_) names.push_back(name);
  return names;
}

std::vector<ValidationIssue> SchemaValidator::Validate(const nlohmann::ordered_json& json,
                                                       const std::string& schema) const {
  auto it = schemas_.find(schema);
  if (it == schemas_.end()) {
    return {{"", "format", "no schema named \"" + schema + "\" (unknown family)"}};
  }
  // valijson's adapter reads nlohmann::json; key order does not matter for validation.
  nlohmann::json plain = json;
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(plain);
  std::vector<ValidationIssue> issues;
  try {
    if (validator.validate(it->second->schema, target, &results)) return issues;
  } catch (const std::exception& e) {
    return {{"", "format", std::string("validator failed: ") + e.what()}};
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string path;
    for (const std::string& part : error.context) {
      if (part == "<root>") continue;
      // Context parts look like "[measures]" or "[3]".
      std::string p = part;
      if (p.size() >= 2 && p.front() == '[' && p.back() == ']') p = p.substr(1, p.size() - 2);
      if (p.size() >= 2 && p.front() == '"' && p.back() == '"') p = p.substr(1, p.size() - 2);
      path += "/" + p;
    }
    issues.push_back({path, "format", error.description});
  }
  return issues;
}

void ApplySchema(Extraction& extraction, const SchemaValidator& validator) {
  std::string schema = SchemaNameOf(extraction);
  std::vector<ValidationIssue> issues = validator.Validate(ToContractJson(extraction), schema);
  for (ValidationIssue& i : issues) extraction.validation.errors.push_back(std::move(i));
  if (!issues.empty()) extraction.validation.valid = false;
}

}  // namespace ita
