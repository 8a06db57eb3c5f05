#include "pipeline/families/header_synonyms.h"

#include <algorithm>

#include "pipeline/thai/dates.h"
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
      {MeasureField::kSeq, "ข้อที่"},
      // A deadline is a period, though it holds a tick column's "แล้วเสร็จ".
      {MeasureField::kPeriod, "กำหนดแล้วเสร็จ"},
      {MeasureField::kPeriod, "ระยะเวลาแล้วเสร็จ"},
      {MeasureField::kPeriod, "วันแล้วเสร็จ"},
      // Tick columns under a "การดำเนินงาน" or "สถานะ" heading; "not done" first, since
      // "ยังไม่ได้ดำเนินการ" holds "ดำเนินการ" and a report's "ผลการดำเนินการ" is not a tick.
      {MeasureField::kNotDone, "ยังมิได้ดำเนินการ"},
      {MeasureField::kNotDone, "ยังไม่ได้ดำเนินการ"},
      {MeasureField::kNotDone, "ยังไม่ดำเนินการ"},
      {MeasureField::kNotDone, "ไม่ได้ดำเนินการ"},
      {MeasureField::kNotDone, "ยังไม่เริ่ม"},
      {MeasureField::kInProgress, "อยู่ระหว่างดำเนินการ"},
      {MeasureField::kInProgress, "อยู่ระหว่าง"},
      {MeasureField::kInProgress, "กำลังดำเนินการ"},
      {MeasureField::kDone, "ดำเนินการแล้ว"},
      {MeasureField::kDone, "แล้วเสร็จ"},
      {MeasureField::kDone, "เสร็จสิ้น"},
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
      {MeasureField::kOutput, "ผลผลิต"},
      {MeasureField::kResponsible, "ผู้รับผิดชอบ"},
      {MeasureField::kResponsible, "หน่วยงานที่รับผิดชอบ"},
      {MeasureField::kResponsible, "หน่วยงานรับผิดชอบ"},
      {MeasureField::kResponsible, "ผู้ดำเนินการ"},
      {MeasureField::kResponsible, "ส่วนราชการที่รับผิดชอบ"},
      {MeasureField::kResponsible, "ที่รับผิดชอบ"},  // "กอง/ฝ่ายที่รับผิดชอบ"
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
      {MeasureField::kTarget, "กลุ่มเป้าหมาย"},
      {MeasureField::kObjective, "วัตถุประสงค์"},
      {MeasureField::kMeasure, "มาตรการ"},
      {MeasureField::kMeasure, "แนวทาง"},
      {MeasureField::kMeasure, "แผนงาน"},
      {MeasureField::kMeasure, "กิจกรรม"},
      {MeasureField::kMeasure, "โครงการ"},
      {MeasureField::kStatus, "สถานะ"},
      {MeasureField::kStatus, "การดำเนินงาน"},
      {MeasureField::kTarget, "เป้าหมาย"},
      {MeasureField::kStatistic, "สถิติ"},
      {MeasureField::kBudget, "งบประมาณ"},
      {MeasureField::kQuantity, "จำนวน"},
      {MeasureField::kRemark, "หมายเหตุ"},
  };
  return synonyms;
}

namespace {

// PeriodTickOf on a header already normalised.
std::optional<std::pair<int, int>> PeriodTickOfNormalized(const std::u32string& h) {
  // "ไตรมาส 1", "ไตรมาสที่ ๒", "Q3"
  for (std::u32string_view lead : {std::u32string_view(U"ไตรมาสที่"), std::u32string_view(U"ไตรมาส"),
                                   std::u32string_view(U"q")}) {
    if (h.size() == lead.size() + 1 && h.starts_with(lead)) {
      char32_t d = h.back();
      if (d >= U'1' && d <= U'4') {
        int q = static_cast<int>(d - U'0');
        return std::pair{q * 3 - 2, q * 3};
      }
    }
  }
  // A month, written out or abbreviated, alone or with a two- or four-digit year: "ต.ค.",
  // "ต.ค. 66", "ตุลาคม". Fiscal months count from October: 1 = ต.ค., 12 = ก.ย.
  size_t letters = h.size();
  while (letters > 0 && h[letters - 1] >= U'0' && h[letters - 1] <= U'9') --letters;
  size_t year_digits = h.size() - letters;
  if (letters == 0 || (year_digits != 0 && year_digits != 2 && year_digits != 4)) return std::nullopt;
  if (auto month = thai::MonthFromWord(thai::EncodeUtf8(h.substr(0, letters)))) {
    int fiscal = (*month + 2) % 12 + 1;
    return std::pair{fiscal, fiscal};
  }
  return std::nullopt;
}

// YearColumnOf on a header already normalised.
std::optional<int> YearColumnOfNormalized(const std::u32string& header) {
  std::u32string_view rest(header);
  for (std::u32string_view lead : {std::u32string_view(U"ปีงบประมาณ"), std::u32string_view(U"ปี")}) {
    if (rest.starts_with(lead)) {
      rest.remove_prefix(lead.size());
      break;
    }
  }
  if (rest.starts_with(U"พ.ศ.")) rest.remove_prefix(4);
  auto digit = [&](size_t i) { return i < rest.size() && rest[i] >= U'0' && rest[i] <= U'9'; };
  if (!(digit(0) && digit(1) && digit(2) && digit(3)) || digit(4) || rest[0] != U'2') return std::nullopt;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) year = year * 10 + static_cast<int>(rest[i] - U'0');
  if (year < 2500 || year > 2699) return std::nullopt;
  return year;
}

}  // namespace

std::optional<int> YearColumnOf(std::string_view header_text) {
  return YearColumnOfNormalized(NormalizeHeader(header_text));
}

std::optional<std::pair<int, int>> PeriodTickOf(std::string_view header_text) {
  return PeriodTickOfNormalized(NormalizeHeader(header_text));
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
  if (PeriodTickOfNormalized(header)) return MeasureField::kPeriodTick;
  static const std::vector<std::u32string> decoded = [] {
    std::vector<std::u32string> out;
    for (const HeaderSynonym& s : MeasureHeaderSynonyms()) out.push_back(thai::DecodeUtf8(s.text));
    return out;
  }();
  const std::vector<HeaderSynonym>& synonyms = MeasureHeaderSynonyms();
  // A year's column in a plan holds that year's money; under a heading of months or quarters,
  // the lower cells decide the column.
  if (YearColumnOfNormalized(header)) return MeasureField::kBudget;
  // Companion columns are named by their first word ("สถิติการกระทำผิด…", "จำนวน"); inside a
  // cell ("จนท. จำนวน 150 คน") such a word is data.
  auto found = [&](size_t k) {
    size_t at = header.find(decoded[k]);
    return at != std::u32string::npos && (IsContractField(synonyms[k].field) || at == 0);
  };
  for (size_t k = 0; k < synonyms.size(); ++k) {
    if (found(k)) return synonyms[k].field;
  }
  // One wrong, missing or extra letter (OCR, broken text layers) in longer synonyms.
  for (size_t k = 0; k < synonyms.size(); ++k) {
    if (decoded[k].size() < 6 || !IsContractField(synonyms[k].field)) continue;
    if (thai::SubstringEditDistance(header, decoded[k]) <= 1) return synonyms[k].field;
  }
  return std::nullopt;
}

}  // namespace ita
