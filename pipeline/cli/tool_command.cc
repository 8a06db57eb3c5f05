// `tool`: debugging tools (repair, period, dates, tables, trust).
#include <cstdio>
#include <iostream>
#include <memory>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/io/contract_json.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/cli/subcommands.h"
#include "pipeline/page/read_page.h"
#include "pipeline/batch/batch.h"
#include "pipeline/run/vowel_pass.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/text_repair.h"

namespace ita::cli {
namespace {

int DumpTables(const std::string& file, int only_page, const std::string& numeric_model) {
  EngineConfig config = ShippedEngineConfig();
  if (!numeric_model.empty()) config.tesseract.numeric_model_dir = numeric_model;
  OcrPool pool(TesseractEngineFactory(config.tesseract), 1);
  BatchOptions batch;
  ApplyEngineConfig(config, &pool, &batch);
  const PageOptions& options = batch.extract.page;
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(file, &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  // The vowel repair is decided from the whole document's text layer, so every page is read
  // first (OCR only for the pages shown).
  std::vector<PageResult> pages;
  for (int p = 0; p < pdf->PageCount(); ++p) {
    bool shown = only_page < 0 || p == only_page;
    pages.push_back(shown ? ReadPage(*pdf, p, options) : AnalyzePage(*pdf, p, options));
  }
  if (options.dictionary != nullptr) {
    std::string repaired = DescribeVowelPass(RepairDocumentVowels(pages, *options.dictionary));
    if (!repaired.empty()) std::cout << "! repair: " << repaired << "\n";
  }
  for (int p = 0; p < pdf->PageCount(); ++p) {
    if (only_page >= 0 && p != only_page) continue;
    const PageResult& page = pages[p];
    std::cout << "=== page " << p + 1 << " ("
              << (page.page.source == TextSource::kText ? "text" : "ocr") << ")\n";
    for (const std::string& d : page.page.diagnostics) std::cout << "! " << d << "\n";
    for (const TextLine& l : page.free_lines) std::cout << "  | " << l.text << "\n";
    for (size_t t = 0; t < page.tables.size(); ++t) {
      const Table& table = page.tables[t];
      std::cout << "  table " << t + 1 << ": " << table.Rows() << " rows x " << table.Cols()
                << " cols\n";
      for (const Cell& c : table.cells) {
        std::string text = c.text;
        for (char& ch : text) ch = ch == '\n' ? '/' : ch;
        std::cout << "    [" << c.row << "," << c.col << "]";
        if (c.row_span > 1 || c.col_span > 1) std::cout << " span " << c.row_span << "x" << c.col_span;
        std::cout << " " << text << "\n";
      }
    }
  }
  return kExitOk;
}

// Each page's text-layer measures and the route they choose.
int DumpTrust(const std::string& file) {
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(file, &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  PageOptions options;
  const thai::ThaiDictionary* dict = thai::ThaiDictionary::System();
  for (int p = 0; p < pdf->PageCount(); ++p) {
    auto words = pdf->Words(p);
    auto render = pdf->Render(p, options.layout_dpi);
    static const Raster kNone;
    TextSourceDecision d = ChooseTextSource(words ? *words : std::vector<Word>{},
                                            render ? *render : kNone, options.text_source, dict);
    char line[400];
    std::snprintf(line, sizeof line,
                  "page %d: %s chars %d garbage %.2f junk %.2f thai_letters %d coverage %.2f: %s\n",
                  p + 1, d.source == TextSource::kText ? "text" : "ocr ", d.trust.chars,
                  d.trust.garbage, d.trust.junk, d.trust.thai_letters, d.trust.thai_coverage,
                  d.reason.c_str());
    std::cout << line;
  }
  return kExitOk;
}

struct ToolArgs {
  std::string text;
  std::string file;
  int fiscal_year = 0;
  int page = 0;
  std::string numeric_model;
};

void AddTool(CLI::App& app, ToolArgs& a, int* result) {
  CLI::App* tool = app.add_subcommand("tool", "debugging tools: repair, period, dates, tables, trust");
  tool->set_version_flag("-V,--version", VersionText());
  tool->require_subcommand(1);
  CLI::App* repair = tool->add_subcommand("repair", "TEXT after Thai repair (PUA glyphs, SARA AM, mark order, spaces)");
  repair->add_option("TEXT", a.text)->required();
  repair->callback([&a, result] { std::cout << thai::RepairThai(a.text) << "\n"; *result = kExitOk; });
  CLI::App* period = tool->add_subcommand("period", "{\"text\",\"start\",\"end\"} (and \"reason\" when unreadable) as JSON");
  period->add_option("TEXT", a.text)->required();
  period->add_option("--fiscal-year", a.fiscal_year, "BE fiscal year the period belongs to")->check(CLI::Range(2400, 2700));
  period->callback([&a, result] {
    thai::DateContext context;
    if (a.fiscal_year > 0) context.fiscal_year_be = a.fiscal_year;
    Period p = thai::ParsePeriod(a.text, context);
    std::cout << PeriodLine(p) << "\n";
    *result = kExitOk;
  });
  CLI::App* dates = tool->add_subcommand("dates", "the ISO dates mentioned in TEXT as a JSON array");
  dates->add_option("TEXT", a.text)->required();
  dates->callback([&a, result] {
    std::cout << DatesLine(thai::FindDates(a.text)) << "\n";
    *result = kExitOk;
  });
  CLI::App* tables = tool->add_subcommand("tables", "each page's text source, ruled tables (cells with spans) and free text lines");
  tables->add_option("FILE", a.file, "a PDF")->required();
  tables->add_option("--page", a.page, "only this page (from 1)")->check(CLI::Range(1, 1000000));
  tables->add_option("--numeric-model", a.numeric_model, "folder with thd.traineddata");
  tables->callback([&a, result] { *result = DumpTables(a.file, a.page - 1, a.numeric_model); });
  CLI::App* trust = tool->add_subcommand("trust", "each page's text-layer measures and whether they send it to OCR");
  trust->add_option("FILE", a.file, "a PDF")->required();
  trust->callback([&a, result] { *result = DumpTrust(a.file); });
}

}  // namespace

void AddToolCommand(CLI::App& app, int* result) {
  auto args = std::make_shared<ToolArgs>();
  AddTool(app, *args, result);
  // The options refer to *args: it lives as long as the app's callbacks.
  app.get_subcommand("tool")->callback([args] {});
}

}  // namespace ita::cli
