// Real page rasters from the bundled samples, for tests that link the Poppler adapter.
#pragma once

#include <string>

#include "extractors/poppler_pdf_source.h"
#include "pipeline/model/document.h"

namespace ita::testing {

// The title page of a born-digital sample at 300 dpi (rendered once); empty if unreadable.
inline const Raster& TitlePageRaster() {
  static const Raster raster = [] {
    Error error;
    auto pdf = OpenPopplerPdf(std::string(ITA_SOURCE_DIR) + "/samples/dev_001_born.pdf", &error);
    return pdf ? *pdf->Render(0, 300) : Raster{};
  }();
  return raster;
}

}  // namespace ita::testing
