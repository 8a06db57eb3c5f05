// One child process that extracts documents for the batch, one at a time, so that a document
// that crashes a library (Poppler, Leptonica, Tesseract), runs past its time limit or exhausts
// its memory takes only itself down: the batch records it and starts a fresh child.
//
// The batch starts this same binary (`/proc/self/exe __worker`) with posix_spawn. The
// parent writes one request line to its stdin and reads one reply line from its fd 3; the
// child's stdout goes to stderr so that nothing a library prints can corrupt a reply (or the
// JSON Lines of `--out -`). The first line a child reads is its configuration.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/io/output_files.h"
#include "pipeline/io/worker_messages.h"

namespace ita {

class WorkerProcess {
 public:
  // `argv` starts the child (argv[0] is the program's path); `config_line` is sent first to each child.
  WorkerProcess(std::vector<std::string> argv, std::string config_line);
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  struct Reply {
    enum Kind { kDone, kTimeout, kDied, kAbandoned, kNotStarted } kind = kNotStarted;
    std::string line;     // kDone: the reply, without its newline
    int signal = 0;       // kDied: the signal that ended the child, or 0
    int exit_code = 0;    // kDied: its exit code when not signalled
    long max_rss_kb = 0;  // the child's peak resident memory, when it ended
    std::string message;  // kNotStarted: why
  };

  // Sends `request` (one line) and waits up to `timeout_seconds` (0: no limit) for the reply.
  // When `abandon` becomes true the child is killed and kAbandoned returned. After anything but
  // kDone the child is gone; the next Call starts a new one.
  // Lines the child sends before its reply that start with `kProgressPrefix` are progress, not
  // the reply: each goes to `on_progress` (if given).
  Reply Call(const std::string& request, double timeout_seconds, const std::atomic<bool>* abandon,
             const std::function<void(const std::string&)>& on_progress = nullptr);

  pid_t pid() const { return pid_; }

 private:
  bool Start(std::string* error);
  void Stop(bool kill_now, Reply* reply);

  std::vector<std::string> argv_;
  std::string config_line_;
  pid_t pid_ = -1;
  int to_child_ = -1;    // its stdin
  int from_child_ = -1;  // its fd 3
  std::string pending_;  // bytes read past the last reply
};

}  // namespace ita
