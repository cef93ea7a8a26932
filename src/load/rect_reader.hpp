// Rectangles written as x, y, width, height (frames, master items, placed blocks).
#pragma once
#include <optional>

#include "core/geometry.hpp"
#include "load/yaml_reader.hpp"

namespace plaquette::load {

// Reads the four keys, all required; positions and sizes are checked against the sanity limits.
// nullopt when any is missing or wrong (each problem reported).
std::optional<Rect> read_rect(MapReader& m);

// "x: 0mm, y: 0mm, width: 210mm, height: 297mm" as messages write a rectangle.
std::string describe_rect(const Rect& r);

}  // namespace plaquette::load
