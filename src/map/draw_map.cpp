// draw_map: the map engine's entry point. It only orchestrates: check the spec, resolve and fit
// the extent, read each layer through the spatial filter, and hand the features to draw_layer.
#include <cmath>

#include <fmt/format.h>

#include "map/classify.hpp"
#include "map/draw_layer.hpp"
#include "map/extent.hpp"
#include "map/furniture.hpp"
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

// Labels keep this far from the frame edge.
constexpr double kLabelEdgeMargin = 2.0;

// Roughly where layout sets the source note (bottom-left, at most 62 % of the frame's width), so
// that furniture and labels keep clear of it.
Rect source_note_box(const model::MapSpec& spec, const Rect& frame, const TextSetter& text) {
  const double pad = 1.2 / 25.4 * 72;
  const auto line = text.set_line(spec.source_note_style, spec.source_note);
  const double measure = std::max(frame.width * 0.62 - 2 * pad, 1.0);
  const double lines = std::max(1.0, std::ceil(line.width / measure));
  const double h = lines * (line.ascent + line.descent) * 1.2 + 2 * pad;
  return {frame.x, frame.bottom() - h, std::min(line.width, measure) + 2 * pad, h};
}

}  // namespace

MapResult draw_map(const model::MapSpec& spec, const Rect& frame, const SwatchTable& swatches,
                   const TextSetter* text) {
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
  std::vector<std::vector<ClassPaint>> paints;
  for (const auto& layer : spec.layers) paints.push_back(plan_layer(layer, swatches));
  std::optional<Paint> veil;
  if (spec.focus && spec.focus->veil != "none")
    veil = swatch_paint(spec.focus->veil, spec.focus->opacity, swatches,
                        spec.focus->span.known() ? spec.focus->span : spec.span, "map focus veil");

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
  std::vector<Rect> marker_boxes;  // every point marker of every layer: no label covers one
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    const auto& layer = spec.layers[i];
    const double pad = kClipMargin + widest_stroke(paints[i]);
    const Rect clip{frame.x - pad, frame.y - pad, frame.width + 2 * pad, frame.height + 2 * pad};
    LayerQuery q = layer_query(layer);
    q.window = viewport.ground.grown(pad / viewport.scale);
    ReadStats read_stats;
    // Each feature is generalised by its class's drawer as soon as it is read: the layer's
    // full-resolution ground coordinates are never held whole.
    std::vector<LayerDrawer> drawers;
    drawers.reserve(paints[i].size());
    for (const ClassPaint& cp : paints[i]) drawers.emplace_back(cp.paint, viewport, clip, layer.span, result.stats);
    read_classified(layer, q, open_layer_source(sources, layer), crs, transforms, read_stats,
                    [&](size_t k, const Feature& f) { drawers[k].add(f); });
    result.repaired += read_stats.repaired;
    result.skipped += read_stats.skipped;
    for (size_t k = 0; k < drawers.size(); ++k) {
      const ClassPaint& cp = paints[i][k];
      const LayerDrawn drawn = drawers[k].finish(group.children);
      marker_boxes.insert(marker_boxes.end(), drawn.markers.begin(), drawn.markers.end());
      if (drawn.total() == 0 || cp.label.empty()) continue;  // the legend shows what the map shows
      LegendEntry entry;
      entry.kind = drawn.areas ? LegendEntry::Kind::Area : drawn.lines ? LegendEntry::Kind::Line : LegendEntry::Kind::Point;
      // Areas drawn as outlines only (borders) read as lines in the legend.
      const bool outline_only = !cp.style.fill && !cp.style.pattern && (cp.style.stroke || cp.style.casing);
      if (entry.kind == LegendEntry::Kind::Area && outline_only) entry.kind = LegendEntry::Kind::Line;
      entry.label = cp.label;
      entry.style = cp.style;
      result.legend.push_back(std::move(entry));
    }
  }
  if (veil) group.children.push_back(focus_veil(spec, *veil, viewport, sources, crs, transforms, result.stats));
  {
    // Furniture first (its boxes are reserved), then labels around everything already placed.
    FurnitureContext fc{spec, viewport, swatches, text, crs, sources, transforms, result.legend};
    std::vector<Rect> reserved;
    if (text && !spec.source_note.empty()) reserved.push_back(source_note_box(spec, frame, *text));
    result.furniture = draw_furniture(fc, reserved, group.children);
    Obstacles obstacles(frame, kLabelEdgeMargin);
    for (const auto& r : reserved) obstacles.add(r);
    for (const auto& r : result.furniture) obstacles.add(r);
    for (const auto& r : marker_boxes) obstacles.add(r);
    draw_labels(fc, obstacles, group.children, result.labels, result.warnings);
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
