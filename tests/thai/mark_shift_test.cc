// Marks read one letter late (monospaced faces): moved back only when the dictionary says so.
#include <gtest/gtest.h>

#include "pipeline/thai/mark_shift.h"

namespace ita::thai {
namespace {

TEST(ShiftMarksBack, MovesEachRunOfMarksOntoTheConsonantBefore) {
  EXPECT_EQ(ShiftMarksBack("ผรู้บัผดิชอบ"), "ผู้รับผิดชอบ");
  EXPECT_EQ(ShiftMarksBack("สงเสรมิคณุธรรม"), "สงเสริมคุณธรรม");
  EXPECT_EQ(ShiftMarksBack("ระยะเวลาดาเนนิการ"), "ระยะเวลาดาเนินการ");  // past a leading vowel
}

TEST(ShiftMarksBack, LeavesWhatHasNoConsonantBeforeAndWhatIsNotThai) {
  EXPECT_EQ(ShiftMarksBack("มิ"), "มิ");            // the first consonant's marks stay
  EXPECT_EQ(ShiftMarksBack("ต.ค. 67"), "ต.ค. 67");  // no marks
  EXPECT_EQ(ShiftMarksBack("ITA 2568"), "ITA 2568");
  EXPECT_EQ(ShiftMarksBack("กองคลงั 5"), "กองคลัง 5");  // runs of Thai only; digits kept
}

std::unique_ptr<ThaiDictionary> Words() {
  return ThaiDictionary::FromWords({"ผู้รับผิดชอบ", "ส่งเสริม", "คุณธรรม", "ดำเนินการ", "วิธีการ", "มาตรการ",
                                    "ระยะเวลา", "เปิดเผย", "ข้อมูล", "ประชาชน", "การ", "มีส่วนร่วม", "ของ"});
}

TEST(WeighMarkShift, ALatePageIsMoreWordsShiftedBack) {
  auto dict = Words();
  std::vector<std::string> late = {"ผรู้บัผดิชอบ ผรู้บัผดิชอบ", "สงเสรมิคณุธรรม มาตรการ", "เปดิเผยขอ้มลู",
                                   "การมสีว่นรว่มของประชาชน", "ระยะเวลาดาเนนิการ"};
  MarkShiftEvidence e = WeighMarkShift(late, *dict);
  EXPECT_GT(e.covered_shifted, e.covered_as_read);
  EXPECT_TRUE(e.ReadLate()) << e.thai_letters << " " << e.covered_as_read << " " << e.covered_shifted;
}

TEST(WeighMarkShift, RightTextIsNeverShifted) {
  auto dict = Words();
  std::vector<std::string> right = {"ผู้รับผิดชอบ ผู้รับผิดชอบ", "ส่งเสริมคุณธรรม มาตรการ", "เปิดเผยข้อมูล",
                                    "การมีส่วนร่วมของประชาชน", "ระยะเวลาดำเนินการ"};
  MarkShiftEvidence e = WeighMarkShift(right, *dict);
  EXPECT_LT(e.covered_shifted, e.covered_as_read);
  EXPECT_FALSE(e.ReadLate());
}

TEST(WeighMarkShift, TooLittleThaiDecidesNothing) {
  auto dict = Words();
  EXPECT_FALSE(WeighMarkShift({"ผรู้บัผดิชอบ"}, *dict).ReadLate());
}

}  // namespace
}  // namespace ita::thai
