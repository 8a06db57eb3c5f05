// Loads schemas/ita_items.json (compiled into the binary) into the core's ItaItems rules.
// Thread-safe; the result is immutable.
#pragma once

#include <string>

#include "pipeline/model/result.h"
#include "pipeline/validate/completeness.h"

namespace ita {

// Parses an ita_items document; fails with a message naming what is malformed.
Result<ItaItems> ParseItaItems(const std::string& json_text);

// The built-in table, parsed once.
const ItaItems& BuiltInItaItems();

// Contract names back to enums: "measures_report" -> kMeasuresReport, "method" -> kMethod.
std::optional<Family> FamilyFromName(const std::string& name);
std::optional<MeasureField> MeasureFieldFromName(const std::string& name);

}  // namespace ita
