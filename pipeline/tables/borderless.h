// Tables without rulings: Word tables with borders switched off, tables laid out with tabs.
//
// Anchored by the header: a line (with the lines it wraps into) that names at least
// `min_header_fields` distinct columns of a known table kind (the caller's header classifier,
// e.g. มาตรการ / วิธีการ / ระยะเวลา / ผู้รับผิดชอบ). Columns are the white gutters that run
// through nearly every line below it and cut no header word; rows start where the first
// column holds an enumerator (1., ๑., (1)). The result is a Grid, as if the table had been
// ruled, so cells, spans, families and continuations work unchanged.
//
// A table continued on the next page without its header is found with the previous page's
// columns, when the page's lines fit them.
//
// Precision first: paragraphs, lists, title blocks, two-column text and forms have no such
// header, or no gutters through their lines, and give nothing. Pure functions; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.h"
#include "pipeline/tables/grid_detector.h"

namespace ita {

struct BorderlessOptions {
  int min_header_fields = 3;      // distinct columns a header line must name
  int min_columns = 3;            // fewer columns is not a table
  int min_body_lines = 2;         // lines below the header
  double min_gutter_pt = 4;       // narrower white strips are spaces between words
  double max_gutter_occupancy = 0.04;  // share of body lines allowed to cross a gutter
};

// Which header field a piece of header text names (an index the caller understands), or
// nullopt. Lets the finder stay free of any family's vocabulary.
using HeaderClassifier = std::function<std::optional<int>(const std::string&)>;

struct BorderlessTable {
  Grid grid;
  std::vector<double> columns;  // column edges, for a continuation on the next page
  std::string reason;           // why it was accepted, for diagnostics and `tool tables`
};

// `words`: a page's words (text layer or OCR), none inside a ruled table. `continued`: the
// previous page's borderless column edges, if its table ran to the page's end.
std::optional<BorderlessTable> FindBorderlessTable(const std::vector<Word>& words,
                                                   const HeaderClassifier& header,
                                                   const std::vector<double>* continued = nullptr,
                                                   const BorderlessOptions& options = {});

}  // namespace ita
