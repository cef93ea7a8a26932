#include "map/style.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <numeric>

#include <fmt/format.h>

namespace plaquette::map {

namespace {

scene::LineJoin to_scene(model::StrokeJoin j) {
  switch (j) {
    case model::StrokeJoin::Miter: return scene::LineJoin::Miter;
    case model::StrokeJoin::Bevel: return scene::LineJoin::Bevel;
    case model::StrokeJoin::Round: break;
  }
  return scene::LineJoin::Round;
}

scene::LineCap to_scene(model::StrokeCap c) {
  switch (c) {
    case model::StrokeCap::Butt: return scene::LineCap::Butt;
    case model::StrokeCap::Square: return scene::LineCap::Square;
    case model::StrokeCap::Round: break;
  }
  return scene::LineCap::Round;
}

std::shared_ptr<const scene::VectorImage> load_svg(const model::Marker& m, const Span& span) {
  const std::string path = m.svg_resolved.empty() ? m.svg : m.svg_resolved;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(span, fmt::format("cannot read marker picture '{}': check `svg`, which is relative to the "
                                       "project root, e.g. assets/pictos/terrils.svg",
                                       m.svg));
  }
  auto img = std::make_shared<scene::VectorImage>();
  img->data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const std::string head(img->data.begin(), img->data.begin() + std::min<size_t>(img->data.size(), 512));
  if (head.find("<svg") == std::string::npos && head.find("<?xml") == std::string::npos) {
    throw InputError(span, fmt::format("marker picture '{}' is not an SVG file", m.svg));
  }
  img->path = m.svg;
  img->width = m.size;
  img->height = m.size;
  return img;
}

}  // namespace

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

LayerPaint resolve_style_paint(const model::LayerStyle& style, const Span& owner_span, const std::string& who,
                               const SwatchTable& swatches) {
  const Span& span = style.span.known() ? style.span : owner_span;
  LayerPaint paint;
  if (style.fill && *style.fill != "none") {
    paint.fill = swatch_paint(*style.fill, style.fill_opacity, swatches, span, fmt::format("fill of {}", who));
  }
  const scene::LineJoin join = to_scene(style.join);
  if (style.stroke && *style.stroke != "none" && style.stroke_width > 0) {
    scene::Stroke stroke;
    stroke.paint = swatch_paint(*style.stroke, style.stroke_opacity, swatches, span, fmt::format("stroke of {}", who));
    stroke.width = style.stroke_width;
    stroke.join = join;
    // Cairo puts a surface in an error state for a negative or all-zero dash: catch it here,
    // where the YAML line is still known.
    if (!style.dash.empty()) {
      bool negative = std::any_of(style.dash.begin(), style.dash.end(), [](double d) { return d < 0; });
      if (negative || std::accumulate(style.dash.begin(), style.dash.end(), 0.0) <= 0) {
        throw InputError(span, fmt::format("dash of {} must be positive lengths, dash then gap, e.g. "
                                           "dash: [3pt, 1.5pt]",
                                           who));
      }
      stroke.dash = style.dash;
      // Dashes read better with square ends than with dots swelling each dash.
      stroke.cap = scene::LineCap::Butt;
    }
    if (style.cap) stroke.cap = to_scene(*style.cap);
    paint.stroke = std::move(stroke);
  }
  if (style.casing && style.casing->stroke != "none" && style.casing->width > 0) {
    const Span& at = style.casing->span.known() ? style.casing->span : span;
    scene::Stroke casing;
    casing.paint = swatch_paint(style.casing->stroke, style.stroke_opacity, swatches, at,
                                fmt::format("casing of {}", who));
    casing.width = style.casing->width;
    casing.join = join;
    // The casing is solid even under a dashed line, with the line's own ends.
    casing.cap = style.cap ? to_scene(*style.cap) : scene::LineCap::Round;
    paint.casing = std::move(casing);
  }
  if (style.pattern) {
    const Span& at = style.pattern->span.known() ? style.pattern->span : span;
    if (!(style.pattern->spacing > 0) || !(style.pattern->width > 0)) {
      throw InputError(at, fmt::format("the pattern of {} needs a positive spacing and width", who));
    }
    PatternPaint p;
    p.kind = style.pattern->kind;
    p.paint = swatch_paint(style.pattern->color, 1.0, swatches, at, fmt::format("pattern of {}", who));
    p.spacing = style.pattern->spacing;
    p.angle = style.pattern->angle;
    p.width = style.pattern->width;
    paint.pattern = p;
  }
  model::Marker marker = style.marker.value_or(model::Marker{});
  paint.marker.shape = marker.shape;
  paint.marker.size = marker.size;
  if (marker.shape == model::Marker::Shape::Svg)
    paint.marker.svg = load_svg(marker, marker.span.known() ? marker.span : span);
  return paint;
}

LayerPaint resolve_layer_paint(const model::MapLayer& layer, const SwatchTable& swatches) {
  return resolve_style_paint(layer.style, layer.span, fmt::format("map layer '{}'", layer.layer), swatches);
}

}  // namespace plaquette::map
