#include "extractors/tesseract_ocr_engine.h"

#include <leptonica/allheaders.h>
#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/ltrresultiterator.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace ita {
namespace {

// Tesseract's OpenMP threads compete with our page workers (published cases went from 9 s
// to 459 s). libgomp reads OMP_THREAD_LIMIT only when it loads, so setting the variable now
// would be too late: limit the calling thread instead; engines are created on the worker
// thread that uses them. The variable is still set for any library that reads it later.
void LimitOpenMp() {
  static std::once_flag once;
  std::call_once(once, [] { setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0); });
  omp_set_num_threads(1);
  omp_set_dynamic(0);
}

tesseract::PageSegMode SegModeOf(OcrLayout layout) {
  switch (layout) {
    case OcrLayout::kPage: return tesseract::PSM_AUTO;
    case OcrLayout::kSparse: return tesseract::PSM_SPARSE_TEXT;
    case OcrLayout::kBlock: return tesseract::PSM_SINGLE_BLOCK;
    case OcrLayout::kLine: return tesseract::PSM_SINGLE_LINE;
  }
  return tesseract::PSM_AUTO;
}

// Tesseract's bidi-aware ResultIterator goes back to the page's first word on every step to
// order the line (quadratic in a page's words: a third of the CPU of a dense scan). Thai and
// Latin both read left to right, so the left-to-right iterator, which Tesseract keeps
// protected for training, gives the same words in the same order, linearly.
class LinearResultsApi final : public tesseract::TessBaseAPI {
 public:
  using TessBaseAPI::GetLTRIterator;
};

struct TextDeleter {
  void operator()(char* p) const { delete[] p; }
};

class TesseractOcrEngine final : public OcrEngine {
 public:
  TesseractOcrEngine(std::unique_ptr<LinearResultsApi> api,
                     std::unique_ptr<LinearResultsApi> numeric,
                     std::unique_ptr<LinearResultsApi> latin)
      : main_(std::move(api)),
        numeric_(std::move(numeric)),
        latin_(std::move(latin)) {}
  ~TesseractOcrEngine() override {
    main_->End();
    if (numeric_) numeric_->End();
    if (latin_) latin_->End();
  }

  Result<std::vector<Word>> Recognize(const Raster& raster, const OcrRequest& request) override {
    omp_set_num_threads(1);  // this thread may not be the one that created the engine
    LinearResultsApi* api = main_.get();
    if (request.model == OcrModel::kNumeric && numeric_) api = numeric_.get();
    if (request.model == OcrModel::kLatin && latin_) api = latin_.get();
    if (raster.width <= 0 || raster.height <= 0 || request.ReadsNothing()) return std::vector<Word>{};
    double scale = raster.dpi / 72.0;  // points -> pixels
    api->SetPageSegMode(SegModeOf(request.layout));
    // Tesseract copies the image it is given: a line or cell is given alone (a view into the
    // page's rows), not the whole page with a rectangle, which copied the page per request.
    int x = 0, y = 0, w = raster.width, h = raster.height;
    if (!request.WholeRaster()) {
      x = std::clamp(static_cast<int>(request.region.x0 * scale), 0, raster.width);
      y = std::clamp(static_cast<int>(request.region.y0 * scale), 0, raster.height);
      w = std::min(raster.width - x, static_cast<int>(request.region.Width() * scale));
      h = std::min(raster.height - y, static_cast<int>(request.region.Height() * scale));
      if (w <= 0 || h <= 0) return std::vector<Word>{};
    }
    api->SetImage(raster.pixels.data() + static_cast<size_t>(y) * raster.width + x, w, h, 1, raster.width);
    api->SetSourceResolution(static_cast<int>(raster.dpi));
    if (api->Recognize(nullptr) != 0) return Fail(ErrorCode::kInternal, "tesseract: recognition failed");
    // Tesseract's Thai "words" are single clusters with loose boxes (tesseract#2702), but it
    // keeps the blanks the page has before each (preserve_interword_spaces). Tokens are rebuilt
    // from them: clusters with no blank between them form one token, whose box is the union of
    // their boxes.
    std::vector<Word> words;
    std::unique_ptr<tesseract::LTRResultIterator> it(api->GetLTRIterator());
    if (!it) return words;
    it->Begin();
    Word token;
    double confidence_sum = 0;
    int clusters = 0;
    auto flush = [&] {
      if (token.utf8.empty()) return;
      token.confidence = clusters ? confidence_sum / clusters / 100.0 : 0.0;
      token.origin = Origin::kOcr;
      words.push_back(std::move(token));
      token = Word{};
      confidence_sum = 0;
      clusters = 0;
    };
    bool gap = false;  // a line break or a blank since the last cluster taken
    do {
      gap = gap || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || it->BlanksBeforeWord() > 0;
      std::unique_ptr<char[], TextDeleter> text(it->GetUTF8Text(tesseract::RIL_WORD));
      std::string word = text ? text.get() : "";
      int x0, y0, x1, y1;
      if (word.empty() || !it->BoundingBox(tesseract::RIL_WORD, &x0, &y0, &x1, &y1)) continue;
      if (gap) flush();
      gap = false;
      Box box{(x0 + x) / scale, (y0 + y) / scale, (x1 + x) / scale, (y1 + y) / scale};
      if (token.utf8.empty()) {
        token.box = box;
      } else {
        token.box = Box{std::min(token.box.x0, box.x0), std::min(token.box.y0, box.y0),
                        std::max(token.box.x1, box.x1), std::max(token.box.y1, box.y1)};
      }
      token.utf8 += word;
      confidence_sum += std::clamp(it->Confidence(tesseract::RIL_WORD), 0.0f, 100.0f);
      ++clusters;
    } while (it->Next(tesseract::RIL_WORD));
    flush();
    api->Clear();
    return words;
  }

 private:
  std::unique_ptr<LinearResultsApi> main_;
  std::unique_ptr<LinearResultsApi> numeric_;  // null without a numeric model
  std::unique_ptr<LinearResultsApi> latin_;    // null without a Latin model
};

// One LSTM model, loaded and set up as every model here is used; null when it cannot load.
std::unique_ptr<LinearResultsApi> LoadModel(const std::string& datapath, const std::string& languages) {
  auto api = std::make_unique<LinearResultsApi>();
  if (api->Init(datapath.empty() ? nullptr : datapath.c_str(), languages.c_str(),
                tesseract::OEM_LSTM_ONLY) != 0)
    return nullptr;
  api->SetVariable("debug_file", "/dev/null");
  // Reports print dark text on light paper; retrying low-confidence lines inverted (the default)
  // costs time and finds nothing.
  api->SetVariable("tessedit_do_invert", "0");
  // Thai has no spaces between words; keep Tesseract from inventing them between clusters as
  // far as it allows (the Thai repair joins the rest). Harmless for Latin text.
  api->SetVariable("preserve_interword_spaces", "1");
  // Paragraphs are not used here (lines and cells are found from the page), and Tesseract's
  // paragraph finding after recognition walks the text with the quadratic bidi iterator
  // (above): find them before recognition from the boxes, which is cheap.
  api->SetVariable("paragraph_text_based", "0");
  return api;
}

}  // namespace

Result<std::unique_ptr<OcrEngine>> CreateTesseractEngine(const TesseractOptions& options) {
  LimitOpenMp();
  auto api = LoadModel(options.tessdata_dir, options.languages);
  if (!api) {
    return Fail(ErrorCode::kInternal, "tesseract: cannot load languages '" + options.languages +
                                          "' (install tesseract-ocr-tha and tesseract-ocr-eng)");
  }
  std::unique_ptr<LinearResultsApi> numeric;
  if (!options.numeric_model_dir.empty()) {
    numeric = LoadModel(options.numeric_model_dir, "thd");
    if (!numeric)
      return Fail(ErrorCode::kInternal, "tesseract: cannot load thd.traineddata from " + options.numeric_model_dir);
  }
  // The Latin model is optional: a machine without it reads Latin requests with the main one.
  std::unique_ptr<LinearResultsApi> latin;
  if (!options.latin_languages.empty()) latin = LoadModel(options.tessdata_dir, options.latin_languages);
  return std::unique_ptr<OcrEngine>(
      std::make_unique<TesseractOcrEngine>(std::move(api), std::move(numeric), std::move(latin)));
}

OcrEngineFactory TesseractEngineFactory(const TesseractOptions& options) {
  return [options]() { return CreateTesseractEngine(options); };
}

}  // namespace ita
