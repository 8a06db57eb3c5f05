// Thai local-government names and places.
//
//   OrganizationTypeOf("เทศบาลเมืองบ้านทุ่ม")          -> kThesabanMueang
//   OrganizationTypeOf("อบต.ตะโกทอง")                -> kSao
//   MatchProvince("ขอนแก่น")                        -> {"ขอนแก่น", 0}
//   MatchProvince("ขอนแกน")   (OCR lost a tone mark) -> {"ขอนแก่น", 1}
//   FindOrganization("เทศบาลตำบลคงสมบูรณ์ อำเภอท่าคันโท จังหวัดกาฬสินธุ์")
//       -> name "เทศบาลตำบลคงสมบูรณ์", district "ท่าคันโท", province "กาฬสินธุ์"
//
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/document.h"

namespace ita::thai {

// The 77 provinces (กรุงเทพมหานคร included), in Thai.
const std::vector<std::string>& Provinces();

struct ProvinceMatch {
  std::string name;
  int distance = 0;  // edits between the text and the name; 0 = exact
};

// The province a name (or the start of a longer Thai run) refers to, allowing up to two
// character errors for names of five or more letters. nullopt when none is close enough.
std::optional<ProvinceMatch> MatchProvince(std::string_view text);

// The districts of each province (districts.cc): names without "อำเภอ"/"เขต", space-separated.
struct ProvinceDistricts {
  const char* province;
  const char* districts;
};
const std::vector<ProvinceDistricts>& DistrictsByProvince();

// The district a name read after "อำเภอ" is: exact, or within one edit (two for names of
// eight letters or more) of exactly one district of `province` (of any province when it is
// empty: then one edit, and names of five letters or more). nullopt when none is that close,
// or two are.
std::optional<ProvinceMatch> MatchDistrict(std::string_view name, std::string_view province);

OrganizationType OrganizationTypeOf(std::string_view name);

struct OrganizationMention {
  Organization organization;
  std::vector<std::string> diagnostics;  // e.g. a province read with an OCR correction
};

// The first local-government name in `text`, with the district and province that follow it
// (or, failing that, the first ones anywhere in `text`).
std::optional<OrganizationMention> FindOrganization(std::string_view text);

// A character that can be part of a Thai name: letters, marks and SARA AM.
bool IsNameChar(char32_t c);

// The end of the name that starts at `pos`: Thai name characters, joined by a hyphen between
// two Thai letters ("ท่าเดื่อ-มืดกา": two villages' names make one).
size_t NameRunEnd(std::u32string_view s, size_t pos);

// " เขต 1" / "เขต ๒" right at `pos` (an education area's number, part of its name): the end
// of it, or `pos` when there is none.
size_t AreaNumberEnd(std::u32string_view s, size_t pos);

// Edit distance in code points: insertions, deletions, substitutions and swaps of neighbours
// (optimal string alignment).
int EditDistance(std::u32string_view a, std::u32string_view b);

// The smallest EditDistance between `pattern` and any substring of `text` (the pattern may
// start and end anywhere in the text): one dynamic programme instead of one per window.
int SubstringEditDistance(std::u32string_view text, std::u32string_view pattern);

// As SubstringEditDistance, for substrings that start within `lead` characters of the text's
// start (a title opens its line); a later start pays for the characters skipped.
int LeadingSubstringEditDistance(std::u32string_view text, std::u32string_view pattern, size_t lead);

}  // namespace ita::thai
