#include "map/style.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace plaquette::map {

Paint swatch_paint(const std::string& name, double alpha, const SwatchTable& swatches, const Span& span,
                   std::string_view role) {
  auto it = swatches.find(name);
  if (it == swatches.end()) {
    std::vector<std::string> names;
    for (const auto& [n, s] : swatches) names.push_back(n);
    throw InputError(span, fmt::format("unknown colour '{}' for the {}{}: use a swatch of the template's "
                                       "`swatches` or add '{}' there",
                                       name, role, did_you_mean(name, names), name));
  }
  return Paint{it->first, it->second.rgb, std::clamp(alpha, 0.0, 1.0)};
}

LayerPaint resolve_layer_paint(const model::MapLayer& layer, const SwatchTable& swatches) {
  const model::LayerStyle& style = layer.style;
  const Span& span = style.span.known() ? style.span : layer.span;
  LayerPaint paint;
  if (style.fill && *style.fill != "none") {
    paint.fill = swatch_paint(*style.fill, style.fill_opacity, swatches, span,
                              fmt::format("fill of map layer '{}'", layer.layer));
  }
  if (style.stroke && *style.stroke != "none" && style.stroke_width > 0) {
    scene::Stroke stroke;
    stroke.paint = swatch_paint(*style.stroke, style.stroke_opacity, swatches, span,
                                fmt::format("stroke of map layer '{}'", layer.layer));
    stroke.width = style.stroke_width;
    // Cairo puts a surface in an error state for a negative or all-zero dash: catch it here,
    // where the YAML line is still known.
    if (!style.dash.empty()) {
      bool negative = std::any_of(style.dash.begin(), style.dash.end(), [](double d) { return d < 0; });
      if (negative || std::accumulate(style.dash.begin(), style.dash.end(), 0.0) <= 0) {
        throw InputError(span, fmt::format("dash of map layer '{}' must be positive lengths, dash then gap, e.g. "
                                           "dash: [3pt, 1.5pt]",
                                           layer.layer));
      }
      stroke.dash = style.dash;
      // Dashes read better with square ends than with dots swelling each dash.
      stroke.cap = scene::LineCap::Butt;
    }
    paint.stroke = std::move(stroke);
  }
  return paint;
}

}  // namespace plaquette::map
