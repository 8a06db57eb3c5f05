#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"

namespace ita::thai {
namespace {

TEST(ParseAmountBaht, BudgetCells) {
  EXPECT_EQ(ParseAmountBaht("๑๐,๐๐๐.-"), 10000);
  EXPECT_EQ(ParseAmountBaht("10,000.-"), 10000);
  EXPECT_EQ(ParseAmountBaht("๑,๒๓๔,๕๖๗.๕๐"), 1234567.5);
  EXPECT_EQ(ParseAmountBaht("20000"), 20000);
  EXPECT_EQ(ParseAmountBaht("-"), 0);
  EXPECT_EQ(ParseAmountBaht(" – "), 0);
  EXPECT_EQ(ParseAmountBaht("ไม่ใช้งบประมาณ"), 0);
  EXPECT_EQ(ParseAmountBaht("ไม่ใช้งบประมาณ (บูรณาการ)"), 0);
  EXPECT_EQ(ParseAmountBaht("งบประมาณ 5,000 บาท"), 5000);
  EXPECT_EQ(ParseAmountBaht(""), std::nullopt);
  EXPECT_EQ(ParseAmountBaht("ตามความเหมาะสม"), std::nullopt);
  // Found by the repair fuzzer: a run of hundreds of digits made std::stod throw.
  EXPECT_EQ(ParseAmountBaht(std::string(400, '6')), std::nullopt);
  EXPECT_EQ(ParseDecimal(std::string(400, '6')), std::nullopt);
  EXPECT_EQ(ParseInteger(std::string(20, '9')), std::nullopt);
}

TEST(ParsePercent, Forms) {
  EXPECT_EQ(ParsePercent("ร้อยละ ๘๐"), 80);
  EXPECT_EQ(ParsePercent("ร้อยละ 85.5"), 85.5);
  EXPECT_EQ(ParsePercent("90%"), 90);
  EXPECT_EQ(ParsePercent("80"), std::nullopt);
}

TEST(ParseDecimal, Scores) {
  EXPECT_EQ(ParseDecimal("๕๙.๔๖"), 59.46);
  EXPECT_EQ(ParseDecimal("59.46"), 59.46);
  EXPECT_EQ(ParseDecimal("-1.50"), -1.5);
  EXPECT_EQ(ParseDecimal("100"), 100);
  EXPECT_EQ(ParseDecimal("59.46 คะแนน"), std::nullopt);
  EXPECT_EQ(ParseDecimal(""), std::nullopt);
}

TEST(ParseInteger, Digits) {
  EXPECT_EQ(ParseInteger("๑๒"), 12);
  EXPECT_EQ(ParseInteger(" 7 "), 7);
  EXPECT_EQ(ParseInteger("1,234"), 1234);
  EXPECT_EQ(ParseInteger("1.5"), std::nullopt);
  EXPECT_EQ(ParseInteger("ก"), std::nullopt);
}

TEST(LeadingEnumerator, Forms) {
  EXPECT_EQ(LeadingEnumerator("1. การสร้าง"), 1);
  EXPECT_EQ(LeadingEnumerator("๑. การสร้าง"), 1);
  EXPECT_EQ(LeadingEnumerator("(1) กระบวนการ"), 1);
  EXPECT_EQ(LeadingEnumerator("(๑๒) กระบวนการ"), 12);
  EXPECT_EQ(LeadingEnumerator("๔) โครงการ"), 4);
  EXPECT_EQ(LeadingEnumerator("10"), 10);
  EXPECT_EQ(LeadingEnumerator("1.5 ล้าน"), std::nullopt);
  EXPECT_EQ(LeadingEnumerator("- การปฏิบัติ"), std::nullopt);
  EXPECT_EQ(LeadingEnumerator("(ก) ข้อ"), std::nullopt);
}

TEST(SpliceDigitRuns, TakesTheNumericReadingsDigits) {
  struct Case {
    const char* text;
    const char* digits;
    const char* want;
  };
  const Case cases[] = {
      // The year the main model cannot read, put back into its reading of the words.
      {"ประจําปีงบประมาณ พ.ศ. ๒๕๒๕", "ปรอรปีงปประมาณ พ.ศ. ๒๕๖๔", "ประจําปีงบประมาณ พ.ศ. ๒๕๖๔"},
      // Several runs, separators inside runs, spaces between digits in the numeric reading.
      {"๕๕.๐๕ คะแนน ร้อยละ ๐.๐๒", "๕ ๘ . ๐ ๕ คะนน ร้อยละ ๐.๐๒", "๕๘.๐๕ คะแนน ร้อยละ ๐.๐๒"},
      // Arabic digits are the main model's: the numeric one makes them up in words it misreads.
      {"1,200 บาท", "1,800 บท", "1,200 บาท"},
      {"1. งานสาธารณสุข", "4. งนสรณสข", "1. งานสาธารณสุข"},
      {"ตัวชี้วัดที่ ๕ การใช้อำนาจ", "ตวชวดท ๓ กรใช", "ตัวชี้วัดที่ ๓ การใช้อำนาจ"},
      // A stray digit read into a word, or an Arabic one, is passed over.
      {"ประจําปี พ.ศ. ๒๕๒๕ นำมาสู่", "ปรอรปี พ.ศ.๒๕๖๔ พาเ1มก", "ประจําปี พ.ศ. ๒๕๖๔ นำมาสู่"},
      {"ข้อ ๕ ปี ๒๕๒๕", "ขอ 4 ปี ๒๕๖๔", "ข้อ ๕ ปี ๒๕๖๔"},
      // As many runs in both readings: paired whatever their lengths.
      {"ประจำปีงบประมาณ พ.ศ. ๒๕๒๐๕", "ปรอรปีงปประมาณ พ.ศ. ๒๕๖๔", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔"},
      // ...but a longer numeric run has a digit too many.
      {"(๑) กระบวนการ", "(๑๓) กรบวนกร", "(๑) กระบวนการ"},
      // Different counts: runs without a partner of the same length and set stay.
      {"กองคลัง", "กองคลัง ๑", "กองคลัง"},
      {"พ.ศ. ๒๕๒๕ - ๒๕๒", "พ.ศ. ๒๕๖๔๕", "พ.ศ. ๒๕๒๕ - ๒๕๒"},
      {"พ.ศ. 2525", "พ.ศ. ๒๕๖๔", "พ.ศ. 2525"},
      {"", "๑๒", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(SpliceDigitRuns(c.text, c.digits), c.want) << c.text;
}

TEST(Provinces, SeventySevenIncludingBangkok) {
  EXPECT_EQ(Provinces().size(), 77u);
  EXPECT_NE(std::find(Provinces().begin(), Provinces().end(), "กรุงเทพมหานคร"), Provinces().end());
  EXPECT_NE(std::find(Provinces().begin(), Provinces().end(), "บึงกาฬ"), Provinces().end());
}

TEST(MatchProvince, ExactPrefixAndNearest) {
  EXPECT_EQ(MatchProvince("ขอนแก่น")->name, "ขอนแก่น");
  EXPECT_EQ(MatchProvince("ขอนแก่น")->distance, 0);
  EXPECT_EQ(MatchProvince("อุบลราชธานี")->name, "อุบลราชธานี");
  EXPECT_EQ(MatchProvince("ขอนแกน")->name, "ขอนแก่น");       // OCR lost a tone mark
  EXPECT_EQ(MatchProvince("ขอนแกน")->distance, 1);
  EXPECT_EQ(MatchProvince("กาฬสินธ")->name, "กาฬสินธุ์");      // two marks lost
  EXPECT_EQ(MatchProvince("นครราชสืมา")->name, "นครราชสีมา");
  EXPECT_EQ(MatchProvince("สวัสดีครับ"), std::nullopt);
}

TEST(OrganizationTypeOf, TypeWords) {
  EXPECT_EQ(OrganizationTypeOf("เทศบาลนครขอนแก่น"), OrganizationType::kThesabanNakhon);
  EXPECT_EQ(OrganizationTypeOf("เทศบาลเมืองบ้านทุ่ม"), OrganizationType::kThesabanMueang);
  EXPECT_EQ(OrganizationTypeOf("เทศบาลตำบลเขมราฐ"), OrganizationType::kThesabanTambon);
  EXPECT_EQ(OrganizationTypeOf("องค์การบริหารส่วนตำบลตะโกทอง"), OrganizationType::kSao);
  EXPECT_EQ(OrganizationTypeOf("อบต.ตะโกทอง"), OrganizationType::kSao);
  EXPECT_EQ(OrganizationTypeOf("องค์การบริหารส่วนจังหวัดขอนแก่น"), OrganizationType::kPao);
  EXPECT_EQ(OrganizationTypeOf("อบจ.ขอนแก่น"), OrganizationType::kPao);
  EXPECT_EQ(OrganizationTypeOf("กรมส่งเสริมการปกครองท้องถิ่น"), OrganizationType::kOther);
}

TEST(FindOrganization, TitleBlocks) {
  auto a = FindOrganization("เทศบาลเมืองบ้านทุ่ม\nอำเภอเมืองขอนแก่น จังหวัดขอนแก่น");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->organization.name, "เทศบาลเมืองบ้านทุ่ม");
  EXPECT_EQ(a->organization.type, OrganizationType::kThesabanMueang);
  EXPECT_EQ(a->organization.district, "เมืองขอนแก่น");
  EXPECT_EQ(a->organization.province, "ขอนแก่น");

  auto b = FindOrganization("องค์การบริหารส่วนตำบลตะโกทอง อ.ซับใหญ่ จ.ชัยภูมิ");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->organization.name, "องค์การบริหารส่วนตำบลตะโกทอง");
  EXPECT_EQ(b->organization.district, "ซับใหญ่");
  EXPECT_EQ(b->organization.province, "ชัยภูมิ");

  auto c = FindOrganization("เทศบาลตำบลเขมราฐ อำเภอเขมราฐ\nจังหวัดอุบลราชธานิ");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->organization.province, "อุบลราชธานี");
  ASSERT_EQ(c->diagnostics.size(), 1u);  // the OCR correction is reported

  EXPECT_FALSE(FindOrganization("รายงานผลการดำเนินการ"));
}

// A type word whose marks OCR misread or dropped is read by its letters; the name after it is
// kept as read.
TEST(FindOrganization, TypeWordWithItsMarksMisread) {
  auto sao = FindOrganization("องคํการบริหารส่วนตาบลหนองแวง อำเภอเมืองร้อยเอ็ด จังหวัดร้อยเอ็ด");
  ASSERT_TRUE(sao);
  EXPECT_EQ(sao->organization.type, OrganizationType::kSao);
  EXPECT_EQ(sao->organization.name, "องค์การบริหารส่วนตำบลหนองแวง");
  EXPECT_EQ(sao->organization.province, "ร้อยเอ็ด");
  auto tambon = FindOrganization("เทศบาลตาบลนาข่า");
  ASSERT_TRUE(tambon);
  EXPECT_EQ(tambon->organization.name, "เทศบาลตำบลนาข่า");
  // A district marker OCR misread by one letter still marks the district.
  auto marked = FindOrganization("เทศบาลตำบลนาข่า อจำเภอเมืองอุดรธานี จังหวัดอุดรธานี");
  ASSERT_TRUE(marked);
  EXPECT_EQ(marked->organization.district, "เมืองอุดรธานี");
  EXPECT_EQ(marked->organization.province, "อุดรธานี");
  auto far = FindOrganization("เทศบาลตำบลนาข่า อำนาจหน้าที่");  // two letters off: no marker
  ASSERT_TRUE(far);
  EXPECT_EQ(far->organization.district, "");
  // Letters that differ are no type word.
  EXPECT_FALSE(FindOrganization("องค์กรบริหารงานบุคคล"));
}

// The districts table: every province once, as Provinces() names it; 928 districts, none twice
// in one province.
TEST(DistrictsByProvince, EveryProvinceAndItsDistricts) {
  const std::vector<ProvinceDistricts>& table = DistrictsByProvince();
  ASSERT_EQ(table.size(), 77u);
  std::set<std::string> provinces;
  size_t districts = 0;
  for (const ProvinceDistricts& p : table) {
    EXPECT_TRUE(std::find(Provinces().begin(), Provinces().end(), p.province) != Provinces().end()) << p.province;
    EXPECT_TRUE(provinces.insert(p.province).second) << p.province;
    std::set<std::string> names;
    std::istringstream in(p.districts);
    for (std::string name; in >> name; ++districts) EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_EQ(districts, 928u);
}

// A district OCR misread by a letter is its province's district of that name; a name that is
// exact stays, one too far or close to two districts is left as read.
TEST(MatchDistrict, NearestOfItsProvince) {
  auto kantho = MatchDistrict("ท่าค้นโท", "กาฬสินธุ์");  // a tone mark for MAI HAN-AKAT
  ASSERT_TRUE(kantho);
  EXPECT_EQ(kantho->name, "ท่าคันโท");
  EXPECT_EQ(kantho->distance, 1);
  auto khemarat = MatchDistrict("เขมราธฐ", "อุบลราชธานี");  // a letter too many
  ASSERT_TRUE(khemarat);
  EXPECT_EQ(khemarat->name, "เขมราฐ");
  auto exact = MatchDistrict("โพธาราม", "ราชบุรี");
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->distance, 0);
  // Without a province: one edit, and only a name of five letters or more.
  auto anywhere = MatchDistrict("ท่าค้นโท", "");
  ASSERT_TRUE(anywhere);
  EXPECT_EQ(anywhere->name, "ท่าคันโท");
  EXPECT_FALSE(MatchDistrict("ขอนแกนนนน", "ขอนแก่น"));  // far from every district there
  EXPECT_FALSE(MatchDistrict("ท่าคันโท", "ชัยภูมิ"));    // another province's district
  EXPECT_FALSE(MatchDistrict("พม", ""));  // one letter from พล: short names are corrected by no one edit
}

TEST(FindOrganization, DistrictMisreadIsCorrectedAndReported) {
  auto a = FindOrganization("เทศบาลตำบลคงสมบูรณ์ อำเภอท่าค้นโท จังหวัดกาฬสินธุ์");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->organization.district, "ท่าคันโท");
  ASSERT_EQ(a->diagnostics.size(), 1u);
  EXPECT_NE(a->diagnostics[0].find("district"), std::string::npos);
  // A district that is not in the table (a new one, or not a district) is kept as read.
  auto b = FindOrganization("เทศบาลตำบลคงสมบูรณ์ อำเภอคงสมบูรณ์ จังหวัดกาฬสินธุ์");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->organization.district, "คงสมบูรณ์");
  EXPECT_TRUE(b->diagnostics.empty());
}

// One alignment behind the three distances: whole strings, any substring, a substring that
// opens its text.
TEST(EditDistances, WholeStringsCountEditsAndNeighbourSwaps) {
  EXPECT_EQ(EditDistance(U"เทศบาล", U"เทศบาล"), 0);
  EXPECT_EQ(EditDistance(U"เทศบาล", U"เทศมาล"), 1);   // a substitution
  EXPECT_EQ(EditDistance(U"เทศบาล", U"เทศาบล"), 1);   // neighbours swapped: one edit
  EXPECT_EQ(EditDistance(U"เทศบาล", U"เทศบาลตำบล"), 4);  // four insertions
  EXPECT_EQ(EditDistance(U"", U"abc"), 3);
}

TEST(EditDistances, SubstringMayStartAndEndAnywhere) {
  EXPECT_EQ(SubstringEditDistance(U"รายงานผลการดำเนินการตามมาตรการ", U"ดำเนินการ"), 0);
  EXPECT_EQ(SubstringEditDistance(U"รายงานผลการดำเนนการ", U"ดำเนินการ"), 1);
  EXPECT_EQ(SubstringEditDistance(U"abc", U"xyz"), 3);
}

TEST(EditDistances, LeadingSubstringPaysForTextSkippedPastTheLead) {
  EXPECT_EQ(LeadingSubstringEditDistance(U"abcXYZ", U"XYZ", 3), 0);  // starts within the lead
  EXPECT_EQ(LeadingSubstringEditDistance(U"abcXYZ", U"XYZ", 1), 2);  // two characters past it
  EXPECT_EQ(LeadingSubstringEditDistance(U"abcXYZ", U"XYZ", 0), 3);  // from the start: abc->XYZ
  EXPECT_EQ(LeadingSubstringEditDistance(U"YXZ tail", U"XYZ", 0), 1);  // a swap
  EXPECT_EQ(LeadingSubstringEditDistance(U"XYZ", U"XYZ", 0), 0);
}

}  // namespace
}  // namespace ita::thai
