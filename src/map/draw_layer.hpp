// One layer's features → scene paths, generalised to print resolution.
#pragma once
#include <vector>

#include "map/ground.hpp"
#include "map/map.hpp"
#include "map/style.hpp"
#include "map/viewport.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// Appends the layer's items to `out`: one filled path per feature (even-odd, so holes and
// multipart features stay right), then one path stroking every feature of the layer. Strokes come
// after all fills so that a neighbour's fill never covers half of a shared border, and one stroke
// path draws a shared border once, so a translucent stroke does not darken there.
// `clip` (page points) is where geometry is cut: the frame plus a margin wider than the stroke.
void draw_layer(const std::vector<Feature>& features, const LayerPaint& paint, const Viewport& viewport,
                const Rect& clip, const Span& span, std::vector<scene::Item>& out, MapStats& stats);

}  // namespace plaquette::map
