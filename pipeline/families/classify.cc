#include "pipeline/families/classify.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

struct FamilyPattern {
  Family family;
  const RE2* pattern;
};

// Most specific first. Patterns run on compacted text (thai::CompactForMatching).
const std::vector<FamilyPattern>& Patterns() {
  static const std::vector<FamilyPattern> patterns = {
      {Family::kActionPlan, new RE2("แผนปฏิบัติการ(ด้าน)?(การ)?ป้องกัน(และปราบปราม)?การทุจริต")},
      {Family::kActionPlan, new RE2("แผนป้องกันการทุจริต")},
      {Family::kItaAnalysis, new RE2("วิเคราะห์ผลการประเมินคุณธรรม")},
      {Family::kItaAnalysis, new RE2("วิเคราะห์ผลการประเมิน(ITA|ไอทีเอ)")},
      {Family::kMeasuresReport, new RE2("รายงานผล(การดำเนินการ|การดำเนินงาน|การปฏิบัติ)?.*มาตรการ")},
      {Family::kMeasuresReport, new RE2("รายงานผล(การดำเนินการ|การดำเนินงาน).*(คุณธรรม|โปร่งใส)")},
      {Family::kMeasuresPlan, new RE2("มาตรการ(ส่งเสริม|เสริมสร้าง)?คุณธรรม")},
      {Family::kMeasuresPlan, new RE2("มาตรการ.*ความโปร่งใส")},
  };
  return patterns;
}

// Lines that start the organisation or year block end a multi-line title.
bool EndsTitle(const std::string& line) {
  static const RE2 stop("^(\\(|ประจำปี|ปีงบประมาณ|พ\\.ศ|เทศบาล|องค์การ|อบต|อบจ|อำเภอ|จังหวัด|-)");
  return RE2::PartialMatch(thai::CompactForMatching(line), stop);
}

}  // namespace

Family FamilyOfTitle(const std::string& line) {
  std::string s = thai::CompactForMatching(line);
  for (const FamilyPattern& p : Patterns()) {
    if (RE2::PartialMatch(s, *p.pattern)) return p.family;
  }
  return Family::kUnknown;
}

Classification ClassifyDocument(const std::vector<std::string>& lines,
                                const std::vector<MeasureField>& header_fields) {
  Classification c;
  for (size_t i = 0; i < lines.size(); ++i) {
    Family f = FamilyOfTitle(lines[i]);
    if (f == Family::kUnknown) continue;
    c.family = f;
    c.title = lines[i];
    // A title wrapped over two or three lines continues until the organisation/year block.
    for (size_t j = i + 1; j < lines.size() && j <= i + 2 && !EndsTitle(lines[j]); ++j) {
      c.title += lines[j];
    }
    break;
  }
  auto has = [&](MeasureField f) {
    return std::find(header_fields.begin(), header_fields.end(), f) != header_fields.end();
  };
  bool report_columns = has(MeasureField::kOutput) || has(MeasureField::kOutcome);
  if (c.family == Family::kMeasuresPlan && report_columns) c.family = Family::kMeasuresReport;
  if (c.family == Family::kUnknown && (has(MeasureField::kMeasure) || has(MeasureField::kIssue))) {
    c.family = report_columns ? Family::kMeasuresReport : Family::kMeasuresPlan;
  }
  return c;
}

}  // namespace ita
