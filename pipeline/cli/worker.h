// Process isolation for the batch: `ita-extract __worker` (WorkerMain) extracts the documents
// a batch sends it, one at a time, under an address-space cap; WorkerRunner is the batch side,
// one WorkerProcess per batch thread, with the per-document time limit. A document whose
// worker crashes, hangs past the limit or runs out of memory gets an error record (crashed,
// timeout, too_large) written by the batch, and the next document gets a fresh worker.
#pragma once

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "pipeline/cli/engine_config.h"
#include "pipeline/batch/batch.h"
#include "pipeline/batch/worker_process.h"

namespace ita::cli {

// The child side: reads its EngineConfig line, then requests, until end of input.
int WorkerMain();

class WorkerRunner {
 public:
  WorkerRunner(const EngineConfig& config, int workers, double timeout_seconds,
               const SchemaValidator& validator, const BatchControl* control);
  DocumentOutcome Run(const BatchInput& input, const std::string& out_path,
                      const std::string& sha256, int worker);
  DocumentRunner AsRunner();
  // Pages done of pages for each document running now (workers report them as they go).
  std::vector<std::pair<int, int>> PagesInFlight() const;

 private:
  EngineConfig config_;
  double timeout_seconds_;
  const SchemaValidator& validator_;
  const BatchControl* control_;
  std::vector<std::unique_ptr<WorkerProcess>> workers_;
  struct PageProgress {
    std::atomic<int> done{0};
    std::atomic<int> total{0};  // 0: no document running
  };
  std::vector<std::unique_ptr<PageProgress>> progress_;
};

}  // namespace ita::cli
