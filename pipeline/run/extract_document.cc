#include "pipeline/run/extract_document.h"

#include <chrono>
#include <cmath>
#include <deque>
#include <future>
#include <sstream>

#include "pipeline/families/action_plan.h"
#include "pipeline/families/classify.h"
#include "pipeline/families/ita_scores.h"
#include "pipeline/families/measures.h"
#include "pipeline/families/metadata.h"
#include "pipeline/families/prose_measures.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/page/page_ocr.h"
#include "pipeline/page/read_page.h"
#include "pipeline/run/page_furniture.h"
#include "pipeline/run/vowel_pass.h"
#include "pipeline/thai/text_repair.h"

namespace ita {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The document's text from its pages, in reading order, for the title block and families.
struct DocumentText {
  std::vector<Table> tables;
  std::vector<std::string> title_lines;
  std::vector<ProseLine> prose;
  std::string first_page_cells;  // a slide or form may hold its title in a table
  // Cells of the first pages, a cover form's included (a page that is one table, such as the
  // ministry's form for publishing on the web: "ชื่อหน่วยงาน : โรงพยาบาล… อำเภอ… จังหวัด…").
  std::vector<std::string> cover_cells;
};

// Every page read, OCR pages in parallel on the pool with at most a window of them in flight;
// timings and progress as each page is done.
std::vector<PageResult> ReadPages(const PdfSource& pdf, int pages, const ExtractOptions& options, Extraction& ex) {
  std::vector<PageResult> results(pages);
  ex.timings.resize(pages);
  std::deque<PendingOcr> pending;
  // Pages beyond what the engines can work on would only wait in memory.
  int window = options.page.ocr.window > 0 ? options.page.ocr.window : options.page.ocr.pool ? options.page.ocr.pool->Workers() + 1 : 1;
  int pages_done = 0;
  auto page_done = [&] {
    if (options.on_page_done) options.on_page_done(++pages_done, pages);
  };
  for (int i = 0; i < pages; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    // A table without rulings may run on from the page before.
    const std::vector<double>* continued =
        i > 0 && !results[i - 1].borderless_columns.empty() ? &results[i - 1].borderless_columns : nullptr;
    results[i] = AnalyzePage(pdf, i, options.page, continued);
    PageTiming& timing = ex.timings[i];
    timing.page = i + 1;
    timing.source = results[i].page.source;
    timing.text = SecondsSince(t0);
    if (results[i].page.source == TextSource::kOcr && options.page.ocr.pool != nullptr) {
      auto t1 = std::chrono::steady_clock::now();
      if (auto p = SubmitPageOcr(pdf, results[i], options.page)) pending.push_back(std::move(*p));
      else page_done();
      timing.ocr_prepare = SecondsSince(t1);
    } else {
      page_done();
    }
    while (static_cast<int>(pending.size()) > window) {
      int index = pending.front().index;
      FinishPageOcr(pending.front(), results[index], options.page, &ex.timings[index]);
      pending.pop_front();
      page_done();
    }
  }
  for (PendingOcr& p : pending) {
    FinishPageOcr(p, results[p.index], options.page, &ex.timings[p.index]);
    page_done();
  }
  return results;
}

// What is decided over the whole document: damage the PDF library repaired, the vowel repair,
// running headers and footers.
void RepairDocument(const PdfSource& pdf, std::vector<PageResult>& results, const ExtractOptions& options,
                    Extraction& ex) {
  // Damage the PDF library repaired on its way (a rebuilt xref, a broken font) is said once per
  // document: the output may be incomplete where it was.
  for (const std::string& m : pdf.LibraryMessages()) ex.diagnostics.push_back("pdf library: " + m);
  if (options.page.dictionary != nullptr) {
    std::string repaired = DescribeVowelPass(RepairDocumentVowels(results, *options.page.dictionary));
    if (!repaired.empty()) ex.diagnostics.push_back("repair: " + repaired);
  }
  if (options.remove_page_furniture) {
    if (int n = RemovePageFurniture(results); n > 0)
      ex.diagnostics.push_back("running headers, footers and page numbers set aside: " + std::to_string(n) + " lines");
  }

}

// The pages' text gathered; their sources and diagnostics recorded in `ex`.
DocumentText GatherText(std::vector<PageResult>& results, const ExtractOptions& options, Extraction& ex) {
  DocumentText text;
  std::vector<Table>& tables = text.tables;
  std::vector<std::string>& title_lines = text.title_lines;
  std::vector<ProseLine>& prose = text.prose;
  std::string& first_page_cells = text.first_page_cells;
  std::vector<std::string>& cover_cells = text.cover_cells;
  int title_pages_seen = 0;
  for (PageResult& page : results) {
    ex.source.page_sources.push_back(page.page.source);
    for (std::string& d : page.page.diagnostics) ex.diagnostics.push_back(std::move(d));
    if (page.page.index < options.title_pages) {
      for (const Table& t : page.tables)
        for (const Cell& c : t.cells) {
          std::istringstream lines(c.text);
          for (std::string line; std::getline(lines, line);) cover_cells.push_back(line);
        }
    }
    if (title_pages_seen < options.title_pages && !page.free_lines.empty()) {
      ++title_pages_seen;
      for (const TextLine& l : page.free_lines) title_lines.push_back(l.text);
      if (title_pages_seen == 1)
        for (const Table& t : page.tables)
          for (const Cell& c : t.cells) first_page_cells += c.text + "\n";
    }
    for (const TextLine& l : page.free_lines) prose.push_back(ProseLine{page.page.index, l.text, l.box, l.origin, l.confidence});
    for (Table& t : page.tables) tables.push_back(std::move(t));
  }
  return text;
}

// The title block's organization and fiscal year, mended and placed from the rest of the text.
Metadata ReadDocumentMetadata(const DocumentText& document, const std::vector<PageResult>& results, int pages,
                              const ExtractOptions& options, Extraction& ex) {
  const std::vector<std::string>& title_lines = document.title_lines;
  const std::vector<ProseLine>& prose = document.prose;
  Metadata meta = ReadMetadata(title_lines);
  // A name read by OCR off a title page may have one letter wrong; the dictionary mends it.
  bool title_from_ocr = std::any_of(results.begin(), results.begin() + std::min<int>(pages, options.title_pages),
                                    [](const PageResult& p) { return p.page.source == TextSource::kOcr; });
  // A name that ends in the district or province read beside it is confirmed by a second reading
  // of the place (เทศบาลตำบลหนองหาน, อำเภอหนองหาน): the dictionary's word (ห่าน) is not taken.
  const Organization& org = meta.organization;
  auto ends_in = [&](const std::string& place) { return !place.empty() && org.name.ends_with(place); };
  bool place_confirmed = ends_in(org.district) || ends_in(org.province);
  if (title_from_ocr && options.page.dictionary != nullptr && !meta.organization.name.empty() && !place_confirmed) {
    std::string corrected = thai::CorrectOcrName(*options.page.dictionary, meta.organization.name);
    if (corrected != meta.organization.name) {
      ex.diagnostics.push_back("organization name \"" + meta.organization.name + "\" read as \"" + corrected +
                               "\" (OCR misreading mended by the dictionary)");
      meta.organization.name = corrected;
    }
  }
  // A plan whose title block spans years ("(พ.ศ. 2566 - 2569)") has no single fiscal year unless
  // one is named before the span ("ประจำปีงบประมาณ 2569 … (พ.ศ. 2566 - 2570)"); a year column's
  // "ปี 2566" further down is not one.
  std::string before_span;
  bool spans_years = false;
  for (size_t k = 0; k < std::min<size_t>(5, title_lines.size()) && !spans_years; ++k) {
    before_span += title_lines[k] + "\n";
    auto span = PlanYearsOf({title_lines[k]});
    spans_years = span && span->first < span->second;
  }
  if (spans_years) {
    meta.fiscal_year = FiscalYearOf(before_span);
  } else if (!meta.fiscal_year) {
    meta.fiscal_year = FiscalYearOf(document.first_page_cells);
  }
  // A form may name its issuer in a field of a table ("หน่วยงาน : โรงพยาบาลน้ำยืน"): only the
  // cells that open with such a label, so a body named inside a project's name is not taken.
  std::vector<std::string> issuer_fields;
  for (const std::string& line : document.cover_cells)
    if (StartsWithIssuerLabel(line)) issuer_fields.push_back(line);
  Metadata from_fields = ReadMetadata(issuer_fields);
  const Organization& field_org = from_fields.organization;
  if (meta.organization.name.empty() && !field_org.name.empty()) {
    meta.organization = field_org;
    ex.diagnostics.push_back("organization from a form field of a table: \"" + issuer_fields.front() + "\"");
  } else if (!field_org.name.empty() && field_org.name == meta.organization.name &&
             (meta.organization.district.empty() || meta.organization.province.empty())) {
    // The same body, placed by its form field (the title block names it without its place).
    if (meta.organization.district.empty()) meta.organization.district = field_org.district;
    if (meta.organization.province.empty()) meta.organization.province = field_org.province;
    if (!field_org.district.empty() || !field_org.province.empty())
      ex.diagnostics.push_back("district and province from a form field of a table: \"" + issuer_fields.front() + "\"");
  }
  if (meta.organization.district.empty() && !meta.organization.name.empty()) {
    std::vector<std::string> text;
    for (const ProseLine& l : prose) text.push_back(l.text);
    std::string province;
    std::string district = DistrictNamedInIssuer(meta.organization.name, text, &province);
    if (!district.empty()) {
      meta.organization.district = district;
      ex.diagnostics.push_back("district \"" + district + "\" from the text: the issuer carries its name");
      if (meta.organization.province.empty() && !province.empty()) {
        meta.organization.province = province;
        ex.diagnostics.push_back("province \"" + province + "\" from the sentence that names the district");
      }
    }
  }
  return meta;
}

// The family's content: measures, ITA scores or an action plan.
void ReadFamily(const DocumentText& document, Metadata& meta, const ExtractOptions& options, Extraction& ex) {
  const std::vector<Table>& tables = document.tables;
  const std::vector<std::string>& title_lines = document.title_lines;
  const std::vector<ProseLine>& prose = document.prose;
  MeasuresResult measures = BuildMeasures(tables, meta.fiscal_year);
  Classification cls = ClassifyDocument(title_lines, measures.header_fields);

  if (cls.family == Family::kUnknown) {
    // An announcement that states the result in sentences, with no table.
    std::vector<std::string> text;
    for (const ProseLine& l : prose) text.push_back(l.text);
    if (StatesItaResult(text)) cls.family = Family::kItaAnalysis;
  }
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
  if (IsMeasuresFamily(doc.family)) {
    ex.measures = std::move(measures.measures);
    // A measures plan or report whose measures are numbered paragraphs, not a table (a
    // checklist form, an announcement).
    if (ex.measures.empty() && doc.family != Family::kItaAnalysis) {
      ex.measures = MeasuresInProse(prose);
      if (!ex.measures.empty())
        ex.diagnostics.push_back("measures: " + std::to_string(ex.measures.size()) +
                                 " numbered paragraphs read as measures (no measures table)");
    }
  }
  if (doc.family == Family::kItaAnalysis) {
    std::vector<std::string> text;
    for (const ProseLine& l : prose) text.push_back(l.text);
    ex.ita_scores = BuildItaScores(tables, text, doc.fiscal_year);
  }
  if (doc.family == Family::kActionPlan) {
    ex.action_plan = BuildActionPlan(tables, prose, title_lines);
    // A one-year plan ("…ประจำปีงบประมาณ 2569") spans its fiscal year, whatever framework's
    // years its preamble quotes; a plan over several years names no single fiscal year.
    if (doc.fiscal_year && !PlanYearsOf({doc.title})) {
      if (!ex.action_plan) ex.action_plan = ActionPlan{};
      if (ex.action_plan->year_from != doc.fiscal_year || ex.action_plan->year_to != doc.fiscal_year) {
        if (ex.action_plan->year_from)
          ex.diagnostics.push_back("action plan: a plan of fiscal year " + std::to_string(*doc.fiscal_year) +
                                   ": the span " + std::to_string(*ex.action_plan->year_from) + "-" +
                                   std::to_string(ex.action_plan->year_to.value_or(0)) +
                                   " quoted in its text is not its own");
        ex.action_plan->year_from = doc.fiscal_year;
        ex.action_plan->year_to = doc.fiscal_year;
      }
    }
    // Projects listed in a table of their own rather than in the five-year plan's summary.
    if (ex.action_plan && ex.action_plan->projects.empty() && !measures.measures.empty()) {
      ex.action_plan->projects = ProjectsFromTableRows(measures.measures);
      ex.diagnostics.push_back("action plan: " + std::to_string(ex.action_plan->projects.size()) +
                               " projects from a table of projects");
    }
    if (ex.action_plan)
      for (const std::string& note : ex.action_plan->set_aside) ex.diagnostics.push_back("action plan: " + note);
  }
}

}  // namespace

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
  std::vector<PageResult> results = ReadPages(pdf, pages, options, ex);
  RepairDocument(pdf, results, options, ex);
  DocumentText text = GatherText(results, options, ex);
  Metadata meta = ReadDocumentMetadata(text, results, pages, options, ex);
  ReadFamily(text, meta, options, ex);
  ex.validation = CheckCompleteness(ex, options.validation);
  return ex;
}

}  // namespace ita
