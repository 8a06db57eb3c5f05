// One PDF to one Extraction: the pipeline's stages in order, with no file or JSON I/O.
//
//   pages:  (pipeline/page/) PdfSource words + low-resolution render -> text-source decision
//           text pages: grids on the render -> tables (words to cells) + free lines
//           OCR pages:  render at page.ocr.dpi -> whiten light pixels -> grids on the raster ->
//                       erase rulings -> OCR (pool) -> the same table builder
//   doc:    text-layer lines and cells -> vowel repair decided once per document (vowel_pass.h)
//           first-page lines -> family, title, organisation, fiscal year
//           tables -> measures / ITA scores / action plan -> completeness
//
// A page that fails becomes a diagnostic and contributes nothing; the document goes on.
// OCR pages of one document run in parallel on the shared OcrPool; at most a window of
// rendered pages are held at once (page.ocr.window), so memory stays bounded for long scans.
// Thread-safety: a call uses only its arguments (and the thread-safe pool).
#pragma once

#include <functional>

#include "pipeline/model/pdf_source.h"
#include "pipeline/page/page_options.h"
#include "pipeline/validate/completeness.h"

namespace ita {

// How a document is read: its pages' options and the document's own.
struct ExtractOptions {
  PageOptions page;               // each page: text layer or OCR, tables, lines
  int max_pages = 2000;           // longer documents are rejected as too_large
  int title_pages = 2;            // pages searched for the title block
  bool remove_page_furniture = true;  // running headers, footers, page numbers out of prose
  // Called after each page is read (pages done, pages in the document), for progress inside a
  // long document; null: not asked.
  std::function<void(int, int)> on_page_done;
  ValidationOptions validation;
};

// `source` carries the file name and hash; pages and page_sources are filled in here.
Extraction ExtractDocument(const PdfSource& pdf, SourceInfo source, const ExtractOptions& options = {});

}  // namespace ita
