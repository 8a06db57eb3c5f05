// How documents are read, as the `extract` options set it: the one description both the batch
// process and its worker processes build their ExtractOptions and OCR engines from.
#pragma once

#include <memory>
#include <string>

#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/batch/batch.h"
#include "pipeline/ocr/ocr_pool.h"

namespace ita::cli {

struct EngineConfig {
  bool ocr = true;
  TesseractOptions tesseract;   // numeric_model_dir empty: no numeric model
  double ocr_dpi = 300;
  bool ocr_cells = false;
  uint64_t max_bytes = 512ull << 20;
  int max_pages = 2000;
  int ocr_threads = 1;          // OCR engines of one worker process
  uint64_t max_memory_mb = 0;   // address-space cap of a worker process; 0: none
  bool operator==(const EngineConfig& other) const { return ToLine() == other.ToLine(); }
  std::string ToLine() const;
  static EngineConfig FromLine(const std::string& line);
};

// What ships: the configuration `extract` runs with when no option is given. The CLI's option
// defaults, its worker processes, `tool tables` and every end-to-end test start from it, so a
// test reads documents exactly as a user's run does.
EngineConfig ShippedEngineConfig();

// BatchOptions' reading part from `config`, with `pool` (may be null: no OCR).
void ApplyEngineConfig(const EngineConfig& config, OcrPool* pool, BatchOptions* options);

// The first folder of ITA_MODEL_DIRS holding thd.traineddata; empty when none does.
std::string DefaultNumericModelDir();

}  // namespace ita::cli
