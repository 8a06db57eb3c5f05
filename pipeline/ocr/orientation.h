// Which way up a scanned page's text is, found by reading it.
//
// A square of the page where its ink is densest is read with the main model at each quarter
// turn. Text the right way up is read as many sure letters; text on its side or upside down as
// few, unsure clusters. The turn whose reading is strongest wins when it beats the page as it
// is by a clear factor. This needs no model beyond the one that reads the page (Tesseract's
// orientation detection loads a 40 MB legacy classifier into every worker), and the evidence
// is the page's own: scores are compared with each other, not with a fixed bar.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/ocr/ocr_pool.h"

namespace ita {

// How strongly a sample was read at one turn: the sum over its words of confidence times
// letters (Thai letters, digits, Latin letters; not punctuation or marks).
double ReadingStrength(const std::vector<Word>& words);

// The square window of `raster` (side `share` of its shorter side) with the most pieces of ink
// (text, not a picture or a black border), among windows on a 5 x 5 grid of positions. In
// points. Empty when the raster has no ink.
Box SampleWindow(const Raster& raster, double share = 0.35);

struct OrientationFinding {
  int degrees = 0;                      // how far the text is turned clockwise: 0, 90, 180, 270
  std::array<double, 4> strength{};     // reading strength with the text turned 0, 90, 180, 270
  bool sure = false;                    // the strongest turn beats 0 by the factor asked
  std::string why;                      // for diagnostics: "readings 0: 410, 90: 35, ..."
};

// Decides from the four readings' strengths. The strongest turn is taken when it is at least
// `min_strength` (a line's worth of sure letters: a photograph read at any turn gives a few
// unsure clusters, and one of them is always the strongest) and either at least `factor`
// times the page as it is, or stronger than the page as it is and the very turn the ink leans
// to (`ink_leaning`, degrees; -1 for none): two kinds of evidence agreeing. Pure.
OrientationFinding DecideOrientation(const std::array<double, 4>& strength, double factor, double min_strength,
                                     int ink_leaning = -1);

// Reads the sample window of `raster` at each quarter turn (one job per turn on `ocr`) and
// decides. Errors from the engine are returned.
Result<OrientationFinding> FindOrientation(const Raster& raster, OcrPool& ocr, double factor,
                                           double min_strength, int ink_leaning = -1);

}  // namespace ita
