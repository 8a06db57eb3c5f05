#include "pipeline/families/metadata.h"

#include <re2/re2.h>

#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {

std::optional<int> FiscalYearOf(const std::string& text) {
  std::string s = thai::ThaiDigitsToAscii(text);
  // "ประจำปี(งบประมาณ) (พ.ศ.) 2564", "ปีงบประมาณ 2564", "ปี พ.ศ. 2564"; a range means a
  // multi-year plan, which has no single fiscal year.
  static const RE2 labelled(
      "(?:ประจำปี|ปีงบประมาณ|ปี)\\s*(?:งบประมาณ)?\\s*(?:พ\\s*\\.?\\s*ศ\\s*\\.?)?\\s*(\\d{4})"
      "(\\s*(?:-|–|—|ถึง)\\s*(?:พ\\s*\\.?\\s*ศ\\s*\\.?)?\\s*\\d{4})?");
  static const RE2 era("พ\\s*\\.\\s*ศ\\s*\\.?\\s*(\\d{4})(\\s*(?:-|–|—|ถึง)\\s*\\d{4})?");
  std::string year, range;
  re2::StringPiece input(s);
  if (RE2::FindAndConsume(&input, labelled, &year, &range) ||
      (input = re2::StringPiece(s), RE2::FindAndConsume(&input, era, &year, &range))) {
    if (!range.empty()) return std::nullopt;
    // ITA began in 2556 (2013): an earlier year is a misreading (OCR turns ๖ into ๒), and
    // no year is better than a wrong one.
    int y = std::stoi(year);
    if (y >= kFirstPlausibleYear && y <= kLastPlausibleYear) return y;
    if (y + 543 >= kFirstPlausibleYear && y + 543 <= kLastPlausibleYear) return y + 543;
  }
  return std::nullopt;
}

Metadata ReadMetadata(const std::vector<std::string>& lines) {
  Metadata m;
  std::string block;
  for (const std::string& l : lines) {
    block += l;
    block += '\n';
  }
  if (auto found = thai::FindOrganization(block)) {
    m.organization = found->organization;
    m.diagnostics = found->diagnostics;
  }
  m.fiscal_year = FiscalYearOf(block);
  return m;
}

}  // namespace ita
