// What the subcommands share: each one's registration (one file per subcommand), the version
// text, the checks made before a batch starts and the reading of records. Internal to
// pipeline/cli/.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/cli/commands.h"
#include "pipeline/io/export.h"

namespace ita::cli {

// "ita-extract 0.2.0 (contract thai-ita-extract/1)".
const std::string& VersionText();

// Each adds its subcommand to `app`; its callback stores the exit code in *result.
void AddExtractCommand(CLI::App& app, int* result);
void AddLedgerCommand(CLI::App& app, int* result);
void AddValidateCommand(CLI::App& app, int* result);
void AddExportCommand(CLI::App& app, int* result);
void AddReportCommand(CLI::App& app, int* result);
void AddToolCommand(CLI::App& app, int* result);

// Checks before work (extract_command.cc), each saying why it failed in *error. The folder is
// created and probed with a file; the ledger opened for appending.
bool CheckWritableFolder(const std::string& dir, std::string* error);
bool CheckLedger(const std::string& path, std::string* error);
// Loads the OCR models once, before any document, so a wrong --tessdata or --numeric-model
// stops the batch at once instead of yielding empty results; a load that succeeded is
// remembered (XDG cache) with the files' sizes and times.
bool CheckOcrModels(const TesseractOptions& tesseract, std::string* error);

// Output folders and files as given; a ledger (*.jsonl) stands for the outputs it lists
// (export, report). Files that are not readable records are said on stderr and returned in
// `unreadable`.
std::vector<ContractRecord> ReadRecords(const std::vector<std::string>& paths,
                                        std::vector<std::string>* unreadable = nullptr);

}  // namespace ita::cli
