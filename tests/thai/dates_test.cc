// Table-driven tests of the date and period grammar: every month in every written form,
// both digit sets, 2- and 4-digit BE years, CE years, every range separator, fiscal years,
// quarters, leap years, and what must not parse.
#include "pipeline/thai/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ita::thai {
namespace {

struct MonthForms {
  int month;
  std::vector<std::string> forms;
};

// Every month, full and abbreviated, with and without dots and spaces.
const std::vector<MonthForms>& AllMonthForms() {
  static const std::vector<MonthForms> months = {
      {1, {"มกราคม", "ม.ค.", "ม.ค", "มค.", "ม. ค."}},
      {2, {"กุมภาพันธ์", "ก.พ.", "ก.พ", "กพ.", "ก. พ."}},
      {3, {"มีนาคม", "มี.ค.", "มี.ค", "มีค.", "มี. ค."}},
      {4, {"เมษายน", "เม.ย.", "เม.ย", "เมย.", "เม. ย."}},
      {5, {"พฤษภาคม", "พ.ค.", "พ.ค", "พค.", "พ. ค."}},
      {6, {"มิถุนายน", "มิ.ย.", "มิ.ย", "มิย.", "มิ. ย."}},
      {7, {"กรกฎาคม", "กรกฏาคม", "ก.ค.", "ก.ค", "กค.", "ก. ค."}},
      {8, {"สิงหาคม", "ส.ค.", "ส.ค", "สค.", "ส. ค."}},
      {9, {"กันยายน", "ก.ย.", "ก.ย", "กย.", "ก. ย."}},
      {10, {"ตุลาคม", "ต.ค.", "ต.ค", "ตค.", "ต. ค."}},
      {11, {"พฤศจิกายน", "พ.ย.", "พ.ย", "พย.", "พ. ย."}},
      {12, {"ธันวาคม", "ธ.ค.", "ธ.ค", "ธค.", "ธ. ค."}},
  };
  return months;
}

std::string ToThaiDigits(const std::string& ascii) {
  static const char* kThai[] = {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"};
  std::string out;
  for (char c : ascii) {
    if (c >= '0' && c <= '9') {
      out += kThai[c - '0'];
    } else {
      out += c;
    }
  }
  return out;
}

std::string Iso(int y, int m, int d) { return IsoDate(CivilDate{y, m, d}); }

TEST(MonthFromWord, EveryFormOfEveryMonth) {
  for (const MonthForms& m : AllMonthForms()) {
    for (const std::string& form : m.forms) {
      EXPECT_EQ(MonthFromWord(form), m.month) << form;
    }
  }
}

// Every full name with one mark replaced, dropped or added is still its month; letters that
// differ, more than two marks off, or a longer word are not.
TEST(MonthFromWord, FullNamesWithTheirMarksMisread) {
  const std::vector<std::pair<std::string, int>> misread = {
      {"มกราคม", 1},   {"กุมภาพันธ", 2}, {"กุมภาพนธ์", 2},  {"ม๊นาคม", 3},    {"มนาคม", 3},      {"เมษายน", 4},
      {"พฤษภาคม", 5},  {"มิถนายน", 6},  {"มีถุนายน", 6},   {"กรกฎาคม", 7},   {"สงหาคม", 8},     {"สิ่งหาคม", 8},
      {"กนยายน", 9},   {"กั้นยายน", 9},  {"ตลาคม", 10},     {"ตุ้ลาคม", 10},   {"พฤศจกายน", 11},  {"ธนวาคม", 12}};
  for (const auto& [word, month] : misread) EXPECT_EQ(MonthFromWord(word), month) << word;
  for (const char* word : {"มนาคา", "ตลาด", "ตลาคมม", "ม๊น๊าค๊ม", "มะนาคม"}) {
    EXPECT_EQ(MonthFromWord(word), std::nullopt) << word;
  }
}

TEST(MonthFromWord, RejectsAgenciesAndWords) {
  for (const char* word : {"ก.พ.ร.", "ก.ค.ศ.", "พ.ศ.", "ค.ศ.", "เดือน", "ความ", ""}) {
    EXPECT_EQ(MonthFromWord(word), std::nullopt) << word;
  }
}

// Each month form x digit set x year style gives the whole month of the right year.
TEST(ParsePeriod, WholeMonthEveryFormDigitSetAndYearStyle) {
  struct YearStyle {
    std::string written;
    int gregorian;
  };
  const std::vector<YearStyle> years = {
      {"2564", 2021}, {"64", 2021}, {"พ.ศ. 2564", 2021}, {"พ.ศ.2564", 2021},
      {"พ.ศ 64", 2021}, {"ค.ศ. 2021", 2021}, {"2021", 2021},
  };
  int cases = 0;
  for (const MonthForms& m : AllMonthForms()) {
    for (const std::string& form : m.forms) {
      for (const YearStyle& y : years) {
        for (bool thai_digits : {false, true}) {
          std::string text = form + " " + y.written;
          if (thai_digits) text = ToThaiDigits(text);
          Period p = ParsePeriod(text);
          int last = DaysInMonth(y.gregorian, m.month);
          EXPECT_EQ(p.start, Iso(y.gregorian, m.month, 1)) << text << " " << p.reason;
          EXPECT_EQ(p.end, Iso(y.gregorian, m.month, last)) << text;
          ++cases;
        }
      }
    }
  }
  EXPECT_GT(cases, 800);
}

// ITA reports name the half-year and the year they cover as report rounds.
TEST(ParsePeriod, ReportRoundsOfTheFiscalYear) {
  DateContext fy{2567};
  struct Case {
    const char* text;
    const char* start;
    const char* end;
  } cases[] = {
      {"รอบ 12 เดือน", "2023-10-01", "2024-09-30"},
      {"รอบ ๑๒ เดือน", "2023-10-01", "2024-09-30"},
      {"รอบ 6 เดือน", "2023-10-01", "2024-03-31"},
      {"รอบ ๓ เดือน", "2023-10-01", "2023-12-31"},
      {"รอบ 9 เดือน", "2023-10-01", "2024-06-30"},
  };
  for (const Case& c : cases) {
    Period p = ParsePeriod(c.text, fy);
    EXPECT_EQ(p.start, c.start) << c.text;
    EXPECT_EQ(p.end, c.end) << c.text;
  }
  // A round with its dates written: the dates decide.
  Period dated = ParsePeriod("รอบ 6 เดือน (1 ต.ค. 66 - 31 มี.ค. 67)", fy);
  EXPECT_EQ(dated.start, "2023-10-01");
  EXPECT_EQ(dated.end, "2024-03-31");
  EXPECT_TRUE(ParsePeriod("รอบ 12 เดือน").start.empty());  // no fiscal year to count from
  EXPECT_FALSE(ParsePeriod("รอบ 12 เดือน").reason.empty());
  EXPECT_TRUE(ParsePeriod("รอบ 5 เดือน", fy).start.empty());  // not a round reports use
}

TEST(ParsePeriod, SingleDayEveryMonth) {
  for (const MonthForms& m : AllMonthForms()) {
    for (const std::string& form : m.forms) {
      for (const char* prefix : {"", "วันที่ ", "เมื่อวันที่ "}) {
        std::string text = std::string(prefix) + "15 " + form + " 2567";
        Period p = ParsePeriod(text);
        EXPECT_EQ(p.start, Iso(2024, m.month, 15)) << text;
        EXPECT_EQ(p.end, Iso(2024, m.month, 15)) << text;
      }
    }
  }
}

struct PeriodCase {
  const char* text;
  int fiscal_year;  // 0: none
  const char* start;
  const char* end;
};

// The contract's examples, then every separator, cross-year ranges and fiscal forms.
const PeriodCase kPeriods[] = {
    {"ต.ค. 63 - มี.ค. 64", 2564, "2020-10-01", "2021-03-31"},
    {"๑ ต.ค. ๖๗ – ๓๐ ก.ย. ๖๘", 2564, "2024-10-01", "2025-09-30"},
    {"ตลอดปีงบประมาณ พ.ศ.๒๕๖๕", 2564, "2021-10-01", "2022-09-30"},
    {"ตลอด งบประมาณ", 2564, "2020-10-01", "2021-09-30"},
    {"ทุกไตรมาส", 2564, "2020-10-01", "2021-09-30"},
    {"ไตรมาส 2-4", 2564, "2021-01-01", "2021-09-30"},
    {"ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐", 2564, "2022-10-01", "2027-09-30"},
    {"เดือน มกราคม ๒๕๖๘", 2564, "2025-01-01", "2025-01-31"},
    {"11 ธันวาคม 2564", 2564, "2021-12-11", "2021-12-11"},
    // Separators.
    {"ต.ค. 63 – มี.ค. 64", 0, "2020-10-01", "2021-03-31"},
    {"ต.ค. 63 — มี.ค. 64", 0, "2020-10-01", "2021-03-31"},
    {"ต.ค. 63 ~ มี.ค. 64", 0, "2020-10-01", "2021-03-31"},
    {"ต.ค. 63 ถึง มี.ค. 64", 0, "2020-10-01", "2021-03-31"},
    {"ต.ค. 63 จนถึง มี.ค. 64", 0, "2020-10-01", "2021-03-31"},
    {"ต.ค.63-มี.ค.64", 0, "2020-10-01", "2021-03-31"},
    {"1 ตุลาคม 2567 – 30 กันยายน 2568", 0, "2024-10-01", "2025-09-30"},
    {"ระหว่างเดือน 1 ตุลาคม 2567 ถึง 30 กันยายน 2568", 0, "2024-10-01", "2025-09-30"},
    // OCR noise: stray marks inside abbreviations.
    {"1 ต.ค. 67 - 30 ก.ุย. 68", 0, "2024-10-01", "2025-09-30"},
    {"1 ต.ค. 67 - 30 กุย. 68", 0, "2024-10-01", "2025-09-30"},
    // A misread vowel mark is the abbreviation's own: มี.ค. read "ม.ุค" or "มุ.ค." is March, มิ.ย.
    // read "มื.ย." is June; ม.ค. with no mark stays January.
    {"ต.ค. 66 - ม.ุค 67", 0, "2023-10-01", "2024-03-31"},
    {"ต.ค. 66 - มุ.ค. 67", 0, "2023-10-01", "2024-03-31"},
    {"ต.ค. 66 - ม.ค. 67", 0, "2023-10-01", "2024-01-31"},
    {"ม.ค. - มื.ย. 67", 0, "2024-01-01", "2024-06-30"},
    // A full name's marks misread, dropped or added (a monospaced face): its letters decide.
    {"มกราคม - ม๊นาคม 2568", 0, "2025-01-01", "2025-03-31"},
    {"ตลาคม 2567", 0, "2024-10-01", "2024-10-31"},
    {"๑ สิงหาคม - ๓๐ กันยายิน ๒๕๖๔", 0, "2021-08-01", "2021-09-30"},
    // Day ranges within a month; the year written once.
    {"17 - 18 ธันวาคม 2564", 0, "2021-12-17", "2021-12-18"},
    {"๑๗-๑๘ ธ.ค. ๖๔", 0, "2021-12-17", "2021-12-18"},
    {"วันที่ 1 ถึง 15 มกราคม 2565", 0, "2022-01-01", "2022-01-15"},
    // Month ranges: year on the end only, crossing the calendar year.
    {"ต.ค. - ธ.ค. 63", 0, "2020-10-01", "2020-12-31"},
    {"พฤศจิกายน - มีนาคม 2565", 0, "2021-11-01", "2022-03-31"},
    {"มกราคม - มีนาคม 2565", 0, "2022-01-01", "2022-03-31"},
    // No year at all: from the fiscal year (Oct-Dec belong to the year before).
    {"มกราคม ถึง มีนาคม", 2564, "2021-01-01", "2021-03-31"},
    {"ตุลาคม - ธันวาคม", 2564, "2020-10-01", "2020-12-31"},
    {"ต.ค. - ก.ย.", 2568, "2024-10-01", "2025-09-30"},
    // Fiscal years.
    {"ปีงบประมาณ 2565", 0, "2021-10-01", "2022-09-30"},
    {"ปีงบประมาณ พ.ศ.2565", 0, "2021-10-01", "2022-09-30"},
    {"ปี งบประมาณ 65", 0, "2021-10-01", "2022-09-30"},
    {"ตลอดปีงบประมาณ", 2566, "2022-10-01", "2023-09-30"},
    {"ตลอดปี", 2566, "2022-10-01", "2023-09-30"},
    {"ปีงบประมาณ 2566 ถึง 2570", 0, "2022-10-01", "2027-09-30"},
    // Quarters.
    {"ไตรมาส 1", 2564, "2020-10-01", "2020-12-31"},
    {"ไตรมาสที่ 1", 2564, "2020-10-01", "2020-12-31"},
    {"ไตรมาสที่ 2", 2564, "2021-01-01", "2021-03-31"},
    {"ไตรมาสที่ 3", 2564, "2021-04-01", "2021-06-30"},
    {"ไตรมาสที่ 4", 2564, "2021-07-01", "2021-09-30"},
    {"ไตรมาส ๑,๒,๔", 2564, "2020-10-01", "2021-09-30"},
    {"ไตรมาส ๒-๔", 2564, "2021-01-01", "2021-09-30"},
    {"ไตรมาส 3 - 4", 2564, "2021-04-01", "2021-09-30"},
    {"ไตรมาส 1 และ 2", 2564, "2020-10-01", "2021-03-31"},
    {"ไตรมาสที่ 2 ปีงบประมาณ 2566", 2564, "2023-01-01", "2023-03-31"},
    {"ทุกไตรมาส ปีงบประมาณ พ.ศ. 2567", 0, "2023-10-01", "2024-09-30"},
    // Calendar years with an era.
    {"พ.ศ. 2565", 0, "2022-01-01", "2022-12-31"},
    {"ค.ศ. 2022", 0, "2022-01-01", "2022-12-31"},
    // Leap years.
    {"29 กุมภาพันธ์ 2567", 0, "2024-02-29", "2024-02-29"},
    {"ก.พ. 2567", 0, "2024-02-01", "2024-02-29"},
    {"ก.พ. 2566", 0, "2023-02-01", "2023-02-28"},
    {"29 ก.พ. ค.ศ. 2000", 0, "2000-02-29", "2000-02-29"},
};

TEST(ParsePeriod, TableOfForms) {
  for (const PeriodCase& c : kPeriods) {
    DateContext context;
    if (c.fiscal_year) context.fiscal_year_be = c.fiscal_year;
    Period p = ParsePeriod(c.text, context);
    EXPECT_EQ(p.text, c.text);
    EXPECT_EQ(p.start, c.start) << c.text << " reason: " << p.reason;
    EXPECT_EQ(p.end, c.end) << c.text;
  }
}

TEST(ParsePeriod, EverySeparatorBetweenEveryMonthPair) {
  const char* seps[] = {"-", "–", "—", "~", "ถึง"};
  int checked = 0;
  for (const MonthForms& a : AllMonthForms()) {
    for (const MonthForms& b : AllMonthForms()) {
      if (b.month < a.month) continue;
      for (const char* sep : seps) {
        std::string text = a.forms[1] + " 2566 " + sep + " " + b.forms[0] + " 2566";
        Period p = ParsePeriod(text);
        EXPECT_EQ(p.start, Iso(2023, a.month, 1)) << text;
        EXPECT_EQ(p.end, Iso(2023, b.month, DaysInMonth(2023, b.month))) << text;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 78 * 5);
}

struct Unreadable {
  const char* text;
  int fiscal_year;
  const char* reason_part;
};

// Impossible dates and implausible years give no dates and say why; nothing is guessed.
const Unreadable kUnreadable[] = {
    {"31 กุมภาพันธ์ 2564", 0, "invalid date"},
    {"29 กุมภาพันธ์ 2566", 0, "invalid date"},
    {"31 เมษายน 2565", 0, "invalid date"},
    {"32 มกราคม 2565", 0, "invalid date"},
    {"มกราคม 1850", 0, "implausible year"},
    {"ปีงบประมาณ 3000", 0, "implausible year"},
    {"ทุกไตรมาส", 0, "fiscal year"},
    {"ไตรมาส 5", 2564, "quarter"},
    {"มกราคม - มีนาคม", 0, "year"},
    {"ตามความเหมาะสม", 2564, "no date"},
    {"", 2564, "no date"},
    {"-", 2564, "no date"},
    {"มี.ค. 65 - ม.ค. 65", 0, "end before start"},
    // Years OCR garbled: without the document's fiscal year nothing is guessed; with it, the
    // months must fall inside it ("ต.ค. – ก.ย." of 2568 does; "ก.ค. – ธ.ค." does not).
    {"ต.ค. อ๑ - ก.ย. อ๕", 0, "implausible year"},
    {"ก.ค. อ๑ - ธ.ค. อ๕", 2568, "implausible year"},
    // A year far from the fiscal year is not dropped when the months then fall outside it.
    {"ก.ค. 96 - ธ.ค. 96", 2568, "implausible year"},
};

TEST(ParsePeriod, GarbledYearsReadFromTheFiscalYearWhenTheMonthsFitIt) {
  DateContext fy2568;
  fy2568.fiscal_year_be = 2568;
  // Also: a year read as digits far from the fiscal year ("96" for ๖๘), an อ read into an
  // abbreviation ("กอ.ย."), a range whose dash OCR dropped (the second month starts the end).
  for (const char* text : {"ต.ค. อ๑ - ก.ย. ๖๘", "ต.ุค. อฆฒ - กุย. อ๕", "ต.ค. 67 - ก.ย. 6", "ต.ค.๒ฒ - กุย. 96",
                           "ต.ค. “๖๗ - กอ.ย. ๖๘", "ต.ุค. อ๑อิญ กุย. ๖๘", "ต.ค. 67 ก.ย. 68", "ต.ค. ก.ย. 68"}) {
    Period p = ParsePeriod(text, fy2568);
    EXPECT_EQ(p.start, "2024-10-01") << text;
    EXPECT_EQ(p.end, "2025-09-30") << text;
    EXPECT_EQ(p.text, text);
  }
  Period spring = ParsePeriod("ม.ค. ๖ - มี.ค. อ", fy2568);
  EXPECT_EQ(spring.start, "2025-01-01");
  EXPECT_EQ(spring.end, "2025-03-31");
}

// OCR reads the era พ.ศ. as พ.ค. (May): after the fiscal word, with no other month, it is the
// era; a month of its own is kept everywhere else.
TEST(ParsePeriod, EraReadAsMayAfterTheFiscalWord) {
  for (const char* text : {"ตลอดปีงบประมาณพ.ค.๒๕๖๕", "ตลอดปีงบประมาณ พ.ค. 2565", "ปีงบประมาณ พค. 65",
                           "ปีงบประมาณ พ.ค.๖๕"}) {
    Period p = ParsePeriod(text);
    EXPECT_EQ(p.start, "2021-10-01") << text;
    EXPECT_EQ(p.end, "2022-09-30") << text;
  }
  struct Case {
    const char* text;
    const char* start;
    const char* end;
  };
  for (const Case& c : {Case{"เดือน พ.ค. 2565", "2022-05-01", "2022-05-31"},
                        Case{"1 พ.ค. 2565", "2022-05-01", "2022-05-01"},
                        Case{"ปีงบประมาณ พ.ค. 2565 - ก.ย. 2565", "2022-05-01", "2022-09-30"},
                        Case{"ปีงบประมาณ ต.ค. 64 - ก.ย. 65", "2021-10-01", "2022-09-30"}}) {
    Period p = ParsePeriod(c.text);
    EXPECT_EQ(p.start, c.start) << c.text;
    EXPECT_EQ(p.end, c.end) << c.text;
  }
}

TEST(ParsePeriod, UnreadableGivesNullWithReason) {
  for (const Unreadable& c : kUnreadable) {
    DateContext context;
    if (c.fiscal_year) context.fiscal_year_be = c.fiscal_year;
    Period p = ParsePeriod(c.text, context);
    EXPECT_TRUE(p.start.empty()) << c.text << " -> " << p.start;
    EXPECT_TRUE(p.end.empty()) << c.text;
    EXPECT_NE(p.reason.find(c.reason_part), std::string::npos) << c.text << ": " << p.reason;
  }
}

TEST(YearToGregorian, BuddhistAndCommonEra) {
  EXPECT_EQ(YearToGregorian(2564, 4, false), 2021);
  EXPECT_EQ(YearToGregorian(64, 2, false), 2021);
  EXPECT_EQ(YearToGregorian(2021, 4, false), 2021);
  EXPECT_EQ(YearToGregorian(2021, 4, true), 2021);
  EXPECT_EQ(YearToGregorian(21, 2, true), 2021);
  EXPECT_EQ(YearToGregorian(1850, 4, false), std::nullopt);
  EXPECT_EQ(YearToGregorian(3000, 4, false), std::nullopt);
  EXPECT_EQ(YearToGregorian(564, 3, false), std::nullopt);
}

TEST(FiscalYear, BoundariesAndQuarters) {
  EXPECT_EQ(IsoDate(FiscalYearStart(2564)), "2020-10-01");
  EXPECT_EQ(IsoDate(FiscalYearEnd(2564)), "2021-09-30");
  EXPECT_EQ(IsoDate(QuarterStart(2564, 1)), "2020-10-01");
  EXPECT_EQ(IsoDate(QuarterEnd(2564, 1)), "2020-12-31");
  EXPECT_EQ(IsoDate(QuarterStart(2564, 2)), "2021-01-01");
  EXPECT_EQ(IsoDate(QuarterEnd(2564, 2)), "2021-03-31");
  EXPECT_EQ(IsoDate(QuarterStart(2564, 3)), "2021-04-01");
  EXPECT_EQ(IsoDate(QuarterEnd(2564, 3)), "2021-06-30");
  EXPECT_EQ(IsoDate(QuarterStart(2564, 4)), "2021-07-01");
  EXPECT_EQ(IsoDate(QuarterEnd(2564, 4)), "2021-09-30");
}

TEST(DaysInMonth, LeapRules) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
}

struct ProseCase {
  const char* text;
  std::vector<std::string> dates;
};

TEST(FindDates, DatesInProse) {
  const ProseCase cases[] = {
      {"จัดอบรม เมื่อวันที่ 11 ธันวาคม 2564 และ เมื่อวันที่ 3 กุมภาพันธ์ 2564",
       {"2021-12-11", "2021-02-03"}},
      {"วันที่ ๑๗ - ๑๘ ธันวาคม พ.ศ. ๒๕๖๓ และเมื่อวันที่ ๓๐ ธันวาคม พ.ศ.๒๕๖๓",
       {"2020-12-17", "2020-12-18", "2020-12-30"}},
      {"ลงวันที่ 25 มี.ค. 64", {"2021-03-25"}},
      {"ครั้งที่ ๑ (๑ ตุลาคม ๒๕๖๓ - ๓๑ มีนาคม ๒๕๖๔)", {"2020-10-01", "2021-03-31"}},
      {"เมื่อวันที่ 1 ก.พ. 64 - บันทึก เมื่อ วันที่ 1 ก.พ. 64", {"2021-02-01"}},
      // "๕ เดือน เมษายน" is "five months: April", not a day.
      {"ในวันที่ ๕ เดือน เมษายน พ.ศ.๒๕๖๔", {}},
      // A month without a day is not a date of the prose list.
      {"เดือน มกราคม 2568", {}},
      // Times and amounts are not days.
      {"เวลา 08.00-16.30 น. จำนวน 50 คน", {}},
      {"31 กุมภาพันธ์ 2564", {}},
  };
  for (const ProseCase& c : cases) EXPECT_EQ(FindDates(c.text), c.dates) << c.text;
}

TEST(IsDateOrNumberText, DatesNumbersAndScoresInBothDigitSets) {
  for (const char* text : {"๘๖.๐๒", "86.02", "๑๐,๐๐๐.-", "150,000 บาท", "ต.ค. ๖๓ - มี.ค. ๖๔",
                           "ต.ค. 63 - มี.ค. 64", "ตลอดปีงบประมาณ พ.ศ.๒๕๖๕", "ไตรมาส ๑,๒,๔",
                           "ไตรมาสที่ 2-4", "๑ ตุลาคม ๒๕๖๓ ถึง ๓๐ กันยายน ๒๕๖๔", "(๑๒) ๓.๕",
                           // tha's reading of digits it lacks: a few stray letters among digits
                           "๓ฒ่อ.๕๒๐", "ต.ค. 6ว3วิ - มี.ค. 64"})
    EXPECT_TRUE(IsDateOrNumberText(text)) << text;
}

TEST(StrayLetters, LettersOutsideDateWords) {
  for (const char* text : {"ต.ค. 63 - มี.ค. 64", "ตลอดปีงบประมาณ พ.ศ.๒๕๖๕", "๑ ตุลาคม ๒๕๖๓ ถึง ๓๐ กันยายน ๒๕๖๔",
                           "ไตรมาสที่ 2-4", "86.02", ""})
    EXPECT_EQ(StrayLetters(text), 0) << text;
  EXPECT_EQ(StrayLetters("ต.ค. 6ว3วิ - มี.ค. 64"), 3);
  EXPECT_EQ(StrayLetters("150,000 บาท"), 3);  // a unit is letters too: both readings have it
  EXPECT_EQ(StrayLetters("ตลอดปีงบประมาณพ.คศ.๒๕๖๕"), 1);
  EXPECT_GT(StrayLetters("ต.ค. ๖๓ - มีศ.ค. ๖๔"), 0);
}

TEST(IsDateOrNumberText, ProseWithANumberIsNot) {
  for (const char* text : {"", "ทุกไตรมาส", "กองคลัง", "๑ การปฏิบัติหน้าที่", "๒ การใช้งบประมาณ",
                           "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ - ๒๕๖๕",
                           "๑. การเผยแพร่ประชาสัมพันธ์ข้อมูล", "รายงานความก้าวหน้าทุกๆ ๓ เดือน",
                           "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๕ โดยรายงานผลให้ผู้บริหารทราบทุกไตรมาสและสรุปผลเมื่อสิ้นปี"})
    EXPECT_FALSE(IsDateOrNumberText(text)) << text;
}

}  // namespace
}  // namespace ita::thai
