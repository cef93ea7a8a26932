// The screen PDF is for reading and sending by e-mail: its photos are downsampled to 150 ppi at
// their placed size (never upsampled) and re-encoded as JPEG, while the print PDF keeps them whole.
#pragma once
#include "scene/scene.hpp"

namespace plaquette::finish {

inline constexpr double kScreenPpi = 150;

// A copy of `doc` whose raster images above `ppi` at their largest placed size are scaled down.
scene::Document with_screen_images(const scene::Document& doc, double ppi = kScreenPpi);

}  // namespace plaquette::finish
