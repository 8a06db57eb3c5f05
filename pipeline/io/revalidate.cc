#include "pipeline/io/revalidate.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/contract_reader.h"
#include "pipeline/io/output_files.h"
#include "pipeline/io/html_report.h"
#include "pipeline/io/contract_fields.h"

namespace ita {
namespace fs = std::filesystem;

std::vector<DocumentReport> RevalidateFiles(const std::vector<std::string>& folders,
                                            const SchemaValidator& validator,
                                            const ValidationOptions& options, bool update,
                                            std::vector<std::string>* problems) {
  std::vector<std::string> files;
  for (const std::string& f : folders) {
    std::error_code ec;
    if (fs::is_regular_file(f, ec)) {
      files.push_back(f);
      continue;
    }
    if (!fs::is_directory(f, ec)) {
      problems->push_back(f + ": ไม่พบไฟล์หรือโฟลเดอร์ / no such file or folder");
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(f, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<DocumentReport> reports;
  std::map<std::string, std::string> first_by_sha;  // the same PDF twice counts once, as in report and export
  for (const std::string& path : files) {
    DocumentReport r;
    r.path = path;
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto ex = ReadContractJson(text);
    if (!ex) {
      r.problem = ex.error().message;
      r.unreadable = true;
      reports.push_back(r);
      continue;
    }
    if (!ex->source.sha256.empty()) {
      auto [it, fresh] = first_by_sha.emplace(ex->source.sha256, path);
      if (!fresh) r.duplicate_of = it->second;
    }
    ex->validation = CheckCompleteness(*ex, options);
    ApplySchema(*ex, validator);
    r.validation = ex->validation;
    r.measures = ex->measures.size();
    if (ex->error) r.problem = ErrorCodeName(ex->error->code);
    if (ex->document) {
      r.family = FamilyName(ex->document->family);
      r.organization = ex->document->organization.name;
      r.district = ex->document->organization.district;
      r.province = ex->document->organization.province;
      r.fiscal_year = ex->document->fiscal_year;
    }
    for (const ValidationIssue& e : r.validation.errors) {
      r.errors_by_code[e.code]++;
      if (e.code != "required_missing") continue;
      r.missing_by_field[e.path.substr(e.path.find_last_of('/') + 1)]++;
    }
    if (update) {
      // Replace only the validation block; everything else stays as written.
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
      j[field::kValidation] = ToContractJson(*ex)[field::kValidation];
      std::string error;
      if (!WriteFileAtomically(path, j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n", &error))
        problems->push_back(error);
    }
    reports.push_back(r);
  }
  return reports;
}

std::vector<OrganizationReport> ByOrganization(const std::vector<DocumentReport>& documents) {
  // The report's groups (pipeline/io/html_report.h): OCR spellings and a name read without its
  // place are one body, in validate as in report and export.
  std::vector<ContractRecord> records;
  std::vector<const DocumentReport*> of;
  for (const DocumentReport& d : documents) {
    if (d.family.empty() || !d.duplicate_of.empty()) continue;  // failed, or counted already
    nlohmann::json org = {{field::kName, d.organization}, {field::kDistrict, d.district}, {field::kProvince, d.province}};
    records.push_back({d.path, {{field::kDocument, {{field::kOrganization, org}}}}});
    of.push_back(&d);
  }
  std::vector<OrganizationReport> out;
  for (const OrganizationGroup& g : GroupOrganizations(records)) {
    OrganizationReport o;
    o.organization = g.name.empty() ? "(unknown)" : g.name;
    o.province = g.province;
    for (size_t i : g.records) {
      const DocumentReport& d = *of[i];
      ++o.documents;
      o.measures += d.measures;
      // An unclassified document has nothing to be complete about: not assessed, and a finding.
      bool assessable = d.family != "unknown";
      o.invalid += assessable && d.validation.valid ? 0 : 1;
      if (assessable) {
        ++o.assessed;
        o.completeness += d.validation.completeness;
      }
      for (const auto& [field, n] : d.missing_by_field) o.missing_by_field[field] += n;
    }
    if (o.assessed > 0) o.completeness /= o.assessed;
    out.push_back(o);
  }
  std::sort(out.begin(), out.end(), [](const OrganizationReport& a, const OrganizationReport& b) {
    return std::tie(a.province, a.organization) < std::tie(b.province, b.organization);
  });
  return out;
}

std::string RevalidationJson(const std::vector<DocumentReport>& docs, const std::vector<OrganizationReport>& orgs, int duplicates) {
  nlohmann::ordered_json out;
  // The counts report and export give for the same paths (tests/cli/one_story.sh).
  int failed = 0, unreadable = 0, named = 0;
  size_t findings = 0;
  for (const DocumentReport& d : docs) {
    if (d.unreadable) ++unreadable;
    else if (!d.problem.empty()) ++failed;
    if (!d.unreadable) findings += d.validation.errors.size();
  }
  for (const OrganizationReport& o : orgs) named += o.organization == "(unknown)" ? 0 : 1;
  out["summary"] = {{"documents", static_cast<int>(docs.size()) - unreadable}, {"failed", failed},
                    {"unreadable", unreadable}, {"duplicates", duplicates}, {"organizations", named},
                    {"findings", findings}};
  out["documents"] = nlohmann::ordered_json::array();
  for (const DocumentReport& d : docs) {
    nlohmann::ordered_json e;
    e[field::kFile] = d.path;
    e[field::kFamily] = d.family.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.family);
    e[field::kOrganization] = d.organization;
    e[field::kProvince] = d.province;
    e[field::kFiscalYear] = d.fiscal_year ? nlohmann::ordered_json(*d.fiscal_year) : nlohmann::ordered_json(nullptr);
    e[field::kMeasures] = d.measures;
    bool assessable = d.problem.empty() && d.family != "unknown" && !d.family.empty();
    // An unclassified or failed document is never valid, only not assessed: it does not fail
    // the run (the exit code), but it is not counted as a pass either.
    e[field::kValid] = assessable && d.validation.valid;
    e["assessable"] = assessable;  // read and classified: completeness means something
    e[field::kCompleteness] = assessable ? nlohmann::ordered_json(d.validation.completeness) : nlohmann::ordered_json(nullptr);
    e[field::kErrors] = d.validation.errors.size();
    e["missing"] = d.missing_by_field;
    e["errors_by_code"] = d.errors_by_code;
    if (!d.problem.empty()) e["problem"] = d.problem;
    out["documents"].push_back(e);
  }
  out["organizations"] = nlohmann::ordered_json::array();
  for (const OrganizationReport& o : orgs) {
    out["organizations"].push_back({{field::kOrganization, o.organization}, {field::kProvince, o.province},
                                    {"documents", o.documents}, {"invalid", o.invalid},
                                    {field::kMeasures, o.measures},
                                    {field::kCompleteness, o.assessed ? nlohmann::ordered_json(o.completeness) : nlohmann::ordered_json(nullptr)},
                                    {"missing", o.missing_by_field}});
  }
  return out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ita
