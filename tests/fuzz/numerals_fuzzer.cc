// Fuzzes the Thai number parsers and the digit splicer: no crash, finite results, and the
// splice without a second reading gives back the first.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "pipeline/thai/numerals.h"
#include "pipeline/thai/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  for (auto parse : {ita::thai::ParseDecimal, ita::thai::ParseAmountBaht, ita::thai::ParsePercent}) {
    if (auto v = parse(input); v && !std::isfinite(*v)) std::abort();
  }
  (void)ita::thai::ParseInteger(input);
  if (auto e = ita::thai::LeadingEnumerator(input); e && *e < 0) std::abort();
  // Two readings: the input split at its first NUL (or in half).
  size_t cut = input.find('\0');
  if (cut == std::string::npos) cut = input.size() / 2;
  std::string text = input.substr(0, cut), digits = input.substr(std::min(cut + 1, input.size()));
  std::string spliced = ita::thai::SpliceDigitRuns(text, digits);
  // Without a numeric reading the text reading stays as it decodes (invalid bytes replaced).
  if (digits.empty() && spliced != ita::thai::EncodeUtf8(ita::thai::DecodeUtf8(text))) std::abort();
  return 0;
}
