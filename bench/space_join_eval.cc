// Measures the ICU-dictionary space joiner (thai::JoinSplitThaiWords) on real text: the text
// fields of contract JSON files (e.g. ../shared/samples-dev/*.expected.json).
//   false joins: spaces between two Thai letters that the document itself has, removed;
//   repairs:     one space inserted at a random point inside a dictionary word, removed.
// Usage: space_join_eval FILE.json...
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>

#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace {

using ita::thai::DecodeUtf8;
using ita::thai::EncodeUtf8;

bool ThaiLetter(char32_t c) { return ita::thai::IsThaiLetter(c) || ita::thai::IsThaiCombining(c) || c == 0x0E33; }

void CollectTexts(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) {
    out.push_back(j.get<std::string>());
  } else if (j.is_array() || j.is_object()) {
    for (const auto& v : j) CollectTexts(v, out);
  }
}

size_t CountThaiSpaces(const std::u32string& s) {
  size_t n = 0;
  for (size_t i = 1; i + 1 < s.size(); ++i) n += s[i] == U' ' && ThaiLetter(s[i - 1]) && ThaiLetter(s[i + 1]);
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i]);
    nlohmann::json j = nlohmann::json::parse(in);
    for (const char* key : {"measures", "action_plan"}) {
      if (j.contains(key)) CollectTexts(j[key], texts);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("th"), status));
  std::mt19937 rng(42);
  size_t spaces = 0, removed = 0, inserted = 0, repaired = 0;
  for (const std::string& t : texts) {
    std::u32string before = DecodeUtf8(t);
    size_t n = CountThaiSpaces(before);
    if (n == 0 && before.size() < 4) continue;
    std::u32string after = DecodeUtf8(ita::thai::JoinSplitThaiWords(t));
    spaces += n;
    removed += n - std::min(n, CountThaiSpaces(after));
    // Split one word of 4+ Thai letters at a random interior point (between clusters).
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(t);
    words->setText(u);
    std::vector<std::pair<int, int>> candidates;
    for (int32_t s = words->first(), e = words->next(); e != icu::BreakIterator::DONE; s = e, e = words->next()) {
      if (e - s >= 4 && ThaiLetter(u.char32At(s))) candidates.push_back({s, e});
    }
    if (candidates.empty()) continue;
    auto [s, e] = candidates[rng() % candidates.size()];
    int cut = s + 1 + static_cast<int>(rng() % (e - s - 1));
    // Never split a base from its marks: move the cut past combining characters.
    while (cut < e && ita::thai::IsThaiCombining(u.char32At(cut))) ++cut;
    if (cut >= e || cut <= s) continue;
    icu::UnicodeString split = u;
    split.insert(cut, u' ');
    std::string split_utf8;
    split.toUTF8String(split_utf8);
    ++inserted;
    repaired += ita::thai::JoinSplitThaiWords(split_utf8) == ita::thai::JoinSplitThaiWords(t);
  }
  std::printf("texts: %zu\n", texts.size());
  std::printf("document spaces between Thai letters: %zu, joined: %zu (%.1f%%)\n", spaces, removed,
              spaces ? 100.0 * removed / spaces : 0.0);
  std::printf("spaces inserted inside words: %zu, repaired: %zu (%.1f%%)\n", inserted, repaired,
              inserted ? 100.0 * repaired / inserted : 0.0);
  return 0;
}
