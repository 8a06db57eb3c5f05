// The output contract (`thai-ita-extract/1`) as JSON: the one place Extraction becomes text.
// Field order follows ../shared/spec/output-contract.md so files diff well.
// Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

inline constexpr char kContractName[] = "thai-ita-extract/1";

nlohmann::ordered_json ToContractJson(const Extraction& extraction);

// The serialized object, pretty-printed with a trailing newline; invalid UTF-8 is replaced.
std::string ToContractText(const Extraction& extraction);
// The same on one line, without a newline (JSON Lines: `extract --out -`).
std::string ToContractLine(const Extraction& extraction);

// `tool period`: one period as the contract writes it, with "reason" whenever it has no start.
std::string PeriodLine(const Period& period);
// `tool dates`: ISO dates as a JSON array.
std::string DatesLine(const std::vector<std::string>& dates);

}  // namespace ita
