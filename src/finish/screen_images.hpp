// The screen PDF is for reading and sending by e-mail: its photos are downsampled to 150 ppi at
// their placed size (never upsampled) and re-encoded as JPEG, while the print PDF keeps them whole.
#pragma once
#include "scene/scene.hpp"

namespace plaquette::finish {

inline constexpr double kScreenPpi = 150;

class ImageConversions;

// A copy of `doc` whose raster images above `ppi` at their largest placed size are scaled down.
// `cache`, when given, scales each picture once across several documents.
scene::Document with_screen_images(const scene::Document& doc, double ppi = kScreenPpi,
                                   ImageConversions* cache = nullptr);

}  // namespace plaquette::finish
