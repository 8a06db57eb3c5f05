// Page furniture: running headers and footers (the same line at the same place on many pages)
// and page numbers ("- 3 -", "หน้า 3", "3/12"), set aside so that they do not run into titles,
// prose fields and the records built from them. The first page keeps its lines: a running
// header often repeats the title the first page shows as its title.
//
// Only lines outside tables are touched. Thread-safety: a call uses only its arguments.
#pragma once

#include <vector>

#include "pipeline/page/page_result.h"

namespace ita {

struct FurnitureOptions {
  double margin_share = 0.1;   // lines within this share of the page height from its top or
                               // bottom edge may be furniture
  int min_pages = 3;           // a repeated line is furniture when on this many pages...
  double min_page_share = 0.3; // ...and on this share of the document's pages
};

// Removes furniture lines from `pages` (all but the first); returns how many were removed.
int RemovePageFurniture(std::vector<PageResult>& pages, const FurnitureOptions& options = {});

// True for a line that is only a page number: "- 3 -", "๓", "หน้า 3", "หน้า 3/12", "3/12".
bool IsPageNumberLine(const std::string& text);

}  // namespace ita
