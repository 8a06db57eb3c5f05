// The auditors' report: one static, self-contained HTML file (inline CSS, a few lines of
// optional JS for filtering; readable without it), Thai first with English alongside.
//   - summary: documents, organizations, fiscal years, completeness; failed and unclassified
//     documents counted as findings, never as complete;
//   - organizations x fiscal years: which families each published, and the required fields
//     missing per family;
//   - organizations grouped by name (the same body read two ways by OCR is one row when
//     province and district agree and the names are within a small edit distance);
//   - every document with each finding: measure, page, field, Thai and English message;
//     OCR values of low confidence marked.
// Every string from a PDF is HTML-escaped.
#pragma once

#include <string>
#include <vector>

#include "pipeline/io/export.h"
#include "pipeline/io/organization_groups.h"

namespace ita {

std::string EscapeHtml(const std::string& text);

// `unreadable`: files given that are not readable records ("PATH: why"), counted and listed.
std::string RenderHtmlReport(const std::vector<ContractRecord>& records, const std::string& version,
                             const std::vector<std::string>& unreadable = {});

}  // namespace ita
