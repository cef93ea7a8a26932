// SVG stays vector: librsvg parses it here once, to refuse a broken file with a located message
// and to learn its intrinsic size; the renderer draws it from the kept bytes.
#include <fmt/format.h>

#include "image/decoders.hpp"
#include "image/handles.hpp"

namespace plaquette::image {

namespace {

// CSS pixels are 1/96 in. librsvg's default resolution is 90 dpi for historical reasons, which
// would make an SVG given in mm or pt 7% too small next to what scene::VectorImage promises.
constexpr double kCssDpi = 96.0;

Size intrinsic_size(RsvgHandle* handle, const SourceFile& file, const Span& span) {
  double width = 0, height = 0;
  // Succeeds when width and height are both given in absolute or font units.
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && width > 0 && height > 0)
    return {width, height};
  // Otherwise (no width/height, or percentages) the viewBox gives the proportions, in user units
  // that the SVG specification treats as CSS pixels.
  gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
  RsvgLength w{}, h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
  if (has_viewbox && viewbox.width > 0 && viewbox.height > 0) return {viewbox.width, viewbox.height};
  if (has_viewbox)
    throw InputError(span, fmt::format("SVG image '{}' has an empty viewBox ({}×{})", file.shown, viewbox.width,
                                       viewbox.height));
  throw InputError(span, fmt::format("SVG image '{}' has no size: give its <svg> element a viewBox "
                                     "(or width and height in px, mm, pt…)",
                                     file.shown));
}

}  // namespace

scene::VectorImage load_svg(const SourceFile& file, const Span& span) {
  GError* raw_error = nullptr;
  RsvgHandlePtr handle(rsvg_handle_new_from_data(file.bytes.data(), file.bytes.size(), &raw_error));
  GErrorHandle error(raw_error);
  if (!handle) {
    std::string why = error && error->message ? error->message : "unknown error";
    throw InputError(span, fmt::format("SVG image '{}' cannot be read: {}", file.shown, why));
  }
  rsvg_handle_set_dpi(handle.get(), kCssDpi);
  Size size = intrinsic_size(handle.get(), file, span);

  scene::VectorImage image;
  image.data = file.bytes;
  image.path = file.shown;
  image.width = size.width;
  image.height = size.height;
  return image;
}

}  // namespace plaquette::image
