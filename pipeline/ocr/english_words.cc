#include "pipeline/ocr/english_words.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

namespace ita {

namespace {

std::vector<std::string> SortedUnique(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  words.shrink_to_fit();
  return words;
}

std::vector<std::string> ReadSortedWords(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> words;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) words.push_back(std::move(line));
  }
  return SortedUnique(std::move(words));
}

}  // namespace

const EnglishWords* EnglishWords::System() {
  static const std::unique_ptr<EnglishWords> words = []() -> std::unique_ptr<EnglishWords> {
    const char* env = std::getenv("ITA_ENGLISH_WORDS");
    std::string path = env && *env ? env : "/usr/share/dict/american-english";
    if (!std::ifstream(path)) return nullptr;
    return std::unique_ptr<EnglishWords>(new EnglishWords(path));
  }();
  return words.get();
}

std::unique_ptr<EnglishWords> EnglishWords::Load(const std::string& path) {
  std::vector<std::string> words = ReadSortedWords(path);
  if (words.empty()) return nullptr;
  return std::unique_ptr<EnglishWords>(new EnglishWords(std::move(words)));
}

std::unique_ptr<EnglishWords> EnglishWords::FromWords(std::vector<std::string> words) {
  return std::unique_ptr<EnglishWords>(new EnglishWords(SortedUnique(std::move(words))));
}

void EnglishWords::LoadOnce() const {
  if (loaded_.load(std::memory_order_acquire)) return;
  std::call_once(load_once_, [this] {
    words_ = ReadSortedWords(path_);
    loaded_.store(true, std::memory_order_release);
  });
}

bool EnglishWords::Listed(std::string_view word) const {
  LoadOnce();
  return std::binary_search(words_.begin(), words_.end(), word,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

bool EnglishWords::Contains(std::string_view word) const {
  if (word.empty()) return false;
  if (Listed(word)) return true;
  if (!std::isupper(static_cast<unsigned char>(word[0]))) return false;
  std::string lower(word);
  lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return Listed(lower);
}

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool PlausiblePart(std::string_view part, const EnglishWords* english) {
  int upper = static_cast<int>(std::count_if(part.begin(), part.end(), IsUpper));
  int lower = static_cast<int>(std::count_if(part.begin(), part.end(), IsLower));
  if (upper + lower == 0) return true;             // digits or signs between hyphens
  if (part.size() == 1) return true;               // a prefix: "e-mail", "E-Service"
  if (lower == 0) return true;                     // a code in capitals: "ITA", "D", "OIT"
  if (upper > 0 && part.size() >= 4) return true;  // a name: "Transparency", "CamScanner"
  return english != nullptr && english->Contains(part);
}

}  // namespace

bool IsPlausibleLatinText(std::string_view reading, const EnglishWords* english) {
  // Brackets, quotes and end punctuation are not part of the word.
  auto letterish = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '&'; };
  size_t begin = 0, end = reading.size();
  while (begin < end && !letterish(reading[begin]) && reading[begin] != '-') ++begin;
  while (end > begin && !letterish(reading[end - 1])) --end;
  std::string_view core = reading.substr(begin, end - begin);
  if (core.empty()) return false;
  size_t start = 0;
  while (start <= core.size()) {
    size_t hyphen = core.find('-', start);
    if (hyphen == std::string_view::npos) hyphen = core.size();
    if (!PlausiblePart(core.substr(start, hyphen - start), english)) return false;
    start = hyphen + 1;
  }
  return true;
}

}  // namespace ita
