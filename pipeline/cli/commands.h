// The command line: subcommands on CLI11 (extract, ledger, validate, tool, schemas), their
// options, help and exit codes. main.cc only hands over argc/argv.
#pragma once

#include <string>
#include <vector>

#include "pipeline/cli/engine_config.h"

namespace ita::cli {

// Documented exit codes (README, `--help`).
enum ExitCode : int {
  kExitOk = 0,              // every document processed without an error record
  kExitDocumentFailed = 1,  // at least one document got an error record (others were processed)
  kExitUsage = 2,           // bad arguments
  kExitFatal = 3,           // set-up failed before any work (output, OCR data, model, schemas)
  kExitInterrupted = 4,     // stopped by SIGINT/SIGTERM; the ledger says what was done
  kExitOutputFailed = 5,    // records could not be written during the run (stdout closed or full); stopped
};

int RunCli(int argc, char** argv);

// The reading configuration an `extract` command line runs with (`args` from "extract" on,
// e.g. {"extract", "in.pdf", "--ocr-dpi", "200"}), for the test that the CLI runs what ships.
EngineConfig ExtractEngineConfig(const std::vector<std::string>& args);

}  // namespace ita::cli
