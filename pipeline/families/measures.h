// Measure records from the measures tables of a document.
//
// Steps, per table in page order:
//  1. Header rows: the top rows whose cells name contract fields (header_synonyms.h). A table
//     without its own header continues the previous table's columns when the columns line up
//     (headers are not always repeated on each page).
//  2. Column map: each grid column takes the field of the lowest header cell above it, so a
//     two-level header ("การนำผลการวิเคราะห์ไปสู่การปฏิบัติ" over "ข้อคำถาม | ข้อค้นพบ") maps
//     to the lower level.
//  3. Rows: a row whose anchor cell (sequence, measure or issue column) starts there and is not
//     empty starts a measure; a row whose anchor is empty, or is still spanned from above, or
//     (at the top of a page) continues an unnumbered fragment, is merged into the measure above.
//  4. Values: cell texts per field, questions split by their codes (I1, E11, O5), seq from the
//     sequence column or the measure's enumerator, period parsed against the fiscal year,
//     dates found in output/outcome, pages.
//
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "pipeline/model/document.h"

namespace ita {

struct MeasuresResult {
  std::vector<Measure> measures;
  std::vector<MeasureField> header_fields;  // fields named by any measures-table header
};

MeasuresResult BuildMeasures(const std::vector<Table>& tables, std::optional<int> fiscal_year);

// Splits a questions cell into coded questions: "I1 เจ้าหน้าที่… E11 การปฏิบัติ…" -> two items.
std::vector<Question> SplitQuestions(const std::string& text);

}  // namespace ita
