// Five-year anti-corruption action plans (family action_plan).
//
//  - years: from the title block, "(พ.ศ. ๒๕๖๖ – ๒๕๗๐)";
//  - risks: the risk-assessment table (ลำดับ | ขั้นตอน | ประเด็นความเสี่ยง | ระดับ | มาตรการควบคุม),
//    rows continued across pages merged;
//  - missions and projects: the summary tables by dimension (มิติ, often misprinted มติ):
//    a mission cell "๑.๑ …" opens a mission, its project cell lists numbered projects
//    ("๔) … ๕) …"), one budget column per BE year ("๑๐,๐๐๐.-", "-" = 0), the remarks column
//    names the responsible unit of the project on the same lines; "รวมทั้งสิ้น" gives the stated
//    totals (projects and budget per year);
//  - project details: the prose sections "๑. ชื่อโครงการ … ๒. หลักการและเหตุผล … วัตถุประสงค์ …
//    วิธีดำเนินการ … ระยะเวลา … งบประมาณ … ผู้รับผิดชอบ … ผลผลิต/ผลลัพธ์", whatever their numbers,
//    matched to projects by name.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

std::optional<ActionPlan> BuildActionPlan(const std::vector<Table>& tables,
                                          const std::vector<ProseLine>& prose,
                                          const std::vector<std::string>& title_lines);

// Projects of a plan that lists them in a table of its own (a one-year plan: "ที่ | โครงการ/
// กิจกรรม | วัตถุประสงค์ | งบประมาณ | ระยะเวลา | ผู้รับผิดชอบ"), from the rows BuildMeasures read
// under a column that names projects or activities (not a risk register's controls):
// name, responsible unit, objectives, method, period, budget ("ไม่ใช้งบประมาณ" is 0 baht, not a
// missing amount), outputs.
std::vector<Project> ProjectsFromTableRows(const std::vector<Measure>& rows);

// "(พ.ศ. 2566 - 2570)" -> {2566, 2570}
std::optional<std::pair<int, int>> PlanYearsOf(const std::vector<std::string>& lines);

// Project details in reading order, each with the name its section gives.
struct NamedDetail {
  std::string name;
  ProjectDetail detail;
};
std::vector<NamedDetail> ReadProjectDetails(const std::vector<ProseLine>& prose);

// A project detail's text as items: each line that starts an item ("1.", "-", "•") begins one,
// wrapped lines join the item before them.
std::vector<std::string> DetailItems(const std::string& text);

// A budget line of a local body's anti-corruption plan at or beyond this is a misread (digits
// of two amounts run together, "10,000 10,000" read as 1,000,010,000), not a plan: the largest
// municipalities' whole annual budgets are a few billion baht, and such plans spend a sliver.
inline constexpr double kImplausibleBaht = 5e8;

// Similarity of two names, 0..1 (1 - edit distance / longer length, spaces ignored).
double NameSimilarity(const std::string& a, const std::string& b);

}  // namespace ita
