#include "cli/commands.hpp"
#include "cli/build_steps.hpp"

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
#include "finish/print_images.hpp"
#include "finish/screen_images.hpp"
#include "finish/output_file.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "model/language.hpp"
#include "pdf/write_pdf.hpp"
#include "preflight/preflight.hpp"
#include "render/preview.hpp"
#include "render/render.hpp"
#include "text/font_set.hpp"

namespace plaquette::cli {

namespace fs = std::filesystem;

void print_diagnostics(const DiagnosticSink& sink) {
  for (const auto& d : sink.all()) fmt::print(stderr, "{}\n", format_diagnostic(d));
}

std::optional<scene::Document> compose_into(const std::string& content, const std::string& root,
                                            const Edition& edition, bool draft, DiagnosticSink& sink,
                                            layout::LayoutReport* report, std::shared_ptr<text::FontSet>* fonts,
                                            const SharedWork* shared) {
  load::LoadOptions options;
  options.root = root;
  options.variant = edition.variant;
  options.language = edition.language;
  options.list_translations = edition.list_translations;
  layout::LayoutOptions layout_options;
  layout_options.draft = draft;
  if (shared) layout_options.images = shared->images;
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

namespace {

// load → layout. Prints diagnostics; returns the scene or nullopt on bad input. `diagnostics`, when
// given, receives a copy of them (for `check --json`).
std::optional<scene::Document> compose(const std::string& content, const std::string& root, bool draft,
                                       layout::LayoutReport* report = nullptr,
                                       std::vector<Diagnostic>* diagnostics = nullptr, const Edition& edition = {}) {
  DiagnosticSink sink;
  auto scene = compose_into(content, root, edition, draft, sink, report);
  print_diagnostics(sink);
  if (diagnostics) *diagnostics = sink.all();
  if (sink.has_errors()) {
    fmt::print(stderr, "plaquette: {} error{}; nothing was written.\n", sink.error_count(),
               sink.error_count() > 1 ? "s" : "");
    return std::nullopt;
  }
  return scene;
}

double seconds_since(std::chrono::steady_clock::time_point& t) {
  const auto now = std::chrono::steady_clock::now();
  const double s = std::chrono::duration<double>(now - t).count();
  t = now;
  return s;
}

}  // namespace

std::string screen_pdf_path(const std::string& print) {
  fs::path p(print);
  return (p.parent_path() / (p.stem().string() + "-screen" + p.extension().string())).string();
}

std::string edition_pdf_path(const std::string& output, const Edition& edition) {
  fs::path p(output);
  std::string stem = p.stem().string();
  if (!edition.variant.empty()) stem += "-" + edition.variant;
  if (!edition.language.empty() && !model::is_french(edition.language)) stem += "-" + edition.language;
  return (p.parent_path() / (stem + p.extension().string())).string();
}

std::string write_pdfs(const scene::Document& scene_doc, const std::string& output, const SharedWork* shared,
                       WriteTimes* times) {
  const scene::Document* scene = &scene_doc;
  const std::string screen = screen_pdf_path(output);
  finish::ImageConversions* conversions = shared ? shared->conversions.get() : nullptr;
  WriteTimes local;
  WriteTimes& t = times ? *times : local;
  auto clock = std::chrono::steady_clock::now();
  try {
    finish::AtomicOutput print_out(output);
    finish::AtomicOutput screen_out(screen);
    {
      // The press gets CMYK photos (converted through the output profile) and exact CMYK swatches.
      const scene::Document print_scene =
          finish::with_cmyk_images(*scene, scene->output_profile, nullptr, conversions);
      t.print_images = seconds_since(clock);
      pdf::write_pdf(print_scene, print_out.temp_path(), {pdf::Kind::Print, {}});
      t.print_render = seconds_since(clock);
    }
    {
      const scene::Document screen_scene = finish::with_screen_images(*scene, finish::kScreenPpi, conversions);
      t.screen_images = seconds_since(clock);
      pdf::write_pdf(screen_scene, screen_out.temp_path(), {pdf::Kind::Screen, {}});
      t.screen_render = seconds_since(clock);
    }
    print_out.commit();
    screen_out.commit();
  } catch (const std::exception& e) {
    return fmt::format("{}: error: {}", output, e.what());
  }
  return {};
}

int run_build(const BuildArgs& args) {
  if (args.all || !args.variant.empty()) return run_variants(args);
  const Edition edition{{}, args.language, false};
  auto scene = compose(args.content, args.root, args.draft, nullptr, nullptr, edition);
  if (!scene) return kExitBadInput;
  // Another language never replaces the French brochure unless -o says so.
  const std::string output = args.output_given ? args.output : edition_pdf_path(args.output, edition);
  const std::string screen = screen_pdf_path(output);
  if (auto error = write_pdfs(*scene, output); !error.empty()) {
    fmt::print(stderr, "{}\n", error);
    return kExitBadInput;
  }
  fmt::print("{}: {} pages (print: trim, bleed and crop marks)\n", output, scene->pages.size());
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
  auto scene = compose(args.content, args.root, args.draft, nullptr, nullptr, Edition{args.variant, args.language, false});
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
    const double share = p.lines ? static_cast<double>(p.hyphenated) / static_cast<double>(p.lines) : 0.0;
    out += fmt::format("{}{{\"page\":{},\"lines\":{},\"hyphenated\":{},\"loosest\":{:.3f},\"space_p95\":{:.3f},"
                       "\"hyphenated_share\":{:.3f},\"letter_spacing_permille\":{:.1f},\"stranded\":{},"
                       "\"fitness_jumps\":{}}}",
                       i ? "," : "", p.page, p.lines, p.hyphenated, p.loosest, p.space_p95, share,
                       p.letter_spacing_permille, p.stranded, p.fitness_jumps);
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
  auto scene = compose(args.content, args.root, false, &report, &diagnostics, Edition{args.variant, args.language, true});
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
  std::string table = "page  lines  hyphenated  loosest space  p95 space  letters ‰  stranded  jumps\n";
  for (const auto& p : report.pages) {
    const double share = p.lines ? static_cast<double>(p.hyphenated) / static_cast<double>(p.lines) : 0.0;
    std::string verdict;
    if (p.loosest > args.max_spacing) verdict += fmt::format("  word spaces too loose (over {:.2f})", args.max_spacing);
    if (share > args.max_hyphen_share) verdict += fmt::format("  too many hyphens (over {:.0f}%)", args.max_hyphen_share * 100);
    text_ok = text_ok && verdict.empty();
    if (p.stranded > 0) verdict += fmt::format("  {} paragraph{} ending on a lone syllable", p.stranded, p.stranded > 1 ? "s" : "");
    table += fmt::format("{:>4}  {:>5}  {:>10}  {:>13.2f}  {:>9.2f}  {:>9.1f}  {:>8}  {:>5}{}\n", p.page, p.lines,
                         p.hyphenated, p.loosest, p.space_p95, p.letter_spacing_permille, p.stranded, p.fitness_jumps,
                         verdict);
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
