#include <librsvg/rsvg.h>

#include <stdexcept>

#include <fmt/format.h>

#include "render/cairo_handles.hpp"
#include "render/draw_items.hpp"

namespace plaquette::render {

namespace {

// A Cairo surface over the decoded pixels, carrying the original JPEG bytes so that the PDF
// embeds the JPEG as it is (DCTDecode) instead of re-encoding the pixels.
SurfaceHandle raster_surface(const scene::RasterImage& img) {
  SurfaceHandle s(cairo_image_surface_create_for_data(const_cast<unsigned char*>(img.pixels.data()),
                                                      CAIRO_FORMAT_ARGB32, img.width, img.height, img.stride));
  if (img.mime == "image/jpeg" && !img.encoded.empty())
    cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_JPEG, img.encoded.data(), img.encoded.size(), nullptr,
                                nullptr);
  if (!img.unique_id.empty())
    cairo_surface_set_mime_data(s.get(), CAIRO_MIME_TYPE_UNIQUE_ID,
                                reinterpret_cast<const unsigned char*>(img.unique_id.data()), img.unique_id.size(),
                                nullptr, nullptr);
  return s;
}

void draw_raster(cairo_t* cr, const scene::RasterImage& img, const Rect& dest) {
  if (img.width <= 0 || img.height <= 0) return;
  SurfaceHandle surface = raster_surface(img);
  cairo_translate(cr, dest.x, dest.y);
  cairo_scale(cr, dest.width / img.width, dest.height / img.height);
  cairo_set_source_surface(cr, surface.get(), 0, 0);
  // On pixels, pad so the edge pixels do not fade into transparency when scaled. In a PDF the
  // viewer scales the image itself, and cairo 1.16 only passes the JPEG bytes through unpadded
  // (with PAD it writes a re-encoded, padded copy), so there the pattern is left as is.
  const bool vector_target = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_PDF;
  if (!vector_target) cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_rectangle(cr, 0, 0, img.width, img.height);
  cairo_fill(cr);
}

void draw_vector(cairo_t* cr, const scene::VectorImage& img, const Rect& dest) {
  GError* err = nullptr;
  RsvgHandle* h = rsvg_handle_new_from_data(img.data.data(), img.data.size(), &err);
  if (!h) {
    std::string msg = err ? err->message : "unreadable SVG";
    if (err) g_error_free(err);
    throw std::runtime_error(fmt::format("{}: {}", img.path, msg));
  }
  RsvgRectangle viewport{dest.x, dest.y, dest.width, dest.height};
  gboolean ok = rsvg_handle_render_document(h, cr, &viewport, &err);
  g_object_unref(h);
  if (!ok) {
    std::string msg = err ? err->message : "cannot draw SVG";
    if (err) g_error_free(err);
    throw std::runtime_error(fmt::format("{}: {}", img.path, msg));
  }
}

}  // namespace

void draw_image(cairo_t* cr, const scene::Image& image) {
  SavedState saved(cr);
  if (image.clip) {
    cairo_rectangle(cr, image.clip->x, image.clip->y, image.clip->width, image.clip->height);
    cairo_clip(cr);
  }
  if (auto* raster = std::get_if<std::shared_ptr<const scene::RasterImage>>(&image.source)) {
    if (*raster) draw_raster(cr, **raster, image.dest);
  } else if (auto* vector = std::get_if<std::shared_ptr<const scene::VectorImage>>(&image.source)) {
    if (*vector) draw_vector(cr, **vector, image.dest);
  }
}

}  // namespace plaquette::render
