// How scanned pages are read: the OCR stage's options (pipeline/page/page_ocr.h reads them).
// The defaults are what ships, except what needs loaded resources (the engine pool, the
// numeric and Latin models, the picture measure, the word lists), which the one pipeline
// configuration (pipeline/cli/engine_config.h) supplies.
#pragma once

#include <cstddef>
#include <functional>

#include "pipeline/model/document.h"

namespace ita {

class EnglishWords;
class OcrPool;

// How a page needing OCR is read.
enum class OcrStrategy {
  kPage,   // one OCR call per page (rulings erased), words assigned to cells by geometry
  kCells,  // one OCR call per table cell and one for the text outside tables
};

struct OcrOptions {
  OcrPool* pool = nullptr;        // null: OCR pages are recorded but not read
  double dpi = 300;               // render resolution for OCR (see bench/README.md)
  double max_long_side_px = 3600; // no OCR raster's long side beyond this (A4 at 300 dpi is
                                  // 3508): oversized page boxes are rendered at less
  double min_dpi = 72;            // ...but never below this
  double glyph_px_min = 20;       // letters shorter than this at `dpi` get more dots...
  double glyph_px_max = 48;       // ...and taller ones fewer (the development scans read best
                                  // at 300 dpi, where theirs are 27 to 42 px: bench/README.md)
  double max_upsample = 2;        // never more dots than this times the scan's own resolution
  int whiten_level = 220;         // lighter pixels become white before OCR
  int ruling_level_max = 210;     // on scans, pixels 40 below the paper's level (at most this)
                                  // can be rulings
  OcrStrategy strategy = OcrStrategy::kPage;
  int window = 0;                 // rendered OCR pages held at once per document; 0: one more
                                  // than the pool's engines (each raster is 9 MB at 300 dpi)
  bool detect_orientation = true; // turn scanned pages upright (0/90/180/270) before reading
  bool drop_color = true;         // coloured ink (stamps, signatures) rendered light for OCR
  // How much of an OCR page is pictures, 0 to 1 (extractors/leptonica_pictures.h); null: not
  // asked, and every page is read sparse. A page that is at least `picture_page_share`
  // pictures (photographs of an activity, a cover) is read with the engine's layout analysis,
  // which leaves the pictures out (pipeline/page/page_ocr.h). Pages with logos, QR codes and
  // signature sheets measured up to 0.017, those of the development sets (stamped and
  // photographed ones too) at most 0.009; pages of photographs and a cover 0.065 to 0.333.
  std::function<double(const Raster&)> picture_share;
  double picture_page_share = 0.05;
  bool correct_photos = true;     // cut a photographed page out of its surroundings, square it
  // A scan whose ppi across and down differ by more than this factor is read in its own
  // proportions (a screenshot squeezed in Word); scanners' own 200x100 fax modes are 2.
  double max_scan_disproportion = 1.15;
  double photo_ruling_slant = 0.035;  // ...and find its rulings slanted up to 2 degrees
  // When a page's ink leans to a turn without settling it, a sample is read at each turn (at
  // this resolution) and the strongest reading is taken if this many times the page as it is
  // and at least this strong (letters times confidence: a line of text read surely).
  double orientation_reading_dpi = 150;
  double orientation_reading_factor = 2.0;
  double orientation_reading_min = 30;
  bool numeric_pass = false;      // re-read digits with the engine's numeric model (needs it)
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
  // no more after a round in which none was read surely (pipeline/page/second_readings.cc): a
  // page of signatures and ticks, or of photographs' specks, does not pay for hundreds of
  // readings.
  size_t reread_round = 16;
  int numeric_binarize_level = 200;  // darker pixels are ink for the numeric model (at most
                                     // 30 below the paper's level)
  // English words: a lower-case Latin reading of a token must be one to replace it; null:
  // only codes in capitals and names are taken (pipeline/ocr/english_words.h).
  const EnglishWords* english = nullptr;
};

}  // namespace ita
