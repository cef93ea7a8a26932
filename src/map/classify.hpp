// Classified layers: which features get which class style (categorized by a value, graduated by
// numeric ranges, or by OGR SQL rules), and the focus veil that dims everything outside a feature.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "map/draw_layer.hpp"
#include "map/ogr_source.hpp"
#include "map/projection.hpp"
#include "map/style.hpp"
#include "model/map_spec.hpp"

namespace plaquette::map {

// One style of a layer: the layer itself when unclassified, else one class (then `other`).
struct ClassPaint {
  LayerPaint paint;
  model::LayerStyle style;  // as written, for the legend
  std::string label;        // legend label; empty: not in the legend
  Span span;
};

// Every style of `layer`, in drawing (and legend) order, swatches checked: no I/O.
std::vector<ClassPaint> plan_layer(const model::MapLayer& layer, const SwatchTable& swatches);

// The widest stroke or casing over the layer's classes (how far drawing reaches past geometry).
double widest_stroke(const std::vector<ClassPaint>& classes);

// Reads the layer's features and hands each, as soon as it is read, to `sink` with the index of
// its entry of plan_layer: the layer is never held whole. `q` carries the layer's own filter and
// window; classified layers read their field or one query per rule (then `other`). Features with
// no class are left out.
void read_classified(const model::MapLayer& layer, const LayerQuery& q, OgrSource& source, const Crs& crs,
                     TransformCache& transforms, ReadStats& stats,
                     const std::function<void(std::size_t, const Feature&)>& sink);

// "(a) AND (b)", or whichever is not empty.
std::string and_filters(const std::string& a, const std::string& b);

// The focus veil: the frame minus the focused features, filled even-odd with `veil`. Throws
// InputError at the focus when its layer is not one of the map's or nothing matches its filter.
scene::Item focus_veil(const model::MapSpec& spec, const Paint& veil, const Viewport& viewport, SourceCache& sources,
                       const Crs& crs, TransformCache& transforms, MapStats& stats);

}  // namespace plaquette::map
