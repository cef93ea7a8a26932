// A small throw-away project for load tests: its own templates/ folder (so that the root is found
// by walking up), a few assets, and helpers to load a content file and look for a diagnostic.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "core/diag.hpp"
#include "load/load.hpp"
#include "support/test_paths.hpp"

namespace plaquette::test {

namespace fs = std::filesystem;

// A valid template, small enough to count lines in. Line numbers matter to template error tests.
inline const char* const kMiniTemplate = R"(template:
  name: mini
  page: {width: 210mm, height: 297mm}
  bleed: 3mm
  fonts: assets/fonts
swatches:
  noir: {cmyk: [0, 0, 0, 100]}
  vert-pale: {cmyk: [10, 0, 18, 0], rgb: "#e8f3dc"}
  blanc: {rgb: "#ffffff"}
styles:
  corps: {font: Lato, size: 10pt}
  titre-2: {font: Lato, weight: bold, size: 20pt, leading: 24pt, color: vert-pale, align: center}
  legende: {font: Lato, italic: true, size: 7.5pt}
  source-carte: {font: Lato, size: 6.5pt}
masters:
  simple:
    items:
      - box: {x: 0mm, y: 0mm, width: 210mm, height: 6mm, fill: vert-pale}
      - rule: {from: [18mm, 282mm], to: [192mm, 282mm], stroke: noir, width: 0.6pt}
      - text: {x: 18mm, y: 284mm, width: 30mm, height: 5mm, style: corps, text: "{page}"}
    frames:
      texte: {x: 18mm, y: 74mm, width: 174mm, height: 204mm, columns: 2, gutter: 7mm}
      visuel: {x: 0mm, y: 0mm, width: 210mm, height: 70mm}
)";

struct Loaded {
  std::optional<model::Document> doc;
  DiagnosticSink sink;
};

class Project {
 public:
  explicit Project(const std::string& tag) : root_(make_temp_dir("load-" + tag)) {
    write("templates/mini.yaml", kMiniTemplate);
    fs::create_directories(root_ / "assets/fonts");
    write("assets/images/photo.jpg", "not really a JPEG: the loader does not decode images");
    write("assets/maps/zone.gpkg", "not really a GeoPackage");
  }
  ~Project() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  const fs::path& root() const { return root_; }
  fs::path write(const std::string& rel, const std::string& text) const {
    write_file(root_ / rel, text);
    return root_ / rel;
  }
  // Writes content/test.yaml and loads it.
  Loaded load(const std::string& content, const std::string& root_option = "") const {
    return load_file(write("content/test.yaml", content), root_option);
  }
  static Loaded load_file(const fs::path& file, const std::string& root_option = "") {
    Loaded out;
    load::LoadOptions options;
    options.root = root_option;
    out.doc = load::load_document(file.string(), options, out.sink);
    return out;
  }

 private:
  fs::path root_;
};

// Passes when the sink has an error in a file whose name ends with `file`, at `line`:`col`, whose
// message contains `fragment`. On failure, prints every diagnostic.
inline ::testing::AssertionResult HasError(const DiagnosticSink& sink, const std::string& file, int line, int col,
                                           const std::string& fragment) {
  for (const auto& d : sink.all()) {
    bool file_ok = d.span.file.size() >= file.size() &&
                   d.span.file.compare(d.span.file.size() - file.size(), file.size(), file) == 0;
    if (d.severity == Severity::Error && file_ok && d.span.line == line && d.span.col == col &&
        d.message.find(fragment) != std::string::npos)
      return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no error '" << fragment << "' at " << file << ":" << line << ":" << col
                                       << "; got:\n"
                                       << sink.to_string();
}

}  // namespace plaquette::test
