#include <gtest/gtest.h>

#include "pipeline/families/classify.h"
#include "pipeline/families/metadata.h"

namespace ita {
namespace {

TEST(FamilyOfTitle, TitlesOfEachFamily) {
  EXPECT_EQ(FamilyOfTitle("รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
            Family::kMeasuresReport);
  EXPECT_EQ(FamilyOfTitle("รายงานผลการดำเนิ นการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่ วยงาน"),
            Family::kMeasuresReport);
  EXPECT_EQ(FamilyOfTitle("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
            Family::kMeasuresPlan);
  EXPECT_EQ(FamilyOfTitle("แบบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"),
            Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("แผนปฏิบัติการป้ องกันการทุจริต"), Family::kActionPlan);
  EXPECT_EQ(FamilyOfTitle("คำนำ"), Family::kUnknown);
}

TEST(ClassifyDocument, FirstTitleLineDecidesAndTitleSpansLines) {
  Classification c = ClassifyDocument({"-1-", "แบบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและ",
                                       "ความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
                                       "ประจำปี งบประมาณ พ.ศ. ๒๕๖๔", "มาตรการส่งเสริมคุณธรรม"},
                                      {});
  EXPECT_EQ(c.family, Family::kItaAnalysis);
  EXPECT_EQ(c.title,
            "แบบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ");
}

TEST(ClassifyDocument, HeadersDecideWhenTitleIsSilent) {
  using F = MeasureField;
  const std::vector<std::string> ita = {"เอกสาร", "ส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"};
  EXPECT_EQ(ClassifyDocument(ita, {F::kMeasure, F::kMethod, F::kOutput}).family, Family::kMeasuresReport);
  EXPECT_EQ(ClassifyDocument(ita, {F::kIssue, F::kMethod, F::kResponsible}).family, Family::kMeasuresPlan);
  EXPECT_EQ(ClassifyDocument(ita, {}).family, Family::kUnknown);
  // A "plan" title whose table reports outputs is a report.
  EXPECT_EQ(ClassifyDocument({"มาตรการส่งเสริมคุณธรรม"}, {F::kOutput}).family, Family::kMeasuresReport);
}

TEST(ClassifyDocument, HardNegativesStayUnknown) {
  using F = MeasureField;
  // A development plan, a staffing plan and a budget table have measure-like columns but are
  // no ITA reports: without a title and without the ITA's words they stay unknown.
  EXPECT_EQ(ClassifyDocument({"แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)", "ยุทธศาสตร์การพัฒนา"},
                             {F::kMeasure, F::kMethod, F::kResponsible, F::kOutput}).family,
            Family::kUnknown);
  EXPECT_EQ(ClassifyDocument({"แผนอัตรากำลัง 3 ปี", "ประจำปีงบประมาณ 2564 - 2566"},
                             {F::kMeasure, F::kResponsible}).family,
            Family::kUnknown);
  // One measure column and nothing else is not a measures table, ITA words or not.
  EXPECT_EQ(ClassifyDocument({"คุณธรรม"}, {F::kMeasure}).family, Family::kUnknown);
  // Procurement notices and codes of ethics name no family in their titles.
  for (const char* title : {"ประกาศ เรื่อง มาตรการป้องกันการทุจริตและประพฤติมิชอบในการจัดซื้อจัดจ้าง",
                            "ประมวลจริยธรรมของข้าราชการ", "งบหน้ารายจ่ายตามแผนงาน/งาน/โครงการ"}) {
    EXPECT_EQ(ClassifyDocument({title}, {}).family, Family::kUnknown) << title;
  }
  // A family named inside a sentence of the body is not a title.
  EXPECT_EQ(FamilyOfTitle("โดยได้นำผลการวิเคราะห์ไปจัดทำแผนปฏิบัติการป้องกันการทุจริตของหน่วยงาน"),
            Family::kUnknown);
}

TEST(FamilyOfTitle, RealTitlesVary) {
  EXPECT_EQ(FamilyOfTitle("แผ่นปฏิบัติการป้องกันการทุจริต"), Family::kActionPlan);  // a typo
  EXPECT_EQ(FamilyOfTitle("แผนป้องกัน ปราบปรามการทุจริตและประพฤติมิชอบ"), Family::kActionPlan);
  EXPECT_EQ(FamilyOfTitle("แผนปฏิบัติราชการ ประจำปี 2565 ด้านการป้องกันการทุจริต"), Family::kActionPlan);
  EXPECT_EQ(FamilyOfTitle("ผลประเมิน ITA ประจำปี 2562"), Family::kItaAnalysis);
  EXPECT_EQ(FamilyOfTitle("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
            Family::kMeasuresReport);
  // OCR errors in a title.
  EXPECT_EQ(FamilyOfTitle("แบบรายงานการวิเคราะหผลการประเมินคุณธรรมและความโปรงใส"), Family::kItaAnalysis);
}

TEST(FiscalYearOf, TitleBlockForms) {
  EXPECT_EQ(FiscalYearOf("ประจำปี พ.ศ.2564"), 2564);
  EXPECT_EQ(FiscalYearOf("ประจำปี งบประมาณ พ.ศ. ๒๕๖๔"), 2564);
  EXPECT_EQ(FiscalYearOf("ประจำปีงบประมาณ พ.ศ.2568"), 2568);
  EXPECT_EQ(FiscalYearOf("ประจำปิืงบประมาณ พ.ศ. 2566"), 2566);  // OCR's vowels over ป
  // OCR of an unusual face: ประจำ garbled and the first letter of งบประมาณ misread.
  EXPECT_EQ(FiscalYearOf("ประจวาิปีจบประมาณ พ.ศ. 2568"), 2568);
  EXPECT_EQ(FiscalYearOf("ปีงบประมาณ 2567"), 2567);
  EXPECT_EQ(FiscalYearOf("งบประมาณ 2567"), std::nullopt);  // a budget line, not a year label
  EXPECT_EQ(FiscalYearOf("ประจำปิังบประมาณ พ.ศ. 2568"), 2568);
  EXPECT_EQ(FiscalYearOf("ปีงบประมาณ 2566"), 2566);
  EXPECT_EQ(FiscalYearOf("ประจำปี 2021"), 2564);
  EXPECT_EQ(FiscalYearOf("(พ.ศ. 2566 - 2570)"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("มาตรการส่งเสริมคุณธรรม"), std::nullopt);
  // An OCR misreading (๖ read as ๒) gives an impossible year: none rather than a wrong one.
  EXPECT_EQ(FiscalYearOf("ประจำปี งบประมาณ พ.ศ. ๒๕๒๐"), std::nullopt);
  // ...and a later, plausible labelled year is still found.
  EXPECT_EQ(FiscalYearOf("ประจำปี ๒๕๒๐\nปีงบประมาณ ๒๕๖๔"), 2564);
  // A broken font's vowels: SARA AA printed as SARA AM, SARA AM dropped.
  EXPECT_EQ(FiscalYearOf("แผนปฏิบัติกำรป้องกันกำรทุจริต ประจำปีงบประมำณ พ.ศ. 2569"), 2569);
  EXPECT_EQ(FiscalYearOf("ประจาปีงบประมาณ พ.ศ. ๒๕๖๓"), 2563);
  EXPECT_EQ(FiscalYearOf("ปีงบประมำณ 2566"), 2566);
}

TEST(FiscalYearOf, YearsThatAreNotTheDocumentsFiscalYear) {
  // The year of an Act, a regulation or a cited law.
  EXPECT_EQ(FiscalYearOf("พระราชบัญญัติการอาชีวศึกษา พ.ศ. ๒๕๕๑"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ.๒๕๖๐"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("กรอบคุณวุฒิอาชีวศึกษาแห่งชาติ พ.ศ. ๒๕๖๗"), std::nullopt);
  // A report period that ends on 30 September ends that fiscal year.
  EXPECT_EQ(FiscalYearOf("สำหรับระยะเวลาดำเนินการสิ้นสุด ๓๐ กันยายน พ.ศ. ๒๕๖๗"), 2567);
  EXPECT_EQ(FiscalYearOf("สิ้นสุดวันที่ 30 ก.ย. 2566"), 2566);
}

TEST(ReadMetadata, AbbreviationsAreWrittenOut) {
  Metadata m = ReadMetadata({"รายงานผล", "ทต.คงสมบูรณ์ อ.ท่าคันโท จ.กาฬสินธุ์"});
  EXPECT_EQ(m.organization.name, "เทศบาลตำบลคงสมบูรณ์");
  EXPECT_EQ(m.organization.type, OrganizationType::kThesabanTambon);
  EXPECT_EQ(m.organization.district, "ท่าคันโท");
  EXPECT_EQ(m.organization.province, "กาฬสินธุ์");
  EXPECT_EQ(ReadMetadata({"อบต.ตะโกทอง"}).organization.name, "องค์การบริหารส่วนตำบลตะโกทอง");
  EXPECT_EQ(ReadMetadata({"ทม.บ้านทุ่ม"}).organization.type, OrganizationType::kThesabanMueang);
}

TEST(ReadMetadata, NameWrappedOverTwoLines) {
  Metadata m = ReadMetadata({"แผนป้องกันการทุจริต", "องค์การบริหารส่วนตำบลทุ่ง", "ท่าช้าง",
                             "อำเภอสว่างแดนดิน จังหวัดสกลนคร"});
  EXPECT_EQ(m.organization.name, "องค์การบริหารส่วนตำบลทุ่งท่าช้าง");
  EXPECT_EQ(m.organization.district, "สว่างแดนดิน");
  // The next line is the district, not the rest of the name.
  Metadata d = ReadMetadata({"เทศบาลตำบลคงสมบูรณ์", "อำเภอท่าคันโท จังหวัดกาฬสินธุ์"});
  EXPECT_EQ(d.organization.name, "เทศบาลตำบลคงสมบูรณ์");
  EXPECT_EQ(d.organization.district, "ท่าคันโท");
}

TEST(ReadMetadata, NameInProse) {
  Metadata m = ReadMetadata({"เทศบาลตำบลเขาตอกเป็นหน่วยงานที่มีความมุ่งมั่น"});
  EXPECT_EQ(m.organization.name, "เทศบาลตำบลเขาตอก");
}

TEST(ReadMetadata, OtherPublicBodies) {
  // An announcement's heading names its issuer.
  Metadata m = ReadMetadata({"ประกาศสำนักงานสาธารณสุขอำเภอหนองใหญ่",
                             "เรื่อง มาตรการป้องกันการทุจริตและประพฤติมิชอบในการจัดซื้อจัดจ้าง",
                             "เพื่อให้การดำเนินงานของสำนักงานสาธารณสุขอำเภอหนองใหญ่",
                             "จังหวัดชลบุรี และหน่วยงานในกำกับ"});
  EXPECT_EQ(m.organization.name, "สำนักงานสาธารณสุขอำเภอหนองใหญ่");
  EXPECT_EQ(m.organization.type, OrganizationType::kOther);
  EXPECT_EQ(m.organization.district, "หนองใหญ่");
  EXPECT_EQ(m.organization.province, "ชลบุรี");
  EXPECT_EQ(m.fiscal_year, std::nullopt);
  // A form's fill-in line.
  Metadata f = ReadMetadata({"โครงการเสริมสร้างคุณธรรม ประจำปีงบประมาณ พ.ศ. 2568",
                             "ชื่อสถานศึกษา...วิทยาลัยเทคนิคกันทรลักษ์.......จังหวัด.....ศรีสะเกษ......"});
  EXPECT_EQ(f.organization.name, "วิทยาลัยเทคนิคกันทรลักษ์");
  EXPECT_EQ(f.organization.province, "ศรีสะเกษ");
  EXPECT_EQ(f.fiscal_year, 2568);
  // A preface that starts with another body, signed by the issuer's director.
  Metadata p = ReadMetadata({"คำนำ", "สำนักงานคณะกรรมการการอาชีวศึกษา เป็นหน่วยงานหลักในการจัดการ",
                             "อาชีวศึกษา", "(นายวิโรจน์ ธิมา)", "ผู้อำนวยการวิทยาลัยเทคนิคกันทรลักษ์"});
  EXPECT_EQ(p.organization.name, "วิทยาลัยเทคนิคกันทรลักษ์");
  // A heading whose marks OCR lost still names a body (its name is mended later, by the
  // dictionary, for OCR pages).
  EXPECT_EQ(ReadMetadata({"วทยาลยเทคนคกนทรลกษ", "รายงานการประเมิน"}).organization.name,
            "วิทยาลัยเทคนคกนทรลกษ");
  // Abbreviations of bodies.
  EXPECT_EQ(ReadMetadata({"สสอ.หนองใหญ่"}).organization.name, "สำนักงานสาธารณสุขอำเภอหนองใหญ่");
  // No issuer named: none invented from the body text.
  Metadata act = ReadMetadata({"พระราชบัญญัติ", "การอาชีวศึกษา", "พ.ศ. ๒๕๕๑", "ภูมิพลอดุลยเดช ป.ร.",
                               "ให้ไว้ ณ วันที่ ๒๒ กุมภาพันธ์ พ.ศ. ๒๕๕๑"});
  EXPECT_TRUE(act.organization.name.empty());
  EXPECT_EQ(act.fiscal_year, std::nullopt);
}

TEST(ReadMetadata, OrganizationAndYear) {
  Metadata m = ReadMetadata({"รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                             "ประจำปี พ.ศ.2564", "เทศบาลเมืองบ้านทุ่ม",
                             "อำเภอเมืองขอนแก่น จังหวัดขอนแก่น"});
  EXPECT_EQ(m.fiscal_year, 2564);
  EXPECT_EQ(m.organization.name, "เทศบาลเมืองบ้านทุ่ม");
  EXPECT_EQ(m.organization.type, OrganizationType::kThesabanMueang);
  EXPECT_EQ(m.organization.district, "เมืองขอนแก่น");
  EXPECT_EQ(m.organization.province, "ขอนแก่น");
}

}  // namespace
}  // namespace ita

namespace ita {
namespace {

// Issuers as real forms write them: a name of two places joined by a hyphen, an education
// area with its number, a form's field beside a club's name, a field label with a colon.
TEST(ReadMetadata, IssuersOfRealForms) {
  Metadata hyphen = ReadMetadata({"ผลการประเมิน ITA ประจำปี 2564", "เทศบาลตำบลท่าเดื่อ-มืดกา อำเภอดอยเต่า จังหวัดเชียงใหม่"});
  EXPECT_EQ(hyphen.organization.name, "เทศบาลตำบลท่าเดื่อ-มืดกา");
  EXPECT_EQ(hyphen.organization.district, "ดอยเต่า");
  EXPECT_EQ(hyphen.organization.province, "เชียงใหม่");
  Metadata area = ReadMetadata({"ประกาศสำนักงานเขตพื้นที่การศึกษาประถมศึกษากำแพงเพชร เขต 1",
                                "เรื่อง มาตรการป้องกันการรับสินบน"});
  EXPECT_EQ(area.organization.name, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากำแพงเพชร เขต 1");
  EXPECT_EQ(ReadMetadata({"สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต ๒"}).organization.name,
            "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาชลบุรี เขต ๒");
  Metadata club = ReadMetadata({"แบบรายงานผลการดำเนินงานตามแผนปฏิบัติการส่งเสริมคุณธรรมของชมรมจริยธรรม",
                                "ชื่อชมรม ชมรมจริยธรรมโรงพยาบาลน้ำยืน หน่วยงาน โรงพยาบาลน้ำยืน",
                                "สถานที่ตั้ง ๒๓๔ ตำบลสีวิเชียร อำเภอน้ำยืน จังหวัดอุบลราชธานี"});
  EXPECT_EQ(club.organization.name, "โรงพยาบาลน้ำยืน");
  EXPECT_EQ(club.organization.district, "น้ำยืน");
  EXPECT_EQ(club.organization.province, "อุบลราชธานี");
  EXPECT_EQ(ReadMetadata({"หน่วยงาน : โรงพยาบาลน้ำยืน"}).organization.name, "โรงพยาบาลน้ำยืน");
  // A hyphen between a name and something else is not a join.
  EXPECT_EQ(ReadMetadata({"เทศบาลตำบลบ้านไผ่ - 2567"}).organization.name, "เทศบาลตำบลบ้านไผ่");
  EXPECT_TRUE(StartsWithIssuerLabel("หน่วยงาน : โรงพยาบาลน้ำยืน"));
  EXPECT_FALSE(StartsWithIssuerLabel("โครงการของหน่วยงาน"));
}

TEST(DistrictNamedInIssuer, ADistrictTheIssuerIsNamedAfter) {
  std::string province;
  std::vector<std::string> text = {"ภาพที่ 1 แผนที่อำเภอกันทรลักษ์",
                                   "อำเภอกันทรลักษ์ตั้งอยู่ทางทิศใต้ของจังหวัด ศรีสะเกษ มีอาณาเขตติดต่อ",
                                   "ทิศเหนือ ติดต่อกับตำบลสระเยาว์ อำเภอศรีรัตนะ"};
  EXPECT_EQ(DistrictNamedInIssuer("วิทยาลัยเทคนิคกันทรลักษ์", text, &province), "กันทรลักษ์");
  EXPECT_EQ(province, "ศรีสะเกษ");
  // Districts merely mentioned are not the issuer's.
  province.clear();
  EXPECT_EQ(DistrictNamedInIssuer("วิทยาลัยการอาชีพขุนหาญ", text, &province), "");
  EXPECT_EQ(province, "");
  EXPECT_EQ(DistrictNamedInIssuer("", text), "");
}

}  // namespace
}  // namespace ita
