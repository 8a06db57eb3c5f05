// PdfSource over poppler-cpp.
//
// Thai marks that Poppler reports as fragments of their own are left as words here; the
// layout stage (pipeline/layout/text_lines.h) re-attaches them by geometry.
// Thread-safety: one instance per thread. Poppler's error output is silenced; failures become
// typed errors.
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/pdf_source.h"

namespace ita {

// Opens `path`. Returns nullptr and fills `error` (kNotPdf, kEmpty, kCorrupt, kEncrypted, kIo).
std::unique_ptr<PdfSource> OpenPopplerPdf(const std::string& path, Error* error);

}  // namespace ita
