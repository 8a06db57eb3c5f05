#include "pipeline/validate/labels.h"

namespace ita {
namespace {

constexpr FieldLabel kRequired[] = {
    {"measure", "มาตรการ"}, {"issue", "ประเด็น"}, {"method", "วิธีการ"}, {"period", "ระยะเวลา"},
    {"responsible", "ผู้รับผิดชอบ"}, {"output", "ผลการดำเนินการ"}, {"total", "คะแนนรวม"},
    {"indicators", "ตัวชี้วัด"}, {"projects", "โครงการ"}};

constexpr FieldLabel kOthers[] = {
    {"outcome", "ผลลัพธ์"}, {"grade", "ระดับ"},
    {"required_missing", "ขาดค่าที่ต้องมี"}, {"format", "รูปแบบผิด"}, {"grade_mismatch", "ระดับไม่ตรงคะแนน"},
    {"period_unparsed", "อ่านระยะเวลาไม่ได้"}, {"period_outside_fiscal_year", "ระยะเวลานอกปีงบ"},
    {"no_measures", "ไม่พบมาตรการ"}, {"ocr_low_confidence", "OCR ไม่แน่ใจ"}, {"total_mismatch", "ยอดรวมไม่ตรง"}};

}  // namespace

std::span<const FieldLabel> RequiredFieldLabels() { return kRequired; }

const char* ThaiLabel(std::string_view name) {
  for (const FieldLabel& l : kRequired)
    if (name == l.field) return l.thai;
  for (const FieldLabel& l : kOthers)
    if (name == l.field) return l.thai;
  return nullptr;
}

}  // namespace ita
