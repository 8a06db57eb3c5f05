// A fake OcrEngine for tests of the core without Tesseract: it "reads" the words it was given,
// keeping those whose box lies inside the raster (and the request's region), and can fail the
// way real engines do. Requests for the numeric or Latin model read `numeric_words` or
// `latin_words` when there are any, like an engine with more than one model.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "pipeline/model/ocr_engine.h"

namespace ita::testing {

enum class OcrFault { kNone, kEmpty, kBadUtf8, kFail, kThrow };

class FakeOcrEngine : public OcrEngine {
 public:
  FakeOcrEngine(std::vector<Word> words, OcrFault fault, std::vector<Word> numeric_words = {},
                std::vector<Word> latin_words = {})
      : words_(std::move(words)),
        numeric_words_(std::move(numeric_words)),
        latin_words_(std::move(latin_words)),
        fault_(fault) {}

  Result<std::vector<Word>> Recognize(const Raster& raster, const OcrRequest& request) override {
    switch (fault_) {
      case OcrFault::kEmpty: return std::vector<Word>{};
      case OcrFault::kFail: return Fail(ErrorCode::kInternal, "injected OCR failure");
      case OcrFault::kThrow: throw std::runtime_error("injected OCR exception");
      default: break;
    }
    if (request.ReadsNothing()) return std::vector<Word>{};
    double w = raster.width * 72.0 / raster.dpi, h = raster.height * 72.0 / raster.dpi;
    bool region = !request.WholeRaster();
    std::vector<Word> out;
    const std::vector<Word>* source = &words_;
    if (request.model == OcrModel::kNumeric && !numeric_words_.empty()) source = &numeric_words_;
    if (request.model == OcrModel::kLatin && !latin_words_.empty()) source = &latin_words_;
    for (Word word : *source) {
      if (word.box.x1 > w || word.box.y1 > h) continue;
      if (region && !request.region.Contains(word.box.CenterX(), word.box.CenterY())) continue;
      word.origin = Origin::kOcr;
      if (fault_ == OcrFault::kBadUtf8) word.utf8 = "\xff\xfe" + word.utf8;
      out.push_back(word);
    }
    return out;
  }

 private:
  std::vector<Word> words_;
  std::vector<Word> numeric_words_;
  std::vector<Word> latin_words_;
  OcrFault fault_;
};

// A factory that counts the engines it makes.
inline OcrEngineFactory FakeOcrFactory(std::vector<Word> words, OcrFault fault,
                                       std::shared_ptr<std::atomic<int>> created = nullptr,
                                       std::vector<Word> numeric_words = {},
                                       std::vector<Word> latin_words = {}) {
  return [=]() -> Result<std::unique_ptr<OcrEngine>> {
    if (created) ++*created;
    return std::unique_ptr<OcrEngine>(
        std::make_unique<FakeOcrEngine>(words, fault, numeric_words, latin_words));
  };
}

}  // namespace ita::testing
