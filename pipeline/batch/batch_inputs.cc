#include "pipeline/batch/batch_inputs.h"

#include <sched.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "pipeline/io/sha256.h"

namespace ita {
namespace fs = std::filesystem;
namespace {

bool EndsWithPdf(const std::string& name) {
  if (name.size() < 5) return false;
  std::string ext = name.substr(name.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
}

// `p` relative to `root` when it lies inside it (lexically), else nullopt.
std::optional<fs::path> Inside(const fs::path& p, const fs::path& root) {
  fs::path rel = p.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel;
}

struct Expansion {
  const std::string& base;
  bool follow_links;
  std::vector<BatchInput>& out;
  std::vector<std::string>* fatal;
  std::vector<std::string>* notes;
  void Note(const std::string& text) const {
    if (notes != nullptr) notes->push_back(text);
  }
};

void AddFolder(const std::string& path, const Expansion& x) {
  std::vector<BatchInput> found;
  std::error_code ec;
  auto options = fs::directory_options::skip_permission_denied;
  if (x.follow_links) options |= fs::directory_options::follow_directory_symlink;
  std::set<fs::path> folders_seen;  // with --follow-links: a link back up the tree is entered once
  folders_seen.insert(fs::canonical(path, ec));
  auto it = fs::recursive_directory_iterator(path, options, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    bool link = it->is_symlink(type_ec);
    fs::file_status target = fs::status(it->path(), type_ec);
    if (link && (type_ec || !fs::exists(target))) {
      if (EndsWithPdf(it->path().filename().string())) {
        found.push_back({it->path().string(), "", "a broken link: its target does not exist"});
      } else {
        x.Note(it->path().string() + ": a broken link, skipped");
      }
      continue;
    }
    if (fs::is_directory(target)) {
      if (link && !x.follow_links) {
        x.Note(it->path().string() + ": a link to a folder, not followed (--follow-links follows it)");
      } else if (link && !folders_seen.insert(fs::canonical(it->path(), type_ec)).second) {
        it.disable_recursion_pending();  // a loop, or a folder already searched
      } else if (!link) {
        folders_seen.insert(fs::canonical(it->path(), type_ec));
      }
      continue;
    }
    if (fs::is_regular_file(target) && EndsWithPdf(it->path().filename().string())) {
      found.push_back({it->path().string(), "", ""});
    }
  }
  if (ec) x.fatal->push_back(path + ": " + ec.message());
  if (found.empty() && !ec) x.Note(path + ": no PDF in this folder");
  std::sort(found.begin(), found.end(), [](const BatchInput& a, const BatchInput& b) { return a.path < b.path; });
  for (BatchInput& f : found) {
    f.output = OutputPathFor(f.path, path, x.base);
    x.out.push_back(std::move(f));
  }
}

void AddPath(const std::string& path, bool from_list, const Expansion& x) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    bool broken_link = fs::is_symlink(fs::symlink_status(path, ec));
    std::string why = broken_link ? "a broken link: its target does not exist" : "no such file";
    if (!from_list) {
      x.fatal->push_back(path + ": " + (broken_link ? why : "no such file or folder"));
      return;
    }
    x.out.push_back({path, OutputPathFor(path, "", x.base), why});
    return;
  }
  if (!fs::is_directory(st)) {
    x.out.push_back({path, OutputPathFor(path, "", x.base), ""});
    return;
  }
  AddFolder(path, x);
}

}  // namespace

std::string OutputPathFor(const std::string& path, const std::string& root, const std::string& base) {
  fs::path p = fs::path(path).lexically_normal();
  std::optional<fs::path> rel;
  if (!root.empty()) rel = Inside(p, fs::path(root).lexically_normal());
  if (!rel) {
    std::error_code ec;
    fs::path absolute = fs::absolute(p, ec).lexically_normal();
    fs::path base_abs = fs::absolute(base.empty() ? fs::path(".") : fs::path(base), ec).lexically_normal();
    rel = Inside(absolute, base_abs);
    if (!rel) rel = absolute.relative_path();
  }
  std::string name = rel->filename().string();
  name = EndsWithPdf(name) ? name.substr(0, name.size() - 4) + ".json" : name + ".json";
  return (rel->parent_path() / name).string();
}

std::vector<BatchInput> ExpandInputs(const std::vector<std::string>& args, const std::string& base,
                                     std::istream* list_in, std::vector<std::string>* fatal,
                                     std::vector<std::string>* notes, bool follow_links) {
  std::vector<BatchInput> out;
  Expansion x{base, follow_links, out, fatal, notes};
  auto read_list = [&](std::istream& list) {
    std::string line;
    while (std::getline(list, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.pop_back();
      }
      if (line.empty() || line[0] == '#') continue;
      AddPath(line, /*from_list=*/true, x);
    }
  };
  for (const std::string& arg : args) {
    if (arg == "@-") {
      if (list_in == nullptr) fatal->push_back("@-: no standard input to read the list from");
      else read_list(*list_in);
    } else if (arg.size() > 1 && arg[0] == '@') {
      std::ifstream list(arg.substr(1));
      if (!list) fatal->push_back(arg.substr(1) + ": cannot read list file");
      else read_list(list);
    } else {
      AddPath(arg, /*from_list=*/false, x);
    }
  }
  // Names that still meet (x.pdf beside x.PDF, or one file listed twice under two spellings)
  // are told apart by a short hash of the input path, given to all but the first in byte order:
  // the names do not depend on the order of the arguments. An input listed twice verbatim
  // stays one output.
  std::map<std::string, std::string> first_by_output;
  for (const BatchInput& in : out) {
    auto [it, fresh] = first_by_output.emplace(in.output, in.path);
    if (!fresh && in.path < it->second) it->second = in.path;
  }
  for (BatchInput& in : out) {
    if (first_by_output[in.output] == in.path) continue;
    fs::path o(in.output);
    in.output = (o.parent_path() / (o.stem().string() + "-" + ShortHash(in.path).substr(0, 8) + ".json")).string();
  }
  return out;
}

std::optional<Shard> ParseShard(const std::string& text) {
  size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  try {
    size_t used_i = 0, used_n = 0;
    long long i = std::stoll(text.substr(0, slash), &used_i);
    long long n = std::stoll(text.substr(slash + 1), &used_n);
    if (used_i != slash || used_n != text.size() - slash - 1) return std::nullopt;
    if (n < 1 || n > 1000000 || i < 0 || i >= n) return std::nullopt;
    return Shard{static_cast<int>(i), static_cast<int>(n)};
  } catch (...) {
    return std::nullopt;
  }
}

bool InShard(const BatchInput& input, const Shard& shard) {
  if (shard.count <= 1) return true;
  uint64_t h = std::stoull(ShortHash(input.output), nullptr, 16);
  return static_cast<int>(h % static_cast<uint64_t>(shard.count)) == shard.index;
}

int AvailableCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return 1;
}

}  // namespace ita
