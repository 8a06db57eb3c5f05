#include "pipeline/page/page_ocr.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"
#include "pipeline/page/ocr_prepare.h"
#include "pipeline/page/read_page.h"
#include "pipeline/page/second_readings.h"
#include "pipeline/tables/table_builder.h"
#include "pipeline/thai/mark_shift.h"

namespace ita {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Some faces draw their marks where OCR takes them for the next letter's (thai/mark_shift.h):
// when the dictionary says the page was read so, every word's marks are moved back.
void ShiftMarksIfReadLate(PageResult& result, const thai::ThaiDictionary& dict) {
  std::vector<std::string> texts;
  for (const Word& w : result.page.words) texts.push_back(w.utf8);
  thai::MarkShiftEvidence e = thai::WeighMarkShift(texts, dict);
  if (!e.ReadLate()) return;
  for (Word& w : result.page.words) w.utf8 = thai::ShiftMarksBack(w.utf8);
  char note[200];
  std::snprintf(note, sizeof note,
                "marks read one letter late, moved back (dictionary words cover %d of %d characters as read, %d moved)",
                e.covered_as_read, e.thai_letters, e.covered_shifted);
  result.page.diagnostics.push_back(PageLabel(result.page.index) + note);
}

}  // namespace

OcrLayout PageReadingLayout(double picture_share, const PageOptions& options) {
  return picture_share >= options.ocr.picture_page_share ? OcrLayout::kPage : OcrLayout::kSparse;
}

// Renders and cleans a page for OCR and submits it; returns nullopt (with a diagnostic) when
// the page cannot be rendered or holds no ink.
std::optional<PendingOcr> SubmitPageOcr(const PdfSource& pdf, PageResult& result,
                                    const PageOptions& options) {
  int index = result.page.index;
  // An image bomb: AnalyzePage has said so already, at its first look.
  if (RenderRefusal(pdf, index, options)) return std::nullopt;
  OcrResolution resolution = ChooseOcrResolution(result, options);
  double dpi = resolution.dpi;
  result.page.diagnostics.push_back(PageLabel(index) + resolution.why);
  // Stamps and signatures in coloured ink lie over the text of scans; black text is kept.
  auto raster = pdf.Render(index, dpi, options.ocr.drop_color ? RenderInk::kDropColor : RenderInk::kAll);
  if (!raster) {
    result.page.diagnostics.push_back(PageLabel(index) + "render for OCR failed: " + raster.error().message);
    return std::nullopt;
  }
  RestoreScanProportions(*raster, result, options);
  // A page drawn from vectors (outlined glyphs, a broken text layer's page) is a clean rendering:
  // no scanner edges, no camera, no grey paper, no skew. Its clean-up would only take from it
  // (table frames near the edge taken for a scanner's dark border).
  double page_px = result.page.width_pt * result.page.height_pt * (dpi / 72.0) * (dpi / 72.0);
  bool drawn = !result.scan_ppi && pdf.ImagePixels(index) < 0.05 * page_px;
  bool photographed = !drawn && options.ocr.correct_photos && CorrectPhoto(*raster, result);
  if (!drawn && ClearDarkEdges(*raster) > 0)
    result.page.diagnostics.push_back(PageLabel(index) + "dark scanner edges cleared");
  if (options.ocr.detect_orientation) TurnUpright(*raster, result, options);
  // Scanned rulings are grey and broken at the darkness that suits text pages; how grey a
  // ruling may be depends on the paper (darkened scans have grey noise).
  GridOptions grid = options.grid;
  grid.dark_level = std::clamp(PaperLevel(*raster) - 40, options.grid.dark_level, options.ocr.ruling_level_max);
  // A photographed page squared by its corners keeps a slight slant in its rulings (lens,
  // curled paper); scans do not, and there a slanted band is a stamp or a signature.
  if (photographed) grid.max_slant = options.ocr.photo_ruling_slant;
  // Pictures are measured before light pixels are whitened: a light photograph keeps its
  // texture until then.
  double pictures = options.ocr.picture_share ? options.ocr.picture_share(*raster) : 0;
  if (!drawn) {
    WhitenLight(*raster, options.ocr.whiten_level);
    double skew = EstimateSkewDegrees(*raster);
    if (std::abs(skew) >= 0.05) *raster = Deskew(*raster, skew);
  }
  PendingOcr pending;
  pending.index = index;
  pending.grids = DetectGrids(*raster, grid);
  EraseRulings(*raster, pending.grids);
  if (InkShare(*raster, Box{}) < 1e-5) {
    result.page.diagnostics.push_back(PageLabel(index) + "no ink left after clean-up; nothing to OCR");
    return std::nullopt;
  }
  auto page = std::make_shared<Raster>(std::move(*raster));
  if (options.ocr.strategy == OcrStrategy::kCells && !pending.grids.empty()) {
    // One block request per cell with ink, on the page as it is...
    std::vector<OcrRequest> cells;
    std::vector<Word> none;
    for (const Table& t : BuildTables(index, {}, pending.grids, &none, options.table)) {
      for (const Cell& c : t.cells) {
        Box inner = CellInner(c);
        if (inner.Width() > 2 && inner.Height() > 2 && InkShare(*page, inner) > 0.001)
          cells.push_back(OcrRequest{OcrLayout::kBlock, inner});
      }
    }
    pending.jobs.push_back(options.ocr.pool->Submit(page, std::move(cells)));
    // ...and the text outside the tables from a copy with the tables blanked.
    auto outside = std::make_shared<Raster>(*page);
    for (const Grid& g : pending.grids) BlankRegion(*outside, g.box);
    page = outside;
  }
  pending.raster = page;
  OcrLayout layout = PageReadingLayout(pictures, options);
  if (layout == OcrLayout::kPage) {
    char note[128];
    std::snprintf(note, sizeof note, "pictures cover %.0f%% of the page: read with layout analysis, which leaves them out",
                  pictures * 100);
    result.page.diagnostics.push_back(PageLabel(index) + note);
  }
  pending.layout = layout;
  pending.jobs.push_back(options.ocr.pool->Submit(page, {OcrRequest{layout, Box{}}}));
  pending.submitted = std::chrono::steady_clock::now();
  return pending;
}

void FinishPageOcr(PendingOcr& pending, PageResult& result, const PageOptions& options,
                   PageTiming* timing) {
  PageTiming unused;
  PageTiming& spent = timing ? *timing : unused;
  std::vector<Result<std::vector<Word>>> results;
  spent.ocr_recognize = 0;
  for (auto& job : pending.jobs) {
    OcrPool::Output output = job.get();
    spent.ocr_recognize += output.seconds;
    for (auto& r : output.results) results.push_back(std::move(r));
  }
  spent.ocr_wait = SecondsSince(pending.submitted);
  for (auto& r : results) {
    if (!r) {
      result.page.diagnostics.push_back(PageLabel(pending.index) + "OCR failed: " + r.error().message);
      continue;
    }
    for (Word& w : *r) result.page.words.push_back(std::move(w));
  }
  if (options.dictionary != nullptr) ShiftMarksIfReadLate(result, *options.dictionary);
  auto reread_started = std::chrono::steady_clock::now();
  if (options.ocr.latin_words_pass) spent.reread_latin_words = RereadLatinWords(pending, result.page.words, options);
  auto laid_out = std::chrono::steady_clock::now();
  LayOut(result, pending.grids, options);
  double layout = SecondsSince(laid_out);
  // On a page of pictures the grids are mostly the pictures' edges, and the layout analysis
  // left what is inside them out: empty cells there are pictures, not missed digits.
  if (pending.layout != OcrLayout::kPage) spent.reread_cells = FillEmptyCells(pending, result.tables, options);
  if (options.ocr.numeric_pass) spent.reread_digits = RereadDigits(pending, result, options);
  if (options.ocr.latin_pass) spent.reread_latin_codes = RereadLatin(pending, result.tables, options);
  spent.ocr_reread = SecondsSince(reread_started) - layout;
  pending.raster.reset();
}


}  // namespace ita
