#include "image/source_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

namespace plaquette::image {

namespace fs = std::filesystem;

std::string shown_path(const std::string& absolute_path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return absolute_path;
  fs::path rel = fs::path(absolute_path).lexically_normal().lexically_relative(cwd);
  // Outside the working directory a relative path ("../../x.png") would be harder to read.
  if (rel.empty() || *rel.begin() == "..") return absolute_path;
  return rel.generic_string();
}

SourceFile read_source_file(const std::string& absolute_path, const Span& span) {
  SourceFile file{absolute_path, shown_path(absolute_path), {}};
  std::error_code ec;
  auto status = fs::status(absolute_path, ec);
  if (!fs::exists(status)) throw InputError(span, fmt::format("image '{}' not found", file.shown));
  if (!fs::is_regular_file(status))
    throw InputError(span, fmt::format("'{}' is not a file, so it cannot be an image", file.shown));

  // stdio rather than iostreams: errno then says why a read failed.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(absolute_path.c_str(), "rb"), &std::fclose);
  if (!in) throw InputError(span, fmt::format("cannot open image '{}': {}", file.shown, std::strerror(errno)));
  unsigned char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, in.get())) > 0) file.bytes.insert(file.bytes.end(), buffer, buffer + n);
  if (std::ferror(in.get()))
    throw InputError(span, fmt::format("cannot read image '{}': {}", file.shown, std::strerror(errno)));
  if (file.bytes.empty()) throw InputError(span, fmt::format("image '{}' is an empty file", file.shown));
  return file;
}

}  // namespace plaquette::image
