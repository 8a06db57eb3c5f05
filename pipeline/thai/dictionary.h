// A Thai word list, used as evidence: which runs of Thai are words, and how much of a text the
// words cover. Repairs that guess a vowel (vowel_repair.h) and the per-page trust in a text
// layer (layout/text_source_policy.h) are decided by it, never by lists of exact strings.
//
// The system dictionaries are libthai's (the trie its word breaker uses, read with libdatrie)
// and hunspell-th's word list; both are Debian packages (libthai-data, hunspell-th).
//
//   dict.Contains(U"ดำเนิน")  -> true       dict.Contains(U"ดาเนิน") -> false
//   dict.Segment(U"ดำเนินการตามแผน") -> {unknown 0, words 3}
//   dict.Segment(U"ตาบลบ้านนา")      -> {unknown 2, …}  ("ตา" + "บล"?: บล is no word)
//
// Thread-safety: a loaded dictionary is immutable; every const method may be called from any
// thread (each walk has its own libdatrie state).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ita::thai {

// How well a run of Thai splits into words: characters left outside any word, then the number
// of pieces (words plus unknown characters). Lower is better, compared in that order.
struct Segmentation {
  int unknown = 0;
  int pieces = 0;
  int covered = 0;         // characters inside dictionary words
  int in_long_words = 0;   // characters inside words of three or more characters: text whose
                           // letters are shuffled still splits into two-letter words
};

class ThaiDictionary {
 public:
  // A step-by-step walk down the word trie, for lattices that branch on alternatives.
  class Walker {
   public:
    ~Walker();
    Walker(const Walker& other);
    Walker(Walker&& other) noexcept : state_(other.state_), spent_(other.spent_) { other.state_ = nullptr; }
    Walker& operator=(const Walker&) = delete;
    bool Step(char32_t c);      // false (and the walker is spent) when no word continues so
    bool AtWordEnd() const;     // the characters so far are a whole word
    void Rewind();              // back to the root, reusing the state (no allocation)

   private:
    friend class ThaiDictionary;
    explicit Walker(void* state) : state_(state) {}
    void* state_;         // libdatrie TrieState
    bool spent_ = false;  // a Step failed; the state is kept for Rewind
  };

  // Held by pointer (Load, FromWords, System); never copied or moved.
  ThaiDictionary(const ThaiDictionary&) = delete;
  ThaiDictionary& operator=(const ThaiDictionary&) = delete;
  ~ThaiDictionary();

  // The system dictionaries (see above), loaded once; null when none could be read. The
  // environment variable ITA_THAI_WORDS may name extra word lists (':'-separated).
  static const ThaiDictionary* System();

  // From `paths`: files ending in .tri are libdatrie tries (libthai's format), others are word
  // lists (one word per line; a hunspell .dic's count line and /flags are ignored). Files that
  // cannot be read are skipped; empty result when none could be.
  static std::unique_ptr<ThaiDictionary> Load(const std::vector<std::string>& paths);
  // From words in memory (tests, project additions).
  static std::unique_ptr<ThaiDictionary> FromWords(const std::vector<std::string>& utf8_words);
  // A trie saved by SaveTrie (System keeps the merged lists so in the user's cache folder,
  // ~/.cache/ita-extract: loading it is one read); null when unreadable.
  static std::unique_ptr<ThaiDictionary> FromTrieFile(const std::string& path);
  bool SaveTrie(const std::string& path) const;  // atomically (temporary file, then rename)

  size_t size() const;  // counts the words (a walk of the whole trie)
  bool Contains(std::u32string_view word) const;
  Walker Root() const;
  // The best split of `run` (Thai letters only; any other character counts as unknown).
  Segmentation Segment(std::u32string_view run) const;
  // `run` with the above/below vowels and tone marks of the words its letters spell, when its
  // letters split into words of three or more letters each spelled by one word alone; empty
  // otherwise. "วทยาลยเทคนค" -> "วิทยาลัยเทคนิค".
  std::u32string RestoreMarks(std::u32string_view run) const;

 private:
  ThaiDictionary();
  bool Add(std::u32string_view word);
  const std::unordered_map<std::u32string, std::u32string>& SkeletonIndex() const;

  void* trie_ = nullptr;  // libdatrie Trie
  // Words by their skeleton, for RestoreMarks; built once, on first use.
  mutable std::once_flag skeletons_built_;
  mutable std::unordered_map<std::u32string, std::u32string> skeletons_;
};

// Share of the Thai letters of `utf8` that lie inside dictionary words (1.0 when it has none).
// `thai_chars` receives how many Thai letters were counted.
double DictionaryCoverage(const ThaiDictionary& dict, std::string_view utf8, int* thai_chars = nullptr);

// A name read by OCR with one wrong, missing or extra letter ("วิทยาลัยเทคบิคกันทรลักษ์"), or
// with the marks of a bold heading lost ("วทยาลยเทคนคกนทรลกษ"): when one edit, or restoring
// the marks (RestoreMarks), makes every run of it dictionary words, the mended name; otherwise
// the name unchanged. Only for OCR text: names in a text layer are as printed, and a place
// name unknown to the dictionary is no error.
std::string CorrectOcrName(const ThaiDictionary& dict, std::string_view utf8);

// The runs `utf8` splits into for dictionary work: maximal sequences of Thai letters and marks
// (no digits, no ๆ or ฯ), in order.
std::vector<std::u32string> ThaiRuns(std::u32string_view text);

// `text` with each run of Thai (as ThaiRuns splits it) replaced by `rewrite(run)`, everything
// else kept; nullopt as soon as `rewrite` returns nullopt.
std::optional<std::u32string> RewriteThaiRuns(
    std::u32string_view text, const std::function<std::optional<std::u32string>(std::u32string_view)>& rewrite);

}  // namespace ita::thai
