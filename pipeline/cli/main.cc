// ita-extract: Thai ITA report PDFs to validated contract JSON. A thin entry point: it looks
// the subcommand up in the table of commands.cc and passes it the remaining arguments.
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "pipeline/cli/commands.h"

int main(int argc, char** argv) {
  using namespace ita::cli;  // NOLINT: a one-function file
  // Tesseract's OpenMP loops ask for several threads each; with pages already OCRed in
  // parallel they only fight (published cases went from 9 s to 459 s). libgomp reads
  // OMP_THREAD_LIMIT once, when it is loaded, so set it and start again when it is missing.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // returns only on failure: then go on without the limit
  }
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cout << Usage();
    return argc < 2 ? kExitUsage : kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::cout << "ita-extract 0.1.0 (contract thai-ita-extract/1)\n";
    return kExitOk;
  }
  Args args(argv + 2, argv + argc);
  for (const Command& c : Commands()) {
    if (c.name == std::string(argv[1])) return c.run(args);
  }
  std::cerr << "ita-extract: unknown command '" << argv[1] << "'\n" << Usage();
  return kExitUsage;
}
