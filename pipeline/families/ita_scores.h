// ITA scores from a score-analysis report (family ita_analysis).
//
// The source is the year-on-year comparison table:
//   เครื่องมือ | ตัวชี้วัด                | ๒๕๖๓  | ๒๕๖๔  | การเปลี่ยนแปลง
//   IIT       | ๑. การปฏิบัติหน้าที่       | ๘๒.๓๙ | ๘๖.๐๒ | เพิ่มขึ้น
//   …         | คะแนนเฉลี่ย              | ๕๘.๐๕ | ๕๙.๔๖ |
//             | ระดับการประเมิน           | D     | D     |
// Other score tables in the same report (a ranking, a dashboard with garbled labels) are
// scored by how well they fit this structure and lose to it. When no table gives the overall
// score, the sentence "คะแนนภาพรวม … ๕๙.๔๖ คะแนน ระดับผลการประเมิน D" does.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

// AA 95-100, A 85-94.99, B 75-84.99, C 65-74.99, D 55-64.99, E 50-54.99, F 0-49.99.
// True when running text states an ITA result: the assessment named (ITA, การประเมินคุณธรรม
// และความโปร่งใส) and a total score (คะแนนรวม / ได้คะแนน / คะแนนภาพรวม … 65.38).
bool StatesItaResult(const std::vector<std::string>& prose);

std::string GradeOf(double score);

// The tool an indicator belongs to by its number: IIT 1-5, EIT 6-8, OIT 9-10.
std::string ToolOfIndicator(int no);

// The indicator number (1..10) a name refers to, tolerating small differences.
std::optional<int> IndicatorNumberOf(const std::string& name);

std::optional<ItaScores> BuildItaScores(const std::vector<Table>& tables,
                                        const std::vector<std::string>& prose,
                                        std::optional<int> fiscal_year);

}  // namespace ita
