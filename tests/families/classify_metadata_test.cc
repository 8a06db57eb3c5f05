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
  EXPECT_EQ(ClassifyDocument({"เอกสาร"}, {MeasureField::kMeasure, MeasureField::kOutput}).family,
            Family::kMeasuresReport);
  EXPECT_EQ(ClassifyDocument({"เอกสาร"}, {MeasureField::kIssue, MeasureField::kMethod}).family,
            Family::kMeasuresPlan);
  EXPECT_EQ(ClassifyDocument({"เอกสาร"}, {}).family, Family::kUnknown);
  // A "plan" title whose table reports outputs is a report.
  EXPECT_EQ(ClassifyDocument({"มาตรการส่งเสริมคุณธรรม"}, {MeasureField::kOutput}).family,
            Family::kMeasuresReport);
}

TEST(FiscalYearOf, TitleBlockForms) {
  EXPECT_EQ(FiscalYearOf("ประจำปี พ.ศ.2564"), 2564);
  EXPECT_EQ(FiscalYearOf("ประจำปี งบประมาณ พ.ศ. ๒๕๖๔"), 2564);
  EXPECT_EQ(FiscalYearOf("ประจำปีงบประมาณ พ.ศ.2568"), 2568);
  EXPECT_EQ(FiscalYearOf("ปีงบประมาณ 2566"), 2566);
  EXPECT_EQ(FiscalYearOf("ประจำปี 2021"), 2564);
  EXPECT_EQ(FiscalYearOf("(พ.ศ. 2566 - 2570)"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐"), std::nullopt);
  EXPECT_EQ(FiscalYearOf("มาตรการส่งเสริมคุณธรรม"), std::nullopt);
  // An OCR misreading (๖ read as ๒) gives an impossible year: none rather than a wrong one.
  EXPECT_EQ(FiscalYearOf("ประจำปี งบประมาณ พ.ศ. ๒๕๒๐"), std::nullopt);
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
