// The CLI's subcommands, one function each, looked up in a table (see main.cc).
// Exit codes are documented in kUsage and the README.
#pragma once

#include <string>
#include <vector>

namespace ita::cli {

// Documented exit codes.
enum ExitCode : int {
  kExitOk = 0,             // every document processed without an error record
  kExitDocumentFailed = 1, // at least one document got an error record (others were processed)
  kExitUsage = 2,          // bad arguments
  kExitFatal = 3,          // cannot write output, or a broken installation (schemas)
};

using Args = std::vector<std::string>;

int Extract(const Args& args);
int Tool(const Args& args);
int Validate(const Args& args);
int Schemas(const Args& args);

struct Command {
  const char* name;
  int (*run)(const Args& args);
  const char* summary;
};

const std::vector<Command>& Commands();
std::string Usage();

}  // namespace ita::cli
