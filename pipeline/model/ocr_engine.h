// OcrEngine: what the pipeline needs from an OCR library, and nothing of the library itself.
//
// The Tesseract adapter (extractors/tesseract_ocr_engine.h) implements it; tests use fakes
// (tests/testutil/fake_ocr_engine.h). Engines are expensive to create and not thread-safe:
// create one per worker thread and reuse it (see pipeline/ocr/ocr_pool.h).
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "pipeline/model/result.h"

namespace ita {

enum class OcrLayout {
  kPage,        // find blocks and lines on the whole raster (Tesseract PSM 3)
  kSparse,      // scattered text, e.g. a table with its rulings erased (PSM 11)
  kBlock,       // one uniform block of text, e.g. a cell (PSM 6)
  kLine,        // one line, e.g. a date or a number (PSM 7)
};

// Which of the engine's models reads a request. An engine without the model asked for reads
// with its main one.
enum class OcrModel {
  kMain,     // the document's language (Thai)
  kNumeric,  // dates, numbers and scores, both digit sets
  kLatin,    // Latin letters: grades ("AA", "D") and codes in otherwise Thai documents
};

struct OcrRequest {
  OcrLayout layout = OcrLayout::kSparse;
  Box region;  // in points; the default (all zero) means the whole raster
  OcrModel model = OcrModel::kMain;

  // Whether the request is for the whole raster. Any other region without area (a span
  // clipped to nothing) reads nothing: read as the whole page it cost a page's reading and
  // gave a page of text for one line.
  bool WholeRaster() const { return region.x0 == 0 && region.y0 == 0 && region.x1 == 0 && region.y1 == 0; }
  bool ReadsNothing() const { return !WholeRaster() && (region.Width() <= 0 || region.Height() <= 0); }
};

class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // Words with boxes in PDF points (converted with raster.dpi) and confidences 0..1.
  // An empty vector means no text was found; an error means the engine failed on this raster.
  virtual Result<std::vector<Word>> Recognize(const Raster& raster, const OcrRequest& request) = 0;
};

// Creates an engine; called once per worker thread.
using OcrEngineFactory = std::function<Result<std::unique_ptr<OcrEngine>>()>;

// How the Tesseract adapter (extractors/tesseract_ocr_engine.h) makes its engines: plain
// settings, here so that a configuration holding them can travel between processes.
struct TesseractOptions {
  std::string languages = "tha";
  std::string tessdata_dir;  // empty: Tesseract's default (TESSDATA_PREFIX or the system path)
  // Folder with thd.traineddata (tools/digits/train.sh): the numeric/date model used for
  // requests marked numeric. Empty: no numeric model; such requests use the main model.
  std::string numeric_model_dir;
  // Languages of the model for Latin requests (grades, codes), from tessdata_dir. Empty, or
  // not installed: such requests use the main model.
  std::string latin_languages = "eng";
  bool operator==(const TesseractOptions&) const = default;
};

}  // namespace ita
