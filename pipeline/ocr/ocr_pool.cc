#include "pipeline/ocr/ocr_pool.h"

#include <chrono>

namespace ita {

OcrPool::OcrPool(OcrEngineFactory factory, int workers) : factory_(std::move(factory)) {
  for (int i = 0; i < std::max(1, workers); ++i) threads_.emplace_back([this] { Work(); });
}

OcrPool::~OcrPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (std::thread& t : threads_) t.join();
}

int OcrPool::EnginesCreated() const {
  std::lock_guard<std::mutex> lock(mu_);
  return engines_created_;
}

std::future<OcrPool::Output> OcrPool::Submit(
    std::shared_ptr<const Raster> raster, std::vector<OcrRequest> requests) {
  Job job{std::move(raster), std::move(requests), {}};
  auto future = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
  return future;
}

void OcrPool::Work() {
  std::unique_ptr<OcrEngine> engine;
  std::optional<Error> engine_error;
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    if (!engine && !engine_error) {
      auto created = factory_();
      if (created) {
        engine = std::move(*created);
        std::lock_guard<std::mutex> lock(mu_);
        ++engines_created_;
      } else {
        engine_error = created.error();
      }
    }
    Output output;
    auto& results = output.results;
    auto started = std::chrono::steady_clock::now();
    for (const OcrRequest& request : job.requests) {
      if (!engine) {
        results.push_back(std::unexpected(*engine_error));
        continue;
      }
      try {
        results.push_back(engine->Recognize(*job.raster, request));
      } catch (const std::exception& e) {
        results.push_back(Fail(ErrorCode::kInternal, std::string("OCR engine threw: ") + e.what()));
      }
    }
    output.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    job.done.set_value(std::move(output));
  }
}

}  // namespace ita
