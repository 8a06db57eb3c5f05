#include "pipeline/families/header_synonyms.h"

#include <algorithm>

#include "pipeline/thai/places.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {

const std::vector<HeaderSynonym>& MeasureHeaderSynonyms() {
  // Order matters: more specific wording first ("ผลลัพธ์…การดำเนินการ" is an outcome, not an
  // output; "ระยะเวลาดำเนินการ" is a period, not a method).
  static const std::vector<HeaderSynonym> synonyms = {
      {MeasureField::kSeq, "ลำดับที่"},
      {MeasureField::kSeq, "ลำดับ"},
      {MeasureField::kOutcome, "ผลลัพธ์"},
      {MeasureField::kOutcome, "ผลสัมฤทธิ์"},
      {MeasureField::kOutcome, "outcome"},
      {MeasureField::kPeriod, "ระยะเวลา"},
      {MeasureField::kPeriod, "ช่วงเวลา"},
      {MeasureField::kPeriod, "ห้วงเวลา"},
      {MeasureField::kPeriod, "กำหนดเวลา"},
      {MeasureField::kOutput, "ผลการดำเนินการ"},
      {MeasureField::kOutput, "ผลการดำเนินงาน"},
      {MeasureField::kOutput, "ผลการปฏิบัติ"},
      {MeasureField::kOutput, "output"},
      {MeasureField::kResponsible, "ผู้รับผิดชอบ"},
      {MeasureField::kResponsible, "หน่วยงานที่รับผิดชอบ"},
      {MeasureField::kResponsible, "หน่วยงานรับผิดชอบ"},
      {MeasureField::kResponsible, "ผู้ดำเนินการ"},
      {MeasureField::kSuggestion, "ข้อเสนอแนะ"},
      {MeasureField::kFollowUp, "การติดตามผล"},
      {MeasureField::kFollowUp, "ติดตามผล"},
      {MeasureField::kFollowUp, "การติดตาม"},
      {MeasureField::kQuestions, "ข้อคำถาม"},
      {MeasureField::kQuestions, "ตัวชี้วัด"},
      {MeasureField::kFindings, "ข้อค้นพบ"},
      {MeasureField::kFindings, "ผลการวิเคราะห์"},
      {MeasureField::kFindings, "สภาพปัญหา"},
      {MeasureField::kMethod, "วิธีการดำเนินการ"},
      {MeasureField::kMethod, "วิธีดำเนินการ"},
      {MeasureField::kMethod, "วิธีการปฏิบัติ"},
      {MeasureField::kMethod, "ขั้นตอน"},
      {MeasureField::kMethod, "วิธีการ"},
      {MeasureField::kMethod, "แนวทางการดำเนินการ"},
      {MeasureField::kIssue, "ประเด็น"},
      {MeasureField::kMeasure, "มาตรการ"},
      {MeasureField::kMeasure, "แนวทาง"},
      {MeasureField::kMeasure, "กิจกรรม"},
      {MeasureField::kMeasure, "โครงการ"},
  };
  return synonyms;
}

std::u32string NormalizeHeader(std::string_view text) {
  thai::RepairOptions options;
  options.join_split_words = false;
  std::u32string s = thai::DecodeUtf8(thai::ThaiDigitsToAscii(thai::RepairThai(text, options)));
  std::u32string out;
  for (char32_t c : s) {
    if (c == U' ' || c == U'\n') continue;
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    out.push_back(c);
  }
  return out;
}

std::optional<MeasureField> HeaderFieldOf(std::string_view header_text) {
  std::u32string header = NormalizeHeader(header_text);
  if (header.empty() || header.size() > 80) return std::nullopt;  // long text is data
  // Bare "ที่" is how many tables head their sequence column.
  if (header == U"ที่") return MeasureField::kSeq;
  static const std::vector<std::u32string> decoded = [] {
    std::vector<std::u32string> out;
    for (const HeaderSynonym& s : MeasureHeaderSynonyms()) out.push_back(thai::DecodeUtf8(s.text));
    return out;
  }();
  const std::vector<HeaderSynonym>& synonyms = MeasureHeaderSynonyms();
  for (size_t k = 0; k < synonyms.size(); ++k) {
    if (header.find(decoded[k]) != std::u32string::npos) return synonyms[k].field;
  }
  // One wrong, missing or extra letter (OCR, broken text layers) in longer synonyms.
  for (size_t k = 0; k < synonyms.size(); ++k) {
    if (decoded[k].size() < 6) continue;
    if (thai::SubstringEditDistance(header, decoded[k]) <= 1) return synonyms[k].field;
  }
  return std::nullopt;
}

}  // namespace ita
