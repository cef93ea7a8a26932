// The exporter: a scene::Document straight to a PDF file, without Cairo. Print: each page on its
// sheet (trim + bleed + slug) with TrimBox, BleedBox and crop marks in registration, exact CMYK,
// no annotations, PDF/X-4 (output intent, GTS_PDFXVersion, Trapped, XMP). Screen: the trim,
// RGB, links. Both: embedded font subsets with ToUnicode, the outline, page labels, /Lang,
// the edition date as creation date and a deterministic /ID (same input, same bytes).
#pragma once
#include <optional>
#include <string>

#include "pdf/colour_writer.hpp"
#include "scene/scene.hpp"

namespace plaquette::pdf {

struct PdfxCondition {
  std::string identifier = "FOGRA39";
  std::string text = "Offset commercial printing, coated paper (ISO 12647-2:2004/Amd1, FOGRA39)";
};

struct WriteOptions {
  Kind kind = Kind::Screen;
  PdfxCondition condition;  // print
};

// What a write found worth telling (for the build's report and tests).
struct WriteReport {
  size_t fonts = 0;
  size_t converted_colours = 0;  // print: colours that were no swatch, converted through the profile
};

// Writes `doc` to `path` (the caller writes to a temporary file and renames it). Throws
// std::runtime_error when the file cannot be written or a picture or font cannot be embedded.
WriteReport write_pdf(const scene::Document& doc, const std::string& path, const WriteOptions& options);

// The sheet around a page: bleed + slug for print, nothing for screen.
double sheet_margin(const scene::Page& page, Kind kind);

}  // namespace plaquette::pdf
