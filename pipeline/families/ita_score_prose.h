// ITA results stated in sentences (ita_score_prose.cc): what BuildItaScores (ita_scores.h) adds
// to what the tables give. Compact text: thai::CompactForMatching.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

// The total a sentence states, in compact text; nullopt when none or over 100.
std::optional<double> ProseTotalIn(const std::string& compact);

// This year's total and grade from the sentences of `prose` (lines that end in two or more
// values are table rows and are left to the grids), where `year` has none yet.
void TotalFromProse(const std::vector<std::string>& prose, YearScore& year);

// Last year's result (`year`, BE) from the sentence that compares it, where `previous` has
// none yet: a score next to คะแนน and a grade after that year and before another.
void PreviousFromProse(const std::vector<std::string>& prose, int year, std::optional<YearScore>& previous);

}  // namespace ita
