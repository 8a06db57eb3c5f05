#include "pipeline/page/ocr_prepare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/raster_geometry.h"
#include "pipeline/layout/text_orientation.h"
#include "pipeline/ocr/orientation.h"
#include "pipeline/page/page_ocr.h"

namespace ita {

// A phone photo of a page: the paper cut out of its surroundings and made rectangular, its
// uneven light evened out. The page's size becomes the paper's.
bool CorrectPhoto(Raster& raster, PageResult& result) {
  std::optional<Quad> quad = FindPhotographedPage(raster);
  if (!quad) return false;
  auto length = [&](int a, int b) { return std::hypot(quad->x[a] - quad->x[b], quad->y[a] - quad->y[b]); };
  int width = static_cast<int>((length(0, 1) + length(3, 2)) / 2);
  int height = static_cast<int>((length(0, 3) + length(1, 2)) / 2);
  if (width < 100 || height < 100) return false;
  raster = WarpToRectangle(raster, *quad, width, height);
  FlattenIllumination(raster, std::max(16, static_cast<int>(raster.dpi / 4)));
  result.page.width_pt = width * 72.0 / raster.dpi;
  result.page.height_pt = height * 72.0 / raster.dpi;
  char note[160];
  std::snprintf(note, sizeof note, "photographed page: paper cut out and squared (%d x %d px), light evened",
                width, height);
  result.page.diagnostics.push_back(PageLabel(result.page.index) + note);
  return true;
}

// Turns a scanned page upright, before grids and OCR. Its ink tells which way it is turned
// (pipeline/layout/text_orientation.h: the lines' axis, and the side its Thai marks are on);
// when the ink leans to a turn without settling it (a title page with few marks, a fax whose
// marks are lost), a sample is read at each turn: a reading clearly the strongest, or stronger
// than the page as it is at the very turn the ink leans to, decides.
// Upright-leaning pages are never read twice. Every turn is recorded in the diagnostics.
void TurnUpright(Raster& raster, PageResult& result, const PageOptions& options) {
  const std::string label = PageLabel(result.page.index);
  TextOrientation ink = FindTextOrientation(raster, PaperLevel(raster) - 60);
  int degrees = 0;
  std::string how;
  if (ink.axis_sure && ink.side_sure) {
    degrees = ink.degrees;
    how = "by its ink: " + ink.why;
  } else if (ink.degrees != 0) {
    int factor = std::max(1, static_cast<int>(std::lround(raster.dpi / options.ocr.orientation_reading_dpi)));
    Result<OrientationFinding> read =
        FindOrientation(Reduce(raster, factor), *options.ocr.pool, options.ocr.orientation_reading_factor,
                        options.ocr.orientation_reading_min, ink.degrees);
    if (!read) {
      result.page.diagnostics.push_back(label + "orientation not checked: " + read.error().message);
      return;
    }
    if (!read->sure) {
      result.page.diagnostics.push_back(label + "kept as it is: its ink leans to a turn of " +
                                        std::to_string(ink.degrees) + " degrees (" + ink.why +
                                        "), reading does not confirm it (" + read->why + ")");
      return;
    }
    degrees = read->degrees;
    how = "by reading a sample at each turn: " + read->why;
  }
  if (degrees == 0) return;
  raster = RotateQuarterTurns(raster, 360 - degrees);
  if (degrees == 90 || degrees == 270) std::swap(result.page.width_pt, result.page.height_pt);
  result.page.rotation = degrees;
  result.page.diagnostics.push_back(label + "turned upright: text turned " + std::to_string(degrees) +
                                    " degrees (" + how + ")");
}


// A scan placed out of proportion (a screenshot squeezed in height in a Word document): its
// letters are flattened or drawn out, which the engine reads badly. The page is read with the
// scan's own proportions; word boxes are then in that page's points, as for a squared photo.
void RestoreScanProportions(Raster& raster, PageResult& result, const PageOptions& options) {
  double aspect = result.scan_aspect;
  // A fax's pixels are not square (204 x 98 dpi) and are placed to fill the page in proportion:
  // a bilevel scan's ppi say nothing of how its letters look.
  if (result.bilevel_scan || aspect <= 0 || std::abs(std::log(aspect)) < std::log(options.ocr.max_scan_disproportion))
    return;
  raster = ScaleRows(raster, 1.0 / aspect);
  result.page.height_pt = raster.height * 72.0 / raster.dpi;
  char note[160];
  std::snprintf(note, sizeof note, "scan placed at %.0f%% of its height: read in its own proportions",
                aspect * 100);
  result.page.diagnostics.push_back(PageLabel(result.page.index) + note);
}

OcrResolution ChooseOcrResolution(const PageResult& result, const PageOptions& options) {
  double dpi = options.ocr.dpi;
  std::string because;
  char part[96];
  if (result.glyph_height && result.glyph_height->points > 0) {
    double px = result.glyph_height->points / 72.0 * dpi;
    if (px < options.ocr.glyph_px_min) {
      double wanted = dpi * options.ocr.glyph_px_min / px;
      if (result.scan_ppi) wanted = std::min(wanted, *result.scan_ppi * options.ocr.max_upsample);
      if (wanted > dpi) {
        dpi = wanted;
        because = "; small letters";
      }
    } else if (px > options.ocr.glyph_px_max) {
      dpi *= options.ocr.glyph_px_max / px;
      because = "; large letters";
    }
  }
  // Bounded cost: a page box far larger than paper (scanners write 1600 x 2263 pt pages) would
  // give a raster of tens of megapixels; text on paper needs no more than an A4 page at ocr.dpi.
  double long_side_in = std::max(result.page.width_pt, result.page.height_pt) / 72.0;
  bool held = long_side_in > 0 && dpi > options.ocr.max_long_side_px / long_side_in;
  if (held) dpi = options.ocr.max_long_side_px / long_side_in;
  // Never below the least resolution text is read at, unless that would give more than twice
  // the bound (a page box drawn at 200 inches was 200 megapixels at 72 dpi, 1.4 GB): then the
  // bound holds, whatever the page.
  if (dpi < options.ocr.min_dpi && long_side_in * options.ocr.min_dpi <= 2 * options.ocr.max_long_side_px) {
    dpi = options.ocr.min_dpi;
    held = false;
  }
  if (held) {
    std::snprintf(part, sizeof part, "; page box %.0f x %.0f pt: long side held to %.0f px", result.page.width_pt,
                  result.page.height_pt, options.ocr.max_long_side_px);
    because = part;
  }
  OcrResolution r;
  r.dpi = dpi;
  std::snprintf(part, sizeof part, "OCR at %.0f dpi (", dpi);
  r.why = part;
  if (result.glyph_height) {
    std::snprintf(part, sizeof part, "letters %.0f px", result.glyph_height->points / 72.0 * dpi);
    r.why += part;
  } else {
    r.why += "letter height unknown";
  }
  if (result.scan_ppi) {
    std::snprintf(part, sizeof part, "; scan %.0f ppi", *result.scan_ppi);
    r.why += part;
  }
  r.why += because + ")";
  return r;
}

}  // namespace ita
