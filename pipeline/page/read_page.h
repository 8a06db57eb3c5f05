// One page as the pipeline reads it: the first look (text layer or OCR, rulings), then words
// to tables and lines. The OCR of a page that needs it is in page_ocr.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/pdf_source.h"
#include "pipeline/page/page_options.h"
#include "pipeline/page/page_result.h"
#include "pipeline/tables/grid_detector.h"

namespace ita {

// Why page `index` must not be rendered (its images hold more than max_image_pixels: decoding
// them would take minutes and gigabytes), or nullopt when it may be.
std::optional<std::string> RenderRefusal(const PdfSource& pdf, int index, const PageOptions& options);

// Words to tables and free lines, the same for text-layer and OCR words: ruled grids, then a
// table without rulings among the words outside them (tables/borderless.h); free lines repaired.
// `continued_columns`: the previous page's borderless table columns, if it had one.
void LayOut(PageResult& result, std::vector<Grid> grids, const PageOptions& options,
            const std::vector<double>* continued_columns = nullptr);

// Reads a page through its text layer; a page that needs OCR comes back with
// page.source == kOcr and no words (then page_ocr.h reads it).
// `continued_columns`: the previous page's borderless table columns, if it had one.
PageResult AnalyzePage(const PdfSource& pdf, int index, const PageOptions& options,
                       const std::vector<double>* continued_columns = nullptr);

// AnalyzePage, then OCR for a page that needs it (waiting for the pool): one page as the
// pipeline sees it, for debugging tools.
PageResult ReadPage(const PdfSource& pdf, int index, const PageOptions& options);

}  // namespace ita
