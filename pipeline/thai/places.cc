#include "pipeline/thai/places.h"

#include <algorithm>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

struct TypeWord {
  std::u32string_view word;
  OrganizationType type;
  std::u32string_view full;  // the type word an abbreviation stands for; empty: itself
};

// Longest first, so "องค์การบริหารส่วนตำบล" is not read as a shorter prefix. Abbreviations are
// written out in the name, as the contract's names are "as the document gives them" in full.
constexpr TypeWord kTypeWords[] = {
    {U"องค์การบริหารส่วนตำบล", OrganizationType::kSao, U""},
    {U"องค์การบริหารส่วนจังหวัด", OrganizationType::kPao, U""},
    {U"เทศบาลนคร", OrganizationType::kThesabanNakhon, U""},
    {U"เทศบาลเมือง", OrganizationType::kThesabanMueang, U""},
    {U"เทศบาลตำบล", OrganizationType::kThesabanTambon, U""},
    {U"อบต.", OrganizationType::kSao, U"องค์การบริหารส่วนตำบล"},
    {U"อบจ.", OrganizationType::kPao, U"องค์การบริหารส่วนจังหวัด"},
    {U"ทต.", OrganizationType::kThesabanTambon, U"เทศบาลตำบล"},
    {U"ทม.", OrganizationType::kThesabanMueang, U"เทศบาลเมือง"},
    {U"ทน.", OrganizationType::kThesabanNakhon, U"เทศบาลนคร"},
    {U"อบต", OrganizationType::kSao, U"องค์การบริหารส่วนตำบล"},
    {U"อบจ", OrganizationType::kPao, U"องค์การบริหารส่วนจังหวัด"},
};

// Words that end a name in running text: "เทศบาลตำบลเขาตอกเป็นหน่วยงานที่…".
// Only words too long to sit inside a place name ("ขอ" is in "ขอนแก่น").
constexpr std::u32string_view kNameEnders[] = {
    U"เป็น", U"ได้", U"ซึ่ง", U"โดย", U"ประจำปี", U"ปีงบประมาณ", U"จึง", U"เรื่อง", U"ร่วมกับ",
    U"มีความ", U"มีการ", U"ดำเนิน", U"จัดทำ", U"ประกาศ", U"ว่าด้วย", U"ในฐานะ"};

std::u32string CutAtNameEnder(std::u32string name, size_t keep) {
  size_t cut = name.size();
  for (auto w : kNameEnders) {
    size_t p = name.find(w, keep);
    if (p != std::u32string::npos && p < cut) cut = p;
  }
  name.resize(cut);
  return name;
}

// The Thai run starting at `pos`, stopping at a space, a non-Thai character or a place word.
std::u32string RunAt(std::u32string_view s, size_t pos) {
  static constexpr std::u32string_view kStops[] = {U"อำเภอ", U"จังหวัด", U"ตำบล"};
  size_t i = pos;
  size_t end = NameRunEnd(s, pos);
  while (i < end) {
    if (i > pos) {
      bool stop = false;
      for (auto w : kStops) stop = stop || s.substr(i, w.size()) == w;
      if (stop) break;
    }
    ++i;
  }
  return std::u32string(s.substr(pos, i - pos));
}

// Spaces, and the dots of a form's fill-in line ("จังหวัด.....ศรีสะเกษ").
size_t SkipBlank(std::u32string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == U' ' || s[pos] == U'\n' || s[pos] == U'.' || s[pos] == U'…'))
    ++pos;
  return pos;
}

// Finds `marker` (e.g. "อำเภอ", "อ.") at or after `from`; returns the run after it.
std::optional<std::u32string> AfterMarker(std::u32string_view s, size_t from,
                                          std::initializer_list<std::u32string_view> markers,
                                          size_t* found_at) {
  size_t best = std::u32string_view::npos;
  size_t best_len = 0;
  for (auto m : markers) {
    size_t p = from;
    while ((p = s.find(m, p)) != std::u32string_view::npos) {
      // Abbreviations ("อ.", "จ.") must not be the tail of another word.
      if (m.size() <= 2 && p > 0 && IsNameChar(s[p - 1])) {
        ++p;
        continue;
      }
      break;
    }
    if (p != std::u32string_view::npos && p < best) {
      best = p;
      best_len = m.size();
    }
  }
  if (best == std::u32string_view::npos) {
    // A marker written out that OCR misread by one letter ("อจำเภอ", "อาเภอ"): at the start of
    // a word, its first letter right, one edit from it. Abbreviations are too short to tell.
    for (auto m : markers) {
      if (m.size() < 5) continue;
      for (size_t p = from; p < s.size() && p < best; ++p) {
        if (s[p] != m[0] || (p > 0 && IsNameChar(s[p - 1]))) continue;
        for (size_t len : {m.size(), m.size() + 1, m.size() - 1}) {
          if (p + len <= s.size() && EditDistance(s.substr(p, len), m) <= 1) {
            best = p;
            best_len = len;
            break;
          }
        }
        if (best == p) break;
      }
    }
    if (best == std::u32string_view::npos) return std::nullopt;
  }
  std::u32string run = RunAt(s, SkipBlank(s, best + best_len));
  if (run.empty()) return std::nullopt;
  if (found_at) *found_at = best;
  return run;
}

}  // namespace

bool IsNameChar(char32_t c) { return IsThaiLetter(c) || IsThaiCombining(c) || c == kSaraAm; }

size_t NameRunEnd(std::u32string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size()) {
    if (IsNameChar(s[i])) {
      ++i;
    } else if (s[i] == U'-' && i > pos && i + 1 < s.size() && IsThaiLetter(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

size_t AreaNumberEnd(std::u32string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && s[i] == U' ') ++i;
  if (s.substr(i, 3) != U"เขต") return pos;
  i += 3;
  while (i < s.size() && s[i] == U' ') ++i;
  size_t digits = i;
  while (digits < s.size() && IsDigitOfEitherSet(s[digits])) ++digits;
  return digits > i && digits - i <= 2 ? digits : pos;
}

namespace {

constexpr int kNoAlignment = 1 << 20;

// Optimal string alignment of `pattern` (columns) against `text` (rows), three rolling rows.
// The alignment may start freely within the text's first `free_lead` characters (0: at its
// beginning; npos: anywhere), later starts paying for the text skipped; it may end after any
// row from `end_from` on (the best of them), and is kNoAlignment when the text has none.
int AlignmentDistance(std::u32string_view text, std::u32string_view pattern, size_t free_lead, size_t end_from) {
  const size_t m = pattern.size();
  thread_local std::vector<int> rows;
  rows.assign(3 * (m + 1), 0);
  int* before = rows.data();
  int* prev = before + (m + 1);
  int* cur = prev + (m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  int best = end_from == 0 ? static_cast<int>(m) : kNoAlignment;
  for (size_t i = 1; i <= text.size(); ++i) {
    cur[0] = i <= free_lead ? 0 : static_cast<int>(i - free_lead);
    for (size_t j = 1; j <= m; ++j) {
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (text[i - 1] != pattern[j - 1] ? 1 : 0)});
      if (i > 1 && j > 1 && text[i - 1] == pattern[j - 2] && text[i - 2] == pattern[j - 1])
        v = std::min(v, before[j - 2] + 1);
      cur[j] = v;
    }
    if (i >= end_from) best = std::min(best, cur[m]);
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return best;
}

}  // namespace

int EditDistance(std::u32string_view a, std::u32string_view b) { return AlignmentDistance(a, b, 0, a.size()); }

int SubstringEditDistance(std::u32string_view text, std::u32string_view pattern) {
  return AlignmentDistance(text, pattern, std::u32string_view::npos, 0);
}

int LeadingSubstringEditDistance(std::u32string_view text, std::u32string_view pattern, size_t lead) {
  return AlignmentDistance(text, pattern, lead, 0);
}

const std::vector<std::string>& Provinces() {
  static const std::vector<std::string> provinces = {
      "กรุงเทพมหานคร", "กระบี่", "กาญจนบุรี", "กาฬสินธุ์", "กำแพงเพชร", "ขอนแก่น", "จันทบุรี",
      "ฉะเชิงเทรา", "ชลบุรี", "ชัยนาท", "ชัยภูมิ", "ชุมพร", "เชียงราย", "เชียงใหม่", "ตรัง", "ตราด",
      "ตาก", "นครนายก", "นครปฐม", "นครพนม", "นครราชสีมา", "นครศรีธรรมราช", "นครสวรรค์", "นนทบุรี",
      "นราธิวาส", "น่าน", "บึงกาฬ", "บุรีรัมย์", "ปทุมธานี", "ประจวบคีรีขันธ์", "ปราจีนบุรี", "ปัตตานี",
      "พระนครศรีอยุธยา", "พะเยา", "พังงา", "พัทลุง", "พิจิตร", "พิษณุโลก", "เพชรบุรี", "เพชรบูรณ์",
      "แพร่", "ภูเก็ต", "มหาสารคาม", "มุกดาหาร", "แม่ฮ่องสอน", "ยโสธร", "ยะลา", "ร้อยเอ็ด", "ระนอง",
      "ระยอง", "ราชบุรี", "ลพบุรี", "ลำปาง", "ลำพูน", "เลย", "ศรีสะเกษ", "สกลนคร", "สงขลา", "สตูล",
      "สมุทรปราการ", "สมุทรสงคราม", "สมุทรสาคร", "สระแก้ว", "สระบุรี", "สิงห์บุรี", "สุโขทัย",
      "สุพรรณบุรี", "สุราษฎร์ธานี", "สุรินทร์", "หนองคาย", "หนองบัวลำภู", "อ่างทอง", "อำนาจเจริญ",
      "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี", "อุบลราชธานี"};
  return provinces;
}

namespace {

const std::vector<std::u32string>& DecodedProvinces() {
  static const std::vector<std::u32string> decoded = [] {
    std::vector<std::u32string> out;
    for (const std::string& p : Provinces()) out.push_back(DecodeUtf8(p));
    return out;
  }();
  return decoded;
}

// The smallest edit distance between `name` and a prefix of `run` whose length is within
// `slack` of the name's: one dynamic programme (rows: run prefixes) gives them all.
int PrefixEditDistance(std::u32string_view run, std::u32string_view name, size_t slack) {
  size_t m = name.size();
  return AlignmentDistance(run.substr(0, std::min(run.size(), m + slack)), name, false, m > slack ? m - slack : 0);
}

}  // namespace

std::optional<ProvinceMatch> MatchProvince(std::string_view text) {
  std::u32string run = DecodeUtf8(text);
  const std::vector<std::u32string>& names = DecodedProvinces();
  // Exact: the longest province name the run starts with.
  std::optional<ProvinceMatch> best;
  size_t best_size = 0;
  for (size_t k = 0; k < names.size(); ++k) {
    if (run.compare(0, names[k].size(), names[k]) == 0 && names[k].size() > best_size) {
      best = ProvinceMatch{Provinces()[k], 0};
      best_size = names[k].size();
    }
  }
  if (best) return best;
  // Nearest: a prefix of the run within two edits of a name of five letters or more.
  for (size_t k = 0; k < names.size(); ++k) {
    const std::u32string& name = names[k];
    if (name.size() < 5) continue;
    int allowed = name.size() >= 8 ? 2 : 1;
    int d = PrefixEditDistance(run, name, 2);
    if (d <= allowed && (!best || d < best->distance)) best = ProvinceMatch{Provinces()[k], d};
  }
  return best;
}

namespace {

// Each province's districts, decoded once.
const std::vector<std::pair<std::string, std::vector<std::u32string>>>& DecodedDistricts() {
  static const auto decoded = [] {
    std::vector<std::pair<std::string, std::vector<std::u32string>>> out;
    for (const ProvinceDistricts& p : DistrictsByProvince()) {
      std::vector<std::u32string> names;
      std::string_view list = p.districts;
      for (size_t start = 0; start < list.size();) {
        size_t end = std::min(list.find(' ', start), list.size());
        names.push_back(DecodeUtf8(list.substr(start, end - start)));
        start = end + 1;
      }
      out.emplace_back(p.province, std::move(names));
    }
    return out;
  }();
  return decoded;
}

}  // namespace

std::optional<ProvinceMatch> MatchDistrict(std::string_view name, std::string_view province) {
  std::u32string read = DecodeUtf8(name);
  if (read.empty()) return std::nullopt;
  const std::u32string* best = nullptr;
  int best_distance = 0;
  bool tie = false;
  for (const auto& [province_name, districts] : DecodedDistricts()) {
    if (!province.empty() && province != province_name) continue;
    for (const std::u32string& district : districts) {
      int d = EditDistance(read, district);
      if (d == 0) return ProvinceMatch{EncodeUtf8(district), 0};
      int allowed = province.empty() ? (district.size() >= 5 ? 1 : 0) : district.size() >= 8 ? 2 : district.size() >= 4 ? 1 : 0;
      if (d > allowed) continue;
      if (best && d == best_distance && *best != district) tie = true;
      if (!best || d < best_distance) {
        best = &district;
        best_distance = d;
        tie = false;
      }
    }
  }
  if (!best || tie) return std::nullopt;
  return ProvinceMatch{EncodeUtf8(*best), best_distance};
}

OrganizationType OrganizationTypeOf(std::string_view name) {
  std::u32string s = DecodeUtf8(name);
  for (const TypeWord& t : kTypeWords) {
    if (s.compare(0, t.word.size(), t.word) == 0) return t.type;
  }
  return OrganizationType::kOther;
}

// A type word written out whose marks OCR misread or dropped ("องคํการบริหารส่วนตาบล" for
// องค์การบริหารส่วนตำบล): its letters in order, marks ignored and SARA AM taken for SARA AA
// (OCR drops its circle). Only the long type words: their letters alone are no other word.
// Sets the span found and the type; false when none is there.
bool FindTypeWordByLetters(std::u32string_view s, size_t* at, size_t* end, const TypeWord** type) {
  // The text's letters with the position each came from.
  std::u32string letters;
  std::vector<size_t> from;
  auto letter_of = [](char32_t c) { return c == U'ำ' ? U'า' : c; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsThaiCombining(s[i])) continue;
    letters.push_back(letter_of(s[i]));
    from.push_back(i);
  }
  bool found = false;
  for (const TypeWord& t : kTypeWords) {
    if (t.word.size() < 9) continue;
    std::u32string word;
    for (char32_t c : t.word)
      if (!IsThaiCombining(c)) word.push_back(letter_of(c));
    size_t p = letters.find(word);
    if (p == std::u32string::npos) continue;
    size_t start = from[p];
    size_t stop = from[p + word.size() - 1] + 1;
    while (stop < s.size() && IsThaiCombining(s[stop])) ++stop;
    if (!found || start < *at || (start == *at && t.word.size() > (*type)->word.size())) {
      *at = start;
      *end = stop;
      *type = &t;
      found = true;
    }
  }
  return found;
}

std::optional<OrganizationMention> FindOrganization(std::string_view text) {
  std::u32string s = DecodeUtf8(text);
  size_t at = std::u32string::npos;
  const TypeWord* type = nullptr;
  for (const TypeWord& t : kTypeWords) {
    size_t p = s.find(t.word);
    // Abbreviations must start a word.
    while (p != std::u32string::npos && t.word.size() <= 4 && p > 0 && IsNameChar(s[p - 1]))
      p = s.find(t.word, p + 1);
    if (p != std::u32string::npos && (p < at || (p == at && type && t.word.size() > type->word.size()))) {
      at = p;
      type = &t;
    }
  }
  size_t type_end = type == nullptr ? 0 : at + type->word.size();
  if (type == nullptr && !FindTypeWordByLetters(s, &at, &type_end, &type)) return std::nullopt;
  size_t name_start = type_end;
  size_t rest = name_start;
  while (rest < s.size() && s[rest] == U' ') ++rest;
  std::u32string proper = CutAtNameEnder(RunAt(s, rest), 2);
  if (proper.empty()) return std::nullopt;
  size_t after_name = rest + proper.size();
  // A name wrapped over two lines: "องค์การบริหารส่วนตำบลทุ่ง" / "ท่าช้าง". The next line
  // continues the name when it is one short run alone, or one followed by the district.
  if (after_name < s.size() && s[after_name] == U'\n' && proper.size() <= 12) {
    size_t next = after_name + 1;
    std::u32string tail = RunAt(s, next);
    bool place_word = tail.starts_with(U"อำเภอ") || tail.starts_with(U"จังหวัด") || tail.starts_with(U"ตำบล");
    if (place_word || CutAtNameEnder(tail, 0) != tail) tail.clear();
    size_t end = next + tail.size();
    while (end < s.size() && s[end] == U' ') ++end;
    bool alone = end >= s.size() || s[end] == U'\n' || s.substr(end, 5) == U"อำเภอ" ||
                 s.substr(end, 7) == U"จังหวัด" || s.substr(end, 2) == U"อ.";
    if (!tail.empty() && tail.size() <= 10 && alone) {
      proper += tail;
      after_name = next + tail.size();
    }
  }

  OrganizationMention mention;
  Organization& org = mention.organization;
  org.type = type->type;
  std::u32string_view type_word = type->full.empty() ? type->word : type->full;
  org.name = EncodeUtf8(type_word) + EncodeUtf8(proper);
  // District and province: prefer the ones right after the name, else the first anywhere.
  for (size_t from : {after_name, size_t{0}}) {
    if (org.district.empty()) {
      if (auto d = AfterMarker(s, from, {U"อำเภอ", U"อ."}, nullptr)) org.district = EncodeUtf8(*d);
    }
    if (org.province.empty()) {
      if (auto p = AfterMarker(s, from, {U"จังหวัด", U"จ."}, nullptr)) {
        if (auto match = MatchProvince(EncodeUtf8(*p))) {
          org.province = match->name;
          if (match->distance > 0) {
            mention.diagnostics.push_back("province \"" + EncodeUtf8(*p) + "\" read as \"" +
                                          match->name + "\" (" + std::to_string(match->distance) +
                                          " character(s) corrected)");
          }
        }
      }
    }
  }
  // A district OCR misread by a letter or two is the one its province has by that name.
  if (!org.district.empty()) {
    if (auto match = MatchDistrict(org.district, org.province); match && match->distance > 0) {
      mention.diagnostics.push_back("district \"" + org.district + "\" read as \"" + match->name + "\" (" +
                                    std::to_string(match->distance) + " character(s) corrected)");
      org.district = match->name;
    }
  }
  return mention;
}

}  // namespace ita::thai
