#include "pipeline/thai/vowel_repair.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "pipeline/thai/utf8.h"

namespace ita::thai {
namespace {

// One way to read the character(s) at a position.
struct Alternative {
  int consume;
  char32_t emit;
  bool changed;
};

int Alternatives(std::u32string_view run, size_t p, VowelModes modes, Alternative out[3]) {
  int k = 0;
  out[k++] = {1, run[p], false};
  if (modes.dropped_am && run[p] == kSaraAa) out[k++] = {1, kSaraAm, true};
  // The nikhahit of ำ mapped to a tone mark: "ส้าคัญ" for สำคัญ.
  if (modes.dropped_am && (run[p] == kMaiEk || run[p] == kMaiTho) && p + 1 < run.size() &&
      run[p + 1] == kSaraAa)
    out[k++] = {2, kSaraAm, true};
  if (modes.aa_as_am && run[p] == kSaraAm) out[k++] = {1, kSaraAa, true};
  return k;
}

struct Choice {
  int unknown = 1 << 28;
  int pieces = 1 << 28;
  int changes = 1 << 28;
  int from = -1;         // where the last piece starts
  std::u32string piece;  // the last piece as read

  bool BetterThan(const Choice& o) const {
    if (unknown != o.unknown) return unknown < o.unknown;
    if (pieces != o.pieces) return pieces < o.pieces;
    return changes < o.changes;
  }
};

struct RunReading {
  std::u32string text;
  int unknown = 0;
  int changes = 0;
};

// The best reading of one run of Thai: a dictionary lattice in which each position may be read
// as printed or, within the modes, with the other vowel. Words are walked depth first with one
// shared buffer of what was read, so a walk allocates only where the vowel forks it.
class BestReadingSearch {
 public:
  BestReadingSearch(const ThaiDictionary& dict, std::u32string_view run, VowelModes modes)
      : dict_(dict), run_(run), modes_(modes), best_(run.size() + 1) {
    best_[0].unknown = best_[0].pieces = best_[0].changes = 0;
  }

  RunReading Run() {
    const size_t n = run_.size();
    ThaiDictionary::Walker walker = dict_.Root();
    for (size_t i = 0; i < n; ++i) {
      const Choice& here = best_[i];
      Offer(i + 1, here.unknown + 1, here.pieces + 1, here.changes, i, std::u32string_view(&run_[i], 1));
      start_ = i;
      walker.Rewind();
      read_.clear();
      Walk(walker, i, 0);
    }
    RunReading reading;
    reading.unknown = best_[n].unknown;
    reading.changes = best_[n].changes;
    std::vector<const std::u32string*> pieces;
    for (size_t at = n; at > 0; at = static_cast<size_t>(best_[at].from)) pieces.push_back(&best_[at].piece);
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) reading.text += **it;
    return reading;
  }

 private:
  void Offer(size_t at, int unknown, int pieces, int changes, size_t from, std::u32string_view piece) {
    Choice c;
    c.unknown = unknown;
    c.pieces = pieces;
    c.changes = changes;
    if (!c.BetterThan(best_[at])) return;
    c.from = static_cast<int>(from);
    c.piece = piece;
    best_[at] = std::move(c);
  }

  // Every word that continues `walker` (which has read read_ from start_) at position p. Each
  // way to read p is offered first, in order, then followed, the last first: the order in which
  // equal readings are met decides which is kept.
  void Walk(ThaiDictionary::Walker& walker, size_t p, int changes) {
    if (p >= run_.size()) return;
    Alternative alts[3];
    int count = Alternatives(run_, p, modes_, alts);
    std::optional<ThaiDictionary::Walker> forks[2];
    ThaiDictionary::Walker* walkers[3] = {};
    for (int a = 0; a < count; ++a) {
      // The last way takes the walker itself: no copy of its trie state.
      ThaiDictionary::Walker* w = a + 1 == count ? &walker : &forks[a].emplace(walker);
      if (!w->Step(alts[a].emit)) continue;
      walkers[a] = w;
      if (!w->AtWordEnd()) continue;
      const Choice& here = best_[start_];
      read_.push_back(alts[a].emit);
      Offer(p + alts[a].consume, here.unknown, here.pieces + 1,
            here.changes + changes + (alts[a].changed ? 1 : 0), start_, read_);
      read_.pop_back();
    }
    for (int a = count - 1; a >= 0; --a) {
      if (walkers[a] == nullptr) continue;
      read_.push_back(alts[a].emit);
      Walk(*walkers[a], p + alts[a].consume, changes + (alts[a].changed ? 1 : 0));
      read_.pop_back();
    }
  }

  const ThaiDictionary& dict_;
  std::u32string_view run_;
  VowelModes modes_;
  std::vector<Choice> best_;
  size_t start_ = 0;      // where the words being walked start
  std::u32string read_;   // what the walk has read since start_
};

RunReading ComputeBestReading(const ThaiDictionary& dict, std::u32string_view run, VowelModes modes) {
  return BestReadingSearch(dict, run, modes).Run();
}

// BestReading remembered per thread: a document repeats its runs (headers on every page, the
// same words in many cells), and each is read up to three times (trust, evidence, repair).
RunReading BestReading(const ThaiDictionary& dict, std::u32string_view run, VowelModes modes) {
  struct Memo {
    const ThaiDictionary* dict = nullptr;
    std::unordered_map<std::u32string, RunReading> by_mode[4];
  };
  constexpr size_t kMaxRemembered = 50000;  // per mode; then forgotten all at once
  thread_local Memo memo;
  if (memo.dict != &dict) {
    for (auto& m : memo.by_mode) m.clear();
    memo.dict = &dict;
  }
  auto& remembered = memo.by_mode[(modes.dropped_am ? 1 : 0) + (modes.aa_as_am ? 2 : 0)];
  std::u32string key(run);
  if (auto it = remembered.find(key); it != remembered.end()) return it->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  RunReading reading = ComputeBestReading(dict, run, modes);
  remembered.emplace(std::move(key), reading);
  return reading;
}

}  // namespace

VowelEvidence& VowelEvidence::operator+=(const VowelEvidence& o) {
  runs += o.runs;
  dropped_am += o.dropped_am;
  aa_as_am += o.aa_as_am;
  am_sound += o.am_sound;
  aa_sound += o.aa_sound;
  return *this;
}

VowelEvidence CountVowelEvidence(const ThaiDictionary& dict, std::string_view utf8) {
  VowelEvidence e;
  for (const std::u32string& run : ThaiRuns(DecodeUtf8(utf8))) {
    ++e.runs;
    bool has_aa = run.find(kSaraAa) != std::u32string::npos;
    bool has_am = run.find(kSaraAm) != std::u32string::npos;
    if (!has_aa && !has_am) continue;
    int unknown = dict.Segment(run).unknown;
    // Clean text gives no evidence: on the development ground truth no run changes even with
    // both modes forced on (bench/vowel_repair_eval).
    if (has_aa) {
      if (BestReading(dict, run, {.dropped_am = true}).changes > 0) ++e.dropped_am;
      else if (unknown == 0) ++e.aa_sound;
    }
    if (has_am) {
      if (BestReading(dict, run, {.aa_as_am = true}).changes > 0) ++e.aa_as_am;
      else if (unknown == 0) ++e.am_sound;
    }
  }
  return e;
}

VowelModes DecideVowelModes(const VowelEvidence& e) {
  VowelModes modes;
  // Sound runs with ำ are ten times rarer than with า in Thai text, so each fault is weighed
  // against the runs that show the vowel it would replace.
  modes.dropped_am = e.dropped_am >= 3 && e.dropped_am * 4 >= e.am_sound;
  modes.aa_as_am = e.aa_as_am >= 3 && e.aa_as_am * 4 >= e.aa_sound;
  return modes;
}

std::string RepairVowels(const ThaiDictionary& dict, std::string_view utf8, VowelModes modes,
                         VowelRepairCounts* counts) {
  if (!modes.dropped_am && !modes.aa_as_am) return std::string(utf8);
  auto count = [](std::u32string_view s, char32_t c) {
    return static_cast<int>(std::count(s.begin(), s.end(), c));
  };
  std::optional<std::u32string> out =
      RewriteThaiRuns(DecodeUtf8(utf8), [&](std::u32string_view run) -> std::optional<std::u32string> {
        RunReading reading = BestReading(dict, run, modes);
        if (reading.changes == 0) return std::u32string(run);
        if (counts) {
          counts->dropped_am += std::max(0, count(reading.text, kSaraAm) - count(run, kSaraAm));
          counts->aa_as_am += std::max(0, count(reading.text, kSaraAa) - count(run, kSaraAa));
        }
        return reading.text;
      });
  return EncodeUtf8(*out);
}

}  // namespace ita::thai
