#include "cli/commands.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "finish/finish_pdf.hpp"
#include "finish/print_images.hpp"
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
std::optional<scene::Document> compose(const std::string& content, const std::string& root, bool draft,
                                       layout::LayoutReport* report = nullptr) {
  DiagnosticSink sink;
  load::LoadOptions options;
  options.root = root;
  layout::LayoutOptions layout_options;
  layout_options.draft = draft;
  std::optional<scene::Document> scene;
  try {
    auto doc = load::load_document(content, options, sink);
    if (doc) scene = layout::layout_document(*doc, sink, layout_options, report);
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

// output/plaquette.pdf → output/plaquette-screen.pdf
std::string screen_pdf_path(const std::string& print) {
  fs::path p(print);
  return (p.parent_path() / (p.stem().string() + "-screen" + p.extension().string())).string();
}

}  // namespace

int run_build(const BuildArgs& args) {
  auto scene = compose(args.content, args.root, args.draft);
  if (!scene) return kExitBadInput;
  // Both PDFs are complete before either replaces a previous one.
  const std::string screen = screen_pdf_path(args.output);
  try {
    finish::AtomicOutput print_out(args.output);
    finish::AtomicOutput screen_out(screen);
    const auto& first = scene->pages.front();
    // The press gets CMYK photos (converted through the output profile) and exact CMYK swatches.
    const scene::Document print_scene = finish::with_cmyk_images(*scene, scene->output_profile);
    render::write_pdf(print_scene, print_out.temp_path(), render::PdfKind::Print);
    finish::finish_pdf(print_out.temp_path(),
                       {scene->language,
                        finish::PrintBoxes{render::sheet_margin(first, render::PdfKind::Print), first.bleed},
                        scene->swatches,
                        finish::PdfxInfo{scene->output_profile, "FOGRA39",
                                         "Offset commercial printing, coated paper (ISO 12647-2:2004/Amd1, FOGRA39)",
                                         scene->title, scene->date}});
    render::write_pdf(*scene, screen_out.temp_path(), render::PdfKind::Screen);
    finish::finish_pdf(screen_out.temp_path(), {scene->language, std::nullopt});
    print_out.commit();
    screen_out.commit();
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: error: {}\n", args.output, e.what());
    return kExitBadInput;
  }
  fmt::print("{}: {} pages (print: trim, bleed and crop marks)\n", args.output, scene->pages.size());
  fmt::print("{}: {} pages (screen)\n", screen, scene->pages.size());
  return kExitOk;
}

int run_preview(const PreviewArgs& args) {
  if (!(args.dpi >= 10 && args.dpi <= 1200)) {
    fmt::print(stderr, "plaquette preview: --dpi must be between 10 and 1200 (got {})\n", args.dpi);
    return kExitUsage;
  }
  auto scene = compose(args.content, args.root, args.draft);
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

int run_check(const CheckArgs& args) {
  if (!(args.max_spacing >= 1.0) || !(args.max_hyphen_share >= 0 && args.max_hyphen_share <= 1)) {
    fmt::print(stderr, "plaquette check: --max-spacing must be at least 1 and --max-hyphens between 0 and 1\n");
    return kExitUsage;
  }
  layout::LayoutReport report;
  auto scene = compose(args.content, args.root, false, &report);
  if (!scene) return kExitBadInput;
  fmt::print("page  lines  hyphenated  loosest space\n");
  bool ok = true;
  for (const auto& p : report.pages) {
    const double share = p.lines ? static_cast<double>(p.hyphenated) / static_cast<double>(p.lines) : 0.0;
    std::string verdict;
    if (p.loosest > args.max_spacing) verdict += fmt::format("  word spaces too loose (over {:.2f})", args.max_spacing);
    if (share > args.max_hyphen_share) verdict += fmt::format("  too many hyphens (over {:.0f}%)", args.max_hyphen_share * 100);
    ok = ok && verdict.empty();
    fmt::print("{:>4}  {:>5}  {:>10}  {:>13.2f}{}\n", p.page, p.lines, p.hyphenated, p.loosest, verdict);
  }
  if (!ok) {
    fmt::print(stderr, "plaquette check: some pages are below the quality ceilings; rework their text or frames\n");
    return kExitBadInput;
  }
  fmt::print("plaquette check: {} pages within the ceilings (word space at most {:.2f}, hyphenated lines at most {:.0f}%)\n",
             report.pages.size(), args.max_spacing, args.max_hyphen_share * 100);
  return kExitOk;
}

}  // namespace plaquette::cli
