// The ground-to-paper mapping of one map: a uniform scale and a y flip, since page y grows
// downwards while northings grow upwards.
#pragma once
#include "core/geometry.hpp"
#include "map/ground.hpp"

namespace plaquette::map {

struct Viewport {
  Bbox ground;        // map CRS, already fitted to the frame's aspect ratio
  Rect frame;         // page points
  double scale = 0;   // page points per ground unit (frame.width / ground.width())

  Point to_page(GroundPoint p) const {
    return {frame.x + (p.x - ground.xmin) * scale, frame.y + (ground.ymax - p.y) * scale};
  }
};

// Requires a fitted, non-empty ground box (see fit_to_aspect).
inline Viewport make_viewport(const Bbox& fitted, const Rect& frame) {
  return {fitted, frame, frame.width / fitted.width()};
}

}  // namespace plaquette::map
