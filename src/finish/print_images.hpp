// Photos for the press: every raster image of the print PDF is converted from sRGB to the
// output profile's CMYK with lcms2 and embedded as a CMYK JPEG (Cairo passes JPEG bytes
// through), so that no RGB picture reaches the printer. Each image is converted once.
#pragma once
#include <string>

#include "scene/scene.hpp"

namespace plaquette::finish {
class ImageConversions;
}

namespace plaquette::finish {

struct PrintImageReport {
  size_t converted = 0;  // distinct images converted
};

// A copy of `doc` whose raster images are CMYK JPEGs in the profile at `icc_path` (an output
// CMYK profile such as assets/color/FOGRA39L.icc). Throws std::runtime_error when the profile
// cannot be read. `cache`, when given, converts each picture once across several documents.
scene::Document with_cmyk_images(const scene::Document& doc, const std::string& icc_path,
                                 PrintImageReport* report = nullptr, ImageConversions* cache = nullptr);

}  // namespace plaquette::finish
