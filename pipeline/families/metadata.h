// Organisation and fiscal year from a report's title block.
//
//   "ประจำปี พ.ศ.2564 / เทศบาลเมืองบ้านทุ่ม / อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"
//       -> fiscal_year 2564, name "เทศบาลเมืองบ้านทุ่ม", type thesaban_mueang,
//          district "เมืองขอนแก่น", province "ขอนแก่น"
//   "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"        -> 2568
//   "(พ.ศ. 2566 - 2570)"               -> no fiscal year (a plan over several years)
//
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

// BE years a report can be about: ITA began in 2556; a margin either side.
inline constexpr int kFirstPlausibleYear = 2550;
inline constexpr int kLastPlausibleYear = 2650;

struct Metadata {
  Organization organization;
  std::optional<int> fiscal_year;
  std::vector<std::string> diagnostics;
};

// `lines`: repaired text lines of the first pages, in reading order (title block first).
Metadata ReadMetadata(const std::vector<std::string>& lines);

// The fiscal year (BE) a title block names, or nullopt (none, or a multi-year range).
std::optional<int> FiscalYearOf(const std::string& text);

}  // namespace ita
