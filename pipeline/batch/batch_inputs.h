// What a batch reads and where each result goes: input expansion, output names, shards.
//
// Output names are derived from the input alone, the same in every run and every shard:
// - a file found under a folder argument D:   OUT/<its path relative to D>, .pdf -> .json
// - a file argument or an @list entry P:       OUT/<P relative to --base> when P is inside the
//   base folder (default: the current folder), else OUT/<P's absolute path without the
//   leading />. So muniA/report.pdf and muniB/report.pdf go to OUT/muniA/report.json and
//   OUT/muniB/report.json, and a folder of flat files keeps its plain NAME.json names.
// Only NAME.pdf (any case) loses its extension; other names keep it (x.bin -> x.bin.json).
// Two inputs of one run that would still share an output (x.pdf beside x.PDF) are told apart
// by a short hash of the input path, added to the name of every one but the first in byte
// order (whatever the order of the arguments).
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace ita {

struct BatchInput {
  std::string path;     // as listed or found
  std::string output;   // relative to the output folder, ends in .json
  std::string problem;  // non-empty: not readable as listed (e.g. missing); gets an error record
};

// A slice of the inputs for one task of an array job: index counts from 0.
struct Shard {
  int index = 0;
  int count = 1;
};

// Expands INPUT arguments: files, folders (searched recursively for *.pdf, sorted), @LIST
// files (one path per line; blank lines and # comments skipped) and @- (the list on `list_in`).
// A path missing from a list, or a broken link to a PDF, becomes an input with a `problem`; a
// missing argument or an unreadable list goes to `fatal` (the batch should not start). What is
// left out goes to `notes` (if given): links to folders not followed, other broken links, a
// folder without a PDF. `follow_links` searches linked folders too (each folder once).
std::vector<BatchInput> ExpandInputs(const std::vector<std::string>& args, const std::string& base,
                                     std::istream* list_in, std::vector<std::string>* fatal,
                                     std::vector<std::string>* notes = nullptr, bool follow_links = false);

// The output path (relative) for `path`; `root` is the folder it was found under, or empty.
std::string OutputPathFor(const std::string& path, const std::string& root, const std::string& base);

// "I/N" with 0 <= I < N; nullopt when malformed.
std::optional<Shard> ParseShard(const std::string& text);

// Whether `input` belongs to `shard`: decided by a hash of its output path, so the slice does
// not depend on the order or the other entries of the list.
bool InShard(const BatchInput& input, const Shard& shard);

// CPUs this process may run on (sched_getaffinity: respects taskset, cgroups' cpusets and
// Slurm's allocation); at least 1.
int AvailableCpus();

}  // namespace ita
