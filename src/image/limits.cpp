#include "image/limits.hpp"

#include <fmt/format.h>

namespace plaquette::image {

void check_declared_size(std::int64_t width, std::int64_t height, const std::string& what, const Span& span) {
  if (width <= 0 || height <= 0)
    throw InputError(span, fmt::format("{} declares a size of {}×{} pixels: it has no pixels to draw", what, width, height));
  if (width > kMaxSide || height > kMaxSide)
    throw InputError(span, fmt::format("{} is {}×{} pixels, more than the {} pixels a side plaquette accepts; "
                                       "reduce it (300 dpi over a whole A4 page is about 2500×3500)",
                                       what, width, height, kMaxSide));
  if (width * height > kMaxPixels)
    throw InputError(span, fmt::format("{} is {}×{} pixels ({:.0f} megapixels), more than the {} megapixels "
                                       "plaquette accepts; reduce it",
                                       what, width, height, double(width * height) / 1e6, kMaxPixels / 1'000'000));
}

}  // namespace plaquette::image
