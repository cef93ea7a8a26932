// Helpers for end-to-end tests: run the built CLI and poppler-utils, make small projects.
#pragma once
#include <filesystem>
#include <string>

#include "support/test_paths.hpp"

namespace plaquette::test {

struct Run {
  int status = -1;
  std::string output;  // stdout + stderr
};

// The head of a one-document content file on the project's template (5 lines: the pages follow).
inline constexpr const char* kDocumentHead = R"(document:
  title: Essai
  date: 2026-11-25
template: templates/plaquette-a4.yaml
pages:
)";

inline Run plaquette(const std::string& args) {
  Run r;
  r.status = run("cd '" + source_dir().string() + "' && '" + binary().string() + "' " + args, &r.output);
  return r;
}

inline std::string tool(const std::string& command) {
  std::string out;
  int status = run(command, &out);
  if (status != 0) throw std::runtime_error(command + " failed: " + out);
  return out;
}

// Collapses runs of white space (line breaks from pdftotext) to single spaces.
inline std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (ws) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A small project of its own (template and fonts copied from the real one) with one content file.
inline std::filesystem::path small_project(const std::string& tag, const std::string& content_yaml) {
  namespace fs = std::filesystem;
  auto dir = make_temp_dir(tag);
  fs::create_directories(dir / "templates");
  fs::create_directories(dir / "assets");
  fs::create_directories(dir / "content");
  fs::copy(source_dir() / "templates", dir / "templates", fs::copy_options::recursive);
  fs::copy(source_dir() / "assets" / "fonts", dir / "assets" / "fonts", fs::copy_options::recursive);
  fs::copy(source_dir() / "assets" / "color", dir / "assets" / "color", fs::copy_options::recursive);
  write_file(dir / "content" / "plaquette.yaml", content_yaml);
  return dir;
}

}  // namespace plaquette::test
