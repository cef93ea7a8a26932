// The steps of `plaquette build` shared by the single build (commands.cpp) and the batch of
// variants (batch.cpp): load → layout, then the print and screen PDFs.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "core/diag.hpp"
#include "layout/layout.hpp"
#include "scene/scene.hpp"

namespace plaquette::finish {
class ImageConversions;
}
namespace plaquette::image {
class ImageCache;
}

namespace plaquette::cli {

void print_diagnostics(const DiagnosticSink& sink);

// What a batch of builds in one process shares between its brochures (all optional): the
// decoded pictures, their CMYK and screen conversions. Each is thread-safe.
struct SharedWork {
  std::shared_ptr<image::ImageCache> images;
  std::shared_ptr<finish::ImageConversions> conversions;
};

// Which brochure to compose: the base or one variant, in the content's language or another.
struct Edition {
  std::string variant;             // "": the base brochure
  std::string language;            // "": the content's own `document.language`
  bool list_translations = false;  // a warning for each missing or stale translation (check)
};

// `output/plaquette.pdf` for an edition: -<variant id> and -<language> added to the name when
// they are set and the language is not French (output/plaquette-246200364-nl.pdf).
std::string edition_pdf_path(const std::string& output, const Edition& edition);

// load → layout of one edition of the brochure, diagnostics into `sink`.
// `fonts`, when given, is reused (and filled on first use): one font set per thread.
std::optional<scene::Document> compose_into(const std::string& content, const std::string& root,
                                            const Edition& edition, bool draft, DiagnosticSink& sink,
                                            layout::LayoutReport* report = nullptr,
                                            std::shared_ptr<text::FontSet>* fonts = nullptr,
                                            const SharedWork* shared = nullptr);

// output/plaquette.pdf → output/plaquette-screen.pdf
std::string screen_pdf_path(const std::string& print);


// Seconds spent in each step of write_pdfs (PLAQUETTE_TIMES=1 prints them for each variant).
struct WriteTimes {
  double print_images = 0, print_render = 0, print_finish = 0;
  double screen_images = 0, screen_render = 0, screen_finish = 0;
};

// Writes the print and screen PDFs of `scene`; both are complete before either replaces a
// previous one. Returns an error message, empty on success.
std::string write_pdfs(const scene::Document& scene, const std::string& output, const SharedWork* shared = nullptr,
                       WriteTimes* times = nullptr);

// `build --variant ID` and `build --all` (batch.cpp).
int run_variants(const BuildArgs& args);

}  // namespace plaquette::cli
