#include "map/draw_layer.hpp"

#include <cmath>
#include <numbers>

#include "map/generalise.hpp"

namespace plaquette::map {

namespace {

// Point features have no symbol language yet: a small disc keeps them visible. 1.5 pt radius
// reads on paper without hiding what lies beneath.
constexpr double kMarkerRadius = 1.5;
constexpr int kMarkerSides = 16;

scene::Subpath marker(Point c) {
  scene::Subpath s;
  s.closed = true;
  for (int i = 0; i < kMarkerSides; ++i) {
    const double a = 2 * std::numbers::pi * i / kMarkerSides;
    s.points.push_back({c.x + kMarkerRadius * std::cos(a), c.y + kMarkerRadius * std::sin(a)});
  }
  return s;
}

bool inside(const Rect& r, Point p) { return p.x >= r.x && p.x <= r.right() && p.y >= r.y && p.y <= r.bottom(); }

size_t count_vertices(const std::vector<scene::Subpath>& subpaths) {
  size_t n = 0;
  for (const auto& s : subpaths) n += s.points.size();
  return n;
}

}  // namespace

void draw_layer(const std::vector<Feature>& features, const LayerPaint& paint, const Viewport& viewport,
                const Rect& clip, const Span& span, std::vector<scene::Item>& out, MapStats& stats) {
  if (!paint.fill && !paint.stroke) return;
  std::vector<scene::Subpath> strokes;
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
      if (!part.closed && !paint.stroke) continue;  // lines are never filled
      page.clear();
      page.reserve(part.points.size());
      for (GroundPoint g : part.points) page.push_back(viewport.to_page(g));
      generalise_part(page, part.closed, clip, kPrintTolerance, part.closed ? rings : strokes);
    }
    for (GroundPoint g : feature.points) {
      Point p = viewport.to_page(g);
      if (inside(clip, p)) rings.push_back(marker(p));
    }
    if (rings.empty() && strokes.size() == lines_before) continue;  // wholly outside or collapsed
    ++stats.features;
    if (rings.empty()) continue;
    if (paint.stroke) strokes.insert(strokes.end(), rings.begin(), rings.end());
    if (paint.fill) {
      scene::Path path;
      path.subpaths = std::move(rings);
      path.fill = paint.fill;
      emit(std::move(path));
    }
  }
  if (paint.stroke && !strokes.empty()) {
    scene::Path path;
    path.subpaths = std::move(strokes);
    path.stroke = paint.stroke;
    emit(std::move(path));
  }
}

}  // namespace plaquette::map
