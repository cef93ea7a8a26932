// map: draws a map inset from vector sources (OGR) as scene paths fitted to a frame.
// This is the first slice of the map engine; later it grows symbology, labels, legend, scale bar.
#pragma once
#include <array>
#include <cstddef>
#include <string>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "model/map_spec.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// What went into the drawing, for tests and for keeping an eye on PDF weight.
struct MapStats {
  std::size_t features = 0;  // features that left at least one path after clipping/generalisation
  std::size_t paths = 0;     // scene::Path items (background and neat line included)
  std::size_t vertices = 0;  // points over all those paths
};

struct MapResult {
  scene::Item group;                // everything drawn, clipped to the frame
  double scale_denominator = 0;     // the printed scale is 1:scale_denominator
  std::array<double, 4> extent{};   // ground extent actually shown (map CRS): xmin, ymin, xmax, ymax
  MapStats stats;
};

// Reads the layers, reprojects them to spec.crs, fits the extent to `frame` (keeping the aspect
// ratio), generalises to print resolution and returns the drawing. Throws InputError located at
// the YAML of the faulty layer or extent (missing file, layer, field, bad filter, no CRS...).
MapResult draw_map(const model::MapSpec& spec, const Rect& frame, const SwatchTable& swatches);

}  // namespace plaquette::map
