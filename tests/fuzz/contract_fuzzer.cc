// Fuzzes the contract reader that `validate`, `export` and `report` use on files from disk: no
// crash on any bytes, and a record it accepts reads back the same after being written again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/io/contract_json.h"
#include "pipeline/io/contract_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto read = ita::ReadContractJson(text);
  if (!read) return 0;
  std::string written = ita::ToContractText(*read);
  auto again = ita::ReadContractJson(written);
  if (!again) std::abort();
  if (ita::ToContractText(*again) != written) std::abort();
  return 0;
}
