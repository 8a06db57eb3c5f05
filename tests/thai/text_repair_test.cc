// Every Thai repair rule, each with the text it must fix and text it must leave alone.
#include "pipeline/thai/text_repair.h"

#include <gtest/gtest.h>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

void ExpectRepairs(const std::vector<Case>& cases, const RepairOptions& options = {}) {
  for (const Case& c : cases) EXPECT_EQ(RepairThai(c.input, options), c.expected) << c.input;
}

TEST(RepairThai, PrivateUseAreaWindows) {
  ExpectRepairs({
      {"ผ\uF70Bูรับผิดชอบ", "ผู้รับผิดชอบ"},        // shifted-down MAI THO before SARA UU
      {"การสร\uF70Bาง", "การสร้าง"},                // shifted-down MAI THO
      {"ที\uF70A", "ที่"},                           // MAI EK shifted down
      {"ป\uF701", "ปิ"},                             // SARA I shifted left
      {"ป\uF702", "ปี"}, {"ป\uF703", "ปึ"}, {"ป\uF704", "ปื"},
      {"\uF700าน", "ฐาน"},                           // THO THAN without descender
      {"\uF70Fาติ", "ญาติ"},                         // YO YING without descender
      {"ท\uF710\uF70Bง", "ทั้ง"},                     // MAI HAN-AKAT shifted left + MAI THO
      {"ป\uF711", "ปํ"},                             // NIKHAHIT shifted left
      {"ก\uF712", "ก็"},                             // MAITAIKHU shifted left
      {"ป\uF705", "ป่"}, {"ป\uF706", "ป้"}, {"ป\uF707", "ป๊"}, {"ป\uF708", "ป๋"}, {"ป\uF709", "ป์"},
      {"ป\uF713", "ป่"}, {"ป\uF714", "ป้"}, {"ป\uF715", "ป๊"}, {"ป\uF716", "ป๋"}, {"ป\uF717", "ป์"},
      {"ป\uF70C", "ป๊"}, {"ป\uF70D", "ป๋"}, {"ป\uF70E", "ป์"},
      {"ฎ\uF718", "ฎุ"}, {"ฎ\uF719", "ฎู"}, {"ฎ\uF71A", "ฎฺ"},
  });
}

TEST(RepairThai, PrivateUseAreaMac) {
  ExpectRepairs({
      {"ท\uF884", "ทั"}, {"ป\uF885", "ปิ"}, {"ป\uF886", "ปี"}, {"ป\uF887", "ปึ"}, {"ป\uF888", "ปื"},
      {"ก\uF889", "ก็"}, {"ป\uF88A", "ป่"}, {"ป\uF88B", "ป่"}, {"ป\uF88C", "ป่"},
      {"ป\uF88D", "ป้"}, {"ป\uF890", "ป๊"}, {"ป\uF893", "ป๋"}, {"ป\uF896", "ป์"},
      {"ป\uF899", "ปํ"}, {"\uF89Aาติ", "ญาติ"}, {"ฎ\uF89B", "ฎุ"}, {"ฎ\uF89C", "ฎู"},
      {"ฎ\uF89D", "ฎฺ"}, {"\uF89Eาน", "ฐาน"},
  });
}

TEST(RepairThai, OtherPrivateUseIsKept) {
  // Only the published Thai ranges are mapped; other PUA code points are not guessed.
  EXPECT_EQ(RepairThai("ก\uE000"), "ก\uE000");
  EXPECT_EQ(RepairThai("\uF8FF"), "\uF8FF");
}

TEST(RepairThai, SymbolFontBulletsBecomeBullets) {
  // Wingdings check box, Symbol bullet, Wingdings arrow: never PUA in the output.
  EXPECT_EQ(RepairThai("\uF0A8 กิจกรรมที่ 1"), "• กิจกรรมที่ 1");
  EXPECT_EQ(RepairThai("\uF0B7 ข้อ"), "• ข้อ");
  EXPECT_EQ(RepairThai("\uF0D8ข้อ"), "•ข้อ");
}

TEST(RepairThai, SaraAmComposition) {
  ExpectRepairs({
      {"ดําเนินการ", "ดำเนินการ"},   // NIKHAHIT + SARA AA
      {"น้ํา", "น้ำ"},               // tone mark, then NIKHAHIT + SARA AA
      {"นํ้า", "น้ำ"},               // NIKHAHIT, tone mark, SARA AA
      {"ทํา", "ทำ"},
      {"คํ่า", "ค่ำ"},
      {"คํ าถาม", "คำถาม"},         // OCR put a space inside SARA AM
      {"ข้อ ค ํา ถาม", "ข้อ คำถาม"},
      {"จำนวน", "จำนวน"},           // already composed
  });
}

TEST(RepairThai, SaraAmNegativeCases) {
  // NIKHAHIT alone (Pali/Sanskrit loans) and SARA AA alone stay as they are.
  ExpectRepairs({{"สํ", "สํ"}, {"กา", "กา"}, {"ปาก", "ปาก"}});
}

TEST(RepairThai, MarkOrder) {
  ExpectRepairs({
      {"ผู้", "ผู้"},      // tone before lower vowel
      {"ท่ี", "ที่"},      // tone before upper vowel
      {"ก้ั", "กั้"},      // tone before MAI HAN-AKAT
      {"ที่่", "ที่"},      // duplicated tone mark
      {"กิิน", "กิน"},     // duplicated vowel
      {"เเละ", "และ"},     // SARA E twice is SARA AE
      {"ที ่", "ที่"},      // mark detached from its base by a space
  });
}

TEST(RepairThai, MarkOrderNegativeCases) {
  ExpectRepairs({{"ผู้", "ผู้"}, {"ที่", "ที่"}, {"เลข", "เลข"}, {"เกเร", "เกเร"}, {"แล้ว", "แล้ว"}});
}

TEST(RepairThai, InvisibleCharacters) {
  ExpectRepairs({
      {"ดำ\u200Bเนิน", "ดำเนิน"}, {"ก\u200Cข", "กข"}, {"ก\u200Dข", "กข"},
      {"ภาษา\u00ADไทย", "ภาษาไทย"}, {"\uFEFFสวัสดี", "สวัสดี"}, {"ก\u2060ข", "กข"},
  });
}

TEST(RepairThai, Tis620Mojibake) {
  ExpectRepairs({
      {"ÊÓ¹Ñ¡§Ò¹", "สำนักงาน"},
      {"ÊÓ¹Ñ¡§Ò¹ »».ª.", "สำนักงาน ปป.ช."},
      {"¡ÒÃ»ÃÐàÁÔ¹ 2564", "การประเมิน 2564"},
  });
}

TEST(RepairThai, Tis620NegativeCases) {
  // Real Latin text with accents is never touched, nor is text that already has Thai.
  ExpectRepairs({
      {"café", "café"},
      {"Señor Müller", "Señor Müller"},
      {"naïve façade", "naïve façade"},
      {"© 2564", "© 2564"},
      {"ไทย ÊÓ¹Ñ¡", "ไทย ÊÓ¹Ñ¡"},
      {"½¾¿", "½¾¿"},  // would decode to vowel-less consonants: left alone
      {"±²³", "±²³"},
  });
}

TEST(RepairThai, SpacesCollapsedLinesKept) {
  ExpectRepairs({
      {"  กองคลัง   สำนักปลัด  ", "กองคลัง สำนักปลัด"},
      {"บรรทัดแรก\nบรรทัดสอง", "บรรทัดแรก\nบรรทัดสอง"},
      {"หนึ่ง \n  สอง", "หนึ่ง\nสอง"},
      {"\n\nข้อความ\n\n", "ข้อความ"},
      {"a\u00A0b", "a b"},
  });
}

TEST(JoinSplitThaiWords, JoinsSpacesInsideWords) {
  ExpectRepairs({
      {"ปั ญหา", "ปัญหา"},
      {"ดำเนิ นการ", "ดำเนินการ"},
      {"หน่ วยงาน", "หน่วยงาน"},
      {"ความโปร่ งใส", "ความโปร่งใส"},
      {"ประชาสั มพันธ์", "ประชาสัมพันธ์"},
  });
}

TEST(JoinSplitThaiWords, KeepsSpacesBetweenWordsAndNextToOtherScripts) {
  ExpectRepairs({
      {"ITA ของ หน่วยงาน", "ITA ของ หน่วยงาน"},
      {"ปีงบประมาณ พ.ศ. 2564", "ปีงบประมาณ พ.ศ. 2564"},
      {"ต.ค. 63 - มี.ค. 64", "ต.ค. 63 - มี.ค. 64"},
      {"ผู้บริหาร และ สมาชิกสภา", "ผู้บริหาร และ สมาชิกสภา"},
      {"จำนวน 50 คน", "จำนวน 50 คน"},
      {"สำนักปลัด กองคลัง", "สำนักปลัด กองคลัง"},
      {"ช่องทางต่าง ๆ", "ช่องทางต่าง ๆ"},       // MAI YAMOK keeps its spaces
      {"กรุงเทพฯ ปริมณฑล", "กรุงเทพฯ ปริมณฑล"},
  });
}

TEST(JoinSplitThaiWords, CanBeTurnedOff) {
  RepairOptions keep;
  keep.join_split_words = false;
  EXPECT_EQ(RepairThai("ปั ญหา", keep), "ปั ญหา");
}

TEST(RepairThai, OutputIsNfcAndValidUtf8ForBadInput) {
  EXPECT_EQ(RepairThai("\xff\xfeก"), "\uFFFD\uFFFDก");
  EXPECT_EQ(RepairThai(""), "");
  EXPECT_EQ(RepairThai("e\u0301"), "\u00E9");
}

TEST(Utf8, RoundTripAndInvalidBytes) {
  std::string s = "ก ข ค 😀 é";
  EXPECT_EQ(EncodeUtf8(DecodeUtf8(s)), s);
  EXPECT_EQ(DecodeUtf8("\xC0\x80"), std::u32string(U"\uFFFD\uFFFD"));  // overlong NUL
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80").size(), 3u);                     // surrogate
  EXPECT_EQ(ThaiDigitsToAscii("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
}

}  // namespace
}  // namespace ita::thai
