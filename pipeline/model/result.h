// Result<T>: a value or the Error that kept it from being made (std::expected, C++23).
// Kept apart from document.h so that code built by compilers without <expected> (clang 14's
// libFuzzer builds of the Thai library) can still use the value types.
#pragma once

#include <expected>
#include <string>

#include "pipeline/model/document.h"

namespace ita {

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> Fail(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace ita
