// Fuzzes Thai repair: any bytes in, valid UTF-8 out, idempotent on its own output, no crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/thai/numerals.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string once = ita::thai::RepairThai(input);
  // The output must be valid UTF-8: decoding it must not produce replacement characters that
  // were not in it already.
  std::u32string decoded = ita::thai::DecodeUtf8(once);
  if (ita::thai::EncodeUtf8(decoded) != once) std::abort();
  ita::thai::ParseAmountBaht(input);
  ita::thai::ParseDecimal(input);
  ita::thai::LeadingEnumerator(input);
  return 0;
}
