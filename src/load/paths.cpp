#include "load/paths.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "core/diag.hpp"
#include "core/regular_file.hpp"

namespace plaquette::load {

fs::path find_project_root(const fs::path& content_file) {
  std::error_code ec;
  fs::path start = fs::absolute(content_file, ec).lexically_normal().parent_path();
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::is_directory(dir / "templates", ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return start;
}

bool is_inside(const fs::path& base, const fs::path& p) {
  auto b = base.begin(), be = base.end();
  auto q = p.begin(), qe = p.end();
  for (; b != be; ++b, ++q) {
    // A trailing separator of `base` shows up as an empty last component.
    if (b->empty() && std::next(b) == be) return true;
    if (q == qe || *b != *q) return false;
  }
  return true;
}

std::string display_path(const fs::path& file, const std::string& given) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return given;
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  if (!ec && is_inside(cwd, abs)) return abs.lexically_relative(cwd).string();
  // The same file may be reachable through a symbolic link (e.g. /tmp → /private/tmp).
  fs::path canon_cwd = fs::weakly_canonical(cwd, ec);
  if (ec) return given;
  fs::path canon = fs::weakly_canonical(abs, ec);
  if (!ec && is_inside(canon_cwd, canon)) return canon.lexically_relative(canon_cwd).string();
  return given;
}

bool is_virtual_or_network(std::string_view path) {
  if (path.rfind("/vsi", 0) == 0 || path.find("://") != std::string_view::npos) return true;
  // Driver prefixes: a word then a colon at the very start ("PG:", "WFS:", "GPKG:", "MySQL:").
  size_t i = 0;
  while (i < path.size() && (std::isalnum(static_cast<unsigned char>(path[i])) || path[i] == '_')) ++i;
  return i > 0 && i < path.size() && path[i] == ':' && std::isalpha(static_cast<unsigned char>(path[0]));
}

namespace {

// "(did you mean 'assets/images/terril.jpg'?)" among the files next to the missing one.
std::string sibling_hint(const fs::path& missing, const fs::path& written) {
  std::error_code ec;
  fs::path dir = missing.parent_path();
  if (!fs::is_directory(dir, ec)) return {};
  std::vector<std::string> names;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) names.push_back(it->path().filename().string());
  std::string match = closest_match(missing.filename().string(), names);
  if (match.empty()) return {};
  return fmt::format(" (did you mean '{}'?)", (written.parent_path() / match).generic_string());
}

// The deepest existing folder on the way to `p`, to say which part of a path is wrong.
fs::path first_missing_folder(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path dir = p.parent_path();
  fs::path missing;
  while (!dir.empty() && is_inside(root, dir) && !fs::is_directory(dir, ec)) {
    missing = dir;
    dir = dir.parent_path();
  }
  return missing;
}

}  // namespace

ResolvedPath resolve_project_path(const fs::path& root, const std::string& written, const PathRule& rule) {
  auto refuse = [](std::string msg) { return ResolvedPath{{}, std::move(msg)}; };
  std::string put = fmt::format("put the {} inside the project, under {}", rule.what, rule.put_under);

  if (written.empty())
    return refuse(fmt::format("the path is empty: write the {}'s path from the project folder, like {}example",
                              rule.what, rule.put_under));
  if (is_virtual_or_network(written))
    return refuse(fmt::format("'{}' is a network or virtual path: plaquette only reads files of the project; "
                              "download the data and {}",
                              written, put));
  fs::path rel(written);
  if (rel.is_absolute())
    return refuse(fmt::format("'{}' is an absolute path: write the path from the project folder ({}), and {}",
                              written, root.string(), put));
  if (written.find('\\') != std::string::npos)
    return refuse(fmt::format("'{}' uses '\\': separate folders with '/', like {}example", written,
                              rule.put_under));

  fs::path joined = (root / rel).lexically_normal();
  if (!is_inside(root, joined))
    return refuse(fmt::format("'{}' goes outside the project folder ({}): {}", written, root.string(), put));

  std::error_code ec;
  fs::path canon = fs::weakly_canonical(joined, ec);
  if (ec) return refuse(fmt::format("cannot resolve '{}': {}", written, ec.message()));
  // Lexically inside but really outside: a symbolic link on the way points out of the project.
  if (!is_inside(root, canon))
    return refuse(fmt::format("'{}' leads outside the project folder through a symbolic link (to {}): "
                              "copy the {} into the project instead, under {}",
                              written, canon.string(), rule.what, rule.put_under));

  if (!fs::exists(canon, ec)) {
    fs::path missing_dir = first_missing_folder(root, canon);
    if (!missing_dir.empty())
      return refuse(fmt::format("{} '{}' not found: the folder '{}' does not exist in the project; "
                                "check the spelling or {}",
                                rule.what, written, missing_dir.lexically_relative(root).generic_string(), put));
    return refuse(fmt::format("{} '{}' does not exist{}: check the spelling or {}", rule.what, written,
                              sibling_hint(canon, rel), put));
  }
  bool is_dir = fs::is_directory(canon, ec);
  if (rule.kind == PathKind::File && is_dir)
    return refuse(fmt::format("'{}' is a folder: write the path of a {} file", written, rule.what));
  if (rule.kind == PathKind::Folder && !is_dir)
    return refuse(fmt::format("'{}' is a file: write the path of a folder", written));
  // A FIFO would block the build forever when opened; a device could be read without end.
  if (rule.kind == PathKind::File)
    if (const std::string kind = irregular_file_kind(canon); !kind.empty())
      return refuse(not_a_file_message(written, kind, rule.what));
  return ResolvedPath{canon.string(), {}};
}

}  // namespace plaquette::load
