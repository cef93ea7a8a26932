// One layer's features → scene paths, generalised to print resolution.
#pragma once
#include <vector>

#include "map/ground.hpp"
#include "map/map.hpp"
#include "map/style.hpp"
#include "map/viewport.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// What draw_layer drew: features that left something visible, by kind (a feature with rings
// counts as an area, else with lines as a line, else as points).
struct LayerDrawn {
  std::size_t areas = 0;
  std::size_t lines = 0;
  std::size_t points = 0;
  std::vector<Rect> markers;  // page boxes of the point markers drawn: labels keep off them
  std::size_t total() const { return areas + lines + points; }
};

// Draws one layer (or one class of a layer) feature by feature, as the features are read: each
// is generalised to page points at once, so the layer's full-resolution ground coordinates are
// never held whole. finish() appends to `out`, in this order: per feature, one filled path
// (even-odd, so holes and multipart features stay right) and, with a pattern, one path of hatch
// lines or dots clipped to the feature's rings; then one path casing every line and ring of the
// layer, then one path stroking them. Strokes come after all fills so that a neighbour's fill
// never covers half of a shared border, and one stroke path draws a shared border once, so a
// translucent stroke does not darken there (an opaque filled-and-outlined layer of more than
// 16 384 rings is the exception: it is filled and stroked in chunks of whole features, which
// looks the same and bounds Cairo's memory; see finish()). Points are markers (shapes filled and stroked with
// the rest, or SVG images). `clip` (page points) is where geometry is cut: the frame plus a
// margin wider than the stroke. `paint` must outlive the drawer.
class LayerDrawer {
 public:
  LayerDrawer(const LayerPaint& paint, const Viewport& viewport, const Rect& clip, const Span& span,
              MapStats& stats);
  void add(const Feature& feature);
  LayerDrawn finish(std::vector<scene::Item>& out);

 private:
  void emit(scene::Path path);
  void unmirror();

  const LayerPaint* paint_;
  Viewport viewport_;
  Rect clip_;
  Span span_;
  MapStats* stats_;
  bool outlined_;
  Rect marker_clip_;
  LayerDrawn drawn_;
  std::vector<scene::Item> items_;  // per-feature items, in feature order
  // The areas of every feature in one path: the PDF carries one fill for the whole layer (or
  // class) instead of one per feature, which halves its size on large layers. Even-odd keeps
  // holes; the features of one layer are assumed not to overlap (a partition, as most are).
  std::vector<scene::Subpath> areas_;
  std::vector<scene::Subpath> strokes_;
  // While true (outlined layers only), the strokes are exactly the areas (same subpaths, same
  // order: no line, no marker, no pattern met yet) and `strokes_` stays empty instead of holding
  // a copy: a filled and outlined layer costs one copy of its generalised geometry, not two, and
  // is drawn as one fill-and-stroke path.
  bool mirror_;
  std::vector<size_t> area_features_;  // where each feature's rings start in `areas_`
  std::vector<Point> page_;  // one part in page points, reused
  std::vector<scene::Subpath> rings_, lines_;
};

// Every feature of `features` through one LayerDrawer, finished into `out`.
LayerDrawn draw_layer(const std::vector<Feature>& features, const LayerPaint& paint, const Viewport& viewport,
                      const Rect& clip, const Span& span, std::vector<scene::Item>& out, MapStats& stats);

// Hatch lines (`angle` degrees, `spacing` apart, anchored at the page origin so that neighbouring
// areas line up) clipped to the even-odd interior of `rings`: one open subpath per stretch inside.
std::vector<scene::Subpath> hatch_lines(const std::vector<scene::Subpath>& rings, double angle, double spacing);

// Dot centres on a `spacing` square grid (anchored at the page origin) inside `rings` (even-odd).
std::vector<Point> grid_dots(const std::vector<scene::Subpath>& rings, double spacing);

}  // namespace plaquette::map
