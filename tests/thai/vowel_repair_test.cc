// The dictionary and the vowel repair, on the system word lists (libthai-data, hunspell-th),
// which tools/install-deps.sh installs: the behaviour users get is the one tested.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/utf8.h"
#include "pipeline/thai/vowel_repair.h"

namespace ita::thai {
namespace {

const ThaiDictionary& Dict() {
  const ThaiDictionary* dict = ThaiDictionary::System();
  if (dict == nullptr) {
    ADD_FAILURE() << "no system Thai dictionary: run tools/install-deps.sh";
    static const auto empty = ThaiDictionary::FromWords({"ก"});
    return *empty;
  }
  return *dict;
}

TEST(ThaiDictionary, SystemListsAreLoaded) {
  EXPECT_GT(Dict().size(), 40000u);
  EXPECT_TRUE(Dict().Contains(U"ดำเนิน"));
  EXPECT_TRUE(Dict().Contains(U"ตำบล"));
  EXPECT_FALSE(Dict().Contains(U"ดาเนิน"));
  EXPECT_FALSE(Dict().Contains(U"ตาบล"));
}

TEST(ThaiDictionary, SavedTrieLoadsTheSameWords) {
  auto dict = ThaiDictionary::FromWords({"ดำเนิน", "การ", "ตาม", "แผน"});
  std::string path = ::testing::TempDir() + "/ita_words_" + std::to_string(::getpid()) + ".tri";
  ASSERT_TRUE(dict->SaveTrie(path));
  auto loaded = ThaiDictionary::FromTrieFile(path);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->size(), dict->size());
  EXPECT_TRUE(loaded->Contains(U"ดำเนิน"));
  EXPECT_FALSE(loaded->Contains(U"ดำเนิ"));
  EXPECT_EQ(loaded->Segment(U"ดำเนินการตามแผน").unknown, 0u);
  std::remove(path.c_str());
  EXPECT_FALSE(ThaiDictionary::FromTrieFile(path));
}

TEST(ThaiDictionary, FromWordsSegmentsAndCounts) {
  auto dict = ThaiDictionary::FromWords({"ดำเนิน", "การ", "ตาม", "แผน", "ก"});
  EXPECT_EQ(dict->size(), 4u) << "one-letter entries are not words";
  Segmentation s = dict->Segment(U"ดำเนินการตามแผน");
  EXPECT_EQ(s.unknown, 0);
  EXPECT_EQ(s.pieces, 4);
  EXPECT_EQ(dict->Segment(U"ดาเนินการ").unknown, 6);
  EXPECT_DOUBLE_EQ(DictionaryCoverage(*dict, "ดำเนินการ 2564"), 1.0);
  int letters = 0;
  EXPECT_NEAR(DictionaryCoverage(*dict, "การขขขข", &letters), 3.0 / 7.0, 1e-9);
  EXPECT_EQ(letters, 7);
}

TEST(CorrectOcrName, OneLetterMendedWhenTheDictionaryIsSure) {
  EXPECT_EQ(CorrectOcrName(Dict(), "วิทยาลัยเทคนบิคกันทรลักษ์"), "วิทยาลัยเทคนิคกันทรลักษ์");  // extra letter
  EXPECT_EQ(CorrectOcrName(Dict(), "สำนักงานคุณะกรรมการการอาชีวศึกษา"), "สำนักงานคณะกรรมการการอาชีวศึกษา");
  // Names that read as words are left as they are; so are names two letters off.
  EXPECT_EQ(CorrectOcrName(Dict(), "องค์การบริหารส่วนตำบลตะโกทอง"), "องค์การบริหารส่วนตำบลตะโกทอง");
  EXPECT_EQ(CorrectOcrName(Dict(), "สำนักงานสาธารณสุขอำเภอหนองใหญ่"), "สำนักงานสาธารณสุขอำเภอหนองใหญ่");
  EXPECT_EQ(CorrectOcrName(Dict(), "วิทยาลัยเทคบิคกับทรลักษ์"), "วิทยาลัยเทคบิคกับทรลักษ์");
  // A bold heading whose above and below marks OCR lost.
  EXPECT_EQ(CorrectOcrName(Dict(), "วทยาลยเทคนคกนทรลกษ"), "วิทยาลัยเทคนิคกันทรลักษ์");
  EXPECT_EQ(Dict().RestoreMarks(U"วทยาลย"), U"วิทยาลัย");
  EXPECT_EQ(Dict().RestoreMarks(U"กน"), U"") << "too short to be sure";
}

TEST(ThaiRuns, SplitOnDigitsSpacesAndSigns) {
  std::vector<std::u32string> runs = ThaiRuns(U"ต่าง ๆ ปี ๒๕๖๔ abc กขฯ");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0], U"ต่าง");
  EXPECT_EQ(runs[1], U"ปี");
  EXPECT_EQ(runs[2], U"กข");
}

struct RepairCase {
  const char* in;
  VowelModes modes;
  const char* out;
};

TEST(RepairVowels, DroppedSaraAmRestoredWhereTheDictionarySaysSo) {
  const RepairCase cases[] = {
      {"องค์การบริหารส่วนตาบล", {.dropped_am = true}, "องค์การบริหารส่วนตำบล"},
      {"ดาเนินการ", {.dropped_am = true}, "ดำเนินการ"},
      {"ประจาปีงบประมาณ", {.dropped_am = true}, "ประจำปีงบประมาณ"},
      {"สานักงานสาธารณสุขอาเภอหนองใหญ่", {.dropped_am = true}, "สำนักงานสาธารณสุขอำเภอหนองใหญ่"},
      {"กาหนด", {.dropped_am = true}, "กำหนด"},
      // The nikhahit mapped to a tone mark.
      {"ส้าคัญ", {.dropped_am = true}, "สำคัญ"},
      // Both readings are words: nothing changes.
      {"ทา", {.dropped_am = true}, "ทา"},
      {"นา", {.dropped_am = true}, "นา"},
      {"คา", {.dropped_am = true}, "คา"},
      {"น้า", {.dropped_am = true}, "น้า"},
      // Sound text and text outside Thai runs stay as they are.
      {"ความโปร่งใสในการบริหารงาน", {.dropped_am = true, .aa_as_am = true}, "ความโปร่งใสในการบริหารงาน"},
      {"E-Service 2564 ๒๕๖๔", {.dropped_am = true, .aa_as_am = true}, "E-Service 2564 ๒๕๖๔"},
      // Without its mode, a fault is left alone.
      {"ดาเนินการ", {}, "ดาเนินการ"},
  };
  for (const RepairCase& c : cases) EXPECT_EQ(RepairVowels(Dict(), c.in, c.modes), c.out) << c.in;
}

TEST(RepairVowels, SaraAaPrintedAsSaraAm) {
  const RepairCase cases[] = {
      {"สำนักงำนคณะกรรมกำรกำรอำชีวศึกษำ", {.aa_as_am = true}, "สำนักงานคณะกรรมการการอาชีวศึกษา"},
      {"ข้ำพเจ้ำ", {.aa_as_am = true}, "ข้าพเจ้า"},
      {"ควำมโปร่งใส", {.aa_as_am = true}, "ความโปร่งใส"},
      // A real SARA AM stays: กาลัง is no word.
      {"กำลังคน", {.aa_as_am = true}, "กำลังคน"},
      {"ทำ", {.aa_as_am = true}, "ทำ"},
  };
  for (const RepairCase& c : cases) EXPECT_EQ(RepairVowels(Dict(), c.in, c.modes), c.out) << c.in;
}

TEST(RepairVowels, CountsWhatWasRestored) {
  VowelRepairCounts counts;
  RepairVowels(Dict(), "ตาบล ดาเนินงาน สำนักงำน", {.dropped_am = true, .aa_as_am = true}, &counts);
  EXPECT_EQ(counts.dropped_am, 2);
  EXPECT_EQ(counts.aa_as_am, 1);
}

TEST(VowelModes, DecidedFromTheDocumentsOwnEvidence) {
  // A layer that drops every SARA AM.
  std::string dropped = "ประกาศสานักงานสาธารณสุขอาเภอหนองใหญ่ ประจาปีงบประมาณ การดาเนินงาน "
                        "ตามที่กาหนด ตาบลหนองใหญ่ ความโปร่งใส การจัดซื้อจัดจ้าง";
  VowelEvidence e = CountVowelEvidence(Dict(), dropped);
  EXPECT_GE(e.dropped_am, 5);
  EXPECT_EQ(e.aa_as_am, 0);
  VowelModes m = DecideVowelModes(e);
  EXPECT_TRUE(m.dropped_am);
  EXPECT_FALSE(m.aa_as_am);

  // A layer that prints every SARA AA as SARA AM.
  std::string aa = "สำนักงำนคณะกรรมกำรกำรอำชีวศึกษำ ควำมโปร่งใส กำรดำเนินงำน ข้ำพเจ้ำ";
  VowelModes m2 = DecideVowelModes(CountVowelEvidence(Dict(), aa));
  EXPECT_TRUE(m2.aa_as_am);
  EXPECT_FALSE(m2.dropped_am);

  // Sound text: no evidence, no mode.
  std::string sound = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส "
                      "องค์การบริหารส่วนตำบลตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ ประจำปีงบประมาณ";
  VowelEvidence clean = CountVowelEvidence(Dict(), sound);
  EXPECT_EQ(clean.dropped_am, 0);
  EXPECT_EQ(clean.aa_as_am, 0);
  VowelModes none = DecideVowelModes(clean);
  EXPECT_FALSE(none.dropped_am);
  EXPECT_FALSE(none.aa_as_am);

  // Two stray misreadings among many sound words are not a broken font.
  VowelEvidence few{.runs = 200, .dropped_am = 2, .aa_as_am = 0, .am_sound = 40, .aa_sound = 150};
  EXPECT_FALSE(DecideVowelModes(few).dropped_am);
}

}  // namespace
}  // namespace ita::thai
