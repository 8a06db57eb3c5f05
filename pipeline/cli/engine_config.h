// How documents are read, as the `extract` options set it: the one description both the batch
// process and its worker processes build their ExtractOptions and OCR engines from.
#pragma once

#include <memory>
#include <string>

#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/io/worker_messages.h"
#include "pipeline/batch/batch.h"
#include "pipeline/ocr/ocr_pool.h"

namespace ita::cli {

using ::ita::EngineConfig;  // pipeline/io/worker_messages.h

// What ships: the configuration `extract` runs with when no option is given. The CLI's option
// defaults, its worker processes, `tool tables` and every end-to-end test start from it, so a
// test reads documents exactly as a user's run does.
EngineConfig ShippedEngineConfig();

// BatchOptions' reading part from `config`, with `pool` (may be null: no OCR).
void ApplyEngineConfig(const EngineConfig& config, OcrPool* pool, BatchOptions* options);

// The first folder of ITA_MODEL_DIRS holding thd.traineddata; empty when none does.
std::string DefaultNumericModelDir();

}  // namespace ita::cli
