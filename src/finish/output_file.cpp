#include "finish/output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <vector>

#include <fmt/format.h>

namespace plaquette::finish {

namespace fs = std::filesystem;

namespace {

// Whether process `pid` still runs (a temporary file of a live build must not be removed).
bool process_alive(long pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// ".plaquette.pdf.tmp-1234-aB3xYz" → 1234; -1 when the name is not a temporary file of `target`.
long temp_owner(const std::string& name, const std::string& target_name) {
  const std::string prefix = "." + target_name + ".tmp-";
  if (name.rfind(prefix, 0) != 0) return -1;
  size_t i = prefix.size(), digits = 0;
  long pid = 0;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && digits < 10) {
    pid = pid * 10 + (name[i++] - '0');
    ++digits;
  }
  if (digits == 0 || (i < name.size() && name[i] != '-')) return -1;
  return pid;
}

// A build that was killed leaves its temporary files behind: those of dead processes go.
void remove_stale_temps(const fs::path& dir, const std::string& target_name) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
    const long pid = temp_owner(it->path().filename().string(), target_name);
    if (pid > 0 && !process_alive(pid) && it->is_regular_file(ec)) stale.push_back(it->path());
  }
  for (const auto& p : stale) fs::remove(p, ec);
}

std::string why(int err) { return err == EACCES || err == EPERM ? "permission denied" : std::strerror(err); }

}  // namespace

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
  fs::path t(target_);
  const fs::path dir = t.parent_path();
  std::error_code ec;
  if (!dir.empty()) {
    fs::create_directories(dir, ec);
    if (ec)
      throw std::runtime_error(fmt::format("cannot create the folder '{}' for '{}': {}", dir.string(), target_,
                                           why(ec.value())));
  }
  // A file the user made read-only is one they want kept: refuse rather than replace it (root
  // may write anything, so the mode bits decide, not access()).
  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      throw std::runtime_error(fmt::format("cannot write '{}': a folder has that name", target_));
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
      throw std::runtime_error(fmt::format("'{}' is read-only, so it was not replaced: make it writable (chmod u+w) "
                                           "or write elsewhere with -o",
                                           target_));
  }
  remove_stale_temps(dir, t.filename().string());
  // Same folder as the target so that rename() stays on one filesystem (atomic); a name of its
  // own per writer (pid and a unique suffix), so that two writers never share a temporary file.
  std::string pattern = (dir / fmt::format(".{}.tmp-{}-XXXXXX", t.filename().string(), ::getpid())).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0)
    throw std::runtime_error(fmt::format("cannot write in the folder '{}': {}", dir.empty() ? "." : dir.string(),
                                         why(errno)));
  ::close(fd);
  temp_ = name.data();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  auto size = fs::file_size(temp_, ec);
  if (ec || size == 0) throw std::runtime_error(fmt::format("cannot write '{}': nothing was produced", target_));
  // mkstemp made the file 0600; an output is readable as any document is (rw-r--r--; umask()
  // cannot be read without changing it, which would race with other writer threads).
  fs::permissions(temp_, static_cast<fs::perms>(0644), fs::perm_options::replace, ec);
  fs::rename(temp_, target_, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot write '{}': {}", target_, why(ec.value())));
  committed_ = true;
}

}  // namespace plaquette::finish
