// The largest raster image plaquette accepts. Checked on the size a file declares, before any
// pixel buffer is allocated, so that a damaged or hostile header cannot exhaust memory.
#pragma once
#include <cstdint>
#include <string>

#include "core/diag.hpp"

namespace plaquette::image {

inline constexpr std::int64_t kMaxSide = 20'000;             // pixels, either side
inline constexpr std::int64_t kMaxPixels = 200'000'000;      // 200 megapixels (800 MB decoded)

// Throws InputError at `span` when width × height is zero or beyond the limits.
// `what` names the file and its kind for the message, e.g. "PNG image 'assets/images/x.png'".
void check_declared_size(std::int64_t width, std::int64_t height, const std::string& what, const Span& span);

}  // namespace plaquette::image
