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

// True when `line` opens with a label that introduces an issuer's name ("หน่วยงาน :",
// "ชื่อหน่วยงาน", "ส่วนราชการ").
bool StartsWithIssuerLabel(const std::string& line);

// The fiscal year (BE) a title block names, or nullopt (none, or a multi-year range).
std::optional<int> FiscalYearOf(const std::string& text);

// The issuer's district when the title block gave none: a district the document's text names
// ("อำเภอกันทรลักษ์ ...") whose name is part of the issuer's name ("วิทยาลัยเทคนิคกันทรลักษ์").
// Schools, hospitals, district offices and town municipalities carry their district's name;
// a district merely mentioned does not count. Empty when nothing fits.
// `province`, when given, receives the province the same sentence names after the district
// ("...ของจังหวัด ศรีสะเกษ"), exactly spelled, or stays empty.
std::string DistrictNamedInIssuer(const std::string& organization_name, const std::vector<std::string>& lines,
                                  std::string* province = nullptr);

}  // namespace ita
