// render: scene pages → Cairo. One drawing routine feeds the PDF and the PNG surfaces.
#pragma once
#include <string>

#include "scene/scene.hpp"

typedef struct _cairo cairo_t;

namespace plaquette::render {

// Draws one page on `cr`, whose user space is page points with the origin at the trim's
// top-left corner. Reads the scene only; decides nothing.
void render_page(cairo_t* cr, const scene::Page& page);

// Writes every page to a PDF at `path` (trim size pages, metadata from the scene document).
// Throws std::runtime_error when the file cannot be written.
void write_pdf(const scene::Document& doc, const std::string& path);

// Writes one page as a PNG at `dpi` (white paper under the page).
void write_png(const scene::Page& page, const std::string& path, double dpi);

}  // namespace plaquette::render
