// The Thai labels auditors read beside the English names: fields as findings name them, and
// finding codes. One table for the HTML report and `validate`.
#pragma once

#include <span>
#include <string_view>

namespace ita {

struct FieldLabel {
  const char* field;  // as in a finding's path ("period") or its code ("required_missing")
  const char* thai;
};

// The fields a finding may say are missing, in the order the report's columns show them.
std::span<const FieldLabel> RequiredFieldLabels();

// The Thai label of a field or a finding code; nullptr when it has none.
const char* ThaiLabel(std::string_view name);

}  // namespace ita
