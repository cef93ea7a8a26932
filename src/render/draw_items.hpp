// One drawing function per scene item kind (render_page dispatches with std::visit).
#pragma once
#include <cairo.h>

#include "scene/scene.hpp"

namespace plaquette::render {

void set_paint(cairo_t* cr, const Paint& paint);
void draw_glyph_run(cairo_t* cr, const scene::GlyphRun& run);
void draw_path(cairo_t* cr, const scene::Path& path);
void draw_image(cairo_t* cr, const scene::Image& image);
void draw_link(cairo_t* cr, const scene::Link& link);
void draw_items(cairo_t* cr, const std::vector<scene::Item>& items);

}  // namespace plaquette::render
