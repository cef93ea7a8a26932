// Turns a layer's YAML style (swatch names, opacities, widths) into the paints the scene carries,
// checking every swatch name against the template's table.
#pragma once
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/color.hpp"
#include "model/map_spec.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// Lines or dots filling an area, clipped to it (see draw_layer).
struct PatternPaint {
  model::FillPattern::Kind kind = model::FillPattern::Kind::Hatch;
  Paint paint;
  double spacing = 5.67;  // pt
  double angle = 45;      // degrees, counter-clockwise from the page's x axis (hatch)
  double width = 0.5;     // pt: line width or dot diameter
};

// How point features are drawn: a shape filled with the fill and outlined with the stroke, or a
// picture (SVG) scaled to `size`.
struct MarkerPaint {
  model::Marker::Shape shape = model::Marker::Shape::Circle;
  double size = 5.67;  // pt, the marker's width
  std::shared_ptr<const scene::VectorImage> svg;
};

struct LayerPaint {
  std::optional<Paint> fill;           // rings only; lines are never filled
  std::optional<scene::Stroke> stroke;
  std::optional<scene::Stroke> casing;  // drawn under `stroke`, wider
  std::optional<PatternPaint> pattern;  // drawn over the fill, clipped to each area
  MarkerPaint marker;
  // How far the drawing reaches beyond the geometry: where clipping may cut it unseen.
  double stroke_width() const {
    double w = stroke ? stroke->width : 0.0;
    if (casing) w = std::max(w, casing->width);
    return w;
  }
  bool draws_anything() const { return fill || stroke || casing || pattern || marker.svg; }
};

// The paint of swatch `name`. Throws InputError at `span` when the table has no such swatch;
// `role` says which colour it was ("fill of layer 'epci'") so the message is precise.
Paint swatch_paint(const std::string& name, double alpha, const SwatchTable& swatches, const Span& span,
                   std::string_view role);

// "none" (or no value) means no fill / no stroke. Errors point at the style (or `span` when the
// style has no span of its own); `who` names the owner in messages ("map layer 'epci'",
// "class 'Peuplier' of map layer 'foret'").
LayerPaint resolve_style_paint(const model::LayerStyle& style, const Span& span, const std::string& who,
                               const SwatchTable& swatches);
LayerPaint resolve_layer_paint(const model::MapLayer& layer, const SwatchTable& swatches);

}  // namespace plaquette::map
