// draw_map: the map engine's entry point. It only orchestrates: check the spec, resolve and fit
// the extent, read each layer through the spatial filter, and hand the features to draw_layer.
#include <fmt/format.h>

#include "map/draw_layer.hpp"
#include "map/extent.hpp"
#include "map/layer_source.hpp"
#include "map/map.hpp"
#include "map/ogr_source.hpp"
#include "map/projection.hpp"
#include "map/style.hpp"
#include "map/viewport.hpp"

namespace plaquette::map {

namespace {

// Neat line width: the usual hairline-plus of printed maps.
constexpr double kNeatLineWidth = 0.5;
// Geometry is cut this far (plus the stroke width) outside the frame: far enough that the cut
// edges and their strokes are hidden by the frame clip.
constexpr double kClipMargin = 2.0;

}  // namespace

MapResult draw_map(const model::MapSpec& spec, const Rect& frame, const SwatchTable& swatches) {
  if (frame.empty()) {
    throw InputError(spec.span, fmt::format("the map frame is empty ({} x {} pt): give the map a width and a height",
                                            frame.width, frame.height));
  }
  const Crs crs = Crs::parse_map_crs(spec.crs, spec.span);

  // Every colour is checked before any file is read: a typo costs no I/O and is reported first.
  std::optional<Paint> background;
  if (!spec.background.empty() && spec.background != "none")
    background = swatch_paint(spec.background, 1.0, swatches, spec.span, "map background");
  std::optional<scene::Stroke> neat_line;
  if (!spec.frame_stroke.empty() && spec.frame_stroke != "none") {
    neat_line = scene::Stroke{};
    neat_line->paint = swatch_paint(spec.frame_stroke, 1.0, swatches, spec.span, "map frame line");
    neat_line->width = kNeatLineWidth;
    neat_line->join = scene::LineJoin::Miter;
    neat_line->cap = scene::LineCap::Square;
  }
  std::vector<LayerPaint> paints;
  for (const auto& layer : spec.layers) paints.push_back(resolve_layer_paint(layer, swatches));

  SourceCache sources;
  TransformCache transforms;
  const Bbox wanted = resolve_extent(spec, crs, sources, transforms);
  const Viewport viewport = make_viewport(fit_to_aspect(wanted, frame.width / frame.height), frame);

  MapResult result;
  scene::Group group;
  group.clip = frame;
  if (background) {
    group.children.push_back(scene::make_rect_path(frame, background, std::nullopt, spec.span));
    ++result.stats.paths;
    result.stats.vertices += 4;
  }
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    const auto& layer = spec.layers[i];
    const double pad = kClipMargin + paints[i].stroke_width();
    const Rect clip{frame.x - pad, frame.y - pad, frame.width + 2 * pad, frame.height + 2 * pad};
    LayerQuery q = layer_query(layer);
    q.window = viewport.ground.grown(pad / viewport.scale);
    auto features = open_layer_source(sources, layer).read(q, crs, transforms);
    draw_layer(features, paints[i], viewport, clip, layer.span, group.children, result.stats);
  }
  if (neat_line) {
    // Inset by half the width so that the whole line lies inside the frame and its clip.
    group.children.push_back(
        scene::make_rect_path(frame.inset(kNeatLineWidth / 2), std::nullopt, neat_line, spec.span));
    ++result.stats.paths;
    result.stats.vertices += 4;
  }

  result.group = scene::Item{std::move(group), spec.span};
  result.scale_denominator = scale_denominator(viewport.ground.width(), frame.width, crs.metres_per_unit());
  result.extent = {viewport.ground.xmin, viewport.ground.ymin, viewport.ground.xmax, viewport.ground.ymax};
  return result;
}

}  // namespace plaquette::map
