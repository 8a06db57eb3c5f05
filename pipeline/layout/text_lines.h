// Words to lines: the geometry step between a PDF text layer (or OCR) and cell text.
//
// PDF producers split Thai words into fragments, and LibreOffice in particular emits above and
// below marks as zero-width fragments of their own ("ทั" "ง" "้"). Lines are rebuilt here from
// boxes: fragments are grouped by vertical overlap, ordered left to right, mark-only fragments
// re-attached to the fragment they sit on, and a space inserted only where the gap is a space.
//
// Pure functions on values; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct LineOptions {
  double space_gap_em = 0.18;     // a gap wider than this (in font sizes) is a space
  double line_overlap = 0.5;      // vertical overlap (share of the smaller height) to share a line
  double em_per_box_height = 0.77;  // font size / word box height for PDF text boxes
};

// Groups words into lines in reading order (top to bottom, left to right).
std::vector<TextLine> AssembleLines(const std::vector<Word>& words, const LineOptions& options = {});

// Joins a cell's lines per the output contract: a line that starts a bullet or a numbered item
// begins a new paragraph ("\n"); a wrap between two Thai letters joins without a space; any
// other wrap joins with a space. Then Thai repair. Returns "" for an empty cell.
std::string JoinCellLines(const std::vector<TextLine>& lines);

// Appends `next` to `text` with the same wrap rule (used for cells continued across rows).
void AppendWrapped(std::string& text, const std::string& next);

// True when `line` starts a new item: "-", "•", "1.", "๑.", "(1)", "1)", "๑)".
bool StartsNewItem(const std::string& line);

}  // namespace ita
