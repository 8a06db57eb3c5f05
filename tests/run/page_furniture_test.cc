#include "pipeline/run/page_furniture.h"

#include <gtest/gtest.h>

namespace ita {
namespace {

TEST(IsPageNumberLine, Forms) {
  for (const char* s : {"- 3 -", "๓", "หน้า 3", "หน้า 3/12", "3/12", "(12)", "– ๑๒ –", "Page 4"})
    EXPECT_TRUE(IsPageNumberLine(s)) << s;
  for (const char* s : {"1. มาตรการ", "ปี 2564", "ต.ค. 63", "๑ ต.ค. ๖๗", "3 ข้อ"}) EXPECT_FALSE(IsPageNumberLine(s)) << s;
}

PageResult Page(int index, std::vector<std::pair<double, std::string>> lines) {
  PageResult p;
  p.page.index = index;
  p.page.width_pt = 595;
  p.page.height_pt = 842;
  for (auto& [y, text] : lines) {
    TextLine l;
    l.box = Box{60, y, 500, y + 16};
    l.text = text;
    p.free_lines.push_back(l);
  }
  return p;
}

TEST(RemovePageFurniture, RunningHeadersAndPageNumbersOnly) {
  std::vector<PageResult> pages;
  for (int i = 0; i < 5; ++i) {
    pages.push_back(Page(i, {{20, "แผนปฏิบัติการป้องกันการทุจริต เทศบาลตำบลเขมราฐ"},
                             {300, "โครงการที่ " + std::to_string(i + 1) + " อบรมคุณธรรม"},
                             {800, "- " + std::to_string(i + 1) + " -"}}));
  }
  // A body line that happens to repeat in the middle of pages is not furniture.
  for (PageResult& p : pages) p.free_lines.push_back(Page(0, {{400, "วัตถุประสงค์"}}).free_lines[0]);
  int removed = RemovePageFurniture(pages);
  EXPECT_EQ(removed, 8);  // header and number on pages 2..5
  ASSERT_EQ(pages[0].free_lines.size(), 4u) << "the first page keeps its lines";
  for (size_t k = 1; k < pages.size(); ++k) {
    ASSERT_EQ(pages[k].free_lines.size(), 2u);
    EXPECT_EQ(pages[k].free_lines[0].text, "โครงการที่ " + std::to_string(k + 1) + " อบรมคุณธรรม");
    EXPECT_EQ(pages[k].free_lines[1].text, "วัตถุประสงค์");
  }
  // A two-page document has no running header to speak of.
  std::vector<PageResult> two = {Page(0, {{20, "หัวกระดาษ"}}), Page(1, {{20, "หัวกระดาษ"}})};
  EXPECT_EQ(RemovePageFurniture(two), 0);
}

}  // namespace
}  // namespace ita
