#include "pipeline/families/prose_measures.h"

#include <gtest/gtest.h>

namespace ita {
namespace {

std::vector<ProseLine> Lines(const std::vector<std::pair<int, std::string>>& lines) {
  std::vector<ProseLine> out;
  double y = 50;
  for (const auto& [page, text] : lines) {
    ProseLine l;
    l.page = page;
    l.text = text;
    l.box = Box{60, y, 400, y + 14};
    y += 16;
    out.push_back(l);
  }
  return out;
}

// A checklist form read off screenshots: questions numbered, answers under each, one item
// unreadable (letter soup), the list running over pages.
TEST(MeasuresInProse, ChecklistItemsWithAnswersAndAnUnreadableOne) {
  auto lines = Lines({{0, "แบบรายงานผลการดำเนินงานตามมาตรการการป้องกันและแก้ไขปัญหา"},
                      {1, "1.การประกาศเจตนารมณ์ในการป้องกันและ"},
                      {1, "แก้ไขปัญหาการล่วงละเมิดหรือคุกคามทาง"},
                      {1, "เพศในการทำงาน"},
                      {1, "มี(โปรดระบุ)"},
                      {1, "ไม่มี"},
                      {1, "2. รกภาารวาว]==ะ2ภา ศรเซฆณายอยา=ร21งธาธี"},
                      {2, "5. มีการเสริมสร้างความรู้ความเข้าใจเกี่ยวกับ"},
                      {2, "มาตรการฯ และพฤติกรรมที่เป็นการล่วงละเมิด"},
                      {2, "*** ตอบได้มากกว่า 1 ข้อ"},
                      {2, "จัดทำหนังสือเวียนเพื่อให้บุคลากรทราบ"},
                      {3, "6 ในปีงบประมาณ พ.ศ. 2567 หน่วยงานของ"},  // OCR lost the dot
                      {3, "ท่านมีการร้องเรียนหรือไม่"},
                      {3, "( ) มี"}});
  std::vector<Measure> m = MeasuresInProse(lines);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].seq, 1);
  EXPECT_EQ(m[0].columns.at(MeasureField::kMeasure),
            "1.การประกาศเจตนารมณ์ในการป้องกันและแก้ไขปัญหาการล่วงละเมิดหรือคุกคามทางเพศในการทำงาน");
  EXPECT_EQ(m[0].provenance.pages, std::vector<int>{2});
  EXPECT_EQ(m[0].sources.at(MeasureField::kMeasure).page, 2);
  EXPECT_EQ(m[1].seq, 5);
  EXPECT_EQ(m[1].columns.at(MeasureField::kMeasure),
            "5. มีการเสริมสร้างความรู้ความเข้าใจเกี่ยวกับมาตรการฯ และพฤติกรรมที่เป็นการล่วงละเมิด");
  EXPECT_EQ(m[2].seq, 6);
  EXPECT_EQ(m[2].columns.at(MeasureField::kMeasure), "6 ในปีงบประมาณ พ.ศ. 2567 หน่วยงานของท่านมีการร้องเรียนหรือไม่");
  EXPECT_EQ(m[2].provenance.pages, std::vector<int>{4});
}

// Precision first: a single numbered line, numbers that do not start at 1, or a list that
// counts backwards give nothing.
TEST(MeasuresInProse, NothingWithoutAListNumberedFromOne) {
  EXPECT_TRUE(MeasuresInProse(Lines({{0, "1. มาตรการส่งเสริมคุณธรรมของหน่วยงาน"}})).empty());
  EXPECT_TRUE(MeasuresInProse(Lines({{0, "3. การเปิดเผยข้อมูลต่อสาธารณะ"},
                                     {0, "4. การป้องกันการรับสินบนทุกรูปแบบ"}}))
                  .empty());
  EXPECT_TRUE(MeasuresInProse(Lines({{0, "1. ลงชื่อ"}, {0, "2. ตำแหน่ง"}})).empty());  // too short
  std::vector<Measure> restart = MeasuresInProse(Lines({{0, "1. การเปิดเผยข้อมูลต่อสาธารณะ"},
                                                        {0, "2. การป้องกันการรับสินบนทุกรูปแบบ"},
                                                        {0, "1. การใช้ทรัพย์สินของราชการ"}}));
  ASSERT_EQ(restart.size(), 2u);  // the list that restarts is not read into the first
  // A bare number is an item only as the very next of the list ("5 คน" is a count).
  std::vector<Measure> counts = MeasuresInProse(Lines({{0, "1. การเปิดเผยข้อมูลต่อสาธารณะ"},
                                                       {0, "5 คน เข้าร่วมการประชุมชี้แจงทั้งหมด"},
                                                       {0, "2. การป้องกันการรับสินบนทุกรูปแบบ"}}));
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].columns.at(MeasureField::kMeasure),
            "1. การเปิดเผยข้อมูลต่อสาธารณะ 5 คน เข้าร่วมการประชุมชี้แจงทั้งหมด");
}

// Measures headed as offices head them: "มาตรการที่ ๑ …", "ข้อ 2 …", "(3) …", "4) …", each with
// a paragraph of description under it.
TEST(MeasuresInProse, HeadedMeasuresWithDescriptions) {
  auto lines = Lines({{0, "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประกอบด้วย"},
                      {0, "มาตรการที่ ๑ การเปิดเผยข้อมูลข่าวสารของหน่วยงานต่อสาธารณะ"},
                      {0, "เผยแพร่ข้อมูลผ่านเว็บไซต์ของหน่วยงานอย่างสม่ำเสมอ"},
                      {0, "มาตรการที่ ๒ การป้องกันการรับสินบนในการให้บริการ"},
                      {0, "กำหนดแนวทางปฏิบัติและช่องทางร้องเรียน"},
                      {0, "มาตรการที่ ๓ การส่งเสริมการมีส่วนร่วมของประชาชน"}});
  std::vector<Measure> m = MeasuresInProse(lines);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].seq, 1);
  EXPECT_EQ(m[1].seq, 2);
  EXPECT_NE(m[1].columns.at(MeasureField::kMeasure).find("การป้องกันการรับสินบนในการให้บริการ"), std::string::npos);
  for (const char* lead : {"ข้อ %d ", "(%d) ", "%d) "}) {
    std::vector<std::pair<int, std::string>> raw;
    const char* names[] = {"จัดทำคู่มือการปฏิบัติงานด้านการจัดซื้อจัดจ้าง", "ประกาศนโยบายไม่รับของขวัญและของกำนัล",
                           "อบรมบุคลากรเรื่องผลประโยชน์ทับซ้อน"};
    for (int i = 0; i < 3; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, lead, i + 1);
      raw.push_back({0, std::string(buf) + names[i]});
    }
    std::vector<Measure> items = MeasuresInProse(Lines(raw));
    ASSERT_EQ(items.size(), 3u) << lead;
    EXPECT_EQ(items[2].seq, 3) << lead;
  }
}

}  // namespace
}  // namespace ita
