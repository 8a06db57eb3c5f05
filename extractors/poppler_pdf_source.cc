#include "extractors/poppler_pdf_source.h"

#include <algorithm>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <fstream>
#include <mutex>

namespace ita {
namespace {

// Colour saturation (largest minus smallest channel) above which a pixel is coloured ink;
// JPEG noise and anti-aliased black text stay far below it.
constexpr int kColorInkChroma = 60;

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

class PopplerPdfSource final : public PdfSource {
 public:
  explicit PopplerPdfSource(std::unique_ptr<poppler::document> doc) : doc_(std::move(doc)) {}

  int PageCount() const override { return doc_->pages(); }

  Result<Box> PageBox(int index) const override {
    auto page = OpenPage(index);
    if (!page) return std::unexpected(page.error());
    poppler::rectf r = (*page)->page_rect(poppler::media_box);
    return Box{0, 0, r.width(), r.height()};
  }

  Result<std::vector<Word>> Words(int index) const override {
    auto page = OpenPage(index);
    if (!page) return std::unexpected(page.error());
    std::vector<Word> words;
    for (const poppler::text_box& t : (*page)->text_list()) {
      poppler::rectf b = t.bbox();
      Word w;
      w.utf8 = ToUtf8(t.text());
      w.box = Box{b.x(), b.y(), b.x() + b.width(), b.y() + b.height()};
      w.origin = Origin::kPdfText;
      if (!w.utf8.empty()) words.push_back(std::move(w));
    }
    return words;
  }

  Result<Raster> Render(int index, double dpi, RenderInk ink) const override {
    auto page = OpenPage(index);
    if (!page) return std::unexpected(page.error());
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    bool drop_color = ink == RenderInk::kDropColor;
    // Hairlines (0.1 pt, common in Word tables) drawn at least one solid pixel wide, so a
    // low-resolution render still shows them as rulings, not as faint grey.
    renderer.set_line_mode(poppler::page_renderer::line_solid);
    renderer.set_image_format(drop_color ? poppler::image::format_rgb24 : poppler::image::format_gray8);
    poppler::image img = renderer.render_page(page->get(), dpi, dpi);
    if (!img.is_valid()) return Fail(ErrorCode::kCorrupt, "page could not be rendered");
    Raster r;
    r.width = img.width();
    r.height = img.height();
    r.dpi = dpi;
    r.pixels.resize(static_cast<size_t>(r.width) * r.height);
    const char* data = img.const_data();
    // rgb24 rows hold three bytes a pixel (padded); a build that stores four keeps the colour
    // in the first three (B, G, R on little-endian machines).
    const int bytes_per_pixel = img.bytes_per_row() >= 4 * r.width ? 4 : 3;
    for (int y = 0; y < r.height; ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(data + static_cast<size_t>(y) * img.bytes_per_row());
      unsigned char* out = r.pixels.data() + static_cast<size_t>(y) * r.width;
      if (!drop_color) {
        std::copy(row, row + r.width, out);
        continue;
      }
      for (int x = 0; x < r.width; ++x) {
        const unsigned char* px = row + bytes_per_pixel * x;
        unsigned char hi = std::max({px[0], px[1], px[2]});
        unsigned char lo = std::min({px[0], px[1], px[2]});
        // Saturated colour is ink of a stamp or pen: paper. Black, grey, and black over
        // coloured ink are neutral and keep their darkness.
        out[x] = hi - lo > kColorInkChroma ? 255 : hi;
      }
    }
    return r;
  }

 private:
  Result<std::unique_ptr<poppler::page>> OpenPage(int index) const {
    if (index < 0 || index >= doc_->pages()) return Fail(ErrorCode::kInternal, "no such page");
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return Fail(ErrorCode::kCorrupt, "page " + std::to_string(index + 1) + " unreadable");
    return page;
  }

  std::unique_ptr<poppler::document> doc_;
};

}  // namespace

std::unique_ptr<PdfSource> OpenPopplerPdf(const std::string& path, Error* error) {
  SilencePoppler();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = Error{ErrorCode::kIo, "cannot open file"};
    return nullptr;
  }
  char head[1024] = {};
  in.read(head, sizeof head);
  std::streamsize got = in.gcount();
  if (got == 0) {
    *error = Error{ErrorCode::kEmpty, "file is empty (0 bytes)"};
    return nullptr;
  }
  // The header may follow some junk bytes; PDF readers accept it within the first 1 KiB.
  if (std::string(head, got).find("%PDF-") == std::string::npos) {
    *error = Error{ErrorCode::kNotPdf, "no %PDF- header: not a PDF file"};
    return nullptr;
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) {
    // Poppler returns null both for damage and for a user password; tell them apart.
    std::ifstream all(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(all)), std::istreambuf_iterator<char>());
    if (bytes.find("/Encrypt") != std::string::npos) {
      *error = Error{ErrorCode::kEncrypted, "PDF is encrypted and needs a password"};
    } else {
      *error = Error{ErrorCode::kCorrupt, "PDF structure is damaged and cannot be read"};
    }
    return nullptr;
  }
  if (doc->is_locked()) {
    *error = Error{ErrorCode::kEncrypted, "PDF is encrypted and needs a password"};
    return nullptr;
  }
  if (doc->pages() <= 0) {
    *error = Error{ErrorCode::kEmpty, "PDF has no pages"};
    return nullptr;
  }
  return std::make_unique<PopplerPdfSource>(std::move(doc));
}

}  // namespace ita
