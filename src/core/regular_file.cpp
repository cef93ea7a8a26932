#include "core/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace plaquette {

namespace {

std::string kind_of(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return "is a folder";
  if (S_ISFIFO(mode)) return "is a named pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device";
  if (S_ISSOCK(mode)) return "is a socket";
  return "is not a regular file";
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string size_text(size_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
  if (bytes >= 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{} bytes", bytes);
}

}  // namespace

std::string irregular_file_kind(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno == ENOENT ? "does not exist" : std::strerror(errno);
  return kind_of(st.st_mode);
}

std::string not_a_file_message(const std::string& shown, const std::string& kind, const std::string& what) {
  if (kind == "does not exist") return fmt::format("{} '{}' not found", what, shown);
  return fmt::format("'{}' is not a file, so it cannot be read as the {} (it {}): replace it with a regular file",
                     shown, what, kind);
}

std::optional<std::string> read_regular_file(const std::filesystem::path& path, size_t max_bytes, std::string& why) {
  Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (f.fd < 0) {
    why = errno == ENOENT ? "does not exist" : errno == EACCES ? "permission denied" : std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (why = kind_of(st.st_mode); !why.empty()) return std::nullopt;
  if (static_cast<unsigned long long>(st.st_size) > max_bytes) {
    why = fmt::format("is larger than {} ({})", size_text(max_bytes), size_text(static_cast<size_t>(st.st_size)));
    return std::nullopt;
  }
  // A regular file never blocks; clear O_NONBLOCK all the same for plain reads.
  ::fcntl(f.fd, F_SETFL, ::fcntl(f.fd, F_GETFL) & ~O_NONBLOCK);
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(f.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      why = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
    if (out.size() > max_bytes) {  // grew while being read
      why = fmt::format("is larger than {}", size_text(max_bytes));
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace plaquette
