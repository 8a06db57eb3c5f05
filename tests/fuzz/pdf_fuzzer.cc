// Fuzzes the whole pipeline on mutated PDFs through Poppler: open, text layer, rulings, the
// render and clean-up of OCR pages (read by a fake engine, so Tesseract is not in the loop),
// tables, families and the contract writer. Checks: no crash or sanitizer report, every input
// ends as a document or a typed error, and the contract JSON parses (so it is valid UTF-8).
// Poppler itself is not instrumented: its memory errors are not seen here, only ours.
// Seeds: the hostile-PDF suite's smaller cases (tools/fuzz.sh generates them).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/io/contract_json.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/run/extract_document.h"
#include "tests/testutil/fake_ocr_engine.h"

namespace {

// Words the fake engine "reads" on every OCR page (those inside the raster), so OCR pages
// also reach lines, tables and families.
std::vector<ita::Word> OcrWords() {
  const char* const texts[] = {"มาตรการ", "ระยะเวลา", "ผู้รับผิดชอบ", "ต.ค. 63 - มี.ค. 64", "สำนักปลัด", "๑๐,๐๐๐"};
  std::vector<ita::Word> words;
  double y = 60;
  for (const char* t : texts) {
    ita::Word w;
    w.utf8 = t;
    w.box = ita::Box{60, y, 200, y + 14};
    w.confidence = 0.9;
    words.push_back(w);
    y += 30;
  }
  return words;
}

ita::OcrPool& Pool() {
  static ita::OcrPool pool(ita::testing::FakeOcrFactory(OcrWords(), ita::testing::OcrFault::kNone), 1);
  return pool;
}

const std::string& InputPath() {
  static const std::string path = "/tmp/ita-pdf-fuzzer-" + std::to_string(getpid()) + ".pdf";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = InputPath();
  {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!f) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f.get()) != size) std::abort();
  }
  ita::Error error;
  std::unique_ptr<ita::PdfSource> pdf = ita::OpenPopplerPdf(path, &error);
  if (!pdf) {
    if (error.message.empty()) std::abort();  // no document and no reason
    return 0;
  }
  ita::SourceInfo source;
  source.file = "fuzz.pdf";
  ita::ExtractOptions options;
  options.page.ocr.pool = &Pool();
  // Fewer pixels than a real run, so that many inputs a second get through every stage.
  options.page.layout_dpi = 36;
  options.page.ocr.dpi = 72;
  options.page.ocr.max_long_side_px = 900;
  options.max_pages = 8;
  ita::Extraction ex = ita::ExtractDocument(*pdf, source, options);
  if (!nlohmann::json::accept(ita::ToContractText(ex))) std::abort();
  return 0;
}
