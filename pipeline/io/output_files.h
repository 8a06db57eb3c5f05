// The batch's files on disk: atomic writes with the system's reason on failure, temporary names
// that no second process shares, the sweep of temporaries a killed run left, the lock that keeps
// a second batch out of an output folder, and the names of paths that are not UTF-8.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ita {

// Writes all of `text` to `fd`, retrying short writes and EINTR; false on an error.
bool WriteAll(int fd, std::string_view text);

// Writes `text` to `path` through a temporary file beside it, then renames (parent folders are
// created). On failure returns false, removes the temporary file, puts the reason (with the
// system's message) in `error` and errno in `errnum` (if given).
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error,
                         int* errnum = nullptr);

// The temporary name WriteFileAtomically uses for `path` in this process: hidden, beside it,
// ".<hash of the file name>.<pid>.partial".
std::string PartialPathFor(const std::string& path);

// Removes temporary files that a killed run left for `outputs` (paths of final outputs): every
// ".<hash>.*.partial" beside one of them. Only this batch's outputs are touched, so shards
// writing into the same folder keep theirs. One directory listing per folder.
int SweepStalePartials(const std::vector<std::string>& outputs);

// Storage faults after which no later write can succeed either (full disk, quota, read-only,
// I/O error, file size limit): the batch stops instead of failing every document.
bool IsStorageFault(int errnum);

// A lock on an output folder for the life of a batch (OUT/.ita-extract.lock, an OFD lock, so
// NFS and threads of one process see it too). A whole batch holds it exclusively; shard I/N
// holds it shared plus its own shard's byte, so the tasks of one array share a folder while a
// second batch, or the same shard twice, is refused.
class OutputFolderLock {
 public:
  OutputFolderLock() = default;
  OutputFolderLock(const OutputFolderLock&) = delete;
  OutputFolderLock& operator=(const OutputFolderLock&) = delete;
  ~OutputFolderLock();

  // False (and `error`, in Thai and English) when another batch holds the folder.
  bool Acquire(const std::string& folder, int shard_index, int shard_count, std::string* error);

 private:
  int fd_ = -1;
};

// Text for a path in JSON and on screen: valid UTF-8 is kept; each byte that is not part of a
// valid UTF-8 sequence (Latin-1 or TIS-620 names from Windows zip files) becomes "\xNN".
std::string ShownName(const std::string& bytes);

}  // namespace ita
