// The finish stage: what cairo 1.16 cannot write, added with qpdf after rendering — the
// document language, and for print the TrimBox/BleedBox of every page (and no annotations,
// which print standards refuse inside the page).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "finish/pdfx.hpp"

namespace plaquette::finish {

struct PrintBoxes {
  double trim_offset = 0;  // pt from the sheet edge to the trim, each side (bleed + slug)
  double bleed = 0;        // pt
};

struct FinishOptions {
  std::string language;               // BCP 47 tag for /Lang, e.g. "fr"; empty: none
  std::optional<PrintBoxes> boxes;    // print PDF: set TrimBox and BleedBox, drop annotations
  std::vector<Swatch> exact_cmyk;     // print PDF: swatches whose proxies become exact DeviceCMYK
  std::optional<PdfxInfo> pdfx;       // print PDF: identify as PDF/X-4 with this output intent
};

struct FinishReport {
  size_t cmyk_colours = 0;  // colour operators rewritten to exact CMYK
  size_t rgb_left = 0;      // RGB colours that are no swatch (e.g. inside SVG pictures): still RGB
};

// Rewrites the PDF at `path` in place. The rewrite is deterministic (same input, same bytes,
// with a deterministic /ID). Throws std::runtime_error on failure (the file is then unchanged).
FinishReport finish_pdf(const std::string& path, const FinishOptions& options);

}  // namespace plaquette::finish
