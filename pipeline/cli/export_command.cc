// `export`: flat tables for datasets (CSV, JSON Lines, SQLite) and the data dictionary.
#include <filesystem>
#include <iostream>
#include <memory>

#include "pipeline/cli/subcommands.h"
#include "pipeline/io/export.h"
#include "pipeline/io/export_sqlite.h"
#include "pipeline/io/output_files.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;

struct ExportArgs {
  std::vector<std::string> paths;
  std::string format = "csv";
  std::string to;
  bool dictionary = false;
};

int RunExport(const ExportArgs& a) {
  if (a.dictionary) {
    std::cout << DataDictionaryMarkdown();
    return kExitOk;
  }
  if (a.paths.empty() || a.to.empty()) {
    std::cerr << "ita-extract: export needs PATH... and --to (see ita-extract export --help)\n";
    return kExitUsage;
  }
  std::vector<std::string> unreadable;
  std::vector<ContractRecord> records = ReadRecords(a.paths, &unreadable);
  if (records.empty()) {
    std::cerr << "ita-extract: no contract records found in the given paths\n";
    return kExitUsage;
  }
  std::vector<ExportTable> tables = BuildExportTables(records, unreadable.size());
  std::string error;
  if (a.format == "sqlite") {
    if (!WriteSqlite(tables, a.to, &error)) {
      std::cerr << "ita-extract: " << error << "\n";
      return kExitFatal;
    }
  } else {
    for (const ExportTable& t : tables) {
      std::string file = (fs::path(a.to) / (t.name + (a.format == "csv" ? ".csv" : ".jsonl"))).string();
      if (!WriteFileAtomically(file, a.format == "csv" ? ToCsv(t) : ToJsonLines(t), &error)) {
        std::cerr << "ita-extract: " << error << "\n";
        return kExitFatal;
      }
    }
  }
  std::cout << records.size() << " records ->";
  for (const ExportTable& t : tables) std::cout << " " << t.name << " " << t.rows.size();
  std::cout << " (" << a.format << ": " << a.to << ")\n";
  // Files that are not readable records were said on stderr; the dataset lacks them.
  return unreadable.empty() ? kExitOk : kExitDocumentFailed;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* result) {
  auto export_args = std::make_shared<ExportArgs>();
  CLI::App* export_cmd = app.add_subcommand("export", "flat tables for datasets: documents, measures, findings, ITA indicators, action-plan projects and budgets");
  export_cmd->set_version_flag("-V,--version", VersionText());
  export_cmd->add_option("PATH", export_args->paths, "output folders, JSON files or a ledger.jsonl");
  export_cmd->add_option("--format", export_args->format, "csv (UTF-8 with BOM, one file per table), jsonl (one file per table) or sqlite (one database)")
      ->check(CLI::IsMember({"csv", "jsonl", "sqlite"}))->capture_default_str();
  export_cmd->add_option("--to", export_args->to, "a folder for csv and jsonl, a file for sqlite");
  export_cmd->add_flag("--dictionary", export_args->dictionary, "print the data dictionary (Markdown) of the tables and exit");
  export_cmd->footer("\nColumns: docs/data-dictionary.md. The same PDF (sha256) appears once; an unclassified or failed\n"
                     "document is never valid or complete. A ledger's outputs are found from the ledger's folder.\n"
                     "exit codes: 0 written; 1 written, but some files given were not readable records (said on\n"
                     "stderr); 2 nothing to export or bad arguments; 3 cannot write");
  export_cmd->callback([export_args, result] { *result = RunExport(*export_args); });
}

}  // namespace ita::cli
