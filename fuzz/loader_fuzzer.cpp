// libFuzzer target: the YAML loader, through its entry point load::load_document.
// The input is a content file. At start-up the target makes a throw-away project in the temp
// folder holding a copy of the real templates/, content/ (pages and variant overrides) and
// assets/ except the map data (assets/maps/*.gpkg are replaced by small non-GeoPackage files,
// so that `variants:` and computed figures fail fast instead of reading GIS data on every run).
// Each run writes the input to content/fuzz.yaml there and loads it.
// load.hpp promises that every problem goes to the DiagnosticSink: load_document must return
// (nullopt exactly when the sink has errors) and throw nothing. An InputError escaping is reported
// as a broken promise too, like any other exception.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/diag.hpp"
#include "load/load.hpp"

namespace fs = std::filesystem;

namespace {

fs::path g_root;
fs::path g_content;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "loader_fuzzer: broken promise: %s\n", what.c_str());
  std::abort();
}

void remove_project() {
  std::error_code ec;
  fs::remove_all(g_root, ec);
}

void make_project() {
  const fs::path src = PLAQUETTE_ROOT;
  g_root = fs::temp_directory_path() / ("plaquette-fuzz-" + std::to_string(::getpid()));
  fs::remove_all(g_root);
  fs::create_directories(g_root);
  const auto opts = fs::copy_options::recursive | fs::copy_options::overwrite_existing;
  fs::copy(src / "templates", g_root / "templates", opts);
  fs::copy(src / "content", g_root / "content", opts);
  fs::create_directories(g_root / "assets");
  for (const auto& e : fs::directory_iterator(src / "assets")) {
    if (e.path().filename() == "maps") continue;
    fs::copy(e.path(), g_root / "assets" / e.path().filename(), opts);
  }
  fs::create_directories(g_root / "assets/maps");
  for (const auto& e : fs::directory_iterator(src / "assets/maps")) {
    std::ofstream(g_root / "assets/maps" / e.path().filename()) << "not really map data (loader_fuzzer)\n";
  }
  g_content = g_root / "content/fuzz.yaml";
  std::atexit(remove_project);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_project();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  {
    std::ofstream out(g_content, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  plaquette::DiagnosticSink sink;
  plaquette::load::LoadOptions options;
  options.root = g_root.string();
  try {
    auto doc = plaquette::load::load_document(g_content.string(), options, sink);
    if (doc.has_value() == sink.has_errors())
      fail(doc ? "a document was returned although errors were reported" : "nullopt without any error reported");
  } catch (const plaquette::InputError& e) {
    fail("InputError escaped load_document: " + format_diagnostic(e.diagnostic()));
  } catch (const std::exception& e) {
    fail(std::string("exception escaped load_document: ") + e.what());
  } catch (...) {
    fail("unknown exception escaped load_document");
  }
  return 0;
}
