// One decode per file per run: a picture repeated on several pages (a pictogram, a logo) is
// read once and shared, and the shared RasterImage lets the PDF embed it once.
#include "image/image.hpp"

namespace plaquette::image {

const LoadedImage& ImageCache::get(const std::string& absolute_path, const Span& span) {
  std::lock_guard lock(mutex_);  // a picture two threads want is decoded by one, once
  if (auto it = cache_.find(absolute_path); it != cache_.end()) return it->second;
  // A failed load throws before anything is stored, so a later call reports the error again.
  return cache_.emplace(absolute_path, load_image(absolute_path, span)).first->second;
}

}  // namespace plaquette::image
