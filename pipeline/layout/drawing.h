// A page's vector drawing (what a PDF strokes and fills, without text or images) as plain
// values, and its rasterisation. The Poppler adapter records it (extractors/
// poppler_page_content.h); the pipeline draws it to find a text page's rulings without a
// render of every glyph.
//
// Pure functions and value types; thread-safe.
#pragma once

#include <vector>

#include "pipeline/model/pdf_source.h"

namespace ita {

// A page's vector drawing in points (displayed frame, top-left origin), in painting order.
struct PageDrawing {
  struct Point {
    double x = 0, y = 0;
  };
  struct Mark {
    bool stroke = false;                      // segments of `width`; else a filled area
    bool even_odd = false;                    // fill rule of a filled area
    unsigned char gray = 0;                   // 0 black .. 255 white, opacity applied
    double width = 0;                         // stroke width, points
    std::vector<std::vector<Point>> paths;    // polygons (fill) or polylines (stroke pieces)
  };
  double width_pt = 0, height_pt = 0;
  std::vector<Mark> marks;
  double image_area_pt2 = 0;  // page area covered by images (overlaps counted twice)
  double largest_image_pt2 = 0;  // page area of the largest image
  double largest_image_ppi = 0;  // its own resolution: pixels per inch as drawn (lesser axis)
  int largest_image_bits = 0;    // its bits per component: 1 for a bilevel (fax, CCITT) scan
  // Its pixels per inch across over its pixels per inch down, as drawn upright: 1 for an image
  // placed in proportion; 0.69 for a screenshot squeezed to 69% of its height in Word.
  double largest_image_aspect = 1;
  double image_pixels = 0;       // pixels of every image and mask drawn, as stored (what a
                                 // render decodes, whatever the page size)
  bool complete = true;       // false when the page drew more than the recording keeps
};

// The drawing as an 8-bit raster at `dpi`, sized as Poppler renders the page: pixels whose
// centres a shape covers, a line or band at least one pixel wide (as the render's solid line
// mode draws hairlines). Pure function.
LineArt RasterizeDrawing(const PageDrawing& drawing, double dpi);

}  // namespace ita
