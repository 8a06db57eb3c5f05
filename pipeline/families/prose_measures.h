// Measures a document lists as numbered paragraphs instead of a table: a checklist form
// ("1. การประกาศเจตนารมณ์… / มี / ไม่มี", "5. มีการเสริมสร้างความรู้… *** ตอบได้มากกว่า 1 ข้อ"),
// an announcement's numbered measures.
//
//   "1.การประกาศเจตนารมณ์ในการป้องกันและ" / "แก้ไขปัญหา…" / "มี(โปรดระบุ)" / "ไม่มี" / "2. …"
//       -> measure 1 "1.การประกาศเจตนารมณ์ในการป้องกันและแก้ไขปัญหา…", measure 2 …
//
// Precision first: items are numbered from 1 upwards (numbers may be skipped where a page is
// unreadable, never repeated or reversed), at least two are found, an item reads as Thai (a
// misread screenshot's letter soup is passed over), and a paragraph ends at the next item, at a
// form's answer line (มี / ไม่มี, a box, "***") or after a few lines. Only asked of documents
// whose title names a measures family and whose tables gave no measure.
// Pure function; thread-safe.
#pragma once

#include <vector>

#include "pipeline/model/document.h"

namespace ita {

std::vector<Measure> MeasuresInProse(const std::vector<ProseLine>& lines);

}  // namespace ita
