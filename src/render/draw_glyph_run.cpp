#include <pango/pangocairo.h>

#include "render/cairo_handles.hpp"
#include "render/draw_items.hpp"

namespace plaquette::render {

void set_paint(cairo_t* cr, const Paint& paint) {
  if (paint.alpha >= 1.0)
    cairo_set_source_rgb(cr, paint.rgb.r, paint.rgb.g, paint.rgb.b);
  else
    cairo_set_source_rgba(cr, paint.rgb.r, paint.rgb.g, paint.rgb.b, paint.alpha);
}

void draw_glyph_run(cairo_t* cr, const scene::GlyphRun& run) {
  if (!run.glyphs || !run.text) return;
  SavedState saved(cr);
  if (run.halo && run.glyphs->item && run.glyphs->glyphs) {
    // The halo: glyph outlines stroked with a round join, under the normal fill.
    cairo_new_path(cr);
    cairo_move_to(cr, run.origin.x, run.origin.y);
    pango_cairo_glyph_string_path(cr, run.glyphs->item->analysis.font, run.glyphs->glyphs);
    set_paint(cr, run.halo->paint);
    cairo_set_line_width(cr, run.halo->width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
  }
  set_paint(cr, run.paint);
  cairo_move_to(cr, run.origin.x, run.origin.y);
  // show_glyph_item passes the text too, so the PDF maps glyphs back to characters
  // (copy, search and pdftotext work).
  pango_cairo_show_glyph_item(cr, run.text->c_str(), run.glyphs.get());
}

}  // namespace plaquette::render
