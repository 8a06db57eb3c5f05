#include "pipeline/page/read_page.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/page/page_ocr.h"
#include "pipeline/tables/borderless.h"
#include "pipeline/thai/text_repair.h"

namespace ita {
namespace {

// Tables without rulings are found by the contract's column names only: a companion word
// ("งบประมาณ", "จำนวน") starts many lines of running text.
std::optional<int> MeasureHeaderIndex(const std::string& text) {
  if (auto f = HeaderFieldOf(text); f && IsContractField(*f)) return static_cast<int>(*f);
  return std::nullopt;
}

}  // namespace

void LayOut(PageResult& result, std::vector<Grid> grids, const PageOptions& options,
            const std::vector<double>* continued_columns) {
  if (options.borderless_tables) {
    std::vector<Word> free;
    for (const Word& w : result.page.words) {
      bool ruled = std::any_of(grids.begin(), grids.end(),
                               [&](const Grid& g) { return g.box.Contains(w.box.CenterX(), w.box.CenterY()); });
      if (!ruled) free.push_back(w);
    }
    if (auto t = FindBorderlessTable(free, MeasureHeaderIndex, continued_columns)) {
      grids.push_back(t->grid);
      result.borderless_columns = t->columns;
      result.page.diagnostics.push_back(PageLabel(result.page.index) + t->reason);
    }
  }
  std::vector<Word> outside;
  result.tables = BuildTables(result.page.index, result.page.words, grids, &outside, options.table);
  if (result.page.source == TextSource::kOcr) {
    // Empty cells too: what OCR did not read may still be there.
    for (Table& t : result.tables)
      for (Cell& c : t.cells) c.origin = Origin::kOcr;
  }
  result.free_lines = AssembleLines(outside);
  for (TextLine& line : result.free_lines) line.text = thai::RepairThai(line.text);
}

std::optional<std::string> RenderRefusal(const PdfSource& pdf, int index, const PageOptions& options) {
  double pixels = pdf.ImagePixels(index);
  if (pixels <= options.max_image_pixels) return std::nullopt;
  char why[200];
  std::snprintf(why, sizeof why, "not rendered: its images hold %.0f million pixels, over the limit of %.0f million",
                pixels / 1e6, options.max_image_pixels / 1e6);
  return std::string(why);
}

PageResult AnalyzePage(const PdfSource& pdf, int index, const PageOptions& options,
                       const std::vector<double>* continued_columns) {
  PageResult result;
  Page& page = result.page;
  page.index = index;
  auto box = pdf.PageBox(index);
  if (!box) {
    page.diagnostics.push_back(PageLabel(index) + box.error().message);
    return result;
  }
  page.width_pt = box->Width();
  page.height_pt = box->Height();
  auto words = pdf.Words(index);
  if (!words) page.diagnostics.push_back(PageLabel(index) + "text layer unreadable: " + words.error().message);
  // Bounded cost: a page box far beyond paper (a 200-inch page) is rendered at fewer dots per
  // inch, so no layout raster holds more than layout_max_pixels.
  double dpi = options.layout_dpi;
  double area_in2 = page.width_pt * page.height_pt / (72.0 * 72.0);
  if (area_in2 > 0 && area_in2 * dpi * dpi > options.layout_max_pixels) {
    dpi = std::max(4.0, std::sqrt(options.layout_max_pixels / area_in2));
    char note[160];
    std::snprintf(note, sizeof note, "rendered at %.0f dpi to find rulings (page box %.0f x %.0f pt)", dpi,
                  page.width_pt, page.height_pt);
    page.diagnostics.push_back(PageLabel(index) + note);
  }
  std::vector<Word> all_words = words ? std::move(*words) : std::vector<Word>{};
  // Bounded cost: tables and lines are built from at most max_words_per_page words (a page of
  // 120,000 one-letter text objects is an attack or a broken generator, not a report).
  if (all_words.size() > options.max_words_per_page) {
    page.diagnostics.push_back(PageLabel(index) + std::to_string(all_words.size()) + " words, over the limit of " +
                               std::to_string(options.max_words_per_page) + " a page: the first " +
                               std::to_string(options.max_words_per_page) + " are read");
    all_words.resize(options.max_words_per_page);
  }
  // A page with next to no text needs its ink (blank or a scan): a full render. A page with
  // text needs only its rulings, which its vector drawing gives without rendering glyphs.
  std::optional<Raster> render;
  auto render_page = [&]() -> const Raster& {
    if (!render) {
      if (auto refusal = RenderRefusal(pdf, index, options)) {
        page.diagnostics.push_back(PageLabel(index) + *refusal);
        render = Raster{};
        return *render;
      }
      auto r = pdf.Render(index, dpi);
      if (!r) page.diagnostics.push_back(PageLabel(index) + "render failed: " + r.error().message);
      render = r ? std::move(*r) : Raster{};
    }
    return *render;
  };
  static const Raster kNoRaster;
  bool needs_ink = TextLayerChars(all_words) < options.text_source.min_text_chars;
  TextSourceDecision decision = ChooseTextSource(all_words, needs_ink ? render_page() : kNoRaster,
                                                 options.text_source, options.dictionary);
  page.source = decision.source;
  if (decision.source == TextSource::kOcr) {
    if (options.ocr.pool != nullptr) {
      // The first look at the page's letters, for the OCR resolution: ink is what stands
      // clearly off the paper.
      const Raster& look = render_page();
      result.glyph_height = MeasureGlyphHeight(look, PaperLevel(look) - 60);
      result.scan_ppi = pdf.ScanPpi(index);
      result.bilevel_scan = pdf.ScanIsBilevel(index);
      result.scan_aspect = pdf.ScanAspect(index);
    }
    if (options.ocr.pool == nullptr) {
      page.diagnostics.push_back(PageLabel(index) + "needs OCR (" + decision.reason +
                                 "); no OCR engine available, page skipped");
    } else if (!all_words.empty()) {
      // A text layer set aside is worth saying; a scan without one is what OCR is for.
      page.diagnostics.push_back(PageLabel(index) + "OCR instead of the text layer: " + decision.reason);
    }
    return result;
  }
  // Rulings from the vector drawing, unless the page was rendered already or images cover
  // enough of it to hold a table drawn in pixels (a scan under an OCR text layer).
  std::optional<LineArt> art;
  if (!render) {
    auto drawn = pdf.DrawLineArt(index, dpi);
    if (drawn && (drawn->full_render || drawn->image_share < options.max_image_share_for_line_art))
      art = std::move(*drawn);
  }
  const Raster& rulings = art ? art->raster : render_page();
  page.words = std::move(all_words);
  LayOut(result, DetectGrids(rulings, options.grid), options, continued_columns);
  return result;
}

PageResult ReadPage(const PdfSource& pdf, int index, const PageOptions& options) {
  PageResult result = AnalyzePage(pdf, index, options);
  if (result.page.source == TextSource::kOcr && options.ocr.pool != nullptr) {
    if (auto p = SubmitPageOcr(pdf, result, options)) FinishPageOcr(*p, result, options, nullptr);
  }
  return result;
}


}  // namespace ita
