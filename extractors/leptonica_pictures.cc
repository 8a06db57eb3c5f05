#include "extractors/leptonica_pictures.h"

#include <leptonica/allheaders.h>

#include <memory>

namespace ita {
namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// The raster as a 1-bit Leptonica image: ink (darker than the middle grey) set.
PixPtr InkBits(const Raster& page) {
  PixPtr bits(pixCreate(page.width, page.height, 1));
  if (!bits) return nullptr;
  l_uint32* data = pixGetData(bits.get());
  int wpl = pixGetWpl(bits.get());
  for (int y = 0; y < page.height; ++y) {
    const unsigned char* row = page.pixels.data() + static_cast<size_t>(y) * page.width;
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < page.width; ++x)
      if (row[x] < 128) SET_DATA_BIT(line, x);
  }
  return bits;
}

}  // namespace

double PictureShare(const Raster& page) {
  // A raster too small for the method's reductions holds no picture worth leaving out.
  if (page.width < 64 || page.height < 64 ||
      page.pixels.size() < static_cast<size_t>(page.width) * page.height)
    return 0;
  PixPtr bits = InkBits(page);
  if (!bits) return 0;
  l_int32 found = 0;
  PixPtr mask(pixGenerateHalftoneMask(bits.get(), nullptr, &found, nullptr));
  if (!mask || !found) return 0;
  l_int32 count = 0;
  if (pixCountPixels(mask.get(), &count, nullptr) != 0) return 0;
  return static_cast<double>(count) / (static_cast<double>(page.width) * page.height);
}

}  // namespace ita
