#include "map/draw_layer.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>

#include "map/generalise.hpp"

namespace plaquette::map {

namespace {

constexpr int kCircleSides = 16;

// A marker shape of width `size` centred on `c`, as one closed ring.
scene::Subpath marker_ring(Point c, model::Marker::Shape shape, double size) {
  scene::Subpath s;
  s.closed = true;
  const double r = size / 2;
  switch (shape) {
    case model::Marker::Shape::Square:
      s.points = {{c.x - r, c.y - r}, {c.x + r, c.y - r}, {c.x + r, c.y + r}, {c.x - r, c.y + r}};
      break;
    case model::Marker::Shape::Triangle: {
      // Equilateral, pointing up, `size` wide, centred on its centroid.
      const double h = size * std::sqrt(3.0) / 2;
      s.points = {{c.x, c.y - 2 * h / 3}, {c.x + r, c.y + h / 3}, {c.x - r, c.y + h / 3}};
      break;
    }
    default:
      for (int i = 0; i < kCircleSides; ++i) {
        const double a = 2 * std::numbers::pi * i / kCircleSides;
        s.points.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
      }
      break;
  }
  return s;
}

bool inside(const Rect& r, Point p) { return p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom(); }

// Page coordinates to 0.01 pt (3.5 µm on paper): far below what a press resolves, and every
// coordinate written to the PDF is a few digits shorter.
constexpr double kCoordinateStep = 0.01;

void round_points(std::vector<scene::Subpath>& subpaths, size_t from) {
  for (size_t i = from; i < subpaths.size(); ++i)
    for (Point& p : subpaths[i].points) {
      p.x = std::round(p.x / kCoordinateStep) * kCoordinateStep;
      p.y = std::round(p.y / kCoordinateStep) * kCoordinateStep;
    }
}

size_t count_vertices(const std::vector<scene::Subpath>& subpaths) {
  size_t n = 0;
  for (const auto& s : subpaths) n += s.points.size();
  return n;
}

// Lines t = k * spacing (t along `n`), crossing the rings: for each, the sorted s (along `d`) of
// its crossings with the ring edges, so that consecutive pairs bound the inside (even-odd).
template <class Fn>
void scan(const std::vector<scene::Subpath>& rings, Point d, Point n, double spacing, Fn&& on_line) {
  double tmin = 1e300, tmax = -1e300;
  for (const auto& ring : rings)
    for (Point p : ring.points) {
      const double t = p.x * n.x + p.y * n.y;
      tmin = std::min(tmin, t);
      tmax = std::max(tmax, t);
    }
  if (tmin > tmax) return;
  std::vector<double> cuts;
  for (double k = std::ceil(tmin / spacing); k * spacing <= tmax; k += 1) {
    const double c = k * spacing;
    cuts.clear();
    for (const auto& ring : rings) {
      const auto& v = ring.points;
      if (v.size() < 3) continue;
      for (size_t i = 0, j = v.size() - 1; i < v.size(); j = i++) {
        const double ti = v[i].x * n.x + v[i].y * n.y;
        const double tj = v[j].x * n.x + v[j].y * n.y;
        if ((ti > c) == (tj > c)) continue;
        const double u = (c - ti) / (tj - ti);
        const double si = v[i].x * d.x + v[i].y * d.y;
        const double sj = v[j].x * d.x + v[j].y * d.y;
        cuts.push_back(si + u * (sj - si));
      }
    }
    std::sort(cuts.begin(), cuts.end());
    on_line(c, cuts);
  }
}

}  // namespace

std::vector<scene::Subpath> hatch_lines(const std::vector<scene::Subpath>& rings, double angle, double spacing) {
  std::vector<scene::Subpath> out;
  if (!(spacing > 0)) return out;
  const double a = angle * std::numbers::pi / 180;
  // Page y grows downwards: a positive angle turns counter-clockwise as seen on the page.
  const Point d{std::cos(a), -std::sin(a)};
  const Point n{std::sin(a), std::cos(a)};
  scan(rings, d, n, spacing, [&](double c, const std::vector<double>& cuts) {
    for (size_t i = 0; i + 1 < cuts.size(); i += 2) {
      if (cuts[i + 1] - cuts[i] <= 1e-9) continue;
      scene::Subpath s;
      s.points = {{cuts[i] * d.x + c * n.x, cuts[i] * d.y + c * n.y},
                  {cuts[i + 1] * d.x + c * n.x, cuts[i + 1] * d.y + c * n.y}};
      out.push_back(std::move(s));
    }
  });
  return out;
}

std::vector<Point> grid_dots(const std::vector<scene::Subpath>& rings, double spacing) {
  std::vector<Point> out;
  if (!(spacing > 0)) return out;
  scan(rings, Point{1, 0}, Point{0, 1}, spacing, [&](double y, const std::vector<double>& cuts) {
    for (size_t i = 0; i + 1 < cuts.size(); i += 2)
      for (double k = std::ceil(cuts[i] / spacing); k * spacing <= cuts[i + 1]; k += 1) out.push_back({k * spacing, y});
  });
  return out;
}

LayerDrawer::LayerDrawer(const LayerPaint& paint, const Viewport& viewport, const Rect& clip, const Span& span,
                         MapStats& stats)
    : paint_(&paint),
      viewport_(viewport),
      clip_(clip),
      span_(span),
      stats_(&stats),
      outlined_(paint.stroke || paint.casing),
      mirror_(outlined_) {
  const double half = paint.marker.size / 2;
  marker_clip_ = Rect{clip.x - half, clip.y - half, clip.width + 2 * half, clip.height + 2 * half};
}

// Subpaths per fill-and-stroke path on very large layers (see finish()).
constexpr size_t kFillStrokeChunk = 16384;

void LayerDrawer::emit(scene::Path path) {
  stats_->vertices += count_vertices(path.subpaths);
  ++stats_->paths;
  items_.push_back({std::move(path), span_});
}

// From here on the strokes differ from the areas: they get their own copy of what was shared.
void LayerDrawer::unmirror() {
  if (!mirror_) return;
  mirror_ = false;
  strokes_ = areas_;
}

void LayerDrawer::add(const Feature& feature) {
  const LayerPaint& paint = *paint_;
  if (!paint.draws_anything()) return;
  const bool svg_marker = paint.marker.svg != nullptr;
  const double half = paint.marker.size / 2;
  std::vector<scene::Subpath>& rings = rings_;
  rings.clear();
  lines_.clear();
  for (const Part& part : feature.parts) {
    if (!part.closed && !outlined_) continue;  // lines are never filled
    page_.resize(part.points.size());
    for (size_t i = 0; i < part.points.size(); ++i) page_[i] = viewport_.to_page(part.points[i]);
    auto& target = part.closed ? rings : lines_;
    const size_t before = target.size();
    generalise_part_in(page_, part.closed, clip_, kPrintTolerance, target);
    round_points(target, before);
  }
  if (!lines_.empty()) {
    // Lines are stroked, never filled: the strokes are no longer the areas.
    unmirror();
    strokes_.insert(strokes_.end(), std::make_move_iterator(lines_.begin()), std::make_move_iterator(lines_.end()));
  }
  const size_t area_rings = rings.size();
  size_t markers = 0;
  for (GroundPoint g : feature.points) {
    Point p = viewport_.to_page(g);
    if (!inside(marker_clip_, p)) continue;
    ++markers;
    drawn_.markers.push_back(Rect{p.x - half, p.y - half, paint.marker.size, paint.marker.size});
    if (svg_marker) {
      scene::Image img;
      img.source = paint.marker.svg;
      img.dest = Rect{p.x - half, p.y - half, paint.marker.size, paint.marker.size};
      items_.push_back({std::move(img), span_});
    } else {
      rings.push_back(marker_ring(p, paint.marker.shape, paint.marker.size));
    }
  }
  if (area_rings > 0)
    ++drawn_.areas;
  else if (!lines_.empty())
    ++drawn_.lines;
  else if (markers > 0)
    ++drawn_.points;
  else
    return;  // wholly outside or collapsed
  ++stats_->features;
  if (rings.empty()) return;
  const bool pattern = paint.pattern && area_rings > 0;
  // The rings join the areas (and, mirrored, the strokes at no cost) only in the plain case.
  const bool to_areas = !pattern && paint.fill && markers == 0;
  if (outlined_ && !(to_areas && mirror_)) {
    unmirror();
    strokes_.insert(strokes_.end(), rings.begin(), rings.end());
  }
  if (pattern) {
    // The pattern covers the areas only, not the markers of a mixed feature.
    std::vector<scene::Subpath> areas(rings.begin(), rings.begin() + static_cast<std::ptrdiff_t>(area_rings));
    scene::Path path_pattern;
    if (paint.pattern->kind == model::FillPattern::Kind::Hatch) {
      path_pattern.subpaths = hatch_lines(areas, paint.pattern->angle, paint.pattern->spacing);
      path_pattern.stroke = scene::Stroke{paint.pattern->paint, paint.pattern->width, {}, scene::LineJoin::Miter,
                                          scene::LineCap::Butt};
    } else {
      // A dot is a zero-length line with a round cap: a disc of the line's width, two points.
      for (Point c : grid_dots(areas, paint.pattern->spacing)) path_pattern.subpaths.push_back({{c, c}, false});
      path_pattern.stroke = scene::Stroke{paint.pattern->paint, paint.pattern->width, {}, scene::LineJoin::Round,
                                          scene::LineCap::Round};
    }
    if (paint.fill) {
      scene::Path path;
      path.subpaths = std::move(rings);
      path.fill = paint.fill;
      emit(std::move(path));
    }
    if (!path_pattern.subpaths.empty()) emit(std::move(path_pattern));
  } else if (to_areas) {
    area_features_.push_back(areas_.size());
    areas_.insert(areas_.end(), std::make_move_iterator(rings.begin()), std::make_move_iterator(rings.end()));
  } else if (paint.fill) {  // markers may overlap: each feature keeps its own path
    scene::Path path;
    path.subpaths = std::move(rings);
    path.fill = paint.fill;
    emit(std::move(path));
  }
  rings.clear();
}

LayerDrawn LayerDrawer::finish(std::vector<scene::Item>& out) {
  const LayerPaint& paint = *paint_;
  // Filled and outlined areas: one fill-and-stroke path, each vertex written once.
  const bool fill_and_stroke = mirror_ && paint.stroke && !paint.casing;
  // Opaque only: a translucent stroke drawn again over a seam would darken it.
  const bool opaque = paint.fill && paint.fill->alpha >= 1 && paint.stroke && paint.stroke->paint.alpha >= 1;
  if (!areas_.empty() && fill_and_stroke && opaque && areas_.size() > kFillStrokeChunk) {
    // A very large layer is filled and stroked in chunks of whole features, in feature order.
    // Cairo (1.16) turns a whole stroke into a polygon to find its extents, about 200 bytes per
    // vertex: one chunk at a time bounds that memory. The drawing is the same: where a later
    // chunk's fill covers half of an earlier chunk's border, the later chunk's own stroke runs
    // along that same shared edge and draws it again at full width; each vertex is still
    // written once.
    area_features_.push_back(areas_.size());
    size_t from = 0;
    for (size_t f = 1; f < area_features_.size(); ++f) {
      const size_t end = area_features_[f];
      if (end - from < kFillStrokeChunk && f + 1 < area_features_.size()) continue;
      scene::Path path;
      path.fill = paint.fill;
      path.stroke = paint.stroke;
      path.subpaths.assign(std::make_move_iterator(areas_.begin() + static_cast<std::ptrdiff_t>(from)),
                           std::make_move_iterator(areas_.begin() + static_cast<std::ptrdiff_t>(end)));
      emit(std::move(path));
      from = end;
    }
    areas_ = {};
  } else if (!areas_.empty()) {
    if (outlined_ && !fill_and_stroke) unmirror();
    scene::Path path;
    path.fill = paint.fill;
    if (fill_and_stroke) path.stroke = paint.stroke;
    areas_.shrink_to_fit();
    path.subpaths = std::move(areas_);
    emit(std::move(path));
  }
  area_features_.clear();
  if (paint.casing && !strokes_.empty()) {
    scene::Path path;
    path.subpaths = strokes_;
    path.stroke = paint.casing;
    emit(std::move(path));
  }
  if (paint.stroke && !strokes_.empty()) {
    scene::Path path;
    strokes_.shrink_to_fit();
    path.subpaths = std::move(strokes_);
    path.stroke = paint.stroke;
    emit(std::move(path));
  }
  out.insert(out.end(), std::make_move_iterator(items_.begin()), std::make_move_iterator(items_.end()));
  items_.clear();
  return std::move(drawn_);
}

LayerDrawn draw_layer(const std::vector<Feature>& features, const LayerPaint& paint, const Viewport& viewport,
                      const Rect& clip, const Span& span, std::vector<scene::Item>& out, MapStats& stats) {
  LayerDrawer drawer(paint, viewport, clip, span, stats);
  for (const Feature& f : features) drawer.add(f);
  return drawer.finish(out);
}

}  // namespace plaquette::map
