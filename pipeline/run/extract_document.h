// One PDF to one Extraction: the pipeline's stages in order, with no file or JSON I/O.
//
//   pages:  PdfSource words + low-resolution render -> text-source decision -> grids -> tables
//   doc:    first-page lines -> family, title, organisation, fiscal year
//           tables -> measures (measure families) -> completeness
//
// A page that fails becomes a diagnostic and contributes nothing; the document goes on.
// Thread-safety: a call uses only its arguments; run documents in parallel on separate
// PdfSource instances.
#pragma once

#include <string>
#include <vector>

#include "pipeline/layout/text_lines.h"
#include "pipeline/layout/text_source_policy.h"
#include "pipeline/model/pdf_source.h"
#include "pipeline/tables/grid_detector.h"
#include "pipeline/tables/table_builder.h"
#include "pipeline/validate/completeness.h"

namespace ita {

struct ExtractOptions {
  double layout_dpi = 100;        // render resolution for ruling detection and ink checks
  int max_pages = 2000;           // longer documents are rejected as too_large
  int title_pages = 2;            // pages searched for the title block
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
};

PageResult AnalyzePage(const PdfSource& pdf, int index, const ExtractOptions& options);

// `source` carries the file name and hash; pages and page_sources are filled in here.
Extraction ExtractDocument(const PdfSource& pdf, SourceInfo source, const ExtractOptions& options = {});

}  // namespace ita
