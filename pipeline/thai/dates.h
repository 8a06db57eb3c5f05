// Thai dates and periods to ISO 8601, by a small grammar that composes day, month, year,
// era, range and fiscal words (not a list of strings).
//
// Periods, for a document whose fiscal year is 2564 (Thai FY N runs 1 Oct N-1 .. 30 Sep N, BE):
//   "ต.ค. 63 - มี.ค. 64"             -> 2020-10-01 .. 2021-03-31
//   "๑ ต.ค. ๖๗ – ๓๐ ก.ย. ๖๘"          -> 2024-10-01 .. 2025-09-30
//   "ตลอดปีงบประมาณ พ.ศ.๒๕๖๕"         -> 2021-10-01 .. 2022-09-30
//   "ตลอด งบประมาณ", "ทุกไตรมาส"       -> 2020-10-01 .. 2021-09-30   (the document's FY)
//   "ไตรมาส 2-4"                     -> 2021-01-01 .. 2021-09-30
//   "ไตรมาส ๑,๒,๔"                   -> 2020-10-01 .. 2021-09-30
//   "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐"     -> 2022-10-01 .. 2027-09-30
//   "เดือน มกราคม ๒๕๖๘"               -> 2025-01-01 .. 2025-01-31
//   "17 - 18 ธันวาคม 2564"           -> 2021-12-17 .. 2021-12-18
//   "มกราคม ถึง มีนาคม"               -> 2021-01-01 .. 2021-03-31   (year from the FY)
//   "11 December ค.ศ. 2021"          -> not Thai: no date, reason given
//   "31 กุมภาพันธ์ 2564"              -> start/end empty, reason "invalid date"
//
// Months: full names (มกราคม…) and abbreviations with or without dots and spaces (ต.ค., ต.ค,
// ตค., ต. ค.); years: 2- or 4-digit BE, with or without พ.ศ., or CE marked ค.ศ. (or 4-digit
// 1900..2200); either digit set; separators - – — ~ ถึง จนถึง.
//
// Thread-safe; no allocation of shared state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/document.h"

namespace ita::thai {

struct CivilDate {
  int year = 0;  // Gregorian
  int month = 0;
  int day = 0;
};

std::string IsoDate(const CivilDate& date);
bool IsValidDate(const CivilDate& date);
int DaysInMonth(int year, int month);

// Fiscal-year arithmetic on BE years.
CivilDate FiscalYearStart(int fiscal_year_be);
CivilDate FiscalYearEnd(int fiscal_year_be);
CivilDate QuarterStart(int fiscal_year_be, int quarter);  // quarter 1 = Oct..Dec
CivilDate QuarterEnd(int fiscal_year_be, int quarter);

struct DateContext {
  std::optional<int> fiscal_year_be;  // resolves "ทุกไตรมาส", "ไตรมาส 2", months without a year
};

// Parses a period cell. Never fails: an unreadable period has empty start/end and a reason.
Period ParsePeriod(std::string_view text, const DateContext& context = {});

// Dates with a day, month and year mentioned in prose ("เมื่อวันที่ 11 ธันวาคม 2564",
// "๑๗ - ๑๘ ธันวาคม พ.ศ.๒๕๖๓" gives both days), as ISO strings in order, without repeats.
std::vector<std::string> FindDates(std::string_view text, const DateContext& context = {});

// True for short text that is mostly a date, period, number, amount or score: digits, and
// outside the date words (months, พ.ศ., ปีงบประมาณ, ไตรมาส, ถึง…) no word longer than three
// letters and no more letters than digits.
// "๘๖.๐๒", "ต.ค. ๖๓ - มี.ค. ๖๔", "ตลอดปีงบประมาณ พ.ศ.๒๕๖๕" are; "๑ การปฏิบัติหน้าที่" is not.
// Decides which OCR cells the numeric model reads whole.
bool IsDateOrNumberText(std::string_view text);

// Letters of `text` outside the date words (months, พ.ศ., ปีงบประมาณ, ไตรมาส, ถึง…):
// in a date or number, letters an OCR reading made up. "ต.ค. 6ว3วิ" has 3, "ต.ค. 63" none.
// Tells two readings of one date apart: the one with fewer is the better guess at its words.
int StrayLetters(std::string_view text);

// The month (1..12) a Thai month word or abbreviation names, or nullopt.
std::optional<int> MonthFromWord(std::string_view word);

// A year as written, to a Gregorian year. `ce_marked` for ค.ศ.; nullopt when implausible.
std::optional<int> YearToGregorian(int value, int digits, bool ce_marked);

}  // namespace ita::thai
