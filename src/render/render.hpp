// render: scene pages → Cairo. One drawing routine feeds the PDF and the PNG surfaces.
#pragma once
#include <string>

#include "scene/scene.hpp"

typedef struct _cairo cairo_t;

namespace plaquette::render {

// Draws one page on `cr`, whose user space is page points with the origin at the trim's
// top-left corner. Reads the scene only; decides nothing.
void render_page(cairo_t* cr, const scene::Page& page);

enum class PdfKind {
  Print,   // sheet = trim + bleed + slug, content runs into the bleed, crop marks in the slug
  Screen,  // trim size pages, for reading on screen and sending by e-mail
};

// Writes every page to a PDF at `path` (metadata from the scene document).
// Throws std::runtime_error when the file cannot be written.
void write_pdf(const scene::Document& doc, const std::string& path, PdfKind kind = PdfKind::Print);

// Where the trim's top-left corner sits on the sheet of a page, for the finish stage's boxes.
double sheet_margin(const scene::Page& page, PdfKind kind);

// Writes one page as a PNG at `dpi` (white paper under the page).
void write_png(const scene::Page& page, const std::string& path, double dpi);

}  // namespace plaquette::render
