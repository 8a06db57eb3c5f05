#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/cli/subcommands.h"
#include "pipeline/model/version.h"
#include "pipeline/io/output_files.h"

namespace ita::cli {
namespace {

namespace fs = std::filesystem;

// The model files an engine of `tesseract` loads, each as "path:size:mtime", with the program's
// version: the key under which a successful load is remembered. Empty when a file cannot be
// found where Tesseract looks (then the models are loaded to check them).
std::string ModelFilesKey(const TesseractOptions& tesseract) {
  std::string dir = tesseract.tessdata_dir;
  if (dir.empty()) {
    const char* prefix = std::getenv("TESSDATA_PREFIX");
    dir = prefix != nullptr && *prefix != '\0' ? prefix : "/usr/share/tesseract-ocr/5/tessdata";
  }
  std::vector<std::string> files;
  std::stringstream languages(tesseract.languages + "+" + tesseract.latin_languages);
  for (std::string lang; std::getline(languages, lang, '+');)
    if (!lang.empty()) files.push_back(dir + "/" + lang + ".traineddata");
  if (!tesseract.numeric_model_dir.empty()) files.push_back(tesseract.numeric_model_dir + "/thd.traineddata");
  std::string key = kProgramVersion;
  for (const std::string& f : files) {
    std::error_code ec;
    auto size = fs::file_size(f, ec);
    if (ec) return "";
    auto time = fs::last_write_time(f, ec).time_since_epoch().count();
    key += " " + f + ":" + std::to_string(size) + ":" + std::to_string(time);
  }
  return key;
}

// Where loads that succeeded are remembered (XDG cache), or empty.
std::string ModelCheckStamp() {
  const char* base = std::getenv("XDG_CACHE_HOME");
  if (base != nullptr && *base != '\0') return std::string(base) + "/ita-extract/ocr-models-checked";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.cache/ita-extract/ocr-models-checked";
  return "";
}

}  // namespace

// Fails early when `dir` cannot take files: creates it and a probe file.
bool CheckWritableFolder(const std::string& dir, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create the output folder " + dir + ": " + ec.message();
    return false;
  }
  std::string probe = (fs::path(dir) / (".ita-probe-" + std::to_string(::getpid()))).string();
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write in the output folder " + dir + ": " + std::strerror(errno) +
             " (choose another --out or fix its permissions)";
    return false;
  }
  ::close(fd);
  fs::remove(probe, ec);
  return true;
}

bool CheckLedger(const std::string& path, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write the ledger " + path + ": " + std::strerror(errno);
    return false;
  }
  ::close(fd);
  return true;
}

bool CheckOcrModels(const TesseractOptions& tesseract, std::string* error) {
  std::string key = ModelFilesKey(tesseract);
  std::string stamp = ModelCheckStamp();
  std::string known;  // the stamp's lines, read once
  if (!key.empty() && !stamp.empty()) {
    std::ifstream in(stamp);
    std::stringstream lines;
    lines << in.rdbuf();
    known = lines.str();
    for (std::string line; std::getline(lines, line);)
      if (line == key) return true;
  }
  auto engine = CreateTesseractEngine(tesseract);
  if (!engine) {
    *error = engine.error().message +
             " (install tesseract-ocr-tha, or give --tessdata DIR with tha.traineddata; "
             "--numeric-model DIR must hold thd.traineddata, --no-numeric-model skips it)";
    return false;
  }
  if (!key.empty() && !stamp.empty()) {
    std::string ignored;
    WriteFileAtomically(stamp, known + key + "\n", &ignored);  // a cache: failing to write it costs time only
  }
  return true;
}

}  // namespace ita::cli
