// Re-validation of existing output: reads contract JSON files, re-applies the current
// completeness rules, ITA item table and schemas, and summarises completeness per document and
// per organization (for auditors). Optionally rewrites each file's `validation` block in place
// (atomically), leaving every other field untouched.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/io/schema_validator.h"
#include "pipeline/validate/completeness.h"

namespace ita {

struct DocumentReport {
  std::string path;
  std::string family;         // empty for error records and unreadable files
  std::string organization;
  std::string district;
  std::string province;
  std::optional<int> fiscal_year;
  size_t measures = 0;
  Validation validation;
  std::string problem;        // why the file could not be read, or its error record's code
  bool unreadable = false;    // the file is not a readable record (problem says why)
  std::map<std::string, int> missing_by_field;  // required_missing counts by field name
  std::map<std::string, int> errors_by_code;    // every validation error, by code
  std::string duplicate_of;   // a record of the same PDF bytes (sha256) read before it: counted once
};

struct OrganizationReport {
  std::string organization;   // "(unknown)" when the documents name none
  std::string province;
  int documents = 0;
  int invalid = 0;
  size_t measures = 0;
  int assessed = 0;           // documents read and classified
  double completeness = 0;    // mean over the assessed documents (0 when none: see assessed)
  std::map<std::string, int> missing_by_field;
};

// Every *.json below `folders` (recursively), sorted. `update` rewrites validation blocks.
std::vector<DocumentReport> RevalidateFiles(const std::vector<std::string>& folders,
                                            const SchemaValidator& validator,
                                            const ValidationOptions& options, bool update,
                                            std::vector<std::string>* problems);

std::vector<OrganizationReport> ByOrganization(const std::vector<DocumentReport>& documents);

// `validate --json`: a summary (the counts report and export give for the same paths), then
// each document and organization; pretty-printed, with a trailing newline.
std::string RevalidationJson(const std::vector<DocumentReport>& documents,
                             const std::vector<OrganizationReport>& organizations, int duplicates);

}  // namespace ita
