// Repairs of SARA AM (ำ) and SARA AA (า) that broken text layers confuse, decided by a
// dictionary (dictionary.h) and by the document's own statistics, never by lists of words.
//
// Two faults, each the work of one font's broken ToUnicode map, so each is decided once per
// document (DecideVowelModes) from evidence gathered over all its text-layer pages:
//   dropped SARA AM   ตาบล, ดาเนิน, ประจาปี, ส้าคัญ  -> ตำบล, ดำเนิน, ประจำปี, สำคัญ
//   SARA AA as AM     สำนักงำน, กำร, ควำม          -> สำนักงาน, การ, ความ
// Inside a mode, a run of Thai changes only when the change makes it split into fewer unknown
// characters, or into fewer words with none unknown; where both forms are words (ทา/ทำ, นา/นำ,
// คา/คำ, น้า/น้ำ) nothing changes.
//
//   RepairVowels(dict, "องค์การบริหารส่วนตาบล", {.dropped_am = true}) -> "องค์การบริหารส่วนตำบล"
//   RepairVowels(dict, "ทา", {.dropped_am = true})                    -> "ทา"
//   RepairVowels(dict, "สำนักงำน", {.aa_as_am = true})                 -> "สำนักงาน"
//
// Thread-safe (the dictionary is immutable).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/thai/dictionary.h"

namespace ita::thai {

struct VowelModes {
  bool dropped_am = false;  // ำ printed as า (or as a tone mark + า)
  bool aa_as_am = false;    // า printed as ำ
};

// What a text says about its font's vowels. Counts are of runs of Thai (see ThaiRuns).
struct VowelEvidence {
  int runs = 0;
  int dropped_am = 0;  // runs that read better once an า becomes ำ
  int aa_as_am = 0;    // runs that read better once an ำ becomes า
  int am_sound = 0;    // runs holding an ำ that are words as they stand
  int aa_sound = 0;    // runs holding an า that are words as they stand

  VowelEvidence& operator+=(const VowelEvidence& o);
};

VowelEvidence CountVowelEvidence(const ThaiDictionary& dict, std::string_view utf8);

// A mode is on when several distinct runs show the fault and they are not a small share of the
// sound runs (scattered OCR noise or names unknown to the dictionary do not turn a mode on).
VowelModes DecideVowelModes(const VowelEvidence& evidence);

struct VowelRepairCounts {
  int dropped_am = 0;  // ำ restored
  int aa_as_am = 0;    // า restored
};

std::string RepairVowels(const ThaiDictionary& dict, std::string_view utf8, VowelModes modes,
                         VowelRepairCounts* counts = nullptr);

}  // namespace ita::thai
