// The document-wide vowel repair: one decision per document on whether its text layer drops
// SARA AM or prints SARA AA as SARA AM (thai/vowel_repair.h), then the repair of every text-layer
// line and cell. Runs after all pages are read and before tables become records, so header
// synonyms, titles and organisation names see repaired text.
//
// OCR pages are left alone: the fault belongs to a font's ToUnicode map, not to the page image.
// Thread-safety: a call uses only its arguments.
#pragma once

#include <string>
#include <vector>

#include "pipeline/page/page_result.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/vowel_repair.h"

namespace ita {

struct VowelPassReport {
  thai::VowelEvidence evidence;
  thai::VowelModes modes;
  thai::VowelRepairCounts repaired;
};

VowelPassReport RepairDocumentVowels(std::vector<PageResult>& pages, const thai::ThaiDictionary& dict);

// "text layer drops SARA AM (evidence in 96 runs): 131 ำ restored" or empty when nothing was done.
std::string DescribeVowelPass(const VowelPassReport& report);

}  // namespace ita
