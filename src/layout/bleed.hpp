// Content that touches the trim edge runs on into the bleed, as printers ask: a colour band or a
// photo cut exactly at the trim leaves a white hairline when the guillotine drifts by a fraction
// of a millimetre.
#pragma once
#include "core/geometry.hpp"

namespace plaquette::layout {

// `r` with each edge that lies on (or beyond) the trim moved out to the bleed edge.
inline Rect extend_into_bleed(const Rect& r, Size page, double bleed) {
  constexpr double kOnEdge = 0.5;  // pt: an edge this close to the trim is meant to be on it
  if (bleed <= 0) return r;
  double x0 = r.x, y0 = r.y, x1 = r.right(), y1 = r.bottom();
  if (x0 <= kOnEdge) x0 = std::min(x0, -bleed);
  if (y0 <= kOnEdge) y0 = std::min(y0, -bleed);
  if (x1 >= page.width - kOnEdge) x1 = std::max(x1, page.width + bleed);
  if (y1 >= page.height - kOnEdge) y1 = std::max(y1, page.height + bleed);
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

}  // namespace plaquette::layout
