#include "pipeline/families/prose_measures.h"

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

constexpr int kMaxParagraphLines = 5;   // an item's own lines after its first
constexpr int kMinThaiLetters = 12;     // an item shorter than this is a heading or a fragment
constexpr double kMinThaiShare = 0.8;   // of its letters and signs, an item's Thai ones at least
constexpr int kMaxStraySigns = 1;       // "=", "]", "|", "<", ">", "»": a misread picture's soup

// A form's answer or instruction under a question: a box or bracket, "มี" / "ไม่มี" standing
// alone or before "(โปรดระบุ)", "***".
bool EndsParagraph(const std::string& line) {
  std::u32string s = thai::DecodeUtf8(line);
  size_t i = 0;
  while (i < s.size() && s[i] == U' ') ++i;
  if (i == s.size()) return true;
  static constexpr char32_t kMarks[] = {U'(', U'<', U'[', U'☐', U'□', U'○', U'●', U'•', U'*', U'☑', U'✓', U'✔'};
  if (std::find(std::begin(kMarks), std::end(kMarks), s[i]) != std::end(kMarks)) return true;
  static const RE2 answer("^(มี|ไม่มี|ไมม|ไม่ม|ใช่|ไม่ใช่)(\\(|$)");
  return RE2::PartialMatch(thai::CompactForMatching(line), answer);
}

// Reads as Thai: mostly Thai letters and signs, at most one stray sign, enough letters.
bool ReadsAsThai(const std::string& text) {
  int thai_letters = 0, thai = 0, other = 0, stray = 0;
  for (char32_t c : thai::DecodeUtf8(text)) {
    if (c == U' ' || c == U'\n') continue;
    if (thai::IsThai(c)) {
      ++thai;
      thai_letters += thai::IsThaiLetter(c);
    } else {
      ++other;
      if (c == U'=' || c == U']' || c == U'[' || c == U'|' || c == U'<' || c == U'>' || c == U'»' ||
          c == U'«' || c == U'@' || c == U'#' || c == U'~')
        ++stray;
    }
  }
  return thai_letters >= kMinThaiLetters && stray <= kMaxStraySigns &&
         thai >= kMinThaiShare * (thai + other);
}

// The item number a line starts with: "5.", "(5)", "5)", "มาตรการที่ 5", "ข้อ 5"; or a bare "5 " before Thai words
// (OCR drops the dot) when it is the very next number of the list.
std::optional<int> ItemNumber(const std::string& line, int last) {
  if (auto n = thai::LeadingEnumerator(line)) return n;
  // A word that names what is numbered: "มาตรการที่ ๑", "ข้อ 2", "ประการที่ 3", "กิจกรรมที่ 4".
  static const RE2 named("^\\s*(?:มาตรการ|ข้อ|ประการ|กิจกรรม|โครงการ|แนวทาง)\\s*(?:ที่)?\\s*([0-9๐-๙]{1,2})(?:[.:)]|\\s|$)");
  std::string named_digits;
  if (RE2::PartialMatch(line, named, &named_digits)) return std::stoi(thai::ThaiDigitsToAscii(named_digits));
  if (last < 1) return std::nullopt;
  static const RE2 bare("^\\s*([0-9๐-๙]{1,2})\\s+\\p{Thai}");
  std::string digits;
  if (!RE2::PartialMatch(line, bare, &digits)) return std::nullopt;
  int n = std::stoi(thai::ThaiDigitsToAscii(digits));
  return n == last + 1 ? std::optional<int>(n) : std::nullopt;
}

}  // namespace

std::vector<Measure> MeasuresInProse(const std::vector<ProseLine>& lines) {
  std::vector<Measure> items;
  int last = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    std::optional<int> n = ItemNumber(lines[k].text, last);
    // Numbered upwards from the first: a number may be skipped (an unreadable item), never
    // repeated or reversed.
    if (!n || *n <= last || (last == 0 && *n != 1)) continue;
    std::string text = lines[k].text;
    Measure m;
    m.provenance.pages.push_back(lines[k].page + 1);
    Box box = lines[k].box;
    Origin origin = lines[k].origin;
    double confidence = lines[k].confidence;
    size_t j = k + 1;
    for (int taken = 0; j < lines.size() && taken < kMaxParagraphLines; ++j, ++taken) {
      const ProseLine& next = lines[j];
      if (ItemNumber(next.text, *n) || StartsNewItem(next.text) || EndsParagraph(next.text)) break;
      AppendWrapped(text, next.text);
      if (next.page + 1 != m.provenance.pages.back()) m.provenance.pages.push_back(next.page + 1);
      if (next.page == lines[k].page) {
        box.x0 = std::min(box.x0, next.box.x0);
        box.x1 = std::max(box.x1, next.box.x1);
        box.y1 = std::max(box.y1, next.box.y1);
      }
      if (next.origin == Origin::kOcr) origin = Origin::kOcr;
      confidence = std::min(confidence, next.confidence);
    }
    last = *n;
    if (!ReadsAsThai(text)) continue;
    m.seq = *n;
    m.columns[MeasureField::kMeasure] = text;
    m.sources[MeasureField::kMeasure] = FieldSource{lines[k].page + 1, box, origin, confidence};
    if (origin == Origin::kOcr) {
      m.provenance.origin = Origin::kOcr;
      m.provenance.min_confidence = confidence;
      m.confidence[MeasureField::kMeasure] = confidence;
    }
    items.push_back(std::move(m));
    k = j - 1;
  }
  if (items.size() < 2) items.clear();
  return items;
}

}  // namespace ita
