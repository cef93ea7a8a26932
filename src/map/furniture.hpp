// Labels and map furniture (legend, scale bar, north arrow, locator): what is drawn over the layers.
// The pure pieces (rounding of the scale, French number formatting, pole of inaccessibility,
// greedy label placement) are declared here so that tests reach them without GDAL.
#pragma once
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/geometry.hpp"
#include "map/map.hpp"
#include "map/ogr_source.hpp"
#include "map/projection.hpp"
#include "map/viewport.hpp"
#include "model/map_spec.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// ---- scale bar -------------------------------------------------------------------------------

// The largest "round" ground length (1, 2 or 5 × 10^n metres) not above `max_metres`; 0 when
// max_metres is not positive.
double round_ground_length(double max_metres);

// A number the French way: U+202F (narrow no-break space) between thousands, decimal comma,
// at most `decimals` decimals, trailing zeros dropped. 12500 → "12 500", 1.5 → "1,5".
std::string format_number_fr(double value, int decimals = 2);

// "500 m", "2 km", "10 km", "1 000 km": kilometres from 1000 m up, U+202F before the unit.
std::string format_ground_length(double metres);

// ---- geometry ----------------------------------------------------------------------------------

inline bool overlaps(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// Polylabel (Agafonkin's pole of inaccessibility): the point of the area covered by `rings`
// (even-odd) and `limit` that lies farthest from their edges, to `precision` points. Returns
// `found = false` when the area is empty.
struct Pole {
  Point at;
  double distance = 0;  // to the nearest edge (of a ring or of `limit`)
  bool found = false;
};
Pole pole_of_inaccessibility(const std::vector<std::vector<Point>>& rings, const Rect& limit,
                             double precision = 0.5);

// ---- label placement ---------------------------------------------------------------------------

// The boxes labels must keep clear of, and the frame they must stay inside.
class Obstacles {
 public:
  Obstacles(const Rect& frame, double margin) : inner_(frame.inset(margin)) {}
  bool fits(const Rect& r) const;
  void add(const Rect& r) { boxes_.push_back(r); }
  const std::vector<Rect>& boxes() const { return boxes_; }

 private:
  Rect inner_;
  std::vector<Rect> boxes_;
};

// One feature's label: its text, priority, and the boxes it may take, best first.
struct LabelCandidates {
  std::string text;
  double priority = 0;
  std::vector<Rect> boxes;
  size_t order = 0;   // set by place_labels: position in the input, for stable ties
  size_t owner = 0;   // free for the caller (which feature / which labels entry)
};

struct Placement {
  size_t candidate = 0;  // index into the input of place_labels
  size_t box = 0;        // which of its boxes
};

// Greedy placement: by priority (descending, ties in input order), the first box of each label
// that fits the obstacles is taken and becomes an obstacle. A text already placed is not placed
// again (the highest-priority instance that fits wins).
std::vector<Placement> place_labels(std::vector<LabelCandidates>& labels, Obstacles& obstacles);

// ---- drawing -----------------------------------------------------------------------------------

struct FurnitureContext {
  const model::MapSpec& spec;
  const Viewport& viewport;
  const SwatchTable& swatches;
  const TextSetter* text;       // nullptr: texts are left out (map unit tests)
  const Crs& crs;
  SourceCache& sources;
  TransformCache& transforms;
  const std::vector<LegendEntry>& legend;
};

// Draws the legend, scale bar, north arrow and locator in their corners (pieces sharing a corner
// are stacked) and returns the boxes they took, which labels must avoid. `reserved` holds boxes
// already taken (the source note) in the bottom-left corner.
std::vector<Rect> draw_furniture(const FurnitureContext& c, const std::vector<Rect>& reserved,
                                 std::vector<scene::Item>& out);

// Reads, places and draws every `labels:` entry of the spec. Placed labels are appended to `placed`.
// Warnings (label texts in the wrong encoding) are appended to `warnings`.
void draw_labels(const FurnitureContext& c, Obstacles& obstacles, std::vector<scene::Item>& out,
                 std::vector<PlacedLabel>& placed, std::vector<Diagnostic>& warnings);

// ---- label source ------------------------------------------------------------------------------

// A feature with the text and priority of its label.
struct LabelFeature {
  Feature geometry;
  std::string text;
  double priority = 0;
};

// The features of `layer` (its own filter AND labels.where) meeting `window`, in `map_crs`, with
// the value of labels.field (empty values left out) and labels.priority. Throws InputError at
// labels.span for an unknown field or a bad filter. Texts that are not clean UTF-8 are cleaned
// (core/utf8.hpp) and reported once, as a warning at labels.span appended to `warnings`.
std::vector<LabelFeature> read_label_features(const model::MapLayer& layer, const model::MapLabels& labels,
                                              const Bbox& window, const Crs& map_crs, TransformCache& transforms,
                                              std::vector<Diagnostic>& warnings);

}  // namespace plaquette::map
