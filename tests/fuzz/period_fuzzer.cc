// Fuzzes the period grammar and the prose date finder: no crash, and every date produced is a
// real calendar date with start <= end.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/thai/dates.h"

namespace {

bool Valid(const std::string& iso) {
  if (iso.size() != 10) return false;
  ita::thai::CivilDate d{std::atoi(iso.substr(0, 4).c_str()), std::atoi(iso.substr(5, 2).c_str()),
                         std::atoi(iso.substr(8, 2).c_str())};
  return ita::thai::IsValidDate(d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  for (std::optional<int> fy : {std::optional<int>{}, std::optional<int>{2564}}) {
    ita::Period p = ita::thai::ParsePeriod(input, {fy});
    if (p.start.empty() != p.end.empty()) std::abort();
    if (!p.start.empty() && (!Valid(p.start) || !Valid(p.end) || p.start > p.end)) std::abort();
    if (p.start.empty() && p.reason.empty()) std::abort();
    for (const std::string& d : ita::thai::FindDates(input, {fy})) {
      if (!Valid(d)) std::abort();
    }
  }
  return 0;
}
