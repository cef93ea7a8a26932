// JPEG encoding for the finish stage (CMYK photos for print, smaller RGB photos for screen).
#pragma once
#include <functional>
#include <vector>

namespace plaquette::finish {

// Encodes width × height pixels of `components` channels (3: RGB, 4: CMYK as ink amounts,
// written without the Adobe marker so that readers take the values as ink). `row` fills one
// row of width × components bytes.
std::vector<unsigned char> encode_jpeg(int width, int height, int components, int quality,
                                       const std::function<void(int y, unsigned char* out)>& row);

}  // namespace plaquette::finish
