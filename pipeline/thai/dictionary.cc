#include "pipeline/thai/dictionary.h"

#include <datrie/alpha-map.h>
#include <datrie/trie.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <unordered_map>
#include <sstream>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

Trie* AsTrie(void* p) { return static_cast<Trie*>(p); }
TrieState* AsState(void* p) { return static_cast<TrieState*>(p); }

// libdatrie keys are zero-terminated AlphaChar (UCS-4) strings.
std::vector<AlphaChar> Key(std::u32string_view word) {
  std::vector<AlphaChar> key(word.begin(), word.end());
  key.push_back(0);
  return key;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Every key of a libdatrie trie, as UCS-4 text: fn(word) for each until it returns false.
template <typename Fn>
void ForEachKey(const Trie* trie, Fn fn) {
  TrieState* root = trie_root(trie);
  TrieIterator* it = trie_iterator_new(root);
  while (trie_iterator_next(it)) {
    AlphaChar* key = trie_iterator_get_key(it);
    std::u32string word;
    for (AlphaChar* k = key; *k; ++k) word.push_back(static_cast<char32_t>(*k));
    free(key);
    if (!fn(std::move(word))) break;
  }
  trie_iterator_free(it);
  trie_state_free(root);
}

// ๆ and ฯ are written apart from words; digits are not words.
bool IsRunChar(char32_t c) { return IsThai(c) && !IsThaiDigit(c) && c != 0x0E46 && c != 0x0E2F; }

}  // namespace

ThaiDictionary::Walker::~Walker() {
  if (state_) trie_state_free(AsState(state_));
}

ThaiDictionary::Walker::Walker(const Walker& other)
    : state_(other.state_ ? trie_state_clone(AsState(other.state_)) : nullptr), spent_(other.spent_) {}

bool ThaiDictionary::Walker::Step(char32_t c) {
  if (!state_ || spent_) return false;
  if (trie_state_walk(AsState(state_), static_cast<AlphaChar>(c))) return true;
  spent_ = true;
  return false;
}

bool ThaiDictionary::Walker::AtWordEnd() const {
  return state_ && !spent_ && trie_state_is_walkable(AsState(state_), TRIE_CHAR_TERM);
}

void ThaiDictionary::Walker::Rewind() {
  if (!state_) return;
  trie_state_rewind(AsState(state_));
  spent_ = false;
}

ThaiDictionary::ThaiDictionary() = default;

ThaiDictionary::~ThaiDictionary() {
  if (trie_) trie_free(AsTrie(trie_));
}

bool ThaiDictionary::Add(std::u32string_view word) {
  // One-letter entries would cover any stray letter and hide unknown text.
  if (word.size() < 2 || !std::all_of(word.begin(), word.end(), IsRunChar)) return false;
  if (!trie_) {
    AlphaMap* map = alpha_map_new();
    alpha_map_add_range(map, 0x0E01, 0x0E5B);
    trie_ = trie_new(map);
    alpha_map_free(map);
  }
  std::vector<AlphaChar> key = Key(word);
  return trie_store_if_absent(AsTrie(trie_), key.data(), 1);
}

std::unique_ptr<ThaiDictionary> ThaiDictionary::FromWords(const std::vector<std::string>& utf8_words) {
  std::unique_ptr<ThaiDictionary> dict(new ThaiDictionary());
  for (const std::string& w : utf8_words) dict->Add(DecodeUtf8(w));
  return dict;
}

std::unique_ptr<ThaiDictionary> ThaiDictionary::Load(const std::vector<std::string>& paths) {
  std::unique_ptr<ThaiDictionary> dict(new ThaiDictionary());
  std::vector<std::u32string> listed;
  for (const std::string& path : paths) {
    if (EndsWith(path, ".tri")) {
      Trie* trie = trie_new_from_file(path.c_str());
      if (!trie) continue;
      // Copied word by word into our own trie, whose alphabet is all of Thai: libthai's trie
      // may lack letters that other lists use.
      ForEachKey(trie, [&](std::u32string word) {
        listed.push_back(std::move(word));
        return true;
      });
      trie_free(trie);
      continue;
    }
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      size_t slash = line.find('/');
      if (slash != std::string::npos) line.resize(slash);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) listed.push_back(DecodeUtf8(line));
    }
  }
  bool any = false;
  for (const std::u32string& w : listed) any |= dict->Add(w);
  if (!any) return nullptr;
  return dict;
}

namespace {

// Where the merged word list is kept between runs: building it inserts 52,000 words one by
// one (a quarter second, paid by every worker process; far more under AddressSanitizer), while
// loading the saved trie is one read. The name carries the sources' sizes and times, so a
// changed list is merged again. Empty when no cache folder can be had.
std::string CachePath(const std::vector<std::string>& paths) {
  const char* base = std::getenv("XDG_CACHE_HOME");
  std::string dir;
  if (base != nullptr && *base != '\0') dir = std::string(base) + "/ita-extract";
  else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') dir = std::string(home) + "/.cache/ita-extract";
  else return "";
  std::string key;
  for (const std::string& p : paths) {
    std::error_code ec;
    auto size = std::filesystem::file_size(p, ec);
    if (ec) continue;
    auto time = std::filesystem::last_write_time(p, ec).time_since_epoch().count();
    key += p + ":" + std::to_string(size) + ":" + std::to_string(time) + ";";
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "";
  return dir + "/thai-words-" + std::to_string(std::hash<std::string>{}(key)) + ".tri";
}

}  // namespace

std::unique_ptr<ThaiDictionary> ThaiDictionary::FromTrieFile(const std::string& path) {
  Trie* trie = trie_new_from_file(path.c_str());
  if (trie == nullptr) return nullptr;
  std::unique_ptr<ThaiDictionary> dict(new ThaiDictionary());
  dict->trie_ = trie;
  // Not empty: one key is enough to know (walking them all would cost most of a start).
  bool any = false;
  ForEachKey(trie, [&](std::u32string) { return !(any = true); });
  if (!any) return nullptr;
  return dict;
}

bool ThaiDictionary::SaveTrie(const std::string& path) const {
  if (!trie_) return false;
  std::string tmp = path + ".partial." + std::to_string(std::hash<std::string>{}(path + std::to_string(reinterpret_cast<uintptr_t>(this))));
  if (trie_save(AsTrie(trie_), tmp.c_str()) != 0) return false;
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

const ThaiDictionary* ThaiDictionary::System() {
  static const ThaiDictionary* dict = [] {
    std::vector<std::string> paths = {"/usr/share/libthai/thbrk.tri",
                                      "/usr/share/hunspell/th_TH.dic"};
    if (const char* extra = std::getenv("ITA_THAI_WORDS")) {
      std::stringstream list(extra);
      std::string p;
      while (std::getline(list, p, ':'))
        if (!p.empty()) paths.push_back(p);
    }
    std::string cache = CachePath(paths);
    if (!cache.empty()) {
      if (auto cached = FromTrieFile(cache)) return cached.release();  // lives for the process
    }
    std::unique_ptr<ThaiDictionary> built = Load(paths);
    if (built && !cache.empty()) built->SaveTrie(cache);
    return built.release();
  }();
  return dict;
}

size_t ThaiDictionary::size() const {
  size_t n = 0;
  if (trie_) ForEachKey(AsTrie(trie_), [&](std::u32string) { return ++n > 0; });
  return n;
}

bool ThaiDictionary::Contains(std::u32string_view word) const {
  if (!trie_ || word.empty()) return false;
  std::vector<AlphaChar> key = Key(word);
  TrieData data;
  return trie_retrieve(AsTrie(trie_), key.data(), &data);
}

ThaiDictionary::Walker ThaiDictionary::Root() const {
  return Walker(trie_ ? trie_root(AsTrie(trie_)) : nullptr);
}

Segmentation ThaiDictionary::Segment(std::u32string_view run) const {
  const int n = static_cast<int>(run.size());
  struct Best {
    int unknown = 1 << 28;
    int pieces = 1 << 28;
    int from = -1;
    bool word = false;
  };
  std::vector<Best> best(n + 1);
  best[0] = {0, 0, -1, false};
  auto better = [](const Best& a, const Best& b) {
    return a.unknown != b.unknown ? a.unknown < b.unknown : a.pieces < b.pieces;
  };
  Walker w = Root();
  for (int i = 0; i < n; ++i) {
    // A character left outside words.
    Best skip{best[i].unknown + 1, best[i].pieces + 1, i, false};
    if (better(skip, best[i + 1])) best[i + 1] = skip;
    w.Rewind();
    for (int j = i; j < n && w.Step(run[j]); ++j) {
      if (!w.AtWordEnd()) continue;
      Best word{best[i].unknown, best[i].pieces + 1, i, true};
      if (better(word, best[j + 1])) best[j + 1] = word;
    }
  }
  Segmentation s{best[n].unknown, best[n].pieces, n - best[n].unknown, 0};
  for (int at = n; at > 0; at = best[at].from) {
    int length = at - best[at].from;
    if (best[at].word && length >= 3) s.in_long_words += length;
  }
  return s;
}

std::vector<std::u32string> ThaiRuns(std::u32string_view text) {
  std::vector<std::u32string> runs;
  std::u32string run;
  for (char32_t c : text) {
    if (IsRunChar(c)) {
      run.push_back(c);
      continue;
    }
    if (!run.empty()) runs.push_back(std::move(run));
    run.clear();
  }
  if (!run.empty()) runs.push_back(std::move(run));
  return runs;
}

namespace {

// A word without its above/below vowels and tone marks: what OCR keeps of a bold heading
// whose marks it lost ("วทยาลย" for "วิทยาลัย").
std::u32string Skeleton(std::u32string_view word) {
  std::u32string s;
  for (char32_t c : word)
    if (!IsThaiCombining(c)) s.push_back(c);
  return s;
}

}  // namespace

// Skeleton -> the one word that has it (empty when several words share it), for the
// dictionary's words of three letters or more; built on first use.
const std::unordered_map<std::u32string, std::u32string>& ThaiDictionary::SkeletonIndex() const {
  std::call_once(skeletons_built_, [this] {
    if (trie_ == nullptr) return;
    ForEachKey(AsTrie(trie_), [this](std::u32string word) {
      std::u32string skeleton = Skeleton(word);
      if (skeleton.size() < 3) return true;
      auto [slot, fresh] = skeletons_.emplace(skeleton, word);
      if (!fresh && slot->second != word) slot->second.clear();  // ambiguous
      return true;
    });
  });
  return skeletons_;
}

std::u32string ThaiDictionary::RestoreMarks(std::u32string_view run) const {
  const auto& index = SkeletonIndex();
  std::u32string skeleton = Skeleton(run);
  const size_t n = skeleton.size();
  // Fewest pieces covering the whole skeleton with unambiguous words.
  std::vector<int> pieces(n + 1, 1 << 28), from(n + 1, -1);
  std::vector<std::u32string> word(n + 1);
  pieces[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (pieces[i] >= (1 << 28)) continue;
    for (size_t len = 3; i + len <= n && len <= 30; ++len) {
      auto it = index.find(skeleton.substr(i, len));
      if (it == index.end() || it->second.empty()) continue;
      if (pieces[i] + 1 < pieces[i + len]) {
        pieces[i + len] = pieces[i] + 1;
        from[i + len] = static_cast<int>(i);
        word[i + len] = it->second;
      }
    }
  }
  if (pieces[n] >= (1 << 28)) return U"";
  std::vector<const std::u32string*> parts;
  for (size_t at = n; at > 0; at = static_cast<size_t>(from[at])) parts.push_back(&word[at]);
  std::u32string out;
  for (auto p = parts.rbegin(); p != parts.rend(); ++p) out += **p;
  return out;
}

std::string CorrectOcrName(const ThaiDictionary& dict, std::string_view utf8) {
  std::u32string name = DecodeUtf8(utf8);
  auto unknown = [&](const std::u32string& text) {
    int n = 0;
    for (const std::u32string& run : ThaiRuns(text)) n += dict.Segment(run).unknown;
    return n;
  };
  if (unknown(name) == 0) return std::string(utf8);
  // Every single edit; the one that leaves no unknown letter and the fewest words wins, and
  // only if no other edit does as well (an ambiguous correction is no correction).
  std::u32string best;
  int best_pieces = 1 << 30;
  bool tie = false;
  auto consider = [&](const std::u32string& edited) {
    if (unknown(edited) != 0) return;
    int pieces = 0;
    for (const std::u32string& run : ThaiRuns(edited)) pieces += dict.Segment(run).pieces;
    if (pieces < best_pieces) {
      best_pieces = pieces;
      best = edited;
      tie = false;
    } else if (pieces == best_pieces && edited != best) {
      tie = true;
    }
  };
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && IsThai(name[i])) {
      std::u32string deleted = name;
      deleted.erase(i, 1);
      consider(deleted);
    }
    for (char32_t c = 0x0E01; c <= 0x0E4C; ++c) {
      if (!IsRunChar(c)) continue;
      if (i < name.size() && IsThai(name[i]) && c != name[i]) {
        std::u32string replaced = name;
        replaced[i] = c;
        consider(replaced);
      }
      std::u32string inserted = name;
      inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(i), c);
      consider(inserted);
    }
  }
  if (!best.empty() && !tie) return EncodeUtf8(best);
  // A name whose marks OCR lost: each run rebuilt from the words its skeleton spells, when
  // every part of it spells exactly one word.
  std::optional<std::u32string> rebuilt =
      RewriteThaiRuns(name, [&](std::u32string_view run) -> std::optional<std::u32string> {
        if (dict.Segment(run).unknown == 0) return std::u32string(run);
        std::u32string restored = dict.RestoreMarks(run);
        if (restored.empty()) return std::nullopt;
        return restored;
      });
  return rebuilt ? EncodeUtf8(*rebuilt) : std::string(utf8);
}

std::optional<std::u32string> RewriteThaiRuns(
    std::u32string_view text, const std::function<std::optional<std::u32string>(std::u32string_view)>& rewrite) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!IsRunChar(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsRunChar(text[j])) ++j;
    std::optional<std::u32string> run = rewrite(text.substr(i, j - i));
    if (!run) return std::nullopt;
    out += *run;
    i = j;
  }
  return out;
}

double DictionaryCoverage(const ThaiDictionary& dict, std::string_view utf8, int* thai_chars) {
  int total = 0;
  int covered = 0;
  for (const std::u32string& run : ThaiRuns(DecodeUtf8(utf8))) {
    Segmentation s = dict.Segment(run);
    total += static_cast<int>(run.size());
    covered += s.covered;
  }
  if (thai_chars) *thai_chars = total;
  return total == 0 ? 1.0 : static_cast<double>(covered) / total;
}

}  // namespace ita::thai
