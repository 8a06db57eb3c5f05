// The vector drawing of PDF pages (stroked and filled paths: rulings, cell borders, shading)
// without text or images, drawn by this project into an 8-bit raster from Poppler's content
// stream interpreter (its core API, libpoppler-private-dev). Finding a born-digital table's
// rulings this way costs a parse of the page, not a render of every glyph.
//
// Used by the Poppler adapter only; no Poppler type appears here. Not thread-safe: one reader
// per PdfSource, used by one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/pdf_source.h"

namespace ita {

class PopplerLineArtReader {
 public:
  // Opens `path` a second time with Poppler's core API; errors surface from Draw.
  explicit PopplerLineArtReader(std::string path);
  ~PopplerLineArtReader();
  PopplerLineArtReader(const PopplerLineArtReader&) = delete;
  PopplerLineArtReader& operator=(const PopplerLineArtReader&) = delete;

  // Page `index` (0-based) as displayed (its /Rotate applied, crop box), at `dpi`.
  Result<LineArt> Draw(int index, double dpi);

 private:
  struct State;
  std::string path_;
  std::unique_ptr<State> state_;
};

}  // namespace ita
