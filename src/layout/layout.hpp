// layout: model::Document → scene::Document. The only stage that decides positions.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "core/diag.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"

namespace plaquette::text {
class FontSet;
}
namespace plaquette::image {
class ImageCache;
}

namespace plaquette::layout {

struct LayoutOptions {
  // Draft: text that overflows its frame is a warning and is marked on the page (a red box with
  // a plus sign at the frame's bottom-right corner, as in InDesign) instead of an error.
  bool draft = false;
  // Fonts already loaded from the template's fonts folder (e.g. one set per worker thread when
  // several variants are laid out at once: Pango and fontconfig objects stay in their thread).
  // Null: layout_document loads them.
  std::shared_ptr<text::FontSet> fonts;
  // Decoded pictures shared with other brochures of the same run (`build --all`); null: this
  // layout decodes its own.
  std::shared_ptr<image::ImageCache> images;
};

// Text quality of one page, for `plaquette check`.
struct PageTextQuality {
  int page = 0;
  size_t lines = 0;
  size_t hyphenated = 0;  // lines ending with a hyphen the setter added
  double loosest = 1.0;   // widest justified word space against the font's normal space
  double space_p95 = 1.0; // the justified word space 95 % of the lines stay under
  double letter_spacing_permille = 0;  // largest letter spacing of a justified line, ‰ of an em
  size_t stranded = 0;     // paragraphs ending on a lone fragment after a hyphen
  size_t fitness_jumps = 0;  // lines two fitness classes from the line before
};

struct LayoutReport {
  std::vector<PageTextQuality> pages;
};

// Lays out every page: master decorations, then the page's blocks (text flowed through frame
// columns, images fitted, maps drawn). Problems (unknown fonts, text overflow, bad images or map
// data) go to `sink` with the YAML location; returns nullopt when there was an error.
std::optional<scene::Document> layout_document(const model::Document& doc, DiagnosticSink& sink,
                                               const LayoutOptions& options = {}, LayoutReport* report = nullptr);

}  // namespace plaquette::layout
