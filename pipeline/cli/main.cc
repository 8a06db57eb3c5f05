// ita-extract: Thai ITA report PDFs to validated contract JSON. A thin entry point: the
// command line lives in commands.cc; `__worker` is the batch's own worker process (worker.h).
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/worker.h"

int main(int argc, char** argv) {
  // Tesseract's OpenMP loops ask for several threads each; with pages already OCRed in
  // parallel they only fight (published cases went from 9 s to 459 s). libgomp reads
  // OMP_THREAD_LIMIT once, when it is loaded, so set it and start again when it is missing.
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);  // returns only on failure: then go on without the limit
  }
  if (argc >= 2 && std::strcmp(argv[1], "__worker") == 0) return ita::cli::WorkerMain();
  return ita::cli::RunCli(argc, argv);
}
