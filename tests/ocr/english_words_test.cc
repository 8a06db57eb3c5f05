// Which Latin readings of a token in a Thai line are Latin text, and which are the Latin model
// making letters of Thai.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "pipeline/ocr/english_words.h"

namespace ita {
namespace {

std::unique_ptr<EnglishWords> SmallList() {
  return EnglishWords::FromWords({"and", "integrity", "mail", "policy", "Facebook", "ID", "fix"});
}

TEST(EnglishWords, ListedAsWrittenOrCapitalised) {
  auto words = SmallList();
  EXPECT_TRUE(words->Contains("and"));
  EXPECT_TRUE(words->Contains("Policy"));    // a listed word at the start of a phrase
  EXPECT_TRUE(words->Contains("Facebook"));
  EXPECT_FALSE(words->Contains("facebook"));  // a name keeps its capital
  EXPECT_FALSE(words->Contains("AND"));
  EXPECT_FALSE(words->Contains("aln"));
  EXPECT_FALSE(words->Contains(""));
}

TEST(EnglishWords, CodesNamesAndWordsAreLatinText) {
  auto words = SmallList();
  for (const char* text : {"ITA", "IIT)", "(ITA)", "OIT", "D", "TESSABAN", "(Integrity", "Transparency",
                           "Assessment)", "CamScanner", "E-Service", "e-mail:", "and", "(integrity",
                           "Policy”", "Fix", "P.14/14"})
    EXPECT_TRUE(IsPlausibleLatinText(text, words.get())) << text;
}

TEST(EnglishWords, LowerCaseLettersThatMakeNoWordAreThaiReadAsLatin) {
  auto words = SmallList();
  // "aun." for "อปท.", "aln" for the "ลไก" of "กลไก", "glu" for "ยใน", "Ty" for "ใน".
  for (const char* text : {"aun.", "aln", "glu", "aay", "hnology", "te.", "ll", "Ty", "(Om)", ""})
    EXPECT_FALSE(IsPlausibleLatinText(text, words.get())) << text;
}

TEST(EnglishWords, WithoutAListOnlyCodesAndNamesAreTaken) {
  EXPECT_TRUE(IsPlausibleLatinText("ITA", nullptr));
  EXPECT_TRUE(IsPlausibleLatinText("Transparency", nullptr));
  EXPECT_FALSE(IsPlausibleLatinText("and", nullptr));
  EXPECT_FALSE(IsPlausibleLatinText("Fix", nullptr));
}

TEST(EnglishWords, LoadReadsOneWordALineAndRefusesWhatItCannotRead) {
  std::string path = ::testing::TempDir() + "/ita_english_words.txt";
  {
    std::ofstream out(path);
    out << "zebra\r\nand\n\nintegrity \n";
  }
  auto words = EnglishWords::Load(path);
  ASSERT_NE(words, nullptr);
  EXPECT_EQ(words->size(), 3u);
  EXPECT_TRUE(words->Contains("zebra"));
  EXPECT_TRUE(words->Contains("integrity"));
  std::remove(path.c_str());
  EXPECT_EQ(EnglishWords::Load(path), nullptr);
}

}  // namespace
}  // namespace ita
