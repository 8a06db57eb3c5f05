// Fuzzes the rasterisation of a page's vector drawing (what the Poppler adapter records from
// hostile PDFs): no crash, a raster of the size it says, an image share within [0, 1].
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "pipeline/layout/drawing.h"

namespace {

class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  uint8_t U8() { return at_ < size_ ? data_[at_++] : 0; }
  // A coordinate: mostly on the page, sometimes far off or not finite.
  double Coordinate() {
    uint8_t kind = U8();
    double v = (U8() << 8 | U8()) / 65535.0 * 600 - 50;
    if (kind == 255) return std::nan("");
    if (kind == 254) return 1e300;
    if (kind == 253) return -1e12;
    return v;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t at_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Bytes in(data, size);
  ita::PageDrawing d;
  // Pages up to 530 pt at up to 160 dpi: big enough for every path case, small enough for
  // thousands of runs a second.
  d.width_pt = 20 + in.U8() * 2;
  d.height_pt = 20 + in.U8() * 2;
  double dpi = in.U8() == 0 ? std::nan("") : 10 + in.U8() % 150;
  d.image_area_pt2 = in.U8() * 1000.0;
  int points = 0;
  while (!in.empty() && d.marks.size() < 200 && points < 5000) {
    ita::PageDrawing::Mark m;
    uint8_t flags = in.U8();
    m.stroke = flags & 1;
    m.even_odd = flags & 2;
    m.gray = in.U8();
    m.width = (flags & 4) ? in.U8() / 8.0 : in.U8() * 10.0;
    int paths = 1 + in.U8() % 4;
    for (int p = 0; p < paths && !in.empty(); ++p) {
      std::vector<ita::PageDrawing::Point> path(in.U8() % 12);
      for (auto& q : path) q = {in.Coordinate(), in.Coordinate()};
      points += static_cast<int>(path.size());
      m.paths.push_back(std::move(path));
    }
    d.marks.push_back(std::move(m));
  }
  ita::LineArt art = ita::RasterizeDrawing(d, dpi);
  if (art.raster.width <= 0 || art.raster.height <= 0) std::abort();
  if (art.raster.pixels.size() != static_cast<size_t>(art.raster.width) * art.raster.height) std::abort();
  if (!(art.image_share >= 0 && art.image_share <= 1)) std::abort();
  return 0;
}
