// Helpers for end-to-end tests: run the built CLI and poppler-utils, make small projects.
#pragma once
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

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

// A valid one-page content file: one text frame with a heading and a paragraph.
inline const std::string kOnePageContent = std::string(kDocumentHead) + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: Un intertitre
          - Un paragraphe de texte courant.
)";

inline Run plaquette(const std::string& args) {
  Run r;
  r.status = run("cd '" + source_dir().string() + "' && '" + binary().string() + "' " + args, &r.output);
  return r;
}

// stdout alone of `plaquette ARGS` (diagnostics dropped), e.g. the JSON of `check --json`.
inline std::string run_stdout(const std::string& args) {
  std::string out;
  run("cd '" + source_dir().string() + "' && ('" + binary().string() + "' " + args + " 2>/dev/null)", &out);
  return out;
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

// A build shared by the tests of one suite across processes. ctest runs every test in a process
// of its own, so a suite's SetUpTestSuite would build the brochure again for each test (ten
// times, a minute under the sanitizers). The first process builds into
// <build dir>/e2e-cache/<key>/ under a file lock; the others wait for it, then reuse the PDFs
// as long as the plaquette binary and every file under content/, templates/ and assets/ are
// unchanged (size and modification time). `args` is the build command line after `build`,
// with {dir} standing for that folder.
struct SharedBuild {
  Run run;
  std::filesystem::path dir;
};

inline std::string shared_build_stamp(const std::string& args) {
  namespace fs = std::filesystem;
  auto describe = [](const fs::path& p) {
    std::error_code ec;
    return std::to_string(fs::file_size(p, ec)) + ":" +
           std::to_string(fs::last_write_time(p, ec).time_since_epoch().count());
  };
  std::vector<std::string> lines{args, binary().string() + " " + describe(binary())};
  for (const char* top : {"content", "templates", "assets"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(source_dir() / top, ec); !ec && it != fs::end(it);
         it.increment(ec))
      if (it->is_regular_file()) lines.push_back(it->path().string() + " " + describe(it->path()));
  }
  std::sort(lines.begin(), lines.end());
  std::string stamp;
  for (const auto& l : lines) stamp += l + "\n";
  return stamp;
}

inline SharedBuild shared_build(const std::string& key, std::string args) {
  namespace fs = std::filesystem;
  SharedBuild b;
  const fs::path cache = binary().parent_path() / "e2e-cache";
  fs::create_directories(cache);
  b.dir = cache / key;
  for (size_t at; (at = args.find("{dir}")) != std::string::npos;) args.replace(at, 5, b.dir.string());
  const int lock = ::open((cache / (key + ".lock")).c_str(), O_CREAT | O_RDWR, 0644);
  if (lock >= 0) ::flock(lock, LOCK_EX);
  const std::string stamp = shared_build_stamp(args);
  if (fs::exists(b.dir / "stamp.txt") && read_file(b.dir / "stamp.txt") == stamp) {
    b.run.status = std::stoi(read_file(b.dir / "status.txt"));
    b.run.output = read_file(b.dir / "output.txt");
  } else {
    fs::remove_all(b.dir);
    fs::create_directories(b.dir);
    b.run = plaquette("build " + args);
    write_file(b.dir / "status.txt", std::to_string(b.run.status));
    write_file(b.dir / "output.txt", b.run.output);
    write_file(b.dir / "stamp.txt", stamp);
  }
  if (lock >= 0) ::close(lock);  // releases the lock
  return b;
}

// A one-page brochure with two EPCI variants of the real data and a computed figure.
inline const std::string kTwoVariants = std::string(kDocumentHead) + R"Y(  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: "{epci.nom}"
          - "{chiffres.communes} communes."
)Y" + kTwoEpciVariants + R"Y(  figures:
    communes: {count: {source: assets/maps/bassin-minier.gpkg, layer: communes}}
variables:
  epci: {nom: Bassin minier}
)Y";

}  // namespace plaquette::test
