#include "pipeline/layout/text_lines.h"

#include <gtest/gtest.h>

#include "pipeline/layout/text_source_policy.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/utf8.h"
#include "tests/testutil/fake_pdf_source.h"

namespace ita {
namespace {

using testing::MakeWord;

// Poppler on LibreOffice PDFs: "บุคลากรทั" "ง" and a zero-width "้" whose origin sits just
// right of the fragment it belongs to.
TEST(AssembleLines, ReattachesZeroWidthMarkToTheFragmentItFollows) {
  std::vector<Word> words = {
      MakeWord("บุคลากรทั", 173.9, 153.3, 63.836),
      MakeWord("ง", 237.72, 153.3, 7.072),
      MakeWord("\u0E49", 238.424, 153.3, 0),
  };
  auto lines = AssembleLines(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "บุคลากรทั้ง");
}

TEST(AssembleLines, JoinsFragmentsSplitInsideAWordButKeepsRealSpaces) {
  std::vector<Word> words = {
      MakeWord("เพิกเฉยต่อ", 173.9, 318.0, 66.612),
      MakeWord("ปั", 245.68, 318.0, 8.304),     // 5.2 pt gap: a real space
      MakeWord("ญหาการ", 255.968, 318.0, 54.9),  // 2.0 pt gap: a split inside ปัญหา
  };
  auto lines = AssembleLines(words);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "เพิกเฉยต่อ ปัญหาการ");
}

TEST(AssembleLines, GroupsByVerticalOverlapInReadingOrder) {
  std::vector<Word> words = {
      MakeWord("สอง", 10, 40, 30), MakeWord("หนึ่ง", 10, 10, 30), MakeWord("ขวา", 60, 12, 30),
  };
  auto lines = AssembleLines(words);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "หนึ่ง ขวา");
  EXPECT_EQ(lines[1].text, "สอง");
}

TEST(AssembleLines, KeepsLowestConfidenceAndOrigin) {
  Word a = MakeWord("ก", 0, 0, 10);
  a.confidence = 0.9;
  a.origin = Origin::kOcr;
  Word b = MakeWord("ข", 20, 0, 10);
  b.confidence = 0.4;
  b.origin = Origin::kOcr;
  auto lines = AssembleLines({a, b});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_DOUBLE_EQ(lines[0].confidence, 0.4);
  EXPECT_EQ(lines[0].origin, Origin::kOcr);
}

TEST(AssembleLines, EmptyInput) { EXPECT_TRUE(AssembleLines({}).empty()); }

TEST(JoinCellLines, ContractTextConventions) {
  auto line = [](const std::string& s) { return TextLine{Box{}, s}; };
  // A wrap between Thai letters joins without a space.
  EXPECT_EQ(JoinCellLines({line("การสร้างฐาน"), line("ความคิด")}), "การสร้างฐานความคิด");
  // Bullets and numbered items start new lines.
  EXPECT_EQ(JoinCellLines({line("- ข้อหนึ่ง"), line("ต่อ"), line("- ข้อสอง")}),
            "- ข้อหนึ่งต่อ\n- ข้อสอง");
  EXPECT_EQ(JoinCellLines({line("๑. หนึ่ง"), line("๒. สอง")}), "๑. หนึ่ง\n๒. สอง");
  EXPECT_EQ(JoinCellLines({line("(1) หนึ่ง"), line("(2) สอง")}), "(1) หนึ่ง\n(2) สอง");
  // A number wrapped across lines stays one number; other scripts get a space.
  EXPECT_EQ(JoinCellLines({line("พ.ศ.๒๕๖"), line("๕")}), "พ.ศ.๒๕๖๕");
  EXPECT_EQ(JoinCellLines({line("ITA"), line("ประจำปี")}), "ITA ประจำปี");
  // Repair runs on the result.
  EXPECT_EQ(JoinCellLines({line("ดําเนินการ")}), "ดำเนินการ");
  EXPECT_EQ(JoinCellLines({}), "");
}

TEST(StartsNewItem, BulletsAndEnumerators) {
  for (const char* s : {"- ก", "• ก", "1. ก", "๑. ก", "(1) ก", "๔) ก", "1.ประชาชน"})
    EXPECT_TRUE(StartsNewItem(s)) << s;
  for (const char* s : {"ก", "2564", "๕", "1.5 ล้าน", "ITA"}) EXPECT_FALSE(StartsNewItem(s)) << s;
}

TEST(ChooseTextSource, Decisions) {
  Raster blank = testing::DrawRaster(100, 100, 72, {});
  Raster inked = testing::DrawRaster(100, 100, 72, {Box{10, 10, 90, 40}});
  std::vector<Word> thai = testing::MakeLine("รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรม", 0, 0);
  EXPECT_EQ(ChooseTextSource(thai, inked).source, TextSource::kText);
  EXPECT_EQ(ChooseTextSource({}, inked).source, TextSource::kOcr);
  EXPECT_EQ(ChooseTextSource({}, inked).reason, "no text layer");
  EXPECT_EQ(ChooseTextSource({}, blank).source, TextSource::kText);
  EXPECT_EQ(ChooseTextSource({}, blank).reason, "blank page");
  std::vector<Word> garbage = {testing::MakeWord("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"
                                                 "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"
                                                 "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", 0, 0, 100)};
  EXPECT_EQ(ChooseTextSource(garbage, inked).source, TextSource::kOcr);
  // Windows PUA glyphs are repairable, so such a layer is still used.
  std::vector<Word> pua = testing::MakeLine("ผ\uF70Bูรับผิดชอบ การสร\uF70Bาง ผ\uF70Bูรับผิดชอบ", 0, 0);
  EXPECT_EQ(ChooseTextSource(pua, inked).source, TextSource::kText);
}

TEST(ChooseTextSource, LayersBeyondRepairGoToOcr) {
  Raster inked = testing::DrawRaster(100, 100, 72, {Box{10, 10, 90, 40}});
  const thai::ThaiDictionary* dict = thai::ThaiDictionary::System();
  ASSERT_NE(dict, nullptr) << "run tools/install-deps.sh";
  // Thai that a broken font encoding turned into ASCII (TCPDF).
  std::vector<Word> ascii = testing::MakeLine("1>@01>1/0@1@>@1 N1APอ 1อคB/B>อ@?/0@1@OหN@> .0. `cde "
                                              "P0?PRO/?@11>@0QO0B0@21@> Oอ _ 1>@0?QN1?0/N@", 0, 0);
  TextSourceDecision d = ChooseTextSource(ascii, inked, {}, dict);
  EXPECT_EQ(d.source, TextSource::kOcr);
  EXPECT_GT(d.trust.junk, 0.5);
  // The invisible Latin layer a scanner's OCR put over a Thai page image.
  std::vector<Word> latin = testing::MakeLine("uuun?Jon?13J 't vru l au lyrfl1,Ja nul15anu "
                                              "t:uu fu01u't u nl txylu'lau Lllfl1-J n n uy", 0, 0);
  EXPECT_EQ(ChooseTextSource(latin, inked, {}, dict).source, TextSource::kOcr);
  // Scrambled glyph order: Thai letters, but not words.
  std::vector<Word> scrambled = testing::MakeLine(
      "ยรานงผลากรดเนำนิกาตรมามราตกรสงเส่ริมุคณรธรมแลคะวามโปร่สใงภยาในนห่วยงา "
      "รยางนผลากรดเนำนิกาตรมามราตกรสงเส่ริมุคณรธรมแลคะวามโปร่สใง", 0, 0);
  d = ChooseTextSource(scrambled, inked, {}, dict);
  EXPECT_EQ(d.source, TextSource::kOcr) << d.reason;
  EXPECT_LT(d.trust.thai_coverage, 0.55);
  // A layer that only drops SARA AM is repaired, not OCRed.
  std::vector<Word> dropped = testing::MakeLine(
      "ประกาศสานักงานสาธารณสุขอาเภอหนองใหญ่ เรื่อง มาตรการป้องกันการทุจริต ประจาปีงบประมาณ "
      "การดาเนินงานตามที่กาหนด", 0, 0);
  EXPECT_EQ(ChooseTextSource(dropped, inked, {}, dict).source, TextSource::kText);
  // English and codes are text: "Integrity and Transparency Assessment : ITA", "O43", URLs.
  std::vector<Word> english = testing::MakeLine(
      "Integrity and Transparency Assessment (ITA) O43 I19 www.nacc.go.th 2564 e-Service", 0, 0);
  EXPECT_EQ(ChooseTextSource(english, inked, {}, dict).source, TextSource::kText);
  // A monospaced face's layer, ended after every mark, each piece starting inside the one
  // before it: read as one word, it is text. The same pieces side by side are far fewer words.
  std::vector<std::string> pieces = {"รายงานผลการดำเนิ", "นการตามมาตรการส่", "งเสริ", "มคุ", "ณธรรมและความโปร่",
                                     "งใสภายในหน่", "วยงาน ประจำปี", "งบประมาณ"};
  std::vector<Word> overlapping, apart;
  double x = 0;
  for (const std::string& p : pieces) {
    double width = 10.0 * static_cast<double>(thai::DecodeUtf8(p).size());
    overlapping.push_back(testing::MakeWord(p, x, 0, width));
    apart.push_back(testing::MakeWord(p, x + 20.0 * static_cast<double>(apart.size()), 0, width));
    x += width - 10;  // the next piece starts one cell back, over the mark
  }
  TextSourceDecision joined = ChooseTextSource(overlapping, inked, {}, dict);
  EXPECT_EQ(joined.source, TextSource::kText);
  EXPECT_GT(joined.trust.thai_coverage, 0.95);
  EXPECT_LT(ChooseTextSource(apart, inked, {}, dict).trust.thai_coverage, joined.trust.thai_coverage - 0.1);
}

TEST(JunkShare, TokensThatReadAsNothing) {
  EXPECT_DOUBLE_EQ(JunkShare("การดำเนินงาน 2564 ITA www.example.go.th"), 0.0);
  EXPECT_DOUBLE_EQ(JunkShare("1>@01>1/0@1@"), 1.0);
  EXPECT_DOUBLE_EQ(JunkShare("ก t16',]"), 6.0 / 7.0);
  EXPECT_DOUBLE_EQ(JunkShare("........ ---"), 0.0);
}

TEST(GarbageShare, Counts) {
  EXPECT_DOUBLE_EQ(GarbageShare("กขคง"), 0.0);
  EXPECT_DOUBLE_EQ(GarbageShare("ก\uFFFD"), 0.5);
  EXPECT_DOUBLE_EQ(GarbageShare(""), 0.0);
}

}  // namespace
}  // namespace ita
