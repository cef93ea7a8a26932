// The PNG target: the same render_page on an image surface scaled to the requested dpi.
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "core/units.hpp"
#include "render/cairo_handles.hpp"
#include "render/render.hpp"

namespace plaquette::render {

void write_png(const scene::Page& page, const std::string& path, double dpi) {
  const double scale = dpi / kPointsPerInch;
  const int w = static_cast<int>(std::ceil(page.trim.width * scale));
  const int h = static_cast<int>(std::ceil(page.trim.height * scale));
  SurfaceHandle surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("cannot make a {}x{} image for '{}'", w, h, path));
  CairoHandle cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);  // paper
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  render_page(cr.get(), page);
  cr.reset();
  cairo_surface_flush(surface.get());
  cairo_status_t st = cairo_surface_write_to_png(surface.get(), path.c_str());
  if (st != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, cairo_status_to_string(st)));
}

}  // namespace plaquette::render
