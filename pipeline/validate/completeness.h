// The contract's `validation` block, except schema conformance (io/schema_validator.h adds
// `format` errors): required values per family, unreadable periods, missing measures, values
// read by OCR with low confidence.
//
// Required for a measure, where its column exists: the measure text (or the issue where the
// table has no measure column), method, period, responsible, and for measures_report also
// output. Messages name the measure by number, in Thai and English:
//   "มาตรการที่ 4: ไม่ระบุผู้รับผิดชอบ (responsible is empty)"
//
// Pure function; thread-safe.
#pragma once

#include "pipeline/model/document.h"

namespace ita {

struct ValidationOptions {
  double min_ocr_confidence = 0.60;  // OCR values below this get an ocr_low_confidence entry
};

// The schema a family is validated against ("measures_report", …, "unknown", "error").
std::string SchemaNameOf(const Extraction& extraction);

Validation CheckCompleteness(const Extraction& extraction, const ValidationOptions& options = {});

}  // namespace ita
