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

// What an ITA disclosure item asks of a document family in one assessment year
// (schemas/ita_items.json, loaded by io/ita_items.h).
struct ItaItemRule {
  std::string item;                          // "O43"
  std::vector<MeasureField> required_fields; // beyond the contract's defaults
};

class ItaItems {
 public:
  void Add(int year_be, Family family, ItaItemRule rule) { rules_[{year_be, family}] = std::move(rule); }
  const ItaItemRule* Find(std::optional<int> year_be, Family family) const {
    if (!year_be) return nullptr;
    auto it = rules_.find({*year_be, family});
    return it == rules_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::pair<int, Family>, ItaItemRule> rules_;
};

struct ValidationOptions {
  double min_ocr_confidence = 0.60;  // OCR values below this get an ocr_low_confidence entry
  const ItaItems* ita_items = nullptr;  // per-year item rules; null: contract defaults only
};

// The schema a family is validated against ("measures_report", …, "unknown", "error").
std::string SchemaNameOf(const Extraction& extraction);

Validation CheckCompleteness(const Extraction& extraction, const ValidationOptions& options = {});

}  // namespace ita
