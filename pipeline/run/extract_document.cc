#include "pipeline/run/extract_document.h"

#include "pipeline/families/action_plan.h"
#include "pipeline/families/classify.h"
#include "pipeline/families/ita_scores.h"
#include "pipeline/families/measures.h"
#include "pipeline/families/metadata.h"
#include "pipeline/thai/text_repair.h"

namespace ita {

PageResult AnalyzePage(const PdfSource& pdf, int index, const ExtractOptions& options) {
  PageResult result;
  Page& page = result.page;
  page.index = index;
  auto box = pdf.PageBox(index);
  if (!box) {
    page.diagnostics.push_back("page " + std::to_string(index + 1) + ": " + box.error().message);
    return result;
  }
  page.width_pt = box->Width();
  page.height_pt = box->Height();
  auto words = pdf.Words(index);
  if (!words) {
    page.diagnostics.push_back("page " + std::to_string(index + 1) + ": text layer unreadable: " +
                               words.error().message);
  }
  auto raster = pdf.Render(index, options.layout_dpi);
  if (!raster) {
    page.diagnostics.push_back("page " + std::to_string(index + 1) + ": render failed: " +
                               raster.error().message);
  }
  static const Raster kNoRaster;
  const Raster& render = raster ? *raster : kNoRaster;
  std::vector<Word> all_words = words ? std::move(*words) : std::vector<Word>{};
  TextSourceDecision decision = ChooseTextSource(all_words, render, options.text_source);
  page.source = decision.source;
  if (decision.source == TextSource::kOcr) {
    // No OCR engine in this build path: the page is recorded, not read.
    page.diagnostics.push_back("page " + std::to_string(index + 1) + ": needs OCR (" +
                               decision.reason + "); no OCR engine available, page skipped");
    return result;
  }
  page.words = std::move(all_words);
  std::vector<Grid> grids = DetectGrids(render, options.grid);
  std::vector<Word> outside;
  result.tables = BuildTables(index, page.words, grids, &outside, options.table);
  result.free_lines = AssembleLines(outside);
  for (TextLine& line : result.free_lines) line.text = thai::RepairThai(line.text);
  return result;
}

Extraction ExtractDocument(const PdfSource& pdf, SourceInfo source, const ExtractOptions& options) {
  Extraction ex;
  ex.source = std::move(source);
  int pages = pdf.PageCount();
  ex.source.pages = pages;
  if (pages <= 0) {
    ex.error = Error{ErrorCode::kEmpty, "PDF has no pages"};
    ex.validation = CheckCompleteness(ex, options.validation);
    return ex;
  }
  if (pages > options.max_pages) {
    ex.error = Error{ErrorCode::kTooLarge, std::to_string(pages) + " pages exceeds the limit of " +
                                               std::to_string(options.max_pages)};
    ex.validation = CheckCompleteness(ex, options.validation);
    return ex;
  }
  std::vector<Table> tables;
  std::vector<std::string> title_lines;
  std::vector<ProseLine> prose;
  int title_pages_seen = 0;
  for (int i = 0; i < pages; ++i) {
    PageResult page = AnalyzePage(pdf, i, options);
    ex.source.page_sources.push_back(page.page.source);
    for (std::string& d : page.page.diagnostics) ex.diagnostics.push_back(std::move(d));
    if (title_pages_seen < options.title_pages && !page.free_lines.empty()) {
      ++title_pages_seen;
      for (const TextLine& l : page.free_lines) title_lines.push_back(l.text);
    }
    for (const TextLine& l : page.free_lines) prose.push_back(ProseLine{i, l.text});
    for (Table& t : page.tables) tables.push_back(std::move(t));
  }
  // The title block is the first page with text; the second only fills what it lacks.
  Metadata meta = ReadMetadata(title_lines);
  MeasuresResult measures = BuildMeasures(tables, meta.fiscal_year);
  Classification cls = ClassifyDocument(title_lines, measures.header_fields);

  DocumentInfo doc;
  doc.family = cls.family;
  doc.title = cls.title;
  doc.organization = meta.organization;
  doc.fiscal_year = meta.fiscal_year;
  if (options.validation.ita_items != nullptr) {
    if (const ItaItemRule* rule = options.validation.ita_items->Find(doc.fiscal_year, doc.family))
      doc.ita_item = rule->item;
  }
  for (std::string& d : meta.diagnostics) ex.diagnostics.push_back(std::move(d));
  ex.document = doc;
  if (doc.family == Family::kMeasuresPlan || doc.family == Family::kMeasuresReport ||
      doc.family == Family::kItaAnalysis) {
    ex.measures = std::move(measures.measures);
  }
  if (doc.family == Family::kItaAnalysis) {
    std::vector<std::string> text;
    for (const ProseLine& l : prose) text.push_back(l.text);
    ex.ita_scores = BuildItaScores(tables, text, doc.fiscal_year);
  }
  if (doc.family == Family::kActionPlan) ex.action_plan = BuildActionPlan(tables, prose, title_lines);
  ex.validation = CheckCompleteness(ex, options.validation);
  return ex;
}

}  // namespace ita
