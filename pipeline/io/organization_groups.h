// One organization however it was read: records grouped by name, district and province, OCR's
// spellings of one name joined (the report's rows, the exports' organization key, validate's
// groups).
#pragma once

#include <string>
#include <vector>

#include "pipeline/io/export.h"

namespace ita {

// Organization groups: for each record, the index of its group and the group's names.
struct OrganizationGroup {
  std::string name;                  // the most frequent spelling
  std::string district;
  std::string province;
  std::vector<std::string> variants; // other spellings, sorted
  std::vector<size_t> records;
};
std::vector<OrganizationGroup> GroupOrganizations(const std::vector<ContractRecord>& records);

}  // namespace ita
