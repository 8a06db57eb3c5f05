// One PDF to one Extraction: the pipeline's stages in order, with no file or JSON I/O.
//
//   pages:  PdfSource words + low-resolution render -> text-source decision
//           text pages: grids on the render -> tables (words to cells) + free lines
//           OCR pages:  render at ocr_dpi -> whiten light pixels -> grids on the raster ->
//                       erase rulings -> OCR (pool) -> the same table builder
//   doc:    text-layer lines and cells -> vowel repair decided once per document (vowel_pass.h)
//           first-page lines -> family, title, organisation, fiscal year
//           tables -> measures / ITA scores / action plan -> completeness
//
// A page that fails becomes a diagnostic and contributes nothing; the document goes on.
// OCR pages of one document run in parallel on the shared OcrPool; at most `ocr_window`
// rendered pages are held at once, so memory stays bounded for long scans.
// Thread-safety: a call uses only its arguments (and the thread-safe pool).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/layout/glyph_height.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/layout/text_source_policy.h"
#include "pipeline/model/pdf_source.h"
#include "pipeline/ocr/english_words.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/tables/grid_detector.h"
#include "pipeline/tables/table_builder.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/validate/completeness.h"

namespace ita {

// How a page needing OCR is read.
enum class OcrStrategy {
  kPage,   // one OCR call per page (rulings erased), words assigned to cells by geometry
  kCells,  // one OCR call per table cell and one for the text outside tables
};

struct ExtractOptions {
  double layout_dpi = 100;        // render resolution for the text-source decision and rulings
  // Images covering this share of a text page or more may hold a table drawn in pixels: its
  // rulings are then looked for in a full render, not in the vector drawing alone.
  double max_image_share_for_line_art = 0.25;
  double layout_max_pixels = 12e6;  // ...lowered for page boxes far beyond paper (A4: 0.97 MP)
  int max_pages = 2000;           // longer documents are rejected as too_large
  double max_image_pixels = 400e6;  // a page whose images hold more pixels than this (stored,
                                    // whatever their drawn size: an image bomb) is not rendered;
                                    // an A3 scan at 600 dpi holds 70 million
  size_t max_words_per_page = 50000;  // words beyond this on one page are set aside, with a
                                      // diagnostic (the densest real page seen: 690)
  int title_pages = 2;            // pages searched for the title block
  OcrPool* ocr = nullptr;         // null: OCR pages are recorded but not read
  double ocr_dpi = 300;           // render resolution for OCR (see bench/README.md)
  double ocr_max_long_side_px = 3600;  // no OCR raster's long side beyond this (A4 at 300 dpi is
                                       // 3508): oversized page boxes are rendered at less
  double ocr_min_dpi = 72;        // ...but never below this
  double ocr_glyph_px_min = 20;   // letters shorter than this at ocr_dpi get more dots...
  double ocr_glyph_px_max = 48;   // ...and taller ones fewer (the development scans read best
                                  // at 300 dpi, where theirs are 27 to 42 px: bench/README.md)
  double ocr_max_upsample = 2;    // never more dots than this times the scan's own resolution
  int whiten_level = 220;         // lighter pixels become white before OCR
  int ocr_ruling_level_max = 210; // on scans, pixels 40 below the paper's level (at most this)
                                  // can be rulings
  OcrStrategy ocr_strategy = OcrStrategy::kPage;
  int ocr_window = 0;             // rendered OCR pages held at once per document; 0: one more
                                  // than the pool's engines (each raster is 9 MB at 300 dpi)
  bool detect_orientation = true; // turn scanned pages upright (0/90/180/270) before reading
  bool ocr_drop_color = true;     // coloured ink (stamps, signatures) rendered light for OCR
  bool borderless_tables = true;  // find tables without rulings, anchored by their header
  // How much of an OCR page is pictures, 0 to 1 (extractors/leptonica_pictures.h); null: not
  // asked, and every page is read sparse. A page that is at least `picture_page_share`
  // pictures (photographs of an activity, a cover) is read with the engine's layout analysis,
  // which leaves the pictures out (pipeline/ocr/page_ocr.h). Pages with logos, QR codes and
  // signature sheets measured up to 0.017, those of the development sets (stamped and
  // photographed ones too) at most 0.009; pages of photographs and a cover 0.065 to 0.333.
  std::function<double(const Raster&)> picture_share;
  double picture_page_share = 0.05;
  bool correct_photos = true;     // cut a photographed page out of its surroundings, square it
  // A scan whose ppi across and down differ by more than this factor is read in its own
  // proportions (a screenshot squeezed in Word); scanners' own 200x100 fax modes are 2.
  double max_scan_disproportion = 1.15;
  double photo_ruling_slant = 0.035;  // ...and find its rulings slanted up to 2 degrees
  bool remove_page_furniture = true;  // running headers, footers, page numbers out of prose
  // When a page's ink leans to a turn without settling it, a sample is read at each turn (at
  // this resolution) and the strongest reading is taken if this many times the page as it is
  // and at least this strong (letters times confidence: a line of text read surely).
  double orientation_reading_dpi = 150;
  double orientation_reading_factor = 2.0;
  double orientation_reading_min = 30;
  bool numeric_pass = false;      // re-read digits with the engine's numeric model
  bool latin_pass = false;        // re-read short cell lines with the engine's Latin model
  bool latin_words_pass = false;  // re-read Thai-model tokens that are misread Latin words
                                  // (needs the dictionary) with the engine's Latin model
  double latin_word_accept = 0.7; // a Latin reading this sure replaces such a token
  double latin_word_unsure = 0.7; // a Thai-model token less sure than this, with no Thai
                                  // word in it, is re-read too
  double latin_word_min_height = 0.3;  // tokens shorter than this share of the page's median
                                       // token height are specks, not words: not re-read
  double reread_accept = 0.6;     // a second reading this sure replaces a date/number line or
                                  // a Latin code
  // Empty cells and Latin words and codes of a page are read again in rounds of this many, and
  // no more after a round in which none was read surely (pipeline/ocr/page_ocr.cc): a page of
  // signatures and ticks, or of photographs' specks, does not pay for hundreds of readings.
  size_t reread_round = 16;
  int numeric_binarize_level = 200;  // darker pixels are ink for the numeric model (at most
                                     // 30 below the paper's level)
  // Called after each page is read (pages done, pages in the document), for progress inside a
  // long document; null: not asked.
  std::function<void(int, int)> on_page_done;
  // Thai word list for evidence (vowel repair, trust in a text layer); null: neither is done.
  const thai::ThaiDictionary* dictionary = nullptr;
  // English words: a lower-case Latin reading of a token must be one to replace it; null:
  // only codes in capitals and names are taken (pipeline/ocr/english_words.h).
  const EnglishWords* english = nullptr;
  TextSourceOptions text_source;
  GridOptions grid;
  TableOptions table;
  ValidationOptions validation;
};

// What one page yields: its words, tables and the text outside them.
struct PageResult {
  Page page;
  std::vector<Table> tables;
  std::vector<TextLine> free_lines;  // repaired, reading order
  std::vector<double> borderless_columns;  // column edges of a table without rulings, if any
  std::optional<GlyphHeight> glyph_height;  // OCR pages: letter height on the first look
  std::optional<double> scan_ppi;           // OCR pages: the scan image's own resolution
  bool bilevel_scan = false;                // ...and whether it has one bit a pixel
  double scan_aspect = 1;                   // ...and its ppi across over down as drawn
};

// "page N: ", the prefix of every page diagnostic.
inline std::string PageLabel(int index) { return "page " + std::to_string(index + 1) + ": "; }

// Why page `index` must not be rendered (its images hold more than max_image_pixels: decoding
// them would take minutes and gigabytes), or nullopt when it may be.
std::optional<std::string> RenderRefusal(const PdfSource& pdf, int index, const ExtractOptions& options);

// Words to tables and free lines, the same for text-layer and OCR words: ruled grids, then a
// table without rulings among the words outside them (tables/borderless.h); free lines repaired.
// `continued_columns`: the previous page's borderless table columns, if it had one.
void LayOut(PageResult& result, std::vector<Grid> grids, const ExtractOptions& options,
            const std::vector<double>* continued_columns = nullptr);

// Reads a page through its text layer; a page that needs OCR comes back with
// page.source == kOcr and no words (ExtractDocument then OCRs it).
// `continued_columns`: the previous page's borderless table columns, if it had one.
PageResult AnalyzePage(const PdfSource& pdf, int index, const ExtractOptions& options,
                       const std::vector<double>* continued_columns = nullptr);

// AnalyzePage, then OCR for a page that needs it (waiting for the pool): one page as the
// pipeline sees it, for debugging tools.
PageResult ReadPage(const PdfSource& pdf, int index, const ExtractOptions& options);

// `source` carries the file name and hash; pages and page_sources are filled in here.
Extraction ExtractDocument(const PdfSource& pdf, SourceInfo source, const ExtractOptions& options = {});

}  // namespace ita
