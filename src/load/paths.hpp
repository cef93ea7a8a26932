// Project paths: where the project root is, how files are named in messages, and which paths
// from the YAML may be read. The brochure is built from files the user hands us; a path must never
// let the build read outside the project (another user's files, a network resource via GDAL).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace plaquette::load {

namespace fs = std::filesystem;

// The root for `content_file` (absolute): the first directory, walking up from the content file's
// folder, that has a templates/ folder; the content file's own folder when there is none.
fs::path find_project_root(const fs::path& content_file);

// How a file appears in diagnostics: relative to the current directory when it is inside it,
// `given` otherwise (so that the name is one the user can open from where they stand).
std::string display_path(const fs::path& file, const std::string& given);

// Whether `p` is `base` or inside it, component by component ("/a/bc" is not inside "/a/b").
bool is_inside(const fs::path& base, const fs::path& p);

// GDAL would happily open "/vsicurl/https://...", "PG:dbname=..." or "WFS:http://...": anything
// that is a virtual file system, a URL or a driver connection string rather than a plain file.
bool is_virtual_or_network(std::string_view path);

enum class PathKind { File, Folder };

struct PathRule {
  PathKind kind = PathKind::File;
  std::string what = "file";          // for messages: "image", "map data", "template"
  std::string put_under = "assets/";  // where the user should put such files
};

// The result of resolving a path written in YAML: the absolute path, or why it is refused
// (a message that says what to do).
struct ResolvedPath {
  std::string path;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Resolves `written` against `root` (absolute, canonical) and checks that it is a plain relative
// path that stays inside the root after resolving ".." and symbolic links, and that it exists.
ResolvedPath resolve_project_path(const fs::path& root, const std::string& written, const PathRule& rule);

}  // namespace plaquette::load
