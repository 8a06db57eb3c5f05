// One pass over a PDF page's content stream through Poppler's core API (libpoppler-private-dev)
// that yields both what the pipeline reads from a text page:
//   - its words, from Poppler's TextOutputDev configured as poppler-cpp's text_list() does;
//   - its vector drawing (stroked and filled paths: rulings, cell borders, shading) and where
//     images go, recorded as a PageDrawing (pipeline/layout/drawing.h) that the core turns into
//     a raster on demand.
// Finding a born-digital table's rulings this way costs nothing beyond reading its text, where
// a render rasterises every glyph.
//
// Used by the Poppler adapter only; no Poppler type appears here. Not thread-safe: one reader
// per PdfSource, used by one thread at a time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/layout/drawing.h"
#include "pipeline/model/pdf_source.h"

namespace ita {

// A word as Poppler's text extraction gives it: UTF-8, box in points (displayed frame),
// rotation in quarter turns, length in UTF-16 code units (as poppler-cpp counts it).
struct PageWord {
  std::string utf8;
  Box box;
  int rotation = 0;
  size_t utf16_length = 0;
};

struct PageContent {
  std::vector<PageWord> words;
  PageDrawing drawing;
};

class PopplerContentReader {
 public:
  // Opens `path` with Poppler's core API; errors surface from Read.
  explicit PopplerContentReader(std::string path);
  ~PopplerContentReader();
  PopplerContentReader(const PopplerContentReader&) = delete;
  PopplerContentReader& operator=(const PopplerContentReader&) = delete;

  // Page `index` (0-based) as displayed (its /Rotate applied, crop box frame).
  Result<PageContent> Read(int index);

  // Page `index` drawn at `dpi` from its images' own pixels (8-bit gray; with `drop_color`,
  // coloured ink as paper), sized and framed as Poppler's renderer draws it, when images
  // placed straight or turned by quarter turns are all the page shows (a scan, its OCR layer
  // invisible). nullopt for any other page: a renderer must draw it.
  std::optional<Raster> DrawImagesOnly(int index, double dpi, bool drop_color);

 private:
  bool Open();  // the core document, opened on first use
  struct State;
  std::string path_;
  std::unique_ptr<State> state_;
};

// The page count the document's page tree claims (its root /Pages /Count), read with Poppler's
// core API; nullopt when there is none or the file cannot be opened.
std::optional<long long> ClaimedPageCount(const std::string& path);

}  // namespace ita
