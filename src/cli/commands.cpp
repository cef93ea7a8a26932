#include "cli/commands.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <thread>

#include <fmt/format.h>

#include "core/units.hpp"
#include "color/proxies.hpp"
#include "finish/finish_pdf.hpp"
#include "finish/print_images.hpp"
#include "finish/screen_images.hpp"
#include "finish/output_file.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "preflight/preflight.hpp"
#include "render/preview.hpp"
#include "render/render.hpp"
#include "text/font_set.hpp"

namespace plaquette::cli {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const DiagnosticSink& sink) {
  for (const auto& d : sink.all()) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

// load → layout. Prints diagnostics; returns the scene or nullopt on bad input. `diagnostics`, when
// given, receives a copy of them (for `check --json`).
// load → layout of one brochure (the base, or the variant `variant`), diagnostics into `sink`.
// `fonts`, when given, is reused (and filled on first use): one font set per thread.
std::optional<scene::Document> compose_into(const std::string& content, const std::string& root,
                                            const std::string& variant, bool draft, DiagnosticSink& sink,
                                            layout::LayoutReport* report = nullptr,
                                            std::shared_ptr<text::FontSet>* fonts = nullptr) {
  load::LoadOptions options;
  options.root = root;
  options.variant = variant;
  layout::LayoutOptions layout_options;
  layout_options.draft = draft;
  std::optional<scene::Document> scene;
  try {
    auto doc = load::load_document(content, options, sink);
    if (doc) {
      color::apply_screen_proxies(*doc);  // CMYK-only swatches get their profile's screen colour
      if (fonts) {
        if (!*fonts)
          *fonts = std::make_shared<text::FontSet>(
              (fs::path(doc->project_root) / doc->tmpl.fonts_dir).string(), doc->tmpl.span);
        layout_options.fonts = *fonts;
      }
      scene = layout::layout_document(*doc, sink, layout_options, report);
    }
  } catch (const InputError& e) {
    sink.add(e.diagnostic());
  } catch (const std::exception& e) {
    sink.error(Span{content, 0, 0}, e.what());
  }
  return scene;
}

std::optional<scene::Document> compose(const std::string& content, const std::string& root, bool draft,
                                       layout::LayoutReport* report = nullptr,
                                       std::vector<Diagnostic>* diagnostics = nullptr,
                                       const std::string& variant = {}) {
  DiagnosticSink sink;
  auto scene = compose_into(content, root, variant, draft, sink, report);
  print_diagnostics(sink);
  if (diagnostics) *diagnostics = sink.all();
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

// output/plaquette.pdf, 246200364 → output/plaquette-246200364.pdf
std::string variant_pdf_path(const std::string& output, const std::string& id) {
  fs::path p(output);
  return (p.parent_path() / (p.stem().string() + "-" + id + p.extension().string())).string();
}

// Writes the print and screen PDFs of `scene`; both are complete before either replaces a previous
// one. Returns an error message, empty on success.
std::string write_pdfs(const scene::Document& scene_doc, const std::string& output) {
  const scene::Document* scene = &scene_doc;
  const std::string screen = screen_pdf_path(output);
  try {
    finish::AtomicOutput print_out(output);
    finish::AtomicOutput screen_out(screen);
    const auto& first = scene->pages.front();
    // The press gets CMYK photos (converted through the output profile) and exact CMYK swatches.
    const scene::Document print_scene = finish::with_cmyk_images(*scene, scene->output_profile);
    render::write_pdf(print_scene, print_out.temp_path(), render::PdfKind::Print);
    const auto finished = finish::finish_pdf(print_out.temp_path(),
                       {scene->language,
                        finish::PrintBoxes{render::sheet_margin(first, render::PdfKind::Print), first.bleed},
                        scene->swatches,
                        finish::PdfxInfo{scene->output_profile, "FOGRA39",
                                         "Offset commercial printing, coated paper (ISO 12647-2:2004/Amd1, FOGRA39)",
                                         scene->title, scene->date}});
    if (finished.rgb_left > 0)
      fmt::print(stderr,
                 "{}: warning: {} colour{} of the print PDF {} no swatch (inside an SVG picture?) and stay{} RGB, "
                 "for the printer's RIP to convert: draw SVG pictures with the template's swatch colours\n",
                 output, finished.rgb_left, finished.rgb_left > 1 ? "s" : "", finished.rgb_left > 1 ? "are" : "is",
                 finished.rgb_left > 1 ? "" : "s");
    render::write_pdf(finish::with_screen_images(*scene), screen_out.temp_path(), render::PdfKind::Screen);
    finish::finish_pdf(screen_out.temp_path(), {scene->language, std::nullopt});
    print_out.commit();
    screen_out.commit();
  } catch (const std::exception& e) {
    return fmt::format("{}: error: {}", output, e.what());
  }
  return {};
}

// `build --variant ID` and `build --all`: every variant is loaded, laid out and written by a pool
// of worker threads, each with its own fonts (Pango and fontconfig objects stay in their thread;
// GDAL datasets are opened per variant). A failing variant does not stop the others.
int run_variants(const BuildArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  load::LoadOptions options;
  options.root = args.root;
  auto listed = load::list_variants(args.content, options, sink);
  print_diagnostics(sink);
  if (!listed) return kExitBadInput;
  if (listed->empty()) {
    fmt::print(stderr, "{}: error: this content file declares no variants (no 'variants:' section)\n", args.content);
    return kExitBadInput;
  }
  std::vector<load::VariantInfo> todo;
  if (args.all) {
    todo = *listed;
  } else {
    auto it = std::find_if(listed->begin(), listed->end(), [&](const auto& v) { return v.id == args.variant; });
    if (it == listed->end()) {
      std::vector<std::string> ids;
      std::string names;
      for (const auto& v : *listed) {
        ids.push_back(v.id);
        names += fmt::format("\n  {} {}", v.id, v.name);
      }
      fmt::print(stderr, "{}: error: unknown variant '{}'{}; the variants are:{}\n", args.content, args.variant,
                 did_you_mean(args.variant, ids), names);
      return kExitBadInput;
    }
    todo.push_back(*it);
  }
  unsigned workers = args.jobs > 0 ? static_cast<unsigned>(args.jobs) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min<unsigned>(workers, static_cast<unsigned>(todo.size()));
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  std::mutex print_mutex;
  auto work = [&] {
    std::shared_ptr<text::FontSet> fonts;  // this thread's
    for (size_t i = next++; i < todo.size(); i = next++) {
      const auto& v = todo[i];
      const std::string output = variant_pdf_path(args.output, v.id);
      DiagnosticSink vsink;
      auto scene = compose_into(args.content, args.root, v.id, args.draft, vsink, nullptr, &fonts);
      std::string error;
      if (scene) error = write_pdfs(*scene, output);
      std::lock_guard lock(print_mutex);
      print_diagnostics(vsink);
      if (!scene || !error.empty()) {
        ++failed;
        if (!error.empty()) fmt::print(stderr, "{}\n", error);
        fmt::print(stderr, "{} {}: FAILED ({} error{}); nothing was written for it\n", v.id, v.name,
                   std::max(1, vsink.error_count()), vsink.error_count() > 1 ? "s" : "");
      } else {
        fmt::print("{} {}: {} ({} pages)\n", v.id, v.name, output, scene->pages.size());
      }
      std::fflush(stdout);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int bad = failed.load();
  fmt::print("plaquette: {} variant{} built, {} failed ({:.1f} s, {} thread{})\n", todo.size() - bad,
             todo.size() - bad == 1 ? "" : "s", bad, seconds, workers, workers == 1 ? "" : "s");
  return bad ? kExitBadInput : kExitOk;
}

}  // namespace

int run_build(const BuildArgs& args) {
  if (args.all || !args.variant.empty()) return run_variants(args);
  auto scene = compose(args.content, args.root, args.draft);
  if (!scene) return kExitBadInput;
  const std::string screen = screen_pdf_path(args.output);
  if (auto error = write_pdfs(*scene, args.output); !error.empty()) {
    fmt::print(stderr, "{}\n", error);
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
  if (args.separations < 0) {
    fmt::print(stderr, "plaquette preview: --separations takes a page number from 1 (got {})\n", args.separations);
    return kExitUsage;
  }
  auto scene = compose(args.content, args.root, args.draft, nullptr, nullptr, args.variant);
  if (!scene) return kExitBadInput;
  const size_t count = scene->pages.size();
  if (args.separations > 0 && static_cast<size_t>(args.separations) > count) {
    fmt::print(stderr, "plaquette preview: --separations {}: the brochure has {} pages\n", args.separations, count);
    return kExitUsage;
  }
  render::PreviewOptions options;
  options.dpi = args.dpi;
  options.guides = args.guides;
  const fs::path dir(args.output_dir);
  const auto spreads = render::reader_spreads(count);
  try {
    fs::create_directories(dir);
    for (size_t i = 0; i < count; ++i) {
      finish::AtomicOutput out((dir / fmt::format("page-{:02}.png", i + 1)).string());
      render::write_page_png(scene->pages[i], out.temp_path(), options);
      out.commit();
    }
    for (size_t i = 0; i < spreads.size(); ++i) {
      finish::AtomicOutput out((dir / fmt::format("spread-{:02}.png", i + 1)).string());
      render::write_spread_png(scene->pages, spreads[i], out.temp_path(), options);
      out.commit();
    }
    {
      finish::AtomicOutput out((dir / "contact-sheet.png").string());
      render::write_contact_sheet(scene->pages, out.temp_path());
      out.commit();
    }
    if (args.separations > 0)
      render::write_separations(*scene, static_cast<size_t>(args.separations - 1),
                                (dir / fmt::format("page-{:02}", args.separations)).string(), options);
    // Pages, spreads and plates that this run did not write must not linger as stale previews.
    static const std::regex page_png(R"(page-(\d+)\.png)");
    static const std::regex spread_png(R"(spread-(\d+)\.png)");
    static const std::regex plate_png(R"(page-(\d+)-plate-[cmyk]\.png)");
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::smatch m;
      std::string name = entry.path().filename().string();
      if ((std::regex_match(name, m, page_png) && std::stoul(m[1]) > count) ||
          (std::regex_match(name, m, spread_png) && std::stoul(m[1]) > spreads.size()) ||
          (std::regex_match(name, m, plate_png) && std::stol(m[1]) != args.separations))
        fs::remove(entry.path());
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: error: {}\n", args.output_dir, e.what());
    return kExitBadInput;
  }
  fmt::print("{}: {} pages, {} spreads and a contact sheet at {} dpi{}{}\n", args.output_dir, count, spreads.size(),
             args.dpi, args.guides ? ", with guides" : "",
             args.separations > 0 ? fmt::format(", CMYK plates of page {}", args.separations) : "");
  return kExitOk;
}

namespace {

// A JSON string literal: quotes, backslashes and control characters escaped (UTF-8 kept as is).
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

void print_json(const std::vector<layout::PageTextQuality>& pages, const std::vector<preflight::Finding>& findings,
                bool ok) {
  std::string out = "{\"pages\":[";
  for (size_t i = 0; i < pages.size(); ++i) {
    const auto& p = pages[i];
    out += fmt::format("{}{{\"page\":{},\"lines\":{},\"hyphenated\":{},\"loosest\":{:.3f}}}", i ? "," : "", p.page,
                       p.lines, p.hyphenated, p.loosest);
  }
  out += "],\"findings\":[";
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    out += fmt::format("{}{{\"severity\":{},\"page\":{},\"file\":{},\"line\":{},\"column\":{},\"code\":{},\"message\":{}}}",
                       i ? "," : "", json_string(severity_name(f.severity)), f.page, json_string(f.span.file),
                       f.span.line, f.span.col, json_string(f.code), json_string(f.message));
  }
  out += fmt::format("],\"ok\":{}}}\n", ok ? "true" : "false");
  fmt::print("{}", out);
}

}  // namespace

int run_check(const CheckArgs& args) {
  if (!(args.max_spacing >= 1.0) || !(args.max_hyphen_share >= 0 && args.max_hyphen_share <= 1)) {
    fmt::print(stderr, "plaquette check: --max-spacing must be at least 1 and --max-hyphens between 0 and 1\n");
    return kExitUsage;
  }
  std::string why;
  auto safe_margin = parse_length(args.safe_margin, &why);
  if (!safe_margin || *safe_margin < 0) {
    fmt::print(stderr, "plaquette check: --safe-margin must be a length such as 5mm{}\n", why.empty() ? "" : ": " + why);
    return kExitUsage;
  }
  layout::LayoutReport report;
  std::vector<Diagnostic> diagnostics;
  auto scene = compose(args.content, args.root, false, &report, &diagnostics, args.variant);
  if (!scene) {
    // Overflow, fonts, bad input: layout refused the brochure (printed on stderr above).
    if (args.json) {
      std::vector<preflight::Finding> refused;
      for (const auto& d : diagnostics)
        if (d.severity != Severity::Note) refused.push_back({d.severity, 0, d.span, "layout", d.message});
      print_json({}, refused, false);
    }
    return kExitBadInput;
  }
  preflight::PreflightOptions options;
  options.safe_margin = *safe_margin;
  const auto findings = preflight::preflight(*scene, options);
  int errors = 0, warnings = 0;
  for (const auto& f : findings) (f.severity == Severity::Error ? errors : warnings)++;

  bool text_ok = true;
  std::string table = "page  lines  hyphenated  loosest space\n";
  for (const auto& p : report.pages) {
    const double share = p.lines ? static_cast<double>(p.hyphenated) / static_cast<double>(p.lines) : 0.0;
    std::string verdict;
    if (p.loosest > args.max_spacing) verdict += fmt::format("  word spaces too loose (over {:.2f})", args.max_spacing);
    if (share > args.max_hyphen_share) verdict += fmt::format("  too many hyphens (over {:.0f}%)", args.max_hyphen_share * 100);
    text_ok = text_ok && verdict.empty();
    table += fmt::format("{:>4}  {:>5}  {:>10}  {:>13.2f}{}\n", p.page, p.lines, p.hyphenated, p.loosest, verdict);
  }
  const bool ok = text_ok && errors == 0;
  if (args.json) {
    print_json(report.pages, findings, ok);
    return ok ? kExitOk : kExitBadInput;
  }
  fmt::print("{}", table);
  if (!text_ok)
    fmt::print(stderr, "plaquette check: some pages are below the quality ceilings; rework their text or frames\n");
  else
    fmt::print("plaquette check: {} pages within the ceilings (word space at most {:.2f}, hyphenated lines at most {:.0f}%)\n",
               report.pages.size(), args.max_spacing, args.max_hyphen_share * 100);
  for (const auto& f : findings) fmt::print("{}\n", preflight::format_finding(f));
  fmt::print("plaquette check: preflight: {} error{}, {} warning{}{}\n", errors, errors == 1 ? "" : "s", warnings,
             warnings == 1 ? "" : "s", errors ? "; fix the errors before sending the PDF to print" : "");
  return ok ? kExitOk : kExitBadInput;
}

}  // namespace plaquette::cli
