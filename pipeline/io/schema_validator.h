// Validates contract JSON against the project's JSON Schemas (draft-07, valijson).
//
// The schemas in schemas/ are compiled into the binary, so a validator works wherever the
// executable is copied. Each violation becomes a `format` issue whose path is the JSON pointer
// of the offending value.
// Thread-safety: a SchemaValidator is immutable after Create(); Validate() may be called from
// several threads.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/model/result.h"

namespace ita {

class SchemaValidator {
 public:
  // Parses every embedded schema. Fails only if a schema itself is broken (a build defect).
  static Result<std::shared_ptr<const SchemaValidator>> Create();

  // Validates `json` against the schema named `schema` ("measures_report", "error", …).
  std::vector<ValidationIssue> Validate(const nlohmann::ordered_json& json,
                                        const std::string& schema) const;

  std::vector<std::string> SchemaNames() const;

  ~SchemaValidator();

 private:
  struct Compiled;
  SchemaValidator() = default;
  std::map<std::string, std::unique_ptr<Compiled>> schemas_;
};

// Validates `extraction` against its schema and appends `format` errors to its validation.
void ApplySchema(Extraction& extraction, const SchemaValidator& validator);

// Name -> text of the schemas compiled into the binary (schemas/NAME.schema.json).
const std::map<std::string, std::string>& EmbeddedSchemas();

}  // namespace ita
