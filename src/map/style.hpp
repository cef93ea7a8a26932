// Turns a layer's YAML style (swatch names, opacities, widths) into the paints the scene carries,
// checking every swatch name against the template's table.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/color.hpp"
#include "model/map_spec.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

struct LayerPaint {
  std::optional<Paint> fill;           // rings only; lines are never filled
  std::optional<scene::Stroke> stroke;
  double stroke_width() const { return stroke ? stroke->width : 0.0; }
};

// The paint of swatch `name`. Throws InputError at `span` when the table has no such swatch;
// `role` says which colour it was ("fill of layer 'epci'") so the message is precise.
Paint swatch_paint(const std::string& name, double alpha, const SwatchTable& swatches, const Span& span,
                   std::string_view role);

// "none" (or no value) means no fill / no stroke. Errors point at the style, or at the layer
// when the style has no span of its own.
LayerPaint resolve_layer_paint(const model::MapLayer& layer, const SwatchTable& swatches);

}  // namespace plaquette::map
