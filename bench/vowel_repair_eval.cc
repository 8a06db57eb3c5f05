// Measures the dictionary vowel repair (thai/vowel_repair.h) on clean text: the strings of
// contract JSON files (e.g. ../shared/samples-dev/*.expected.json) or plain text files.
// Per file:
//   clean:   evidence counts, the modes decided, and the characters the repair changes (every
//            change on clean ground truth is a false repair; target 0);
//   forced:  changes with both modes forced on (how the per-run rule alone behaves);
//   dropped: every ำ printed as า, then repaired: ำ restored / ำ in the text, and wrong changes;
//   aa_am:   every า printed as ำ, then repaired: า restored / า in the text, and wrong changes.
// Usage: vowel_repair_eval FILE...
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/utf8.h"
#include "pipeline/thai/vowel_repair.h"

namespace {

using namespace ita::thai;  // NOLINT: a measurement program

void CollectTexts(const nlohmann::json& j, std::string& out) {
  if (j.is_string()) {
    out += j.get<std::string>();
    out += "\n";
  } else if (j.is_array() || j.is_object()) {
    for (const auto& v : j) CollectTexts(v, out);
  }
}

std::string Replace(std::string_view s, char32_t from, char32_t to) {
  std::u32string t = DecodeUtf8(s);
  for (char32_t& c : t)
    if (c == from) c = to;
  return EncodeUtf8(t);
}

// Runs of Thai (words as the dictionary sees them) that differ between two texts.
int Differences(std::string_view a, std::string_view b, std::string* examples) {
  std::vector<std::u32string> x = ThaiRuns(DecodeUtf8(a)), y = ThaiRuns(DecodeUtf8(b));
  if (x.size() != y.size()) return -1;
  int d = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i] == y[i]) continue;
    ++d;
    if (examples && examples->size() < 600) *examples += " [" + EncodeUtf8(x[i]) + "->" + EncodeUtf8(y[i]) + "]";
  }
  return d;
}

int Count(std::string_view s, char32_t c) {
  int n = 0;
  for (char32_t x : DecodeUtf8(s)) n += x == c;
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  const ThaiDictionary* dict = ThaiDictionary::System();
  if (!dict) {
    std::fprintf(stderr, "no Thai dictionary (install libthai-data, hunspell-th)\n");
    return 3;
  }
  std::printf("dictionary: %zu words\n", dict->size());
  int total_false = 0, total_forced = 0;
  long am_total = 0, am_restored = 0, am_wrong = 0, aa_total = 0, aa_restored = 0, aa_wrong = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::string text;
    std::string name = argv[i];
    if (name.size() > 5 && name.substr(name.size() - 5) == ".json") {
      nlohmann::json j = nlohmann::json::parse(in);
      for (const char* key : {"document", "measures", "ita_scores", "action_plan"})
        if (j.contains(key)) CollectTexts(j[key], text);
    } else {
      std::stringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
    VowelEvidence e = CountVowelEvidence(*dict, text);
    VowelModes modes = DecideVowelModes(e);
    std::string examples;
    int false_changes = Differences(text, RepairVowels(*dict, text, modes), &examples);
    std::string forced_examples;
    int forced = Differences(text, RepairVowels(*dict, text, {true, true}), &forced_examples);
    total_false += false_changes;
    total_forced += forced;

    std::string dropped = Replace(text, 0x0E33, 0x0E32);
    VowelModes dm = DecideVowelModes(CountVowelEvidence(*dict, dropped));
    std::string fixed = RepairVowels(*dict, dropped, dm);
    int am = Count(text, 0x0E33);
    int restored = Count(fixed, 0x0E33);
    am_total += am;
    am_restored += restored;
    am_wrong += Differences(text, fixed, nullptr);

    std::string aa_text = Replace(text, 0x0E32, 0x0E33);
    VowelModes am_modes = DecideVowelModes(CountVowelEvidence(*dict, aa_text));
    std::string aa_fixed = RepairVowels(*dict, aa_text, am_modes);
    int aa = Count(text, 0x0E32);
    int aa_back = Count(aa_fixed, 0x0E32);
    aa_total += aa;
    aa_restored += aa_back;
    aa_wrong += Differences(text, aa_fixed, nullptr);

    std::printf("%s\n  clean: runs %d evidence dropped %d (sound am %d) aa_as_am %d (sound aa %d)"
                " modes %d/%d false changes %d%s\n  forced both modes: %d changes%s\n"
                "  dropped-AM copy: modes %d/%d, restored %d of %d ำ\n"
                "  AA-as-AM copy: modes %d/%d, restored %d of %d า\n",
                argv[i], e.runs, e.dropped_am, e.am_sound, e.aa_as_am, e.aa_sound, modes.dropped_am,
                modes.aa_as_am, false_changes, examples.c_str(), forced, forced_examples.c_str(),
                dm.dropped_am, dm.aa_as_am, restored, am, am_modes.dropped_am, am_modes.aa_as_am,
                aa_back, aa);
  }
  std::printf("TOTAL false changes (decided modes) %d; with both modes forced %d\n", total_false,
              total_forced);
  std::printf("TOTAL dropped-AM copies: %ld of %ld ำ restored (%.3f), %ld runs still differ from the truth\n",
              am_restored, am_total, am_total ? double(am_restored) / am_total : 0.0, am_wrong);
  std::printf("TOTAL AA-as-AM copies: %ld of %ld า restored (%.3f), %ld runs still differ from the truth\n",
              aa_restored, aa_total, aa_total ? double(aa_restored) / aa_total : 0.0, aa_wrong);
  return 0;
}
