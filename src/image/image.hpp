// image: decodes PNG and JPEG (kept as JPEG bytes for the PDF) and reads SVG, for layout to place.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/diag.hpp"
#include "core/geometry.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"

namespace plaquette::image {

struct LoadedImage {
  std::variant<std::shared_ptr<const scene::RasterImage>, std::shared_ptr<const scene::VectorImage>> source;
  Size pixels;  // intrinsic size in pixels (SVG: CSS pixels); gives the aspect ratio
};

// Loads an image file; the kind is read from the file's first bytes, not its name.
// Throws InputError at `span` when the file is missing, unreadable, corrupt, of an unknown kind,
// or absurdly large (more than 20 000 pixels a side or 200 megapixels).
LoadedImage load_image(const std::string& absolute_path, const Span& span);

// Loads each file once, however many pages use it. Thread-safe: the brochures of one
// `build --all` run, laid out by several threads, share one cache (one decode per picture).
class ImageCache {
 public:
  const LoadedImage& get(const std::string& absolute_path, const Span& span);

 private:
  std::mutex mutex_;
  std::map<std::string, LoadedImage> cache_;
};

// Where to draw an image of `pixels` size into `frame`:
// Fit: the whole image inside the frame, centred; Fill: the frame covered, the overflow cropped,
// `focus` (0..1 in each axis) choosing which part stays visible.
Rect place_image(Size pixels, const Rect& frame, model::ImageFit fit, Point focus);

}  // namespace plaquette::image
