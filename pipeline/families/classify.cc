#include "pipeline/families/classify.h"

#include <re2/re2.h>

#include <algorithm>
#include <memory>

#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

struct FamilyPattern {
  Family family;
  std::unique_ptr<RE2> pattern;
};

// Most specific first. Patterns run on compacted text (thai::CompactForMatching).
const std::vector<FamilyPattern>& Patterns() {
  static const std::vector<FamilyPattern> patterns = [] {
    std::vector<FamilyPattern> p;
    auto add = [&p](Family f, const char* re) { p.push_back({f, std::make_unique<RE2>(re)}); };
    add(Family::kActionPlan, "แผนปฏิบัติ(การ|ราชการ).{0,40}ป้องกัน(และปราบปราม)?(การ)?ทุจริต");
    add(Family::kActionPlan, "แผน(การ)?ป้องกัน(และ)?(ปราบปราม)?(การ)?ทุจริต");
    add(Family::kItaAnalysis, "วิเคราะห์ผลการประเมินคุณธรรม");
    add(Family::kItaAnalysis, "วิเคราะห์ผลการประเมิน(ITA|ไอทีเอ)");
    add(Family::kItaAnalysis, "^(ประกาศ)?ผล(การ)?ประเมิน(ITA|คุณธรรมและความโปร่งใส)");
    // Offices' own wording: "สรุปผลคะแนนการประเมิน ITA", "รายงานผลการประเมินผล ITA ประจำปี 2564",
    // "การวิเคราะห์ผลคะแนนการประเมินคุณธรรม…".
    add(Family::kItaAnalysis, "^(แบบ)?(ประกาศ|รายงาน|สรุป)*ผล(คะแนน)?(การ)?ประเมิน(ผล)?(ITA|ไอทีเอ|คุณธรรมและความโปร่งใส)");
    add(Family::kItaAnalysis, "วิเคราะห์ผล(คะแนน)?(การ)?ประเมิน(ผล)?(ITA|ไอทีเอ|คุณธรรม)");
    // A report on measures, or on a plan against corruption ("แบบรายงานสรุปผลการกำกับติดตาม
    // มาตรการ…", "แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกัน ปราบปรามการทุจริต…"), is a
    // measures report: it gives each measure's result.
    add(Family::kMeasuresReport, "รายงาน(สรุป)?ผล(การดำเนินการ|การดำเนินงาน|การปฏิบัติ)?.*มาตรการ");
    add(Family::kMeasuresReport, "รายงาน(สรุป)?ผล(การดำเนินการ|การดำเนินงาน).*(คุณธรรม|โปร่งใส)");
    add(Family::kMeasuresReport, "รายงาน(สรุป)?ผล(การดำเนินการ|การดำเนินงาน)ตามแผน.{0,40}(ทุจริต|ประพฤติมิชอบ)");
    add(Family::kMeasuresPlan, "มาตรการ(ส่งเสริม|เสริมสร้าง)?คุณธรรม");
    // Measures the ITA asks of every body by name: against bribery, against conflicts of
    // interest ("ประกาศ… เรื่อง มาตรการป้องกันการรับสินบน"). A procurement notice's measures are
    // not among them.
    add(Family::kMeasuresPlan, "^(เรื่อง)?มาตรการ(ป้องกัน|ในการป้องกัน)?(การ)?(รับ|เรียกรับ)?สินบน");
    add(Family::kMeasuresPlan, "^(เรื่อง)?มาตรการ(ป้องกัน|ในการป้องกัน|จัดการ)?(การ)?(ผลประโยชน์ทับซ้อน|ขัดกันแห่งผลประโยชน์)");
    add(Family::kMeasuresPlan, "มาตรการ.*ความโปร่งใส");
    return p;
  }();
  return patterns;
}

// Title phrases matched with a few typing or OCR errors ("แผ่นปฏิบัติการ…", "ทุจรติ").
struct TitlePhrase {
  Family family;
  std::u32string_view phrase;
};
constexpr TitlePhrase kTitlePhrases[] = {
    {Family::kActionPlan, U"แผนปฏิบัติการป้องกันการทุจริต"},
    {Family::kItaAnalysis, U"วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"},
    {Family::kMeasuresReport, U"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม"},
    {Family::kMeasuresReport, U"รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม"},
    {Family::kMeasuresPlan, U"มาตรการส่งเสริมคุณธรรมและความโปร่งใส"},
};

// A title starts its line; a family's name further into a line is a sentence of the body
// ("…ตามแผนปฏิบัติการป้องกันการทุจริต…"). Characters of the compacted line before the match.
constexpr size_t kTitleLead = 20;

// Lines of the first pages searched for the title of a document that names no family.
constexpr size_t kTitleSearchLines = 8;

// Lines that start the organisation or year block, a form's fields or the signature end a
// multi-line title.
bool EndsTitle(const std::string& line) {
  static const RE2 stop(
      "^(\\(|ประจำปี|ปีงบประมาณ|พ\\.ศ|เทศบาล|องค์การ|อบต|อบจ|อำเภอ|จังหวัด|-|•|โรงพยาบาล|วิทยาลัย|"
      "โรงเรียน|สำนักงาน|กระทรวง|ชมรม|หน่วยงาน|ชื่อ|รอบ|ลงชื่อ|ตำแหน่ง|วันที่)");
  return RE2::PartialMatch(thai::CompactForMatching(line), stop);
}

// A line that opens with the kind of document it is: the title of a document of no family.
bool IsDocumentTitle(const std::string& line) {
  static const RE2 kind(
      "^(แบบ)?(รายงาน|ประกาศ|คำสั่ง|บันทึก|สรุป|แผน|มาตรการ|คู่มือ|แนวทาง|แนวปฏิบัติ|ระเบียบ|โครงการ|"
      "งบหน้า|ผลการ)");
  std::string s = thai::CompactForMatching(line);
  return RE2::PartialMatch(s, kind) && thai::DecodeUtf8(s).size() >= 12;
}

// Words of the ITA and of integrity work; a document without any is not an ITA report,
// whatever its tables' columns are called.
bool HasItaVocabulary(const std::vector<std::string>& lines) {
  static const RE2 words("คุณธรรม|โปร่งใส|ITA|ทุจริต|ป\\.ป\\.ช|ประพฤติมิชอบ|สินบน|ผลประโยชน์ทับซ้อน");
  for (const std::string& l : lines)
    if (RE2::PartialMatch(thai::CompactForMatching(l), words)) return true;
  return false;
}

}  // namespace

Family FamilyOfTitle(const std::string& line) {
  std::string s = thai::CompactForMatching(line);
  for (const FamilyPattern& p : Patterns()) {
    re2::StringPiece input(s), match;
    if (!p.pattern->Match(input, 0, s.size(), RE2::UNANCHORED, &match, 1)) continue;
    size_t lead = thai::DecodeUtf8(std::string_view(s.data(), match.data() - s.data())).size();
    if (lead <= kTitleLead) return p.family;
  }
  std::u32string text = thai::DecodeUtf8(s);
  for (const TitlePhrase& t : kTitlePhrases) {
    int allowed = std::max<int>(1, static_cast<int>(t.phrase.size()) / 12);
    if (text.size() + allowed >= t.phrase.size() &&
        thai::LeadingSubstringEditDistance(text, t.phrase, kTitleLead) <= allowed)
      return t.family;
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
  if (c.title.empty()) {
    // No family named: the title is still the document's, when a line near the top opens with
    // what kind of document it is ("รายงานสรุปผลการดำเนินงานรับเรื่องร้องเรียน…").
    for (size_t i = 0; i < lines.size() && i < kTitleSearchLines; ++i) {
      if (!IsDocumentTitle(lines[i])) continue;
      c.title = lines[i];
      // An announcement's or an order's subject is its title's second half: "ประกาศ… เรื่อง …".
      if (i + 1 < lines.size() && thai::CompactForMatching(lines[i + 1]).starts_with("เรื่อง"))
        c.title += " " + lines[i + 1];
      break;
    }
  }
  auto has = [&](MeasureField f) {
    return std::find(header_fields.begin(), header_fields.end(), f) != header_fields.end();
  };
  bool report_columns = has(MeasureField::kOutput) || has(MeasureField::kOutcome);
  if (c.family == Family::kMeasuresPlan && report_columns) c.family = Family::kMeasuresReport;
  if (c.family == Family::kUnknown && (has(MeasureField::kMeasure) || has(MeasureField::kIssue))) {
    // No title: the table alone must look like a measures table (a measure and at least two
    // of its required companions), and the document must speak of integrity. A development
    // plan's "มาตรการ" column, or a staffing plan's, is not enough.
    int companions = has(MeasureField::kMethod) + has(MeasureField::kResponsible) +
                     has(MeasureField::kPeriod) + report_columns;
    if (companions >= 2 && HasItaVocabulary(lines))
      c.family = report_columns ? Family::kMeasuresReport : Family::kMeasuresPlan;
  }
  return c;
}

}  // namespace ita
