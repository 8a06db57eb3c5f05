// SHA-256 of a byte stream, for `source.sha256` and the batch's duplicate and resume checks.
// OpenSSL's EVP digest (libssl-dev) behind a small streaming class, so a large PDF is hashed
// without being held in memory. Not thread-safe per instance.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ita {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  std::string HexDigest();  // finishes the hash; call once

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// The hex SHA-256 of a file's bytes; nullopt when it cannot be read (`error` says why).
std::optional<std::string> Sha256OfFile(const std::string& path, std::string* error);

// 16 hex digits of SHA-256 over `text`: short stable ids.
std::string ShortHash(const std::string& text);

}  // namespace ita
