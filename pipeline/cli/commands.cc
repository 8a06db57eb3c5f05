// The command line's root: the subcommands (one file each, subcommands.h), `schemas`, and the
// parse with its documented exit codes.
#include "pipeline/cli/commands.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "pipeline/cli/subcommands.h"
#include "pipeline/io/schema_validator.h"
#include "pipeline/model/version.h"

namespace ita::cli {
namespace {

int RunSchemas(const std::string& name) {
  const auto& schemas = EmbeddedSchemas();
  auto it = schemas.find(name);
  if (it == schemas.end()) {
    std::cerr << "ita-extract: no schema named " << name << "; built-in:";
    for (const auto& [n, text] : schemas) std::cerr << " " << n;
    std::cerr << "\n";
    return kExitUsage;
  }
  std::cout << it->second;
  return kExitOk;
}

}  // namespace

const std::string& VersionText() {
  static const std::string text = std::string("ita-extract ") + kProgramVersion + " (contract thai-ita-extract/1)";
  return text;
}

int RunCli(int argc, char** argv) {
  CLI::App app{"ita-extract: Thai ITA report PDFs to validated contract JSON (thai-ita-extract/1)",
               "ita-extract"};
  app.set_version_flag("-V,--version", VersionText());
  app.require_subcommand(1);
  app.footer("'ita-extract COMMAND --help' for a command's options and exit codes.");
  int result = kExitOk;
  AddExtractCommand(app, &result);
  AddLedgerCommand(app, &result);
  AddValidateCommand(app, &result);
  AddExportCommand(app, &result);
  AddReportCommand(app, &result);
  AddToolCommand(app, &result);

  std::string schema_name;
  CLI::App* schemas_cmd = app.add_subcommand("schemas", "print the built-in JSON Schema of a family");
  schemas_cmd->set_version_flag("-V,--version", VersionText());
  schemas_cmd->add_option("NAME", schema_name, "measures_plan, measures_report, ita_analysis, action_plan, unknown, error, common")->required();
  schemas_cmd->callback([&] { result = RunSchemas(schema_name); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ita-extract: " << e.what() << "\n(see ita-extract --help, or ita-extract COMMAND --help)\n";
    return kExitUsage;
  }
  return result;
}

}  // namespace ita::cli
