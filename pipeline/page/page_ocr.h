// How a scanned page is read: the OCR stage of ExtractDocument. Preparation (resolution,
// proportions, photo, orientation) is in ocr_prepare.cc, submission and the finish in
// ocr_submit.cc, the second readings in second_readings.cc.
//
// SubmitPageOcr renders the page for OCR (at the resolution its letters need, see
// ChooseOcrResolution; coloured ink dropped), cuts out and squares a photographed page, clears
// dark scanner edges, turns the page upright (from its ink, see orientation.h), whitens
// light pixels, deskews, finds and erases rulings, and submits the page to the OCR pool.
// FinishPageOcr waits for the words,
// lays them out into tables and free lines (the same LayOut as text-layer words), then reads
// again what page OCR reads worst: empty cells that hold ink (not on a page of pictures, whose
// layout analysis left its pictures' cells empty on purpose), every line with digits (the
// numeric model) and short cells that may be Latin codes (the Latin model).
#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/pdf_source.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/page/page_options.h"
#include "pipeline/page/page_result.h"
#include "pipeline/tables/grid_detector.h"

namespace ita {

// An OCR page in flight: its raster, grids, and the pool's future.
struct PendingOcr {
  int index;
  std::vector<Grid> grids;
  std::vector<std::future<OcrPool::Output>> jobs;
  std::shared_ptr<const Raster> raster;  // kept for the numeric pass
  OcrLayout layout = OcrLayout::kSparse;  // how the page was read whole (PageReadingLayout)
  std::chrono::steady_clock::time_point submitted;
};

// The resolution a scanned page is rendered at for OCR, and why. The default (ocr.dpi) unless
// the letters measured on the first look (result.glyph_height) would come out shorter than
// ocr.glyph_px_min (more dots, but at most ocr.max_upsample times the scan's own pixels per
// inch, result.scan_ppi) or taller than ocr.glyph_px_max (fewer dots: no pixels beyond need).
// Then bounded: no long side beyond ocr.max_long_side_px (page boxes far larger than paper),
// never under ocr.min_dpi. Pure.
struct OcrResolution {
  double dpi = 0;
  std::string why;  // for the page's diagnostics: "OCR at 300 dpi (letters 35 px; scan 200 ppi)"
};
OcrResolution ChooseOcrResolution(const PageResult& result, const PageOptions& options);

// A scan placed out of proportion (result.scan_aspect off 1 by more than
// options.ocr.max_scan_disproportion, not a bilevel fax) is scaled in height to its own
// proportions; the page's height follows, and a diagnostic says so.
void RestoreScanProportions(Raster& raster, PageResult& result, const PageOptions& options);

// How a page is read whole: sparse (Tesseract's PSM 11), which finds every piece of text on
// it wherever it lies (cells of tables whose rulings were erased or never found, scattered
// lines), unless pictures cover at least options.ocr.picture_page_share of it (`picture_share`,
// from options.ocr.picture_share: photographs of an activity report, a cover). Such a page is read
// with the engine's own layout analysis (PSM 3), which leaves the pictures out as the
// `tesseract` CLI does: read sparse, a page of photographs gave a page of junk letters (and
// second readings of that junk) at twice the CLI's cost, and the edges of its photographs
// passed for ruled tables, so the grids found on such a page do not decide. Pure.
OcrLayout PageReadingLayout(double picture_share, const PageOptions& options);

// The part of a prose line that holds its digits, for the numeric model: it learned dates and
// numbers, not long lines of words, and reads the digits of "... ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
// best given "พ.ศ. ๒๕๖๘" alone. Positions come from the line's box in proportion to its
// letters (marks take no room), from six letters before the first digit (the พ.ศ. or month
// before a year) to three after the last, inside `region`; the whole `region` when the digits
// span most of the line or there are none. Pure.
Box DigitSpan(const TextLine& line, const Box& region);

// Renders, cleans and submits page `result.page.index`; nullopt (with a diagnostic) when the
// page cannot be rendered or holds no ink. Needs options.ocr.pool.
std::optional<PendingOcr> SubmitPageOcr(const PdfSource& pdf, PageResult& result,
                                        const PageOptions& options);

// Waits for the page's words, lays them out and reads again (see above); `timing` may be null.
void FinishPageOcr(PendingOcr& pending, PageResult& result, const PageOptions& options,
                   PageTiming* timing);

}  // namespace ita
