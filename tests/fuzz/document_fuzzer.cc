// Fuzzes the table builder and the report families end to end on made-up pages (words from a
// vocabulary of report text, raw bytes, rulings from the input) through the fake PdfSource:
// no crash, and the contract JSON written for whatever came out parses as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/io/contract_json.h"
#include "pipeline/run/extract_document.h"
#include "tests/testutil/fake_pdf_source.h"

namespace {

const char* const kVocabulary[] = {
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "รายงานผลการดำเนินการ", "ที่", "มาตรการ", "วิธีการดำเนินการ",
    "ระยะเวลา", "ผู้รับผิดชอบ", "งบประมาณ", "ผลการดำเนินการ", "ต.ค. 63 - มี.ค. 64", "ตุลาคม 2563 ถึง กันยายน 2564",
    "ปีงบประมาณ พ.ศ. ๒๕๖๔", "เทศบาลตำบลหนองใหญ่", "อำเภอหนองใหญ่", "จังหวัดชลบุรี", "องค์การบริหารส่วนตำบล",
    "สำนักปลัด", "กองคลัง", "๑๐,๐๐๐", "-", "ไม่ใช้งบประมาณ", "ร้อยละ ๘๐", "1.", "(2)", "ไตรมาสที่ 1", "ITA", "IIT",
    "แผนปฏิบัติการป้องกันการทุจริต", "พ.ศ. 2561 - 2565", "คะแนน", "85.50", "ดําเนินการ", "\xef\xbf\xbd", "\xe0\xb8",
    "\xff\xfe", "\x01\x1b[31m", "",
};
constexpr size_t kWords = sizeof(kVocabulary) / sizeof(kVocabulary[0]);

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  size_t at = 0;
  auto next = [&]() -> uint8_t { return at < size ? data[at++] : 0; };
  std::vector<ita::testing::FakePage> pages(1 + next() % 3);
  for (auto& page : pages) {
    int words = next() % 48;
    for (int i = 0; i < words && at < size; ++i) {
      uint8_t pick = next();
      ita::Word w;
      if (pick == 255) {  // raw bytes
        size_t n = next() % 16;
        for (size_t k = 0; k < n; ++k) w.utf8.push_back(static_cast<char>(next()));
      } else {
        w.utf8 = kVocabulary[pick % kWords];
      }
      double x = next() * 3.2, y = next() * 2.3, len = 10 + next();
      w.box = ita::Box{x, y, x + len, y + 12};
      page.words.push_back(std::move(w));
    }
    // A ruled grid over part of the page, some rulings missing (merged cells).
    if (next() % 2) {
      std::vector<double> xs, ys;
      for (int i = 0, n = 2 + next() % 5; i < n; ++i) xs.push_back(40 + i * (60 + next() % 80));
      for (int i = 0, n = 2 + next() % 6; i < n; ++i) ys.push_back(40 + i * (20 + next() % 40));
      std::set<int> skip_v, skip_h;
      if (next() % 3 == 0) skip_v.insert(next() % 6);
      if (next() % 3 == 0) skip_h.insert(next() % 6);
      page.lines = ita::testing::GridLines(xs, ys, skip_v, skip_h);
    }
  }
  ita::testing::FakePdfSource pdf(std::move(pages));
  ita::SourceInfo source;
  source.file = "fuzz.pdf";
  ita::ExtractOptions options;
  options.page.layout_dpi = 36;  // rulings found at a ninth of the pixels: more runs a second
  ita::Extraction ex = ita::ExtractDocument(pdf, source, options);
  std::string json = ita::ToContractText(ex);
  if (!nlohmann::json::accept(json)) std::abort();
  return 0;
}
