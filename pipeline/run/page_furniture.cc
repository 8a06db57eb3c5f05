#include "pipeline/run/page_furniture.h"

#include <re2/re2.h>

#include <map>
#include <set>

#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// The line as compared across pages: digits of both sets stand for any digit (page numbers
// and dates change from page to page), spaces ignored.
std::string Pattern(const std::string& text) {
  std::string s = thai::ThaiDigitsToAscii(thai::CompactForMatching(text));
  for (char& c : s)
    if (c >= '0' && c <= '9') c = '#';
  return s;
}

bool InMargin(const TextLine& line, double page_height, double share) {
  if (page_height <= 0) return false;
  return line.box.y1 <= page_height * share || line.box.y0 >= page_height * (1 - share);
}

}  // namespace

bool IsPageNumberLine(const std::string& text) {
  static const RE2 number("\\s*(?:หน้า|page|Page)?\\s*[-–(]?\\s*[0-9๐-๙]{1,4}\\s*(?:/\\s*[0-9๐-๙]{1,4})?\\s*[-–)]?\\s*");
  return RE2::FullMatch(text, number);
}

int RemovePageFurniture(std::vector<PageResult>& pages, const FurnitureOptions& options) {
  // On how many pages each margin line's pattern occurs.
  std::map<std::string, std::set<int>> seen;
  for (const PageResult& p : pages)
    for (const TextLine& l : p.free_lines)
      if (InMargin(l, p.page.height_pt, options.margin_share)) seen[Pattern(l.text)].insert(p.page.index);
  const int needed = std::max(options.min_pages,
                              static_cast<int>(options.min_page_share * static_cast<double>(pages.size()) + 0.999));
  int removed = 0;
  for (size_t k = 1; k < pages.size(); ++k) {
    PageResult& p = pages[k];
    std::erase_if(p.free_lines, [&](const TextLine& l) {
      if (!InMargin(l, p.page.height_pt, options.margin_share)) return false;
      std::string pattern = Pattern(l.text);
      bool furniture = IsPageNumberLine(l.text) ||
                       (pattern.size() >= 3 && static_cast<int>(seen[pattern].size()) >= needed);
      removed += furniture;
      return furniture;
    });
  }
  return removed;
}

}  // namespace ita
