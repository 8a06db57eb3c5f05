#include "pipeline/run/vowel_pass.h"

namespace ita {
VowelPassReport RepairDocumentVowels(std::vector<PageResult>& pages, const thai::ThaiDictionary& dict) {
  VowelPassReport report;
  // Evidence from lines and cells once each (cell lines repeat their cell's text).
  for (PageResult& page : pages) {
    if (page.page.source != TextSource::kText) continue;
    for (const TextLine& line : page.free_lines) report.evidence += thai::CountVowelEvidence(dict, line.text);
    for (const Table& table : page.tables)
      for (const Cell& cell : table.cells) report.evidence += thai::CountVowelEvidence(dict, cell.text);
  }
  report.modes = thai::DecideVowelModes(report.evidence);
  if (!report.modes.dropped_am && !report.modes.aa_as_am) return report;
  thai::VowelRepairCounts counted;  // free lines and cells; cell lines repeat them
  for (PageResult& page : pages) {
    if (page.page.source != TextSource::kText) continue;
    for (TextLine& line : page.free_lines) line.text = thai::RepairVowels(dict, line.text, report.modes, &counted);
    for (Table& table : page.tables) {
      for (Cell& cell : table.cells) {
        cell.text = thai::RepairVowels(dict, cell.text, report.modes, &counted);
        for (TextLine& line : cell.lines) line.text = thai::RepairVowels(dict, line.text, report.modes);
      }
    }
  }
  report.repaired = counted;
  return report;
}

std::string DescribeVowelPass(const VowelPassReport& r) {
  std::string out;
  if (r.modes.dropped_am) {
    out += "text layer drops SARA AM (" + std::to_string(r.evidence.dropped_am) +
           " runs read better with it): " + std::to_string(r.repaired.dropped_am) + " ำ restored";
  }
  if (r.modes.aa_as_am) {
    if (!out.empty()) out += "; ";
    out += "text layer prints SARA AA as SARA AM (" + std::to_string(r.evidence.aa_as_am) +
           " runs read better without it): " + std::to_string(r.repaired.aa_as_am) + " า restored";
  }
  return out;
}

}  // namespace ita
