#include "extractors/poppler_pdf_source.h"

#include <algorithm>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <fstream>
#include <mutex>

#include "extractors/poppler_page_content.h"
#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"

namespace ita {
namespace {

// Poppler reports damage it works around (a broken xref rebuilt, a bad font, a stream that
// ends early) through one process-wide function. Messages go to the document being read on
// this thread, so each record says what the library had to repair.
struct MessageLog {
  std::vector<std::string> distinct;  // first-seen order, at most kMaxMessages
  std::vector<int> counts;
};
constexpr size_t kMaxMessages = 12;
thread_local MessageLog* t_log = nullptr;

void Collect(const std::string& message, void*) {
  if (t_log == nullptr || message.empty()) return;
  std::string m = message;
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  // "error (20761): ..." names the byte where the damage is; without it the same damage at
  // a thousand places is one message counted a thousand times, not a thousand messages.
  if (m.rfind("error (", 0) == 0) {
    size_t close = m.find("): ");
    if (close != std::string::npos && close > 7 &&
        m.find_first_not_of("0123456789", 7) == close)
      m = "error" + m.substr(close + 1);
  }
  for (size_t i = 0; i < t_log->distinct.size(); ++i) {
    if (t_log->distinct[i] == m) {
      ++t_log->counts[i];
      return;
    }
  }
  if (t_log->distinct.size() < kMaxMessages) {
    t_log->distinct.push_back(m);
    t_log->counts.push_back(1);
  }
}

void RoutePopplerMessages() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Collect, nullptr); });
}

// Sends this thread's Poppler messages to `log` while in scope.
class MessageScope {
 public:
  explicit MessageScope(MessageLog* log) : previous_(t_log) { t_log = log; }
  ~MessageScope() { t_log = previous_; }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;

 private:
  MessageLog* previous_;
};

// " (poppler: FIRST; SECOND)": what Poppler said while opening a file it could not read, for the
// error message; empty when it said nothing.
std::string PopplerSaid(const MessageLog& log) {
  std::string said;
  for (size_t i = 0; i < log.distinct.size() && i < 2; ++i) said += (i ? "; " : "") + log.distinct[i];
  return said.empty() ? said : " (poppler: " + said + ")";
}

bool HasEncryptEntry(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1 << 20, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  in.clear();
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::string tail;
  if (size > static_cast<std::streamoff>(head.size())) {
    std::streamoff from = std::max<std::streamoff>(static_cast<std::streamoff>(head.size()), size - (1 << 20));
    in.seekg(from);
    tail.resize(static_cast<size_t>(size - from));
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  }
  // "/Encrypt" inside a dictionary that is a trailer or an XRef stream's.
  for (const std::string* part : {&head, &tail}) {
    for (size_t at = part->find("/Encrypt"); at != std::string::npos; at = part->find("/Encrypt", at + 1)) {
      size_t open = part->rfind("<<", at);
      if (open == std::string::npos) continue;
      size_t before = open >= 16 ? open - 16 : 0;
      std::string lead = part->substr(before, open - before);
      std::string dict = part->substr(open, std::min<size_t>(at - open + 200, part->size() - open));
      if (lead.find("trailer") != std::string::npos || dict.find("/XRef") != std::string::npos) return true;
    }
  }
  return false;
}

// Quarter turns (clockwise) that make a page's text read left to right: the rotation of the
// words carrying most of its characters, when they carry at least 60% of them. Pages whose
// /Rotate (or whose drawing) leaves the text running down or up the displayed page are read
// turned, like a reader turns the paper.
int UprightTurns(const std::vector<PageWord>& words) {
  size_t chars[4] = {0, 0, 0, 0}, total = 0;
  for (const PageWord& t : words) {
    size_t n = t.utf16_length;
    chars[((t.rotation % 4) + 4) % 4] += n;
    total += n;
  }
  if (total < 20) return 0;
  int best = static_cast<int>(std::max_element(chars, chars + 4) - chars);
  if (best == 0 || chars[best] * 10 < total * 6) return 0;
  // Text running down the page (rotation 1) reads upright after a counter-clockwise turn.
  return (4 - best) % 4;
}

// A box on a W x H page after `turns` clockwise quarter turns of the page.
Box TurnBox(const Box& b, int turns, double w, double h) {
  switch (turns) {
    case 1: return Box{h - b.y1, b.x0, h - b.y0, b.x1};
    case 2: return Box{w - b.x1, h - b.y1, w - b.x0, h - b.y0};
    case 3: return Box{b.y0, w - b.x1, b.y1, w - b.x0};
    default: return b;
  }
}

class PopplerPdfSource final : public PdfSource {
 public:
  PopplerPdfSource(std::unique_ptr<poppler::document> doc, MessageLog opening, const std::string& path)
      : doc_(std::move(doc)), log_(std::move(opening)), content_(path) {}

  std::vector<std::string> LibraryMessages() const override {
    std::vector<std::string> out;
    for (size_t i = 0; i < log_.distinct.size(); ++i) {
      out.push_back(log_.counts[i] > 1 ? log_.distinct[i] + " (" + std::to_string(log_.counts[i]) + " times)"
                                       : log_.distinct[i]);
    }
    return out;
  }

  int PageCount() const override { return doc_->pages(); }

  // The page as it is read: displayed (its /Rotate applied), then turned so its text runs
  // left to right (UprightTurns).
  Result<Box> PageBox(int index) const override {
    auto text = Text(index);
    if (!text) return std::unexpected(text.error());
    const PageText& t = **text;
    bool swap = t.turns % 2 == 1;
    return Box{0, 0, swap ? t.height : t.width, swap ? t.width : t.height};
  }

  Result<std::vector<Word>> Words(int index) const override {
    auto text = Text(index);
    if (!text) return std::unexpected(text.error());
    return (*text)->words;
  }

  std::optional<double> ScanPpi(int index) const override {
    const PageDrawing* d = ScanDrawing(index);
    if (!d || d->largest_image_ppi <= 0) return std::nullopt;
    return d->largest_image_ppi;
  }

  bool ScanIsBilevel(int index) const override {
    const PageDrawing* d = ScanDrawing(index);
    return d && d->largest_image_bits == 1;
  }

  double ScanAspect(int index) const override {
    const PageDrawing* d = ScanDrawing(index);
    return d && d->largest_image_aspect > 0 ? d->largest_image_aspect : 1.0;
  }

  double ImagePixels(int index) const override {
    auto text = Text(index);
    return text ? (*text)->drawing.image_pixels : 0;
  }

  Result<Raster> Render(int index, double dpi, RenderInk ink) const override {
    MessageScope scope(&log_);
    auto page = OpenPage(index);
    if (!page) return std::unexpected(page.error());
    bool drop_color = ink == RenderInk::kDropColor;
    // A scan is drawn from its images' own pixels, at a fraction of the renderer's cost; a
    // page that shows anything more is rendered.
    if (ScanDrawing(index) != nullptr) {
      if (std::optional<Raster> drawn = content_.DrawImagesOnly(index, dpi, drop_color)) {
        auto text = Text(index);
        if (text && (*text)->turns != 0) return RotateQuarterTurns(*drawn, 90 * (*text)->turns);
        return std::move(*drawn);
      }
    }
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
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
    // Poppler answers a page too large to allocate with a tiny image, not an error.
    auto text = Text(index);
    if (text) {
      double expect_w = (*text)->width * dpi / 72.0;
      if (expect_w >= 16 && r.width * 4 < expect_w) {
        return Fail(ErrorCode::kTooLarge, "page too large to render at " + std::to_string(static_cast<int>(dpi)) + " dpi");
      }
    }
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
        out[x] = GrayDroppingColor(px[0], px[1], px[2]);
      }
    }
    if (text && (*text)->turns != 0) return RotateQuarterTurns(r, 90 * (*text)->turns);
    return r;
  }

  Result<LineArt> DrawLineArt(int index, double dpi) const override {
    MessageScope scope(&log_);
    auto text = Text(index);
    if (!text) return std::unexpected(text.error());
    const PageText& t = **text;
    if (!t.drawing.complete) return Fail(ErrorCode::kTooLarge, "page draws too many paths to record");
    LineArt art = RasterizeDrawing(t.drawing, dpi);
    if (t.turns != 0) art.raster = RotateQuarterTurns(art.raster, 90 * t.turns);
    return art;
  }

 private:
  // One page's words in the upright frame, kept for the page being read (PageBox, Words and
  // Render of one page come in a row).
  struct PageText {
    int index = -1;
    double width = 0, height = 0;  // displayed size, points
    int turns = 0;                 // clockwise quarter turns to upright
    std::vector<Word> words;
    PageDrawing drawing;           // displayed frame (before the upright turns)
  };

  // The page's drawing when its largest image covers at least a quarter of it (a scan).
  const PageDrawing* ScanDrawing(int index) const {
    auto text = Text(index);
    if (!text) return nullptr;
    const PageDrawing& d = (*text)->drawing;
    return d.largest_image_pt2 >= 0.25 * d.width_pt * d.height_pt ? &d : nullptr;
  }

  Result<const PageText*> Text(int index) const {
    if (cache_.index == index) return &cache_;
    MessageScope scope(&log_);
    auto page = OpenPage(index);
    if (!page) return std::unexpected(page.error());
    PageText t;
    t.index = index;
    poppler::rectf r = (*page)->page_rect(poppler::media_box);
    poppler::page::orientation_enum o = (*page)->orientation();  // from /Rotate
    bool quarter = o == poppler::page::landscape || o == poppler::page::seascape;
    t.width = quarter ? r.height() : r.width();
    t.height = quarter ? r.width() : r.height();
    // Words and vector drawing in one pass over the page's content.
    auto content = content_.Read(index);
    if (!content) return std::unexpected(content.error());
    t.turns = UprightTurns(content->words);
    for (PageWord& b : content->words) {
      Word w;
      w.utf8 = std::move(b.utf8);
      w.box = TurnBox(b.box, t.turns, t.width, t.height);
      w.origin = Origin::kPdfText;
      if (!w.utf8.empty()) t.words.push_back(std::move(w));
    }
    t.drawing = std::move(content->drawing);
    cache_ = std::move(t);
    return &cache_;
  }

  Result<std::unique_ptr<poppler::page>> OpenPage(int index) const {
    if (index < 0 || index >= doc_->pages()) return Fail(ErrorCode::kInternal, "no such page");
    std::unique_ptr<poppler::page> page(doc_->create_page(index));
    if (!page) return Fail(ErrorCode::kCorrupt, "page " + std::to_string(index + 1) + " unreadable");
    return page;
  }

  std::unique_ptr<poppler::document> doc_;  // keeps Poppler's globals alive for content_
  mutable PageText cache_;
  mutable MessageLog log_;
  mutable PopplerContentReader content_;
};

}  // namespace

std::unique_ptr<PdfSource> OpenPopplerPdf(const std::string& path, Error* error) {
  RoutePopplerMessages();
  MessageLog opening;
  MessageScope scope(&opening);
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
    // Poppler returns null both for damage and for a user password; tell them apart by an
    // /Encrypt entry in a trailer or cross-reference stream dictionary (the first and last
    // 1 MiB hold them; the file is not read whole).
    if (HasEncryptEntry(path)) {
      *error = Error{ErrorCode::kEncrypted, "PDF is encrypted and needs a password"};
    } else {
      *error = Error{ErrorCode::kCorrupt, "PDF structure is damaged and cannot be read" + PopplerSaid(opening)};
    }
    return nullptr;
  }
  if (doc->is_locked()) {
    *error = Error{ErrorCode::kEncrypted, "PDF is encrypted and needs a password"};
    return nullptr;
  }
  if (doc->pages() <= 0) {
    // A page tree that claims pages it does not hold (a lying /Count, a loop) is damage, not
    // an empty document.
    std::optional<long long> claimed = ClaimedPageCount(path);
    if (claimed && *claimed > 0) {
      *error = Error{ErrorCode::kCorrupt, "PDF page tree claims " + std::to_string(*claimed) +
                                              " pages and none can be read" + PopplerSaid(opening)};
    } else {
      *error = Error{ErrorCode::kEmpty, "PDF has no pages"};
    }
    return nullptr;
  }
  return std::make_unique<PopplerPdfSource>(std::move(doc), std::move(opening), path);
}

}  // namespace ita
