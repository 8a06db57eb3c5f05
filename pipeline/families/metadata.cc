#include "pipeline/families/metadata.h"

#include <map>

#include <re2/re2.h>

#include <algorithm>

#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

bool Plausible(int y) { return y >= kFirstPlausibleYear && y <= kLastPlausibleYear; }

// A BE year as written, or a CE year converted; 0 when neither is plausible.
int PlausibleBe(const std::string& digits) {
  int y = std::stoi(digits);
  if (Plausible(y)) return y;
  if (Plausible(y + 543)) return y + 543;
  return 0;
}

struct BodyWord {
  std::u32string_view word;
  std::u32string_view full;  // what an abbreviation stands for; empty: itself
};

// Words that start the name of a public body other than a local government, and common
// abbreviations of such bodies. The name runs from the word to the end of its Thai run.
constexpr BodyWord kBodyWords[] = {
    {U"มหาวิทยาลัย", U""}, {U"วิทยาลัย", U""},  {U"โรงเรียน", U""}, {U"โรงพยาบาล", U""},
    {U"สำนักงาน", U""},    {U"กระทรวง", U""},    {U"กรม", U""},      {U"สถาบัน", U""},
    {U"สสอ.", U"สำนักงานสาธารณสุขอำเภอ"}, {U"สสจ.", U"สำนักงานสาธารณสุขจังหวัด"},
    {U"สอศ.", U"สำนักงานคณะกรรมการการอาชีวศึกษา"},
};

// Labels that may stand before an issuer's name at the start of a title-block line; the
// signer's position ("ผู้อำนวยการวิทยาลัย…") names the body that issues the document too.
constexpr std::u32string_view kIssuerLabels[] = {
    U"ประกาศ", U"คำสั่ง", U"ส่วนราชการ", U"หน่วยงาน", U"ชื่อสถานศึกษา", U"ชื่อหน่วยงาน", U"ระเบียบ",
    U"ผู้อำนวยการ"};

// Words that end a body's name in running text (long enough not to occur inside names:
// "ขอ" is in "สาธารณสุขอำเภอ", "ที่" in "ที่ดิน").
constexpr std::u32string_view kNameEnders[] = {
    U"เป็น", U"ได้", U"ซึ่ง", U"โดย", U"ประจำปี", U"ปีงบประมาณ", U"จึง", U"เรื่อง", U"ว่าด้วย", U"ในฐานะ"};

// The body a title-block line names at its start ("ประกาศสำนักงานสาธารณสุขอำเภอหนองใหญ่",
// "ชื่อสถานศึกษา...วิทยาลัยเทคนิคกันทรลักษ์....จังหวัด...ศรีสะเกษ"), or empty. `titled` tells
// whether the line is a title-block line (a label before the name, or nothing but the name
// and its place after it) rather than a sentence that starts with the name.
std::u32string BodyAtLineStart(std::u32string_view line, bool* titled) {
  size_t i = 0;
  *titled = false;
  auto skip = [&] {
    while (i < line.size() && (line[i] == U' ' || line[i] == U'.' || line[i] == U'…' || line[i] == U':'))
      ++i;
  };
  skip();
  for (auto label : kIssuerLabels) {
    if (line.substr(i, label.size()) == label) {
      i += label.size();
      skip();
      *titled = true;
      break;
    }
  }
  // The body word as printed, or with its marks lost (OCR of a bold heading: "วทยาลย").
  auto body_word_end = [&](std::u32string_view word) -> size_t {
    if (line.substr(i, word.size()) == word) return i + word.size();
    size_t at = i;
    for (char32_t c : word) {
      if (thai::IsThaiCombining(c)) continue;
      while (at < line.size() && thai::IsThaiCombining(line[at])) ++at;
      if (at >= line.size() || line[at] != c) return std::u32string_view::npos;
      ++at;
    }
    return word.size() >= 6 ? at : std::u32string_view::npos;  // short words: exact only
  };
  for (const BodyWord& b : kBodyWords) {
    size_t start = body_word_end(b.word);
    if (start == std::u32string_view::npos) continue;
    size_t end = thai::NameRunEnd(line, start);
    std::u32string proper(line.substr(start, end - start));
    // Enders count only past the first letters, so "กรมที่ดิน" keeps its name.
    size_t cut = proper.size();
    for (auto w : kNameEnders) {
      size_t p = proper.find(w, 2);
      if (p != std::u32string::npos && p < cut) cut = p;
    }
    proper.resize(cut);
    // A body word alone ("สำนักงาน") or with a short tail is a common noun, not a name.
    if (proper.size() < 3) return U"";
    size_t after = start + proper.size();
    // "สำนักงานเขตพื้นที่การศึกษาประถมศึกษากำแพงเพชร เขต 1": the area's number is its name's.
    if (size_t area = thai::AreaNumberEnd(line, after); area != after && cut == end - start) {
      size_t digits = area;
      while (digits > after && thai::IsDigitOfEitherSet(line[digits - 1])) --digits;
      proper += U" เขต " + std::u32string(line.substr(digits, area - digits));
      after = area;
    }
    while (after < line.size() && (line[after] == U' ' || line[after] == U'.')) ++after;
    std::u32string_view rest = line.substr(after);
    if (rest.empty() || rest.starts_with(U"อำเภอ") || rest.starts_with(U"จังหวัด") ||
        rest.starts_with(U"อ.") || rest.starts_with(U"จ."))
      *titled = true;
    return std::u32string(b.full.empty() ? b.word : b.full) + proper;
  }
  return U"";
}

// A form's field further along a line: "ชื่อชมรม ชมรมจริยธรรมโรงพยาบาลน้ำยืน   หน่วยงาน โรงพยาบาลน้ำยืน"
// -> the body after the field's label. A club or a unit writes its organisation there.
// Labels of a form's field that holds the issuer, longest first.
constexpr std::u32string_view kFormLabels[] = {U"ชื่อหน่วยงาน", U"หน่วยงาน", U"ส่วนราชการ"};

std::u32string BodyAfterFormLabel(std::u32string_view line, bool* titled) {
  for (size_t p = 1; p < line.size(); ++p) {
    if (line[p - 1] != U' ') continue;
    for (auto label : kFormLabels) {
      if (line.substr(p, label.size()) != label) continue;
      std::u32string found = BodyAtLineStart(line.substr(p), titled);
      if (!found.empty()) return found;
    }
  }
  *titled = false;
  return U"";
}

// "อำเภอหนองใหญ่" / "จังหวัดชลบุรี" inside or right after a body's name.
std::string PlaceAfter(std::u32string_view text, std::u32string_view marker) {
  size_t p = text.find(marker);
  if (p == std::u32string_view::npos) return "";
  size_t i = p + marker.size();
  while (i < text.size() && (text[i] == U' ' || text[i] == U'.')) ++i;
  size_t end = i;
  while (end < text.size() && thai::IsNameChar(text[end])) ++end;
  return thai::EncodeUtf8(text.substr(i, end - i));
}

// The issuer when it is not a local government: the first title-block line that names a public
// body (label or name alone), else the first line among the first `sentence_lines` that starts
// with one. Province and district only where written with the name or just below it.
std::optional<Organization> FindOtherBody(const std::vector<std::string>& lines,
                                          size_t sentence_lines, size_t* line_index) {
  std::u32string block;
  for (const std::string& l : lines) block += thai::DecodeUtf8(l) + U"\n";
  std::optional<size_t> chosen;
  std::u32string name;
  for (int pass = 0; pass < 2 && !chosen; ++pass) {
    for (size_t k = 0; k < lines.size() && !chosen; ++k) {
      if (pass == 1 && k >= sentence_lines) break;
      bool titled = false;
      std::u32string line = thai::DecodeUtf8(lines[k]);
      std::u32string found = BodyAtLineStart(line, &titled);
      if (pass == 0 && (found.empty() || !titled)) found = BodyAfterFormLabel(line, &titled);
      if (found.empty() || (pass == 0 && !titled)) continue;
      chosen = k;
      name = found;
    }
  }
  if (chosen) {
    size_t k = *chosen;
    std::u32string line = thai::DecodeUtf8(lines[k]);
    Organization org;
    org.type = OrganizationType::kOther;
    org.name = thai::EncodeUtf8(name);
    // The name's line and the two after it: a cover gives the body's place under its name.
    size_t at = line.find(name.substr(0, 4));
    std::u32string rest = at == std::u32string::npos ? line : line.substr(at);
    for (size_t j = k + 1; j < lines.size() && j <= k + 2; ++j) rest += U"\n" + thai::DecodeUtf8(lines[j]);
    // ...or anywhere the name is followed by its place: "ของสำนักงาน…หนองใหญ่ / จังหวัดชลบุรี".
    for (size_t p = block.find(name); p != std::u32string::npos; p = block.find(name, p + 1)) {
      size_t q = p + name.size();
      while (q < block.size() && (block[q] == U' ' || block[q] == U'\n')) ++q;
      if (block.compare(q, 5, U"อำเภอ") == 0 || block.compare(q, 7, U"จังหวัด") == 0) {
        size_t end = block.find(U'\n', block.find(U'\n', q) + 1);
        rest += U"\n" + block.substr(q, end == std::u32string::npos ? std::u32string::npos : end - q);
      }
    }
    org.district = PlaceAfter(rest, U"อำเภอ");
    std::string province = PlaceAfter(rest, U"จังหวัด");
    if (auto match = thai::MatchProvince(province); match && !province.empty()) org.province = match->name;
    *line_index = k;
    return org;
  }
  return std::nullopt;
}

}  // namespace

std::string DistrictNamedInIssuer(const std::string& organization_name, const std::vector<std::string>& lines,
                                  std::string* province) {
  std::u32string name;
  for (char32_t c : thai::DecodeUtf8(organization_name))
    if (c != U' ') name.push_back(c);
  if (name.empty()) return "";
  static const std::u32string kDistrict = U"อำเภอ";
  static const std::u32string kProvince = U"จังหวัด";
  std::map<std::u32string, int> found;
  std::map<std::u32string, std::map<std::string, int>> provinces;  // by district
  for (const std::string& line : lines) {
    std::u32string text = thai::DecodeUtf8(line);
    for (size_t at = text.find(kDistrict); at != std::u32string::npos; at = text.find(kDistrict, at + 1)) {
      size_t begin = at + kDistrict.size();
      while (begin < text.size() && text[begin] == U' ') ++begin;
      size_t end = begin;
      while (end < text.size() && thai::IsNameChar(text[end])) ++end;
      std::u32string district = text.substr(begin, end - begin);
      // The longest prefix of the mention that the issuer's name holds: "กันทรลักษ์ตั้งอยู่" ->
      // "กันทรลักษ์" when the text runs on without a space.
      for (size_t n = district.size(); n >= 3; --n) {
        if (name.find(district.substr(0, n)) != std::u32string::npos) {
          ++found[district.substr(0, n)];
          // The province the sentence names next, within a few words.
          size_t after = begin + n;
          size_t p = text.find(kProvince, after);
          if (p != std::u32string::npos && p - after <= 40) {
            size_t from = p + kProvince.size();
            while (from < text.size() && text[from] == U' ') ++from;
            std::string rest = thai::EncodeUtf8(text.substr(from));
            if (auto m = thai::MatchProvince(rest); m && m->distance == 0) ++provinces[district.substr(0, n)][m->name];
          }
          break;
        }
      }
    }
  }
  std::u32string best;
  int most = 0;
  for (const auto& [district, count] : found) {
    if (count > most || (count == most && district.size() > best.size())) {
      best = district;
      most = count;
    }
  }
  if (province != nullptr && !best.empty()) {
    int votes = 0;
    for (const auto& [p, count] : provinces[best]) {
      if (count > votes) {
        *province = p;
        votes = count;
      }
    }
  }
  return thai::EncodeUtf8(best);
}

bool StartsWithIssuerLabel(const std::string& line) {
  std::u32string compact = thai::DecodeUtf8(thai::CompactForMatching(line));
  return std::any_of(std::begin(kFormLabels), std::end(kFormLabels),
                     [&](std::u32string_view label) { return compact.starts_with(label); });
}

std::optional<int> FiscalYearOf(const std::string& text) {
  std::string s = thai::ThaiDigitsToAscii(text);
  // "ประจำปี(งบประมาณ) (พ.ศ.) 2564", "ปีงบประมาณ 2564", "ปี พ.ศ. 2564"; a range means a
  // multi-year plan, which has no single fiscal year. A bare "พ.ศ. 2560" is not a fiscal year:
  // it names an Act, a regulation or a date.
  // SARA AM and SARA AA may stand for each other (a broken font: "ประจาปี", "งบประมำณ"); OCR
  // may read the vowel of "ปี" as another above it ("ประจำปิืงบประมาณ").
  // The first letter of งบประมาณ may be misread ("ปีจบประมาณ"), and OCR of an unusual face may
  // garble what lies between ประจำ and บประมาณ ("ประจวาิปจงีจบประมาณ"): the rest is enough.
  static const RE2 labelled(
      "(?:ประจ[ำา]ป[ีิืั]{1,3}|ปี[ก-ฮ]บประม[าำ]ณ|ประจ\\S{0,10}?บประม[าำ]ณ|ปี)\\s*(?:[ก-ฮ]บประม[าำ]ณ)?\\s*(?:พ\\s*\\.?\\s*ศ\\s*\\.?)?\\s*(\\d{4})"
      "(\\s*(?:-|–|—|ถึง)\\s*(?:พ\\s*\\.?\\s*ศ\\s*\\.?)?\\s*\\d{4})?");
  // A report period that ends on 30 September ends a fiscal year.
  static const RE2 ends_september("สิ้นสุด\\s*(?:วันที่)?\\s*30\\s*(?:กันยายน|ก\\.\\s*ย\\.)\\s*"
                                  "(?:พ\\s*\\.?\\s*ศ\\s*\\.?)?\\s*(\\d{4})");
  std::string year, range;
  re2::StringPiece input(s);
  // Years that cannot be right (OCR turns ๖ into ๒; ITA began in 2556) are passed over.
  while (RE2::FindAndConsume(&input, labelled, &year, &range)) {
    if (!range.empty()) return std::nullopt;
    if (int y = PlausibleBe(year)) return y;
  }
  if (RE2::PartialMatch(s, ends_september, &year)) {
    if (int y = PlausibleBe(year)) return y;
  }
  return std::nullopt;
}

Metadata ReadMetadata(const std::vector<std::string>& lines) {
  Metadata m;
  std::string block;
  for (const std::string& l : lines) {
    block += l;
    block += '\n';
  }
  std::optional<thai::OrganizationMention> local = thai::FindOrganization(block);
  // The line a local government is first named on, to compare with other bodies.
  size_t local_line = lines.size();
  if (local) {
    for (size_t k = 0; k < lines.size(); ++k) {
      if (thai::FindOrganization(lines[k] + (k + 1 < lines.size() ? "\n" + lines[k + 1] : ""))) {
        local_line = k;
        break;
      }
    }
  }
  size_t other_line = lines.size();
  // Other bodies only from the head of the title block: further down, a line that starts
  // with "กระทรวง…" is a wrapped sentence of the body text.
  std::optional<Organization> other = FindOtherBody(lines, 15, &other_line);
  if (other && other_line < local_line) {
    m.organization = *other;
  } else if (local) {
    m.organization = local->organization;
    m.diagnostics = local->diagnostics;
  }
  m.fiscal_year = FiscalYearOf(block);
  return m;
}

}  // namespace ita
