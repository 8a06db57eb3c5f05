// The program's version: printed by --version, written to each record's source.extractor and
// the batch ledger. --resume redoes outputs written by another MAJOR.MINOR (their extraction
// may differ); a patch release keeps them.
#pragma once

#include <string>

namespace ita {

inline constexpr const char* kProgramVersion = "0.2.0";

// Whether output written by `version` counts as current for --resume.
inline bool CompatibleVersion(const std::string& version) {
  std::string current = kProgramVersion;
  auto major_minor = [](const std::string& v) { return v.substr(0, v.rfind('.')); };
  return !version.empty() && major_minor(version) == major_minor(current);
}

}  // namespace ita
