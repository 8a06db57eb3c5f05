#include "pipeline/batch/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace ita {
WorkerProcess::WorkerProcess(std::vector<std::string> argv, std::string config_line)
    : argv_(std::move(argv)), config_line_(std::move(config_line)) {}

WorkerProcess::~WorkerProcess() {
  Reply ignored;
  Stop(/*kill_now=*/false, &ignored);
}

bool WorkerProcess::Start(std::string* error) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  if (::pipe2(out, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    ::close(in[0]);
    ::close(in[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, 2, 1);
  posix_spawn_file_actions_adddup2(&actions, out[1], 3);
  std::vector<char*> args;
  for (std::string& a : argv_) args.push_back(a.data());
  args.push_back(nullptr);
  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, argv_[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  ::close(out[1]);
  if (rc != 0) {
    *error = std::string("cannot start a worker process: ") + std::strerror(rc);
    ::close(in[1]);
    ::close(out[0]);
    return false;
  }
  pid_ = pid;
  to_child_ = in[1];
  from_child_ = out[0];
  pending_.clear();
  if (!WriteAll(to_child_, config_line_ + "\n")) {
    *error = "the worker process ended at start";
    Reply r;
    Stop(/*kill_now=*/true, &r);
    return false;
  }
  return true;
}

void WorkerProcess::Stop(bool kill_now, Reply* reply) {
  if (pid_ <= 0) return;
  if (to_child_ >= 0) ::close(to_child_);  // end of input: an idle child exits by itself
  to_child_ = -1;
  if (kill_now) ::kill(pid_, SIGKILL);
  int status = 0;
  struct rusage usage {};
  // An idle child exits at once on end of input; give it a moment, then stop it.
  for (int waited = 0;; ++waited) {
    pid_t r = ::wait4(pid_, &status, kill_now || waited >= 50 ? 0 : WNOHANG, &usage);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (r == 0 && waited == 50) ::kill(pid_, SIGKILL);
    if (r == 0) ::usleep(10000);
  }
  reply->max_rss_kb = usage.ru_maxrss;
  if (WIFSIGNALED(status)) reply->signal = WTERMSIG(status);
  if (WIFEXITED(status)) reply->exit_code = WEXITSTATUS(status);
  if (from_child_ >= 0) ::close(from_child_);
  from_child_ = -1;
  pid_ = -1;
}

WorkerProcess::Reply WorkerProcess::Call(const std::string& request, double timeout_seconds,
                                         const std::atomic<bool>* abandon,
                                         const std::function<void(const std::string&)>& on_progress) {
  Reply reply;
  if (pid_ <= 0 && !Start(&reply.message)) return reply;
  if (!WriteAll(to_child_, request + "\n")) {
    reply.kind = Reply::kDied;
    Stop(/*kill_now=*/true, &reply);
    return reply;
  }
  auto started = std::chrono::steady_clock::now();
  char buffer[1 << 16];
  for (;;) {
    size_t newline = pending_.find('\n');
    if (newline != std::string::npos && pending_.starts_with(kProgressPrefix)) {
      if (on_progress) on_progress(pending_.substr(0, newline));
      pending_.erase(0, newline + 1);
      continue;
    }
    if (newline != std::string::npos) {
      reply.kind = Reply::kDone;
      reply.line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      return reply;
    }
    if (abandon != nullptr && abandon->load()) {
      reply.kind = Reply::kAbandoned;
      Stop(/*kill_now=*/true, &reply);
      return reply;
    }
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (timeout_seconds > 0 && elapsed >= timeout_seconds) {
      reply.kind = Reply::kTimeout;
      Stop(/*kill_now=*/true, &reply);
      return reply;
    }
    struct pollfd p {from_child_, POLLIN, 0};
    int ready = ::poll(&p, 1, 200);  // wake up now and then for the limit and `abandon`
    if (ready < 0 && errno != EINTR) continue;
    if (ready <= 0) continue;
    ssize_t n = ::read(from_child_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // the child is gone without a reply
      reply.kind = Reply::kDied;
      Stop(/*kill_now=*/false, &reply);
      return reply;
    }
    pending_.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace ita
