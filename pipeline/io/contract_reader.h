// Reads a contract JSON object (thai-ita-extract/1) back into an Extraction, so existing output
// can be re-validated with the current rules and schemas without re-extracting the PDF.
// Tolerant: fields it does not know are ignored; a missing field is treated as absent.
// Thread-safe.
#pragma once

#include <string>

#include "pipeline/model/result.h"

namespace ita {

// Fails (kCorrupt) when the text is not JSON or not a contract object.
Result<Extraction> ReadContractJson(const std::string& text);

}  // namespace ita
