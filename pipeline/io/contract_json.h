// The output contract (`thai-ita-extract/1`) as JSON: the one place Extraction becomes text.
// Field order follows ../shared/spec/output-contract.md so files diff well.
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/model/document.h"

namespace ita {

inline constexpr char kContractName[] = "thai-ita-extract/1";

nlohmann::ordered_json ToContractJson(const Extraction& extraction);

// The serialized object, pretty-printed with a trailing newline; invalid UTF-8 is replaced.
std::string ToContractText(const Extraction& extraction);

}  // namespace ita
