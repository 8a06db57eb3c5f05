// `validate`: existing records checked again; completeness per document and organization.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "pipeline/cli/progress.h"
#include "pipeline/cli/subcommands.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/io/schema_validator.h"
#include "pipeline/io/output_files.h"
#include "pipeline/io/revalidate.h"
#include "pipeline/validate/labels.h"

namespace ita::cli {
namespace {

struct ValidateArgs {
  std::vector<std::string> paths;
  bool json = false;
  bool update = false;
};

// "วิธีการ/method 2, ระยะเวลา/period 1", or "-".
std::string MissingText(const std::map<std::string, int>& m) {
  std::string s;
  for (const auto& [field, n] : m) {
    const char* th = ThaiLabel(field);
    s += (s.empty() ? "" : ", ") + (th == nullptr ? field : std::string(th) + "/" + field) + " " + std::to_string(n);
  }
  return s.empty() ? std::string("-") : s;
}

// validate's tables: documents, then organizations, with Thai and English headings.
void PrintTables(const std::vector<DocumentReport>& docs, const std::vector<OrganizationReport>& orgs) {
  std::cout << "เอกสาร / documents\n";
  std::cout << "ครบถ้วน/complete  ถูกต้อง/valid  มาตรการ/measures  ขาด/missing  ข้อผิดพลาด/errors  ไฟล์/file\n";
  for (const DocumentReport& d : docs) {
    // A failed or unclassified document has no completeness to report: it is a finding.
    bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
    char line[96];
    if (assessable) {
      std::snprintf(line, sizeof line, "%6.1f%%  %-5s  %4zu  ", d.validation.completeness * 100,
                    d.validation.valid ? "yes" : "no", d.measures);
    } else {
      std::snprintf(line, sizeof line, "%7s  %-5s  %4zu  ", d.problem.empty() ? "unknown" : "failed", "no", d.measures);
    }
    std::cout << line << MissingText(d.missing_by_field) << "  " << MissingText(d.errors_by_code)
              << "  " << d.path;
    if (!d.problem.empty()) std::cout << "  [" << d.problem << "]";
    std::cout << "\n";
  }
  std::cout << "\nหน่วยงาน / organizations\n";
  std::cout << "ครบถ้วน/complete  เอกสาร/docs  ไม่ผ่าน/invalid  มาตรการ/measures  ขาด/missing  หน่วยงาน/organization\n";
  for (const OrganizationReport& o : orgs) {
    char line[64];
    if (o.assessed > 0) {
      std::snprintf(line, sizeof line, "%6.1f%%  %3d  %3d  %4zu  ", std::floor(o.completeness * 1000) / 10,
                    o.documents, o.invalid, o.measures);
    } else {
      std::snprintf(line, sizeof line, "%7s  %3d  %3d  %4zu  ", "-", o.documents, o.invalid, o.measures);
    }
    std::cout << line << MissingText(o.missing_by_field) << "  " << o.organization
              << (o.province.empty() ? "" : " (" + o.province + ")") << "\n";
  }
}

int RunValidate(const ValidateArgs& a) {
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract: " << validator.error().message << "\n";
    return kExitFatal;
  }
  ValidationOptions options;
  options.ita_items = &BuiltInItaItems();
  std::vector<std::string> problems;
  std::vector<DocumentReport> all_docs = RevalidateFiles(a.paths, **validator, options, a.update, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: " << PrintableName(p) << "\n";
  // The same PDF twice (its record copied, or extracted into two folders) counts once.
  std::vector<DocumentReport> docs;
  int duplicates = 0;
  for (DocumentReport& d : all_docs) {
    duplicates += d.duplicate_of.empty() ? 0 : 1;
    if (d.duplicate_of.empty()) docs.push_back(std::move(d));
    else std::cerr << "ita-extract: " << PrintableName(d.path) << ": ผลของ PDF เดียวกับ / the same PDF as "
                   << PrintableName(d.duplicate_of) << ", counted once\n";
  }
  if (docs.empty()) {
    // Nothing to validate is not a pass: the same rule as report and export.
    std::cerr << "ita-extract: ไม่พบผลที่จะตรวจ / nothing to validate: no thai-ita-extract/1 record in the paths given\n";
    return kExitUsage;
  }
  bool json = a.json;
  std::vector<OrganizationReport> orgs = ByOrganization(docs);
  bool all_valid = true;
  // Unreadable or failed records fail the run; unclassified ones are listed, not assessed.
  for (const DocumentReport& d : docs) {
    bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
    all_valid = all_valid && d.problem.empty() && (!assessable || d.validation.valid);
  }
  if (json) std::cout << RevalidationJson(docs, orgs, duplicates);
  else PrintTables(docs, orgs);
  return all_valid ? kExitOk : kExitDocumentFailed;
}

}  // namespace

void AddValidateCommand(CLI::App& app, int* result) {
  auto validate = std::make_shared<ValidateArgs>();
  CLI::App* validate_cmd = app.add_subcommand(
      "validate", "re-check existing JSON; completeness per document and organization");
  validate_cmd->set_version_flag("-V,--version", VersionText());
  validate_cmd->add_option("PATH", validate->paths, "JSON files or folders (searched recursively for *.json)")->required();
  validate_cmd->add_flag("--json", validate->json, "print the report as JSON instead of tables");
  validate_cmd->add_flag("--update", validate->update, "rewrite each file's validation block in place (atomically)");
  validate_cmd->footer("\nAn unclassified or failed document is never valid; it is listed, not assessed. The same PDF\n"
                       "(sha256) counts once.\n"
                       "exit codes: 0 every assessable document valid; 1 one invalid, or a file or record not readable;\n"
                       "2 bad arguments or no record at all");
  validate_cmd->callback([validate, result] { *result = RunValidate(*validate); });
}

}  // namespace ita::cli
