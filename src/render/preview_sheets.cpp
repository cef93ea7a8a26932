// Preview PNGs: pages (with guides on demand), reader spreads and the contact sheet.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/units.hpp"
#include "render/cairo_handles.hpp"
#include "render/preview.hpp"
#include "render/render.hpp"

namespace plaquette::render {

namespace {

// One page placed on a canvas (points): its trim's top-left corner and how much of the bleed
// shows on each side.
struct Placed {
  const scene::Page* page = nullptr;
  double x = 0, y = 0;
  double bleed_left = 0, bleed_right = 0, bleed_top = 0, bleed_bottom = 0;

  Rect shown() const {
    return {x - bleed_left, y - bleed_top, page->trim.width + bleed_left + bleed_right,
            page->trim.height + bleed_top + bleed_bottom};
  }
};

// A canvas in points: its size and the pages on it.
struct Canvas {
  double width = 0, height = 0;
  std::vector<Placed> pages;
};

int pixels(double points, double scale) { return std::max(1, static_cast<int>(std::ceil(points * scale - 1e-6))); }

PixelSize canvas_pixels(const Canvas& c, double dpi) {
  const double scale = dpi / kPointsPerInch;
  return {pixels(c.width, scale), pixels(c.height, scale)};
}

Canvas page_canvas(const scene::Page& page, bool guides) {
  const double b = guides ? page.bleed : 0;
  Canvas c{page.trim.width + 2 * b, page.trim.height + 2 * b, {}};
  c.pages.push_back({&page, b, b, b, b, b, b});
  return c;
}

Canvas spread_canvas(const std::vector<scene::Page>& pages, const Spread& spread, bool guides) {
  const scene::Page* left = spread.left && *spread.left < pages.size() ? &pages[*spread.left] : nullptr;
  const scene::Page* right = spread.right && *spread.right < pages.size() ? &pages[*spread.right] : nullptr;
  if (!left && !right) throw std::runtime_error("empty spread");
  if (!left) return page_canvas(*right, guides);
  if (!right) return page_canvas(*left, guides);
  const double bl = guides ? left->bleed : 0;
  const double br = guides ? right->bleed : 0;
  const double b = std::max(bl, br);
  const double h = std::max(left->trim.height, right->trim.height);
  Canvas c{bl + left->trim.width + right->trim.width + br, h + 2 * b, {}};
  // At the spine the pages meet at their trims: the reader never sees the inner bleed.
  c.pages.push_back({left, bl, b, bl, 0, guides ? left->bleed : 0, guides ? left->bleed : 0});
  c.pages.push_back({right, bl + left->trim.width, b, 0, br, guides ? right->bleed : 0, guides ? right->bleed : 0});
  return c;
}

void stroke_rect(cairo_t* cr, const Rect& r, double px) {
  // Half a pixel inside, so that the line at the canvas edge stays on the canvas.
  cairo_rectangle(cr, r.x + px / 2, r.y + px / 2, r.width - px, r.height - px);
  cairo_stroke(cr);
}

void draw_guides(cairo_t* cr, const Placed& p, double safe_inset) {
  SavedState saved(cr);
  double px = 1, unused = 0;
  cairo_device_to_user_distance(cr, &px, &unused);
  px = std::abs(px);
  cairo_set_line_width(cr, px);
  const Size& t = p.page->trim;
  cairo_set_source_rgb(cr, 0, 0.75, 1);  // bleed edge: cyan
  stroke_rect(cr, p.shown(), px);
  cairo_set_source_rgb(cr, 1, 0, 1);  // trim: magenta
  cairo_rectangle(cr, p.x, p.y, t.width, t.height);
  cairo_stroke(cr);
  if (t.width > 2 * safe_inset && t.height > 2 * safe_inset) {
    const double dash[] = {4 * px, 3 * px};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgb(cr, 0, 0.75, 1);  // safe area: dashed cyan
    cairo_rectangle(cr, p.x + safe_inset, p.y + safe_inset, t.width - 2 * safe_inset, t.height - 2 * safe_inset);
    cairo_stroke(cr);
  }
}

// A soft shadow either side of the spine, as the paper curves into the fold.
void draw_spine_shadow(cairo_t* cr, double spine_x, double y, double height) {
  SavedState saved(cr);
  const double w = 10;  // points each side
  for (int side : {-1, 1}) {
    Handle<cairo_pattern_t, cairo_pattern_destroy> g(
        cairo_pattern_create_linear(spine_x, 0, spine_x + side * w, 0));
    cairo_pattern_add_color_stop_rgba(g.get(), 0, 0, 0, 0, 0.18);
    cairo_pattern_add_color_stop_rgba(g.get(), 1, 0, 0, 0, 0);
    cairo_set_source(cr, g.get());
    cairo_rectangle(cr, side < 0 ? spine_x - w : spine_x, y, w, height);
    cairo_fill(cr);
  }
}

SurfaceHandle make_surface(PixelSize size, const std::string& path) {
  SurfaceHandle surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, size.width, size.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("cannot make a {}x{} image for '{}'", size.width, size.height, path));
  return surface;
}

void save_png(cairo_surface_t* surface, const std::string& path) {
  cairo_surface_flush(surface);
  cairo_status_t st = cairo_surface_write_to_png(surface, path.c_str());
  if (st != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, cairo_status_to_string(st)));
}

void write_canvas(const Canvas& canvas, const std::string& path, const PreviewOptions& options, bool spine) {
  SurfaceHandle surface = make_surface(canvas_pixels(canvas, options.dpi), path);
  {
    CairoHandle cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);  // paper
    cairo_paint(cr.get());
    const double scale = options.dpi / kPointsPerInch;
    cairo_scale(cr.get(), scale, scale);
    for (const auto& p : canvas.pages) {
      SavedState saved(cr.get());
      Rect shown = p.shown();
      cairo_rectangle(cr.get(), shown.x, shown.y, shown.width, shown.height);
      cairo_clip(cr.get());
      cairo_translate(cr.get(), p.x, p.y);
      render_page(cr.get(), *p.page);
    }
    if (spine && canvas.pages.size() == 2)
      draw_spine_shadow(cr.get(), canvas.pages[1].x, 0, canvas.height);
    if (options.guides)
      for (const auto& p : canvas.pages) draw_guides(cr.get(), p, options.safe_inset);
  }
  save_png(surface.get(), path);
}

}  // namespace

PixelSize page_pixel_size(const scene::Page& page, const PreviewOptions& options) {
  return canvas_pixels(page_canvas(page, options.guides), options.dpi);
}

void write_page_png(const scene::Page& page, const std::string& path, const PreviewOptions& options) {
  write_canvas(page_canvas(page, options.guides), path, options, false);
}

std::vector<Spread> reader_spreads(size_t page_count) {
  std::vector<Spread> out;
  if (page_count == 0) return out;
  out.push_back({std::nullopt, 0});  // the cover, a right-hand page
  for (size_t i = 1; i < page_count; i += 2) {
    if (i + 1 < page_count)
      out.push_back({i, i + 1});
    else
      out.push_back({i, std::nullopt});  // the back cover, a left-hand page
  }
  return out;
}

PixelSize spread_pixel_size(const std::vector<scene::Page>& pages, const Spread& spread,
                            const PreviewOptions& options) {
  return canvas_pixels(spread_canvas(pages, spread, options.guides), options.dpi);
}

void write_spread_png(const std::vector<scene::Page>& pages, const Spread& spread, const std::string& path,
                      const PreviewOptions& options) {
  write_canvas(spread_canvas(pages, spread, options.guides), path, options, true);
}

ContactSheetLayout contact_sheet_layout(const std::vector<scene::Page>& pages) {
  ContactSheetLayout l;
  const int n = static_cast<int>(pages.size());
  l.columns = std::max(1, std::min(kContactColumns, n));
  l.rows = (n + l.columns - 1) / l.columns;
  l.thumb_width = kContactThumbWidth;
  for (const auto& p : pages)
    if (p.trim.width > 0)
      l.thumb_height = std::max(l.thumb_height,
                                static_cast<int>(std::lround(p.trim.height * kContactThumbWidth / p.trim.width)));
  l.gap = 20;
  l.label_height = 18;
  l.width = l.columns * l.thumb_width + (l.columns + 1) * l.gap;
  l.height = l.rows * (l.thumb_height + l.label_height) + (l.rows + 1) * l.gap;
  return l;
}

void write_contact_sheet(const std::vector<scene::Page>& pages, const std::string& path) {
  const ContactSheetLayout l = contact_sheet_layout(pages);
  SurfaceHandle surface = make_surface({l.width, l.height}, path);
  {
    CairoHandle cr(cairo_create(surface.get()));
    cairo_t* c = cr.get();
    cairo_set_source_rgb(c, 0.90, 0.90, 0.90);  // light grey table
    cairo_paint(c);
    cairo_select_font_face(c, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(c, 12);
    for (size_t i = 0; i < pages.size(); ++i) {
      const scene::Page& page = pages[i];
      if (page.trim.width <= 0 || page.trim.height <= 0) continue;
      const int col = static_cast<int>(i) % l.columns;
      const int row = static_cast<int>(i) / l.columns;
      const double x = l.gap + col * (l.thumb_width + l.gap);
      const double y = l.gap + row * (l.thumb_height + l.label_height + l.gap);
      const double scale = l.thumb_width / page.trim.width;
      const double h = page.trim.height * scale;
      {
        SavedState saved(c);
        cairo_set_source_rgba(c, 0, 0, 0, 0.25);  // drop shadow
        cairo_rectangle(c, x + 2, y + 2, l.thumb_width, h);
        cairo_fill(c);
        cairo_rectangle(c, x, y, l.thumb_width, h);
        cairo_clip(c);
        cairo_set_source_rgb(c, 1, 1, 1);
        cairo_paint(c);
        cairo_translate(c, x, y);
        cairo_scale(c, scale, scale);
        render_page(c, page);
      }
      const std::string label = std::to_string(i + 1);
      cairo_text_extents_t ext;
      cairo_text_extents(c, label.c_str(), &ext);
      cairo_set_source_rgb(c, 0.25, 0.25, 0.25);
      cairo_move_to(c, x + (l.thumb_width - ext.width) / 2 - ext.x_bearing, y + l.thumb_height + l.label_height - 3);
      cairo_show_text(c, label.c_str());
    }
  }
  save_png(surface.get(), path);
}

}  // namespace plaquette::render
