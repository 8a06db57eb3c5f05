// English words, to tell a Latin reading that is a word ("and", "integrity") from letters the
// Latin model made of Thai ("aun." for "อปท.", "aln" for the "ลไก" of "กลไก"). The list is
// Debian's wamerican (/usr/share/dict/american-english).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ita {

class EnglishWords {
 public:
  // The system list; null when the file is missing. It is read at the first lookup, so a
  // process that reads no scanned page never pays for it. ITA_ENGLISH_WORDS may name another
  // file (one word per line).
  static const EnglishWords* System();
  static std::unique_ptr<EnglishWords> Load(const std::string& path);  // null when unreadable
  static std::unique_ptr<EnglishWords> FromWords(std::vector<std::string> words);

  // Exactly as listed ("and", "Facebook", "ID"); a capitalised word also as its lower case
  // ("Policy" at the start of a phrase).
  bool Contains(std::string_view word) const;
  size_t size() const {
    LoadOnce();
    return words_.size();
  }

 private:
  explicit EnglishWords(std::vector<std::string> sorted) : words_(std::move(sorted)) { loaded_.store(true); }
  explicit EnglishWords(std::string path) : path_(std::move(path)) {}
  bool Listed(std::string_view word) const;
  void LoadOnce() const;
  std::string path_;                        // read at the first lookup, when not loaded
  mutable std::once_flag load_once_;
  mutable std::atomic<bool> loaded_{false};
  mutable std::vector<std::string> words_;  // sorted: a binary search costs less memory than a hash set
};

// Whether a Latin reading of a token in a Thai line may replace the Thai model's reading: every
// part (split at hyphens, brackets and end punctuation dropped) is a code in capitals ("ITA",
// "IIT"), a name of four letters or more ("Transparency", "CamScanner"), or an English word.
// Lower-case letters that make no word are the Latin model reading Thai. Without a word list
// only capitals and names are taken.
bool IsPlausibleLatinText(std::string_view reading, const EnglishWords* english);

}  // namespace ita
