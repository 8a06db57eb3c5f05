#include <filesystem>
#include <iostream>

#include "pipeline/cli/progress.h"
#include "pipeline/cli/subcommands.h"
#include "pipeline/io/ledger.h"
#include "pipeline/io/output_files.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;

// Output folders and files as given; a ledger (*.jsonl) stands for the outputs it lists.
// Where a ledger's output path is, read from the ledger's folder (the batch wrote it relative
// to the folder it ran in, usually the ledger's parent): the longest tail of the path that
// exists under the ledger's folder, else the path as written.
std::string OutputNamedByLedger(const std::string& ledger, const std::string& output) {
  fs::path out(output);
  if (out.is_absolute()) return output;
  fs::path dir = fs::path(ledger).parent_path();
  std::vector<fs::path> parts(out.begin(), out.end());
  for (size_t k = 0; k < parts.size(); ++k) {
    fs::path tail;
    for (size_t i = k; i < parts.size(); ++i) tail /= parts[i];
    std::error_code ec;
    if (fs::is_regular_file(dir / tail, ec)) return (dir / tail).string();
  }
  return output;
}

}  // namespace

std::vector<ContractRecord> ReadRecords(const std::vector<std::string>& paths,
                                        std::vector<std::string>* unreadable) {
  std::vector<std::string> expanded;
  for (const std::string& p : paths) {
    if (fs::path(p).extension() == ".jsonl" && fs::is_regular_file(p)) {
      for (const LedgerEntry& e : LatestPerInput(ReadLedger(p).entries))
        if (!e.output.empty()) expanded.push_back(OutputNamedByLedger(p, e.output));
    } else {
      expanded.push_back(p);
    }
  }
  std::vector<std::string> problems;
  std::vector<ContractRecord> records = ReadContractRecords(expanded, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: skipped " << PrintableName(p) << "\n";
  if (unreadable != nullptr) *unreadable = problems;
  return records;
}

}  // namespace ita::cli
