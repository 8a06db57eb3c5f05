// `report`: the auditors' HTML completeness report (Thai and English).
#include <iostream>
#include <memory>

#include "pipeline/cli/subcommands.h"
#include "pipeline/io/html_report.h"
#include "pipeline/model/version.h"
#include "pipeline/io/output_files.h"

namespace ita::cli {
namespace {

struct ReportArgs {
  std::vector<std::string> paths;
  std::string html;
};

int RunReport(const ReportArgs& a) {
  std::vector<std::string> unreadable;
  std::vector<ContractRecord> records = ReadRecords(a.paths, &unreadable);
  if (records.empty()) {
    std::cerr << "ita-extract: no contract records found in the given paths\n";
    return kExitUsage;
  }
  std::string error;
  if (!WriteFileAtomically(a.html, RenderHtmlReport(records, kProgramVersion, unreadable), &error)) {
    std::cerr << "ita-extract: " << error << "\n";
    return kExitFatal;
  }
  std::cout << records.size() << " records -> " << a.html;
  if (!unreadable.empty()) std::cout << " (" << unreadable.size() << " file(s) could not be read: listed in the report)";
  std::cout << "\n";
  return unreadable.empty() ? kExitOk : kExitDocumentFailed;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* result) {
  auto report = std::make_shared<ReportArgs>();
  CLI::App* report_cmd = app.add_subcommand("report", "an HTML completeness report for auditors (Thai and English)");
  report_cmd->set_version_flag("-V,--version", VersionText());
  report_cmd->add_option("PATH", report->paths, "output folders, JSON files or a ledger.jsonl")->required();
  report_cmd->add_option("--html", report->html, "the report file to write")->required();
  report_cmd->footer("\nexit codes: 0 written; 1 written, but some files given were not readable records (counted and\n"
                     "listed in the report); 2 nothing to report or bad arguments; 3 cannot write");
  report_cmd->callback([report, result] { *result = RunReport(*report); });
}

}  // namespace ita::cli
