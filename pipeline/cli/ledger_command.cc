// `ledger`: a batch ledger summarised: done, failed by code, pending, lines that do not parse.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "pipeline/cli/progress.h"
#include "pipeline/cli/subcommands.h"
#include "pipeline/batch/batch_inputs.h"
#include "pipeline/io/ledger.h"
#include "pipeline/io/output_files.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;

struct LedgerArgs {
  std::string path;
  std::vector<std::string> inputs;
  std::string base;
  bool json = false;
};

int RunLedger(const LedgerArgs& a) {
  std::string path = a.path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) path = (fs::path(path) / "ledger.jsonl").string();
  if (!fs::exists(path, ec)) {
    std::cerr << "ita-extract: no ledger at " << path << "\n";
    return kExitUsage;
  }
  std::vector<std::string> expected;
  if (!a.inputs.empty()) {
    std::vector<std::string> fatal;
    for (const BatchInput& in : ExpandInputs(a.inputs, a.base, &std::cin, &fatal)) expected.push_back(ShownName(in.path));
    for (const std::string& p : fatal) std::cerr << "ita-extract: " << PrintableName(p) << "\n";
  }
  LedgerFile file = ReadLedger(path);
  const std::vector<LedgerEntry>& entries = file.entries;
  LedgerSummary s = SummarizeLedger(entries, expected);
  int failed = 0;
  for (const auto& [code, n] : s.failed_by_code) failed += n;
  if (a.json) {
    std::cout << LedgerSummaryJson(path, s, file.unreadable_lines);
  } else {
    std::cout << path << ": " << s.inputs << " inputs: " << s.ok << " done, " << failed << " failed, "
              << s.duplicates << " duplicates, " << s.interrupted << " interrupted";
    if (!expected.empty()) std::cout << ", " << s.pending.size() << " pending";
    char rate[128];
    std::snprintf(rate, sizeof rate, "; %d pages (%d OCR), %.0f s of work\n", s.pages, s.ocr_pages, s.seconds);
    std::cout << rate;
    for (const auto& [code, n] : s.failed_by_code) std::cout << "  failed " << code << ": " << n << "\n";
    for (const LedgerEntry& e : LatestPerInput(entries)) {
      if (e.status == kLedgerError || e.status == kLedgerRefused || (e.status == kLedgerSkipped && !e.error_code.empty())) {
        std::string code = e.error_code.empty() ? e.status : e.error_code;
        std::cout << "  " << code << "  " << PrintableName(e.input) << ": " << PrintableName(e.message) << "\n";
      }
    }
    for (const std::string& p : s.pending) std::cout << "  pending  " << PrintableName(p) << "\n";
    if (!file.unreadable_lines.empty()) {
      std::cout << "  " << file.unreadable_lines.size() << " line(s) do not parse (torn or edited by hand): line";
      for (size_t i = 0; i < file.unreadable_lines.size() && i < 10; ++i) std::cout << " " << file.unreadable_lines[i];
      if (file.unreadable_lines.size() > 10) std::cout << " …";
      std::cout << "\n";
    }
    for (const auto& [output, inputs] : s.shared_outputs) {
      std::cout << "  shared output " << PrintableName(output) << ": claimed by";
      for (const std::string& in : inputs) std::cout << " " << PrintableName(in);
      std::cout << " (only the last one's record is in it)\n";
    }
  }
  bool trouble = failed > 0 || !s.pending.empty() || s.interrupted > 0 || !file.unreadable_lines.empty() ||
                 !s.shared_outputs.empty();
  return trouble ? kExitDocumentFailed : kExitOk;
}

}  // namespace

void AddLedgerCommand(CLI::App& app, int* result) {
  auto ledger = std::make_shared<LedgerArgs>();
  CLI::App* ledger_cmd = app.add_subcommand("ledger", "summarise a batch ledger: done, failed by code, pending");
  ledger_cmd->set_version_flag("-V,--version", VersionText());
  ledger_cmd->add_option("LEDGER", ledger->path, "an output folder (its ledger.jsonl) or a ledger file")->required();
  ledger_cmd->add_option("INPUT", ledger->inputs, "the batch's inputs, to list those still pending");
  ledger_cmd->add_option("--base", ledger->base, "as given to extract");
  ledger_cmd->add_flag("--json", ledger->json, "print the summary as JSON");
  ledger_cmd->footer("\nexit codes: 0 every input done; 1 some failed, refused, interrupted or pending, a line that does\n"
                     "not parse, or an output claimed by two inputs; 2 no ledger");
  ledger_cmd->callback([ledger, result] { *result = RunLedger(*ledger); });
}

}  // namespace ita::cli
