// A map inset described in YAML: Map → layers → style (Mapnik-like, as plain data).
// The full map engine (classification, labels, legend...) grows this later.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/geometry.hpp"

namespace plaquette::model {

struct LayerStyle {
  std::optional<std::string> fill;    // swatch, or none
  double fill_opacity = 1.0;
  std::optional<std::string> stroke;  // swatch, or none
  double stroke_width = 0.5;          // pt
  double stroke_opacity = 1.0;
  std::vector<double> dash;           // pt, empty for solid
  Span span;
};

struct MapLayer {
  std::string source;       // as written (relative to the project root)
  std::string resolved;     // absolute, checked to be inside the project
  std::string layer;        // layer name inside the source
  std::string where;        // optional OGR SQL attribute filter
  LayerStyle style;
  Span span;
};

// Which part of the ground the map shows.
struct MapExtent {
  // Either a bbox in map CRS units (xmin, ymin, xmax, ymax)...
  std::optional<std::array<double, 4>> bbox;
  // ...or the envelope of features of one of the map's layers (by name) matching `where`.
  std::string layer;
  std::string where;
  double margin = 0;  // ground metres added around the envelope
  Span span;
};

struct MapSpec {
  std::string crs = "EPSG:2154";
  MapExtent extent;            // empty extent = all layers
  std::vector<MapLayer> layers;
  std::string background;      // swatch filling the frame, optional
  std::string frame_stroke;    // swatch for the neat line, optional
  std::string source_note;     // attribution printed in the map corner
  std::string source_note_style = "source-carte";
  Span span;
};

}  // namespace plaquette::model
