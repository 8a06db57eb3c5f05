#include "pipeline/io/organization_groups.h"

#include <algorithm>
#include <map>

#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"
#include "pipeline/io/contract_fields.h"

namespace ita {
using Json = nlohmann::json;

std::vector<OrganizationGroup> GroupOrganizations(const std::vector<ContractRecord>& records) {
  std::vector<OrganizationGroup> groups;
  std::vector<std::map<std::string, int>> spellings;
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& org = JsonAt(JsonAt(records[i].json, field::kDocument), field::kOrganization);
    std::string name = JsonText(org, field::kName);
    std::string district = JsonText(org, field::kDistrict), province = JsonText(org, field::kProvince);
    std::u32string compact;
    for (char32_t c : thai::DecodeUtf8(name))
      if (c != U' ') compact.push_back(c);
    size_t found = groups.size();
    for (size_t g = 0; g < groups.size() && !name.empty(); ++g) {
      if (groups[g].province != province || groups[g].district != district) continue;
      for (const auto& [spelling, count] : spellings[g]) {
        std::u32string other;
        for (char32_t c : thai::DecodeUtf8(spelling))
          if (c != U' ') other.push_back(c);
        // Two OCR slips in a long name; none in a short one.
        int allowed = compact.size() >= 12 ? 2 : 0;
        if (thai::EditDistance(compact, other) <= allowed) {
          found = g;
          break;
        }
      }
      if (found != groups.size()) break;
    }
    if (found == groups.size()) {
      groups.push_back({name, district, province, {}, {}});
      spellings.emplace_back();
    }
    groups[found].records.push_back(i);
    ++spellings[found][name];
  }
  // A body read once without its place ("โรงพยาบาลน้ำยืน", or without its district) and once
  // with it is one body, when exactly one group that places it further has that name.
  auto places_further = [](const OrganizationGroup& a, const OrganizationGroup& b) {
    if (!a.province.empty() && a.province != b.province) return false;
    if (!a.district.empty() && a.district != b.district) return false;
    return (a.province.empty() && !b.province.empty()) || (a.district.empty() && !b.district.empty());
  };
  for (size_t g = 0; g < groups.size(); ++g) {
    if ((!groups[g].province.empty() && !groups[g].district.empty()) || groups[g].records.empty()) continue;
    size_t into = groups.size();
    int candidates = 0;
    for (size_t o = 0; o < groups.size(); ++o) {
      if (o == g || groups[o].records.empty() || !places_further(groups[g], groups[o])) continue;
      bool same = false;
      for (const auto& [a, na] : spellings[g])
        for (const auto& [b, nb] : spellings[o]) same = same || (!a.empty() && a == b);
      if (same) {
        into = o;
        ++candidates;
      }
    }
    if (candidates != 1) continue;
    for (size_t i : groups[g].records) groups[into].records.push_back(i);
    for (const auto& [spelling, count] : spellings[g]) spellings[into][spelling] += count;
    groups[g].records.clear();
    spellings[g].clear();
  }
  for (size_t g = 0; g < groups.size();) {
    if (groups[g].records.empty()) {
      groups.erase(groups.begin() + static_cast<long>(g));
      spellings.erase(spellings.begin() + static_cast<long>(g));
    } else {
      std::sort(groups[g].records.begin(), groups[g].records.end());
      ++g;
    }
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    std::string best;
    int most = -1;
    for (const auto& [spelling, count] : spellings[g]) {
      if (count > most) {
        best = spelling;
        most = count;
      }
    }
    groups[g].name = best;
    for (const auto& [spelling, count] : spellings[g])
      if (spelling != best) groups[g].variants.push_back(spelling);
  }
  return groups;
}

}  // namespace ita
