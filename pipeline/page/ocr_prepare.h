// The clean-up steps SubmitPageOcr (page_ocr.h) runs on a page's raster before reading it.
#pragma once

#include "pipeline/model/document.h"
#include "pipeline/page/page_options.h"
#include "pipeline/page/page_result.h"

namespace ita {

// A phone photo of a page: the paper cut out of its surroundings and squared, its light
// evened; the page's size becomes the paper's. False when the raster is not one.
bool CorrectPhoto(Raster& raster, PageResult& result);

// Turns a scanned page upright (its ink, then readings at each turn when the ink only leans);
// every turn is recorded in the diagnostics. Needs options.ocr.pool.
void TurnUpright(Raster& raster, PageResult& result, const PageOptions& options);

}  // namespace ita
