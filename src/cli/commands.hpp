// The sub-commands of the plaquette command line. Each returns the process exit code:
// 0 success, 1 bad input (diagnostics printed on stderr), 2 bad usage.
#pragma once
#include <string>

namespace plaquette::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

struct BuildArgs {
  std::string content = "content/plaquette.yaml";
  std::string output = "output/plaquette.pdf";
  std::string root;
  bool draft = false;  // overflowing text is a warning, marked on the page
  std::string variant;  // build this variant only (output/plaquette-<id>.pdf)
  bool all = false;     // build every variant, laid out in parallel
  int jobs = 0;         // worker threads for --all (0: one per core)
  bool force = false;   // --all: rebuild the variants whose inputs did not change too
  // --lang: the language of the edition ("" keeps the content's `document.language`), texts from
  // content/translations/<lang>.yaml; the file name gets -<lang> (output/plaquette-nl.pdf).
  std::string language;
  bool output_given = false;  // -o was given: the plain build writes exactly there
};

struct PreviewArgs {
  std::string content = "content/plaquette.yaml";
  std::string output_dir = "output/preview";
  double dpi = 96;
  std::string root;
  bool draft = false;
  std::string variant;   // preview this variant instead of the base brochure
  bool guides = false;   // canvas with the bleed, trim / bleed / safe-area lines
  int separations = 0;   // page whose CMYK plates are written (1-based); 0: none
  std::string language;  // --lang, as for build
};

// `watch`: builds the PDFs and previews, then rebuilds them whenever a project file changes.
struct WatchArgs {
  std::string content = "content/plaquette.yaml";
  std::string output_dir = "output";  // PDF in it, previews in its preview/ folder
  double dpi = 96;
  std::string root;
  bool draft = false;
  bool once = false;     // exit after the first build (tests)
  double interval = 0.5; // seconds between two looks at the files
};

// `check`: lays the brochure out without writing anything, prints each page's text quality and the
// print preflight's findings (image resolution, safe area and trim, hairlines, small text, colours).
struct CheckArgs {
  std::string content = "content/plaquette.yaml";
  std::string root;
  double max_spacing = 2.0;        // loosest justified word space allowed, against the natural space
  double max_hyphen_share = 0.25;  // hyphenated lines allowed, as a share of a page's lines
  bool json = false;               // one JSON object on stdout, for machines
  std::string safe_margin = "5mm"; // text closer than this to the trim is a warning
  std::string variant;             // check this variant instead of the base brochure
  std::string language;            // --lang: check that edition, listing each missing or stale translation
};


// `translations --lang nl`: the skeleton of content/translations/nl.yaml (translations.cpp).
struct TranslationsArgs {
  std::string content = "content/plaquette.yaml";
  std::string root;
  std::string language;
  std::string variant;
  std::string output;  // "" : stdout
};
int run_translations(const TranslationsArgs& args);

int run_build(const BuildArgs& args);
int run_preview(const PreviewArgs& args);
int run_watch(const WatchArgs& args);
int run_check(const CheckArgs& args);

}  // namespace plaquette::cli
