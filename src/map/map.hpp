// map: draws a map inset from vector sources (OGR) as scene paths fitted to a frame, with its
// symbology, labels and furniture (legend, scale bar, north arrow, locator).
#pragma once
#include <array>
#include <cstddef>
#include <string>
#include <vector>

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

// One line of the legend: a class (or an unclassified layer with a legend label) that drew at
// least one feature inside the extent. In layer order, then class order.
struct LegendEntry {
  enum class Kind { Area, Line, Point };
  Kind kind = Kind::Area;
  std::string label;
  model::LayerStyle style;  // as drawn (swatch names resolved by the caller through the table)
};

// Short texts of a map (labels, legend, scale bar) are set by the text engine, which the map
// engine does not depend on: layout passes an implementation of this interface.
class TextSetter {
 public:
  virtual ~TextSetter() = default;
  struct Line {
    std::vector<scene::GlyphRun> runs;  // origins relative to the left end of the baseline
    double width = 0;
    double ascent = 0;
    double descent = 0;
  };
  // One line of `text` in template style `style` (a paragraph style). Throws InputError when
  // the style does not exist.
  virtual Line set_line(const std::string& style, const std::string& text) const = 0;
};

// A label as placed on the map (page points), for tests and checks.
struct PlacedLabel {
  std::string text;
  Rect box;  // the text's box, halo included
};

struct MapResult {
  scene::Item group;                // everything drawn, clipped to the frame
  double scale_denominator = 0;     // the printed scale is 1:scale_denominator
  std::array<double, 4> extent{};   // ground extent actually shown (map CRS): xmin, ymin, xmax, ymax
  MapStats stats;
  std::vector<LegendEntry> legend;  // classes drawn in the extent
  std::size_t repaired = 0;         // invalid geometries repaired (MakeValid)
  std::size_t skipped = 0;          // invalid geometries that could not be repaired, left out
  std::vector<PlacedLabel> labels;  // labels placed (none without a TextSetter)
  std::vector<Rect> furniture;      // boxes of the legend, scale bar, north arrow and locator
  std::vector<Diagnostic> warnings; // located, for the caller to report (label texts not in UTF-8)
};

// Reads the layers, reprojects them to spec.crs, fits the extent to `frame` (keeping the aspect
// ratio), generalises to print resolution and returns the drawing. Throws InputError located at
// the YAML of the faulty layer or extent (missing file, layer, field, bad filter, no CRS...).
// `text` sets the labels, legend and scale texts; nullptr (map unit tests) leaves every text out.
MapResult draw_map(const model::MapSpec& spec, const Rect& frame, const SwatchTable& swatches,
                   const TextSetter* text = nullptr);

}  // namespace plaquette::map
