// Which document family a report is, and its title, from the words of its first pages.
//
//   "รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส"     -> measures_report
//   "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"           -> measures_plan
//   "แบบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส…"     -> ita_analysis
//   "แผนปฏิบัติการป้องกันการทุจริต…"                             -> action_plan
//
// The first title-like line that names a family decides; table headers break a tie (a report
// has an output column). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct Classification {
  Family family = Family::kUnknown;
  std::string title;
};

// `lines`: the repaired text lines of the first pages in reading order.
// `header_fields`: fields of the measure-table headers found anywhere in the document.
Classification ClassifyDocument(const std::vector<std::string>& lines,
                                const std::vector<MeasureField>& header_fields);

// The family a single line names, if any.
Family FamilyOfTitle(const std::string& line);

}  // namespace ita
