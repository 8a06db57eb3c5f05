// A fixed pool of OCR worker threads, each owning one OcrEngine created on first use and reused
// for every job it runs (engine initialisation costs far more than a page). Documents submit
// rasters; the batch shares one pool, so `--jobs` bounds the OCR threads in total.
//
// Thread-safety: Submit() may be called from any thread. The pool must outlive its futures.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "pipeline/model/ocr_engine.h"

namespace ita {

class OcrPool {
 public:
  OcrPool(OcrEngineFactory factory, int workers);
  ~OcrPool();
  OcrPool(const OcrPool&) = delete;
  OcrPool& operator=(const OcrPool&) = delete;

  struct Output {
    std::vector<Result<std::vector<Word>>> results;  // one per request, in order
    double seconds = 0;                              // time inside the engine
  };
  // Runs every request on `raster` with one engine.
  std::future<Output> Submit(std::shared_ptr<const Raster> raster, std::vector<OcrRequest> requests);

  int Workers() const { return static_cast<int>(threads_.size()); }
  int EnginesCreated() const;  // for tests and benchmarks: one per worker that ran a job

 private:
  struct Job {
    std::shared_ptr<const Raster> raster;
    std::vector<OcrRequest> requests;
    std::promise<Output> done;
  };
  void Work();

  OcrEngineFactory factory_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  int engines_created_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace ita
