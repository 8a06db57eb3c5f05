#include "pipeline/cli/engine_config.h"

#include <filesystem>

#include "extractors/leptonica_pictures.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/ocr/english_words.h"
#include "pipeline/thai/dictionary.h"

namespace ita::cli {

EngineConfig ShippedEngineConfig() {
  EngineConfig c;
  c.tesseract.numeric_model_dir = DefaultNumericModelDir();
  c.max_memory_mb = 8192;
  return c;
}

void ApplyEngineConfig(const EngineConfig& config, OcrPool* pool, BatchOptions* options) {
  options->max_bytes = config.max_bytes;
  options->extract.max_pages = config.max_pages;
  options->extract.page.ocr.dpi = config.ocr_dpi;
  if (config.ocr_cells) options->extract.page.ocr.strategy = OcrStrategy::kCells;
  options->extract.page.ocr.pool = config.ocr ? pool : nullptr;
  options->extract.page.ocr.picture_share = PictureShare;
  options->extract.page.ocr.numeric_pass = !config.tesseract.numeric_model_dir.empty();
  options->extract.page.ocr.latin_pass = true;
  options->extract.page.ocr.latin_words_pass = true;
  options->extract.page.dictionary = thai::ThaiDictionary::System();
  options->extract.page.ocr.english = EnglishWords::System();
  options->extract.validation.ita_items = &BuiltInItaItems();
}

std::string DefaultNumericModelDir() {
  std::string dirs = ITA_MODEL_DIRS;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::error_code ec;
    if (!dir.empty() && std::filesystem::is_regular_file(dir + "/thd.traineddata", ec)) return dir;
    start = end + 1;
  }
  return "";
}

}  // namespace ita::cli
