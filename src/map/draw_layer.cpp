#include "map/draw_layer.hpp"

#include <algorithm>
#include <cmath>
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

LayerDrawn draw_layer(const std::vector<Feature>& features, const LayerPaint& paint, const Viewport& viewport,
                      const Rect& clip, const Span& span, std::vector<scene::Item>& out, MapStats& stats) {
  LayerDrawn drawn;
  if (!paint.draws_anything()) return drawn;
  const bool outlined = paint.stroke || paint.casing;
  const bool svg_marker = paint.marker.svg != nullptr;
  const double half = paint.marker.size / 2;
  const Rect marker_clip{clip.x - half, clip.y - half, clip.width + 2 * half, clip.height + 2 * half};
  std::vector<scene::Subpath> strokes;
  // The areas of every feature in one path: the PDF carries one fill for the whole layer (or
  // class) instead of one per feature, which halves its size on large layers. Even-odd keeps
  // holes; the features of one layer are assumed not to overlap (a partition, as most are).
  std::vector<scene::Subpath> areas;
  bool strokes_are_areas = true;  // no line and no marker among the strokes
  std::vector<Point> page;
  auto emit = [&](scene::Path path) {
    stats.vertices += count_vertices(path.subpaths);
    ++stats.paths;
    out.push_back({std::move(path), span});
  };
  for (const Feature& feature : features) {
    std::vector<scene::Subpath> rings;
    const size_t lines_before = strokes.size();
    for (const Part& part : feature.parts) {
      if (!part.closed && !outlined) continue;  // lines are never filled
      page.clear();
      page.reserve(part.points.size());
      for (GroundPoint g : part.points) page.push_back(viewport.to_page(g));
      auto& target = part.closed ? rings : strokes;
      const size_t before = target.size();
      generalise_part(page, part.closed, clip, kPrintTolerance, target);
      round_points(target, before);
      if (!part.closed && target.size() > before) strokes_are_areas = false;
    }
    const size_t area_rings = rings.size();
    size_t markers = 0;
    for (GroundPoint g : feature.points) {
      Point p = viewport.to_page(g);
      if (!inside(marker_clip, p)) continue;
      ++markers;
      drawn.markers.push_back(Rect{p.x - half, p.y - half, paint.marker.size, paint.marker.size});
      if (svg_marker) {
        scene::Image img;
        img.source = paint.marker.svg;
        img.dest = Rect{p.x - half, p.y - half, paint.marker.size, paint.marker.size};
        out.push_back({std::move(img), span});
      } else {
        rings.push_back(marker_ring(p, paint.marker.shape, paint.marker.size));
      }
    }
    if (area_rings > 0)
      ++drawn.areas;
    else if (strokes.size() > lines_before)
      ++drawn.lines;
    else if (markers > 0)
      ++drawn.points;
    else
      continue;  // wholly outside or collapsed
    ++stats.features;
    if (rings.empty()) continue;
    if (outlined) strokes.insert(strokes.end(), rings.begin(), rings.end());
    if (markers > 0) strokes_are_areas = false;
    if (paint.pattern && area_rings > 0) {
      // The pattern covers the areas only, not the markers of a mixed feature.
      std::vector<scene::Subpath> areas(rings.begin(), rings.begin() + static_cast<std::ptrdiff_t>(area_rings));
      scene::Path pattern;
      if (paint.pattern->kind == model::FillPattern::Kind::Hatch) {
        pattern.subpaths = hatch_lines(areas, paint.pattern->angle, paint.pattern->spacing);
        pattern.stroke = scene::Stroke{paint.pattern->paint, paint.pattern->width, {}, scene::LineJoin::Miter,
                                       scene::LineCap::Butt};
      } else {
        // A dot is a zero-length line with a round cap: a disc of the line's width, two points.
        for (Point c : grid_dots(areas, paint.pattern->spacing)) pattern.subpaths.push_back({{c, c}, false});
        pattern.stroke = scene::Stroke{paint.pattern->paint, paint.pattern->width, {}, scene::LineJoin::Round,
                                       scene::LineCap::Round};
      }
      if (paint.fill) {
        scene::Path path;
        path.subpaths = std::move(rings);
        path.fill = paint.fill;
        emit(std::move(path));
      }
      if (!pattern.subpaths.empty()) emit(std::move(pattern));
      continue;
    }
    if (paint.fill && markers == 0) {
      areas.insert(areas.end(), std::make_move_iterator(rings.begin()), std::make_move_iterator(rings.end()));
    } else if (paint.fill) {  // markers may overlap: each feature keeps its own path
      scene::Path path;
      path.subpaths = std::move(rings);
      path.fill = paint.fill;
      emit(std::move(path));
    }
  }
  if (!areas.empty()) {
    scene::Path path;
    path.fill = paint.fill;
    // Filled and outlined areas: one fill-and-stroke path, each vertex written once.
    if (paint.stroke && !paint.casing && strokes_are_areas && strokes.size() == areas.size()) {
      path.stroke = paint.stroke;
      strokes.clear();
    }
    path.subpaths = std::move(areas);
    emit(std::move(path));
  }
  if (paint.casing && !strokes.empty()) {
    scene::Path path;
    path.subpaths = strokes;
    path.stroke = paint.casing;
    emit(std::move(path));
  }
  if (paint.stroke && !strokes.empty()) {
    scene::Path path;
    path.subpaths = std::move(strokes);
    path.stroke = paint.stroke;
    emit(std::move(path));
  }
  return drawn;
}

}  // namespace plaquette::map
