#include "pipeline/io/output_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>

#include "pipeline/io/sha256.h"

namespace ita {

bool WriteAll(int fd, std::string_view text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;  // nothing written and no reason given
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}
namespace fs = std::filesystem;
namespace {

std::string NameHash(const fs::path& p) { return ShortHash(p.filename().string()); }

// Length of the valid UTF-8 sequence at `s[i]`, or 0.
size_t Utf8SequenceAt(const std::string& s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c == 0xE0) n = 3, lo = 0xA0;
  else if (c == 0xED) n = 3, hi = 0x9F;
  else if (c >= 0xE1 && c <= 0xEF) n = 3;
  else if (c == 0xF0) n = 4, lo = 0x90;
  else if (c == 0xF4) n = 4, hi = 0x8F;
  else if (c >= 0xF1 && c <= 0xF3) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

std::string PartialPathFor(const std::string& path) {
  fs::path p(path);
  return (p.parent_path() / ("." + NameHash(p) + "." + std::to_string(::getpid()) + ".partial")).string();
}

bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error,
                         int* errnum) {
  auto fail = [&](const std::string& what, int e) {
    *error = what + ": " + std::strerror(e);
    if (errnum != nullptr) *errnum = e;
    return false;
  };
  std::error_code ec;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) return fail("cannot create " + ShownName(parent.string()), ec.value());
  }
  std::string tmp = PartialPathFor(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot create " + ShownName(tmp), errno);
  bool written = WriteAll(fd, text);
  int write_errno = errno;
  // close() reports delayed errors of some filesystems (NFS, quotas).
  if (::close(fd) != 0 && written) written = false, write_errno = errno;
  if (!written) {
    fs::remove(tmp, ec);
    return fail("cannot write " + ShownName(path), write_errno);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    fs::remove(tmp, ec);
    return fail("cannot rename to " + ShownName(path), e);
  }
  return true;
}

int SweepStalePartials(const std::vector<std::string>& outputs) {
  std::map<fs::path, std::set<std::string>> hashes_by_folder;
  for (const std::string& o : outputs) hashes_by_folder[fs::path(o).parent_path()].insert(NameHash(o));
  int removed = 0;
  for (const auto& [folder, hashes] : hashes_by_folder) {
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      const std::string suffix = ".partial";
      if (name.size() < 2 + suffix.size() || name[0] != '.' ||
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
        continue;
      }
      std::string hash = name.substr(1, name.find('.', 1) - 1);
      std::error_code rm;
      if (hashes.count(hash) && fs::remove(it->path(), rm)) ++removed;
    }
  }
  return removed;
}

bool IsStorageFault(int errnum) {
  return errnum == ENOSPC || errnum == EDQUOT || errnum == EROFS || errnum == EIO || errnum == EFBIG;
}

OutputFolderLock::~OutputFolderLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the locks
}

bool OutputFolderLock::Acquire(const std::string& folder, int shard_index, int shard_count,
                               std::string* error) {
  std::string path = (fs::path(folder) / ".ita-extract.lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    *error = "cannot open the lock " + ShownName(path) + ": " + std::strerror(errno);
    return false;
  }
  auto lock = [&](short type, off_t start, off_t length) {
    struct flock l {};
    l.l_type = type;
    l.l_whence = SEEK_SET;
    l.l_start = start;
    l.l_len = length;
    int rc;
    while ((rc = ::fcntl(fd_, F_OFD_SETLK, &l)) != 0 && errno == EINTR) {
    }
    return rc == 0;
  };
  bool whole = shard_count <= 1;
  // Byte 0 is the folder; byte 1 + I is shard I. A whole batch locks every byte.
  bool ok = whole ? lock(F_WRLCK, 0, 0) : lock(F_RDLCK, 0, 1) && lock(F_WRLCK, 1 + shard_index, 1);
  if (ok) return true;
  int e = errno;
  ::close(fd_);
  fd_ = -1;
  if (e != EAGAIN && e != EACCES) {
    *error = "cannot lock " + ShownName(path) + ": " + std::strerror(e);
    return false;
  }
  std::string what = whole ? "another ita-extract run" : "another ita-extract run (this shard, or a whole batch)";
  *error = "มีการรันอื่นกำลังเขียนโฟลเดอร์ผลลัพธ์นี้อยู่ / " + what + " is writing to " + ShownName(folder) +
           " (" + ShownName(path) + " is locked); wait for it to finish or give another --out";
  return false;
}

std::string ShownName(const std::string& bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    size_t n = Utf8SequenceAt(bytes, i);
    if (n > 0) {
      out.append(bytes, i, n);
      i += n;
    } else {
      static const char kHex[] = "0123456789abcdef";
      unsigned char c = static_cast<unsigned char>(bytes[i++]);
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace ita
