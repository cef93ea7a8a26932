// Print preflight: walks the laid-out scene and reports what a printer would send back —
// images too coarse for their size, text too close to (or cut by) the trim, lines too thin to
// print, text too small, colours that are not the template's swatches. Each finding names the
// page and the YAML that made the item. Text overflow and font problems are not here: layout
// already refuses them.
#pragma once
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/units.hpp"
#include "scene/scene.hpp"

namespace plaquette::preflight {

struct PreflightOptions {
  double safe_margin = mm_to_pt(5);  // pt inside the trim where text is safe from the guillotine
  double warn_ppi = 300;             // effective resolution below which an image is a warning
  double error_ppi = 150;            // ... and an error
  double min_stroke = 0.25;          // pt: thinner strokes are hairlines
  double min_text_size = 6;          // pt
};

struct Finding {
  Severity severity = Severity::Warning;  // Warning or Error
  int page = 0;                           // 1-based, in document order
  Span span;                              // the YAML that made the item
  std::string code;                       // "image-resolution", "safe-area", "trim-cut", "hairline",
                                          // "small-text", "colour-not-swatch"
  std::string message;                    // what is wrong and what to do, without the page
};

// Every finding, page by page, once per (code, page, span) — the worst severity kept.
std::vector<Finding> preflight(const scene::Document& doc, const PreflightOptions& options = {});

// "file:line:col: warning: page N: message" (unknown parts left out).
std::string format_finding(const Finding& f);

}  // namespace plaquette::preflight
