#include "render/cairo_handles.hpp"
#include "render/draw_items.hpp"

namespace plaquette::render {

namespace {

void trace(cairo_t* cr, const scene::Path& path) {
  cairo_new_path(cr);
  for (const auto& sub : path.subpaths) {
    if (sub.points.empty()) continue;
    cairo_move_to(cr, sub.points[0].x, sub.points[0].y);
    for (size_t i = 1; i < sub.points.size(); ++i) cairo_line_to(cr, sub.points[i].x, sub.points[i].y);
    if (sub.closed) cairo_close_path(cr);
  }
}

cairo_line_join_t cairo_join(scene::LineJoin j) {
  switch (j) {
    case scene::LineJoin::Miter: return CAIRO_LINE_JOIN_MITER;
    case scene::LineJoin::Bevel: return CAIRO_LINE_JOIN_BEVEL;
    default: return CAIRO_LINE_JOIN_ROUND;
  }
}

cairo_line_cap_t cairo_cap(scene::LineCap c) {
  switch (c) {
    case scene::LineCap::Butt: return CAIRO_LINE_CAP_BUTT;
    case scene::LineCap::Square: return CAIRO_LINE_CAP_SQUARE;
    default: return CAIRO_LINE_CAP_ROUND;
  }
}

}  // namespace

void draw_path(cairo_t* cr, const scene::Path& path) {
  if (path.subpaths.empty()) return;
  SavedState saved(cr);
  trace(cr, path);
  if (path.fill) {
    // Even-odd: holes in polygons (a lake, an enclave) stay holes.
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_paint(cr, *path.fill);
    if (path.stroke)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (path.stroke) {
    const auto& s = *path.stroke;
    set_paint(cr, s.paint);
    cairo_set_line_width(cr, s.width);
    cairo_set_line_join(cr, cairo_join(s.join));
    cairo_set_line_cap(cr, cairo_cap(s.cap));
    if (!s.dash.empty()) cairo_set_dash(cr, s.dash.data(), static_cast<int>(s.dash.size()), 0);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

}  // namespace plaquette::render
