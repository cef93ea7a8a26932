#include "cli/commands.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "finish/output_file.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "render/render.hpp"

namespace plaquette::cli {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const DiagnosticSink& sink) {
  for (const auto& d : sink.all()) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

// load → layout. Prints diagnostics; returns the scene or nullopt on bad input.
std::optional<scene::Document> compose(const std::string& content, const std::string& root) {
  DiagnosticSink sink;
  load::LoadOptions options;
  options.root = root;
  std::optional<scene::Document> scene;
  try {
    auto doc = load::load_document(content, options, sink);
    if (doc) scene = layout::layout_document(*doc, sink);
  } catch (const InputError& e) {
    sink.add(e.diagnostic());
  }
  print_diagnostics(sink);
  if (sink.has_errors()) {
    fmt::print(stderr, "plaquette: {} error{}; nothing was written.\n", sink.error_count(),
               sink.error_count() > 1 ? "s" : "");
    return std::nullopt;
  }
  return scene;
}

}  // namespace

int run_build(const BuildArgs& args) {
  auto scene = compose(args.content, args.root);
  if (!scene) return kExitBadInput;
  try {
    finish::AtomicOutput out(args.output);
    render::write_pdf(*scene, out.temp_path());
    out.commit();
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: error: {}\n", args.output, e.what());
    return kExitBadInput;
  }
  fmt::print("{}: {} pages\n", args.output, scene->pages.size());
  return kExitOk;
}

int run_preview(const PreviewArgs& args) {
  if (!(args.dpi >= 10 && args.dpi <= 1200)) {
    fmt::print(stderr, "plaquette preview: --dpi must be between 10 and 1200 (got {})\n", args.dpi);
    return kExitUsage;
  }
  auto scene = compose(args.content, args.root);
  if (!scene) return kExitBadInput;
  try {
    fs::create_directories(args.output_dir);
    for (size_t i = 0; i < scene->pages.size(); ++i) {
      finish::AtomicOutput out((fs::path(args.output_dir) / fmt::format("page-{:02}.png", i + 1)).string());
      render::write_png(scene->pages[i], out.temp_path(), args.dpi);
      out.commit();
    }
    // Pages that no longer exist must not linger as stale previews.
    static const std::regex page_png(R"(page-(\d+)\.png)");
    for (const auto& entry : fs::directory_iterator(args.output_dir)) {
      std::smatch m;
      std::string name = entry.path().filename().string();
      if (std::regex_match(name, m, page_png) && std::stoul(m[1]) > scene->pages.size()) fs::remove(entry.path());
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: error: {}\n", args.output_dir, e.what());
    return kExitBadInput;
  }
  fmt::print("{}: {} pages at {} dpi\n", args.output_dir, scene->pages.size(), args.dpi);
  return kExitOk;
}

}  // namespace plaquette::cli
