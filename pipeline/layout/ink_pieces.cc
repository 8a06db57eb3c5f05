#include "pipeline/layout/ink_pieces.h"

#include <leptonica/allheaders.h>

#include <memory>

namespace ita {

// Leptonica's 8-connected components (pixConnCompBB) of the raster's ink as a 1-bit image.
std::vector<InkPiece> InkPieces(const Raster& raster, int ink_level) {
  std::vector<InkPiece> pieces;
  if (raster.width <= 0 || raster.height <= 0) return pieces;
  auto destroy_pix = [](PIX* p) { pixDestroy(&p); };
  std::unique_ptr<PIX, decltype(destroy_pix)> bits(pixCreate(raster.width, raster.height, 1), destroy_pix);
  if (!bits) return pieces;
  l_uint32* data = pixGetData(bits.get());
  const int wpl = pixGetWpl(bits.get());
  for (int y = 0; y < raster.height; ++y) {
    const unsigned char* row = raster.pixels.data() + static_cast<size_t>(y) * raster.width;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < raster.width; ++x)
      if (row[x] < ink_level) SET_DATA_BIT(line, x);
  }
  auto destroy_boxa = [](BOXA* b) { boxaDestroy(&b); };
  std::unique_ptr<BOXA, decltype(destroy_boxa)> boxes(pixConnCompBB(bits.get(), 8), destroy_boxa);
  if (!boxes) return pieces;
  const int n = boxaGetCount(boxes.get());
  pieces.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h);
    pieces.push_back({x, y, x + w - 1, y + h - 1});
  }
  return pieces;
}

}  // namespace ita
