// plaquette: builds the brochure PDF and its PNG previews from YAML content.
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/safe_name.hpp"
#include "load/yaml_reader.hpp"

namespace {

// --variant and --lang become parts of file names (output/plaquette-<id>-<lang>.pdf): a value
// that is not a plain name is a usage error (exit 2), never a path.
const CLI::Validator kVariantId(
    [](std::string& s) -> std::string {
      const std::string why = plaquette::unsafe_name_reason(s);
      return why.empty() ? std::string{}
                         : fmt::format("'{}' cannot be a variant id: it {} (an id is a code such as 246200364)", s, why);
    },
    "ID");
const CLI::Validator kLanguage(
    [](std::string& s) -> std::string {
      if (plaquette::is_safe_name(s) && plaquette::load::is_language_tag(s)) return {};
      return fmt::format("'{}' is not a language code: write nl, en, de...", s);
    },
    "LANG");

}  // namespace

int main(int argc, char** argv) {
  using namespace plaquette::cli;
  CLI::App app{"plaquette: builds a print brochure (PDF) from YAML content, templates and map data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "plaquette 0.1.0");

  BuildArgs build;
  auto* b = app.add_subcommand("build", "Build the brochure PDF");
  b->add_option("file", build.content, "Content file")->capture_default_str();
  auto* b_output = b->add_option("-o,--output", build.output, "PDF to write")->capture_default_str();
  b->add_option("--root", build.root, "Project root (default: found from the content file)");
  b->add_flag("--draft", build.draft, "Overflowing text is a warning, marked on the page, instead of an error");
  auto* b_variant = b->add_option("--variant", build.variant,
                                  "Build one variant (e.g. an EPCI's SIREN): writes output/plaquette-<id>.pdf")
                      ->check(kVariantId);
  auto* b_all = b->add_flag("--all", build.all, "Build every variant, in parallel: output/plaquette-<id>.pdf each");
  b_all->excludes(b_variant);
  b->add_option("-j,--jobs", build.jobs, "Worker threads for --all (default: one per core)");
  b->add_flag("--force", build.force, "With --all: rebuild every variant, even those whose inputs did not change");

  PreviewArgs preview;
  auto* p = app.add_subcommand("preview", "Render PNG previews: pages, reader spreads, a contact sheet");
  auto* preview_file = p->add_option("file", preview.content, "Content file")->capture_default_str();
  p->add_option("-o,--output", preview.output_dir, "Folder for the PNG pages")->capture_default_str();
  p->add_option("--dpi", preview.dpi, "Resolution of the PNG pages")->capture_default_str();
  p->add_option("--root", preview.root, "Project root (default: found from the content file)");
  p->add_flag("--draft", preview.draft, "Overflowing text is a warning, marked on the page, instead of an error");
  p->add_option("--variant", preview.variant, "Preview this variant instead of the base brochure")->check(kVariantId);
  p->add_flag("--guides", preview.guides, "Show the bleed and draw the trim, bleed and safe-area lines");
  std::string separations;
  auto* sep = p->add_option("--separations", separations, "Also write the CMYK plates of PAGE (default 1)")
                  ->expected(0, 1)
                  ->type_name("[PAGE]");

  WatchArgs watch;
  auto* w = app.add_subcommand("watch", "Build the PDFs and previews, then rebuild them when a project file changes");
  w->add_option("file", watch.content, "Content file")->capture_default_str();
  w->add_option("-o,--output", watch.output_dir, "Folder for plaquette.pdf and preview/")->capture_default_str();
  w->add_option("--dpi", watch.dpi, "Resolution of the PNG previews")->capture_default_str();
  w->add_option("--root", watch.root, "Project root (default: found from the content file)");
  w->add_flag("--draft", watch.draft, "Overflowing text is a warning, marked on the page, instead of an error");
  w->add_flag("--once", watch.once, "Build once and exit (no watching)");

  CheckArgs check;
  auto* c = app.add_subcommand("check", "Check text quality (word spacing, hyphens) and print readiness (preflight) without writing");
  c->add_option("file", check.content, "Content file")->capture_default_str();
  c->add_option("--root", check.root, "Project root (default: found from the content file)");
  c->add_option("--max-spacing", check.max_spacing, "Loosest justified word space allowed (1 = the font's space)")
      ->capture_default_str();
  c->add_option("--max-hyphens", check.max_hyphen_share, "Share of hyphenated lines allowed on a page (0 to 1)")
      ->capture_default_str();
  c->add_option("--safe-margin", check.safe_margin, "Text closer than this to the trim is a warning")
      ->capture_default_str();
  c->add_option("--variant", check.variant, "Check this variant instead of the base brochure")->check(kVariantId);
  c->add_flag("--json", check.json, "Print one JSON object (pages, findings, ok) on stdout, for machines");

  // --lang: an edition in another language, from content/translations/<lang>.yaml (docs/guide.md).
  const char* lang_help = "Language of the edition (nl, en...): texts from content/translations/<lang>.yaml";
  b->add_option("--lang", build.language, std::string(lang_help) + "; the PDF is named plaquette[-<id>]-<lang>.pdf")->check(kLanguage);
  p->add_option("--lang", preview.language, lang_help)->check(kLanguage);
  c->add_option("--lang", check.language, lang_help)->check(kLanguage);
  TranslationsArgs tr;
  auto* t = app.add_subcommand("translations", "Print the skeleton of a translation file (every text id, its French "
                                               "text and fingerprint) to fill, e.g. --lang nl");
  t->add_option("file", tr.content, "Content file")->capture_default_str();
  t->add_option("--lang", tr.language, "Language of the translation (nl, en...)")->required()->check(kLanguage);
  t->add_option("--root", tr.root, "Project root (default: found from the content file)");
  t->add_option("--variant", tr.variant, "Translate this variant's texts")->check(kVariantId);
  t->add_option("-o,--output", tr.output, "File to write (default: stdout)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the usage error
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (b->parsed()) {
    build.output_given = b_output->count() > 0;
    return run_build(build);
  }
  if (p->parsed()) {
    if (sep->count() > 0) {
      preview.separations = 1;
      if (!separations.empty()) {
        if (separations.find_first_not_of("0123456789") != std::string::npos && preview_file->count() == 0) {
          preview.content = separations;  // `preview --separations FILE`: the file, not a page number
        } else {
          try {
            preview.separations = std::stoi(separations);
          } catch (const std::exception&) {
            preview.separations = -1;
          }
          if (preview.separations < 1) {
            fmt::print(stderr, "plaquette preview: --separations takes a page number from 1 (got '{}')\n", separations);
            return kExitUsage;
          }
        }
      }
    }
    return run_preview(preview);
  }
  if (w->parsed()) return run_watch(watch);
  if (c->parsed()) return run_check(check);
  if (t->parsed()) return run_translations(tr);
  return kExitUsage;
}
