// Second readings of a page after its first OCR (page_ocr.h FinishPageOcr): what page OCR reads
// worst, read again region by region. Each returns the seconds spent in the engine.
#pragma once

#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/page/page_ocr.h"

namespace ita {

// A cell's area inside its rulings, where its text is read.
Box CellInner(const Cell& c);

// Empty cells that hold ink, read alone as one line.
double FillEmptyCells(const PendingOcr& pending, std::vector<Table>& tables, const PageOptions& options);

// Every line with digits read with the numeric model: dates and numbers whole, other lines
// for their digits only.
double RereadDigits(const PendingOcr& pending, PageResult& result, const PageOptions& options);

// Cells of a short line that may be a Latin grade or code, read with the Latin model.
double RereadLatin(const PendingOcr& pending, std::vector<Table>& tables, const PageOptions& options);

// Tokens that look like Latin words the Thai model misread, read with the Latin model.
double RereadLatinWords(const PendingOcr& pending, std::vector<Word>& words, const PageOptions& options);

}  // namespace ita
