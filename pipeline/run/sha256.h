// SHA-256 of a byte stream (FIPS 180-4), for `source.sha256`. Streaming, so a large PDF is
// hashed without being held in memory. Not thread-safe per instance.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ita {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  std::string HexDigest();  // finishes the hash; call once

 private:
  void Block(const unsigned char* p);
  std::array<uint32_t, 8> h_;
  unsigned char buffer_[64];
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

}  // namespace ita
