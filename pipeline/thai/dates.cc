#include "pipeline/thai/dates.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "pipeline/thai/date_tokens.h"
#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {


// -------------------------------------------------------------- composition

CivilDate Civil(int year, int month, int day) { return CivilDate{year, month, day}; }

// A year number as written (after an optional era marker) to a Gregorian year.
std::optional<int> YearOf(const Token& num, bool ce) {
  return YearToGregorian(num.value, num.digits, ce);
}

// A point in a month-based period: [day] month [era] [year].
struct Point {
  std::optional<int> day;
  int month = 0;
  std::optional<int> year;  // Gregorian
};

Period Unread(std::string_view text, std::string reason) {
  Period p;
  p.text = std::string(text);
  p.reason = std::move(reason);
  return p;
}

Period Read(std::string_view text, const CivilDate& start, const CivilDate& end) {
  Period p;
  p.text = std::string(text);
  if (!IsValidDate(start) || !IsValidDate(end)) {
    const CivilDate& bad = IsValidDate(start) ? end : start;
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid date: day %d of month %d in %d", bad.day, bad.month,
                  bad.year);
    p.reason = buf;
    return p;
  }
  if (std::tie(end.year, end.month, end.day) < std::tie(start.year, start.month, start.day)) {
    p.reason = "end before start";
    return p;
  }
  p.start = IsoDate(start);
  p.end = IsoDate(end);
  return p;
}

// Years written after the fiscal word (or anywhere, as BE), as BE fiscal years.
std::vector<int> FiscalYearsIn(const std::vector<Token>& tokens, bool* implausible) {
  std::vector<int> years;
  bool ce = false;
  for (const Token& t : tokens) {
    if (t.kind == Tok::kCe) ce = true;
    if (t.kind != Tok::kNum) continue;
    if (t.digits != 2 && t.digits != 4) continue;
    auto g = YearToGregorian(t.value, t.digits, ce);
    if (!g) {
      *implausible = true;
      continue;
    }
    years.push_back(*g + 543);
  }
  return years;
}

Period ParseQuarters(std::string_view text, const std::vector<Token>& tokens,
                     const DateContext& context) {
  std::set<int> quarters;
  bool every = false;
  std::vector<int> years;
  size_t q = 0;
  while (q < tokens.size() && tokens[q].kind != Tok::kQuarter) ++q;
  if (q > 0 && tokens[q - 1].kind == Tok::kEvery) every = true;
  // Quarter numbers follow the keyword: "2-4", "1,2,4", "ที่ 1".
  int last = 0;
  bool range = false;
  for (size_t i = q + 1; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Tok::kNum && t.digits == 1 && t.value >= 1 && t.value <= 4) {
      if (range && last) {
        for (int k = last; k <= t.value; ++k) quarters.insert(k);
      } else {
        quarters.insert(t.value);
      }
      last = t.value;
      range = false;
    } else if (t.kind == Tok::kSep) {
      range = true;
    } else if (t.kind == Tok::kComma || t.kind == Tok::kQuarter) {
      range = false;
    } else if (t.kind == Tok::kNum && t.digits == 1) {
      return Unread(text, "quarter out of range 1-4");
    } else {
      break;
    }
  }
  bool implausible = false;
  for (const Token& t : tokens) {
    if (t.kind == Tok::kNum && (t.digits == 4 || t.digits == 2) && t.value > 4) {
      if (auto g = YearToGregorian(t.value, t.digits, false)) {
        years.push_back(*g + 543);
      } else {
        implausible = true;
      }
    }
  }
  if (implausible && years.empty()) return Unread(text, "implausible year");
  std::optional<int> fy = years.empty() ? context.fiscal_year_be : std::optional<int>(years[0]);
  if (!fy) return Unread(text, "quarter without a fiscal year");
  if (every || quarters.empty()) return Read(text, FiscalYearStart(*fy), FiscalYearEnd(*fy));
  return Read(text, QuarterStart(*fy, *quarters.begin()), QuarterEnd(*fy, *quarters.rbegin()));
}

Period ParseFiscal(std::string_view text, const std::vector<Token>& tokens,
                   const DateContext& context) {
  bool implausible = false;
  std::vector<int> years = FiscalYearsIn(tokens, &implausible);
  if (years.empty()) {
    if (implausible) return Unread(text, "implausible year");
    if (!context.fiscal_year_be) return Unread(text, "fiscal year not given");
    years.push_back(*context.fiscal_year_be);
  }
  return Read(text, FiscalYearStart(years.front()), FiscalYearEnd(years.back()));
}

// Groups tokens into points separated by range separators, then fills what a point leaves out
// from its neighbour ("17 - 18 ธันวาคม 2564", "ต.ค. - ธ.ค. 63") or from the fiscal year.
Period ParseMonths(std::string_view text, const std::vector<Token>& tokens,
                   const DateContext& context) {
  struct Group {
    std::vector<Token> toks;
  };
  std::vector<Group> groups(1);
  for (const Token& t : tokens) {
    if (t.kind == Tok::kSep || t.kind == Tok::kComma) {
      if (!groups.back().toks.empty()) groups.emplace_back();
      continue;
    }
    if (t.kind == Tok::kFiscal || t.kind == Tok::kThroughout || t.kind == Tok::kEvery) continue;
    // A second month starts the next point: OCR drops a range's dash ("ต.ค. 67 ก.ย. 68"), and
    // a point names one month.
    auto month_in_group = [&] {
      return std::any_of(groups.back().toks.begin(), groups.back().toks.end(),
                         [](const Token& g) { return g.kind == Tok::kMonth; });
    };
    if (t.kind == Tok::kMonth && month_in_group()) groups.emplace_back();
    groups.back().toks.push_back(t);
  }
  if (groups.back().toks.empty()) groups.pop_back();

  std::vector<Point> points;
  std::vector<int> pending_days;  // day-only groups waiting for the next month
  bool bad_year = false;
  for (const Group& g : groups) {
    Point p;
    bool has_month = false;
    bool ce = false;
    bool era = false;
    std::optional<int> day;
    for (const Token& t : g.toks) {
      if (t.kind == Tok::kMonth) {
        has_month = true;
        p.month = t.value;
      } else if (t.kind == Tok::kBe) {
        era = true;
      } else if (t.kind == Tok::kCe) {
        ce = true;
        era = true;
      } else if (t.kind == Tok::kNum) {
        if (!has_month && !era && t.digits <= 2 && !day) {
          day = t.value;
        } else if (has_month || era) {
          auto y = YearOf(t, ce);
          // Two digits decades away from the document's fiscal year are OCR's ("96" for ๖๘).
          bool far = y && t.digits <= 2 && context.fiscal_year_be &&
                     std::abs(*y - (*context.fiscal_year_be - 543)) > 5;
          if (!y || far) bad_year = true;
          p.year = y;
        }
      }
    }
    if (!has_month) {
      if (day) pending_days.push_back(*day);
      continue;
    }
    p.day = day;
    for (int d : pending_days) points.push_back(Point{d, p.month, p.year});
    pending_days.clear();
    points.push_back(p);
  }
  if (bad_year) return Unread(text, "implausible year");
  if (points.empty()) return Unread(text, "no month found");
  Point start = points.front();
  Point end = points.back();
  if (!start.year && end.year) {
    start.year = *end.year - (start.month > end.month ? 1 : 0);
  } else if (start.year && !end.year) {
    end.year = *start.year + (end.month < start.month ? 1 : 0);
  } else if (!start.year && !end.year) {
    if (!context.fiscal_year_be) return Unread(text, "year not given");
    int fy_ce = *context.fiscal_year_be - 543;
    start.year = start.month >= 10 ? fy_ce - 1 : fy_ce;
    end.year = end.month >= 10 ? fy_ce - 1 : fy_ce;
  }
  CivilDate s = Civil(*start.year, start.month, start.day.value_or(1));
  CivilDate e = Civil(*end.year, end.month, end.day.value_or(DaysInMonth(*end.year, end.month)));
  return Read(text, s, e);
}

}  // namespace

// ------------------------------------------------------------------ public

std::string IsoDate(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool IsValidDate(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

CivilDate FiscalYearStart(int be) { return Civil(be - 543 - 1, 10, 1); }
CivilDate FiscalYearEnd(int be) { return Civil(be - 543, 9, 30); }

CivilDate QuarterStart(int be, int quarter) {
  if (quarter <= 1) return FiscalYearStart(be);
  return Civil(be - 543, (quarter - 2) * 3 + 1, 1);
}

CivilDate QuarterEnd(int be, int quarter) {
  if (quarter <= 1) return Civil(be - 543 - 1, 12, 31);
  int month = (quarter - 2) * 3 + 3;
  return Civil(be - 543, month, DaysInMonth(be - 543, month));
}

std::optional<int> YearToGregorian(int value, int digits, bool ce_marked) {
  int year = 0;
  if (ce_marked) {
    year = digits == 2 ? 2000 + value : value;
  } else if (digits == 2) {
    year = 2500 + value - 543;
  } else if (digits == 4 && value >= 2400 && value <= 2700) {
    year = value - 543;
  } else if (digits == 4 && value >= 1900 && value <= 2200) {
    year = value;
  } else {
    return std::nullopt;
  }
  // ITA began in 2013; leave generous room on both sides, but no further.
  if (year < 1950 || year > 2100) return std::nullopt;
  return year;
}

std::optional<int> MonthFromWord(std::string_view word) {
  std::u32string s = DecodeUtf8(word);
  size_t len = 0;
  auto m = MatchMonth(s, 0, &len);
  if (!m || SkipSpaces(s, len) != s.size()) return std::nullopt;
  return m;
}

namespace {

// A report round ("รอบ 6 เดือน", "รอบ ๑๒ เดือน"): the first 3, 6, 9 or 12 months of the fiscal
// year, how ITA reports name the half-year and the year they cover.
std::optional<int> ReportRoundMonths(std::string_view text) {
  std::string s = CompactForMatching(text);
  static const std::string kRound = "รอบ", kMonths = "เดือน";
  size_t at = s.find(kRound);
  if (at == std::string::npos) return std::nullopt;
  size_t i = at + kRound.size(), digits = i;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == i || digits - i > 2 || s.compare(digits, kMonths.size(), kMonths) != 0) return std::nullopt;
  int n = std::stoi(s.substr(i, digits - i));
  if (n != 3 && n != 6 && n != 9 && n != 12) return std::nullopt;
  return n;
}

}  // namespace

Period ParsePeriod(std::string_view text, const DateContext& context) {
  // Words around the grammar ("ระหว่างเดือน", "วันที่") carry nothing for a period cell.
  std::vector<Token> tokens = Tokenize(text);
  std::erase_if(tokens, [](const Token& t) { return t.kind == Tok::kWord; });
  // "ปีงบประมาณ พ.ค. ๒๕๖๕": May, the only month, between the fiscal word and a year is the era
  // (พ.ศ.) with its ศ read as ค, a letter apart; a fiscal year has no month of its own.
  bool one_month = std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Tok::kMonth; }) == 1;
  for (size_t k = 1; one_month && k + 1 < tokens.size(); ++k) {
    if (tokens[k].kind == Tok::kMonth && tokens[k].value == 5 && tokens[k - 1].kind == Tok::kFiscal &&
        tokens[k + 1].kind == Tok::kNum && (tokens[k + 1].digits == 2 || tokens[k + 1].digits == 4)) {
      tokens[k] = Token{Tok::kBe};
    }
  }
  auto has = [&](Tok k) {
    return std::any_of(tokens.begin(), tokens.end(), [k](const Token& t) { return t.kind == k; });
  };
  if (ReportRoundMonths(text) && (has(Tok::kMonth) || has(Tok::kQuarter))) {
    // "รอบ 6 เดือน (1 ต.ค. 66 - 31 มี.ค. 67)": the dates written decide; the round's number
    // is not a day.
    size_t round_end = text.find("เดือน", text.find("รอบ"));
    if (round_end != std::string_view::npos) {
      Period p = ParsePeriod(text.substr(round_end + std::string_view("เดือน").size()), context);
      p.text = std::string(text);
      return p;
    }
  }
  if (!has(Tok::kMonth) && !has(Tok::kQuarter)) {
    if (auto months = ReportRoundMonths(text)) {
      if (!context.fiscal_year_be) return Unread(text, "a report round needs the fiscal year");
      CivilDate start = FiscalYearStart(*context.fiscal_year_be);
      int month = (start.month - 1 + *months - 1) % 12 + 1;
      int year = start.year + (start.month - 1 + *months - 1) / 12;
      return Read(text, start, Civil(year, month, DaysInMonth(year, month)));
    }
  }
  if (tokens.empty()) return Unread(text, "no date found");
  if (has(Tok::kQuarter)) return ParseQuarters(text, tokens, context);
  if (has(Tok::kMonth)) {
    Period p = ParseMonths(text, tokens, context);
    if (!p.start.empty() || !context.fiscal_year_be || p.reason != "implausible year") return p;
    // OCR garbles a year's Thai digits ("ต.ค. อ๑ - ก.ย. ๖๘", "ก.ย. 96" for ๖๘): the months
    // without the unreadable years, or years more than one from the document's fiscal year, in
    // that fiscal year, when what they give lies inside it.
    int fy_ce = *context.fiscal_year_be - 543;
    std::vector<Token> kept;
    for (size_t k = 0; k < tokens.size(); ++k) {
      bool year_slot = k > 0 && tokens[k - 1].kind == Tok::kMonth && tokens[k].kind == Tok::kNum;
      std::optional<int> year = year_slot ? YearOf(tokens[k], false) : std::nullopt;
      if (year_slot && (!year || std::abs(*year - fy_ce) > 1)) continue;
      kept.push_back(tokens[k]);
    }
    if (kept.size() == tokens.size()) return p;
    Period months = ParseMonths(text, kept, context);
    std::string first = IsoDate(FiscalYearStart(*context.fiscal_year_be));
    std::string last = IsoDate(FiscalYearEnd(*context.fiscal_year_be));
    if (months.start.empty() || months.start < first || months.end > last) return p;
    return months;
  }
  if (has(Tok::kFiscal) || has(Tok::kThroughout)) return ParseFiscal(text, tokens, context);
  // Bare years with an era ("พ.ศ. 2565"): calendar years.
  if (has(Tok::kBe) || has(Tok::kCe)) {
    bool ce = false;
    std::vector<int> years;
    for (const Token& t : tokens) {
      if (t.kind == Tok::kCe) ce = true;
      if (t.kind == Tok::kNum) {
        auto y = YearOf(t, ce);
        if (!y) return Unread(text, "implausible year");
        years.push_back(*y);
      }
    }
    if (!years.empty()) return Read(text, Civil(years.front(), 1, 1), Civil(years.back(), 12, 31));
  }
  return Unread(text, "no date found");
}

bool IsDateOrNumberText(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  if (s.empty() || s.size() > 60) return false;
  int digits = 0;
  for (char32_t c : s) digits += IsDigitOfEitherSet(c);
  if (digits == 0) return false;
  int other_letters = 0;
  for (const Token& t : Tokenize(text)) {
    if (t.letters > 3) return false;  // a word, not a digit misread as a letter or a unit
    other_letters += t.letters;
  }
  return other_letters <= digits;
}

int StrayLetters(std::string_view text) {
  int letters = 0;
  for (const Token& t : Tokenize(text)) letters += t.letters;
  return letters;
}

std::vector<std::string> FindDates(std::string_view text, const DateContext& context) {
  (void)context;  // dates in prose always carry their year in these reports
  std::vector<Token> t = Tokenize(text);
  std::vector<std::string> out;
  auto add = [&out](const CivilDate& d) {
    if (!IsValidDate(d)) return;
    std::string iso = IsoDate(d);
    if (std::find(out.begin(), out.end(), iso) == out.end()) out.push_back(iso);
  };
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    // day [- day] month [era] year
    if (t[i].kind != Tok::kNum || t[i].digits > 2) continue;
    std::vector<int> days = {t[i].value};
    size_t j = i + 1;
    if (j + 1 < t.size() && t[j].kind == Tok::kSep && t[j + 1].kind == Tok::kNum &&
        t[j + 1].digits <= 2) {
      days.push_back(t[j + 1].value);
      j += 2;
    }
    if (j >= t.size() || t[j].kind != Tok::kMonth) continue;
    int month = t[j].value;
    ++j;
    bool ce = false;
    if (j < t.size() && (t[j].kind == Tok::kBe || t[j].kind == Tok::kCe)) {
      ce = t[j].kind == Tok::kCe;
      ++j;
    }
    if (j >= t.size() || t[j].kind != Tok::kNum) continue;
    auto year = YearOf(t[j], ce);
    if (!year) continue;
    for (int d : days) add(Civil(*year, month, d));
    i = j;
  }
  return out;
}

}  // namespace ita::thai
