// PdfSource: what the pipeline needs from a PDF, and nothing of the library behind it.
//
// The Poppler adapter (extractors/poppler_pdf_source.h) implements it for real files; tests use
// fakes (tests/testutil/fake_pdf_source.h). No Poppler type appears here.
//
// Thread-safety: an instance is used by one thread at a time. Ownership: the caller owns it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/result.h"

namespace ita {

enum class RenderInk { kAll, kDropColor };

// A page's vector drawing: what DrawLineArt returns.
struct LineArt {
  Raster raster;             // 8-bit grayscale at the requested dpi
  double image_share = 0;    // share of the page's area that images cover (0..1)
  bool full_render = false;  // the raster is a whole render (text and images drawn too)
};

class PdfSource {
 public:
  virtual ~PdfSource() = default;

  virtual int PageCount() const = 0;
  // Page size in points (x0 = y0 = 0), or an error for a page that cannot be read.
  virtual Result<Box> PageBox(int index) const = 0;
  // Words of the text layer with boxes in points (top-left origin), UTF-8 as the PDF encodes
  // them (not yet repaired). An empty vector is a page without a text layer, not an error.
  virtual Result<std::vector<Word>> Words(int index) const = 0;
  // The page rendered to 8-bit grayscale at `dpi`. With kDropColor, coloured ink (stamps,
  // signatures in blue, red marks) becomes paper, while black and grey text, and black text
  // over coloured ink, keep their darkness.
  virtual Result<Raster> Render(int index, double dpi, RenderInk ink) const = 0;
  Result<Raster> Render(int index, double dpi) const { return Render(index, dpi, RenderInk::kAll); }
  // The page's vector drawing only (stroked and filled paths; no text, no images) at `dpi`,
  // in the frame of Render, and how much of the page images cover: enough to find a
  // born-digital table's rulings at a fraction of a render's cost. A source without a cheaper
  // way returns its full render, marked as such.
  virtual Result<LineArt> DrawLineArt(int index, double dpi) const {
    auto r = Render(index, dpi);
    if (!r) return std::unexpected(r.error());
    return LineArt{std::move(*r), 0, true};
  }
  // The resolution of the image that covers most of the page (a scan's own pixels per inch
  // as drawn), when one covers at least a quarter of it; nullopt otherwise or when unknown.
  virtual std::optional<double> ScanPpi(int /*index*/) const { return std::nullopt; }
  // Whether that image has one bit a pixel (a fax or CCITT scan): its render's greys are then
  // only the edges of black, not ink of some darkness.
  virtual bool ScanIsBilevel(int /*index*/) const { return false; }
  // That image's pixels per inch across over down as drawn: 1 when placed in proportion.
  virtual double ScanAspect(int /*index*/) const { return 1.0; }
  // Pixels of the images (and masks) the page draws, as stored in the file: what a render has
  // to decode, however small the page. 0 when unknown.
  virtual double ImagePixels(int /*index*/) const { return 0; }
  // What the PDF library reported while reading this document (damage it repaired or worked
  // around), distinct messages in first-seen order; empty when it said nothing.
  virtual std::vector<std::string> LibraryMessages() const { return {}; }
};

// Opens a PDF from a file path. Fails with kNotPdf, kEmpty, kCorrupt, kEncrypted or kIo.
using PdfOpener = std::unique_ptr<PdfSource> (*)(const std::string& path, Error* error);

}  // namespace ita
