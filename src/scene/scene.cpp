#include "scene/scene.hpp"

namespace plaquette::scene {

Item make_rect_path(const Rect& r, std::optional<Paint> fill, std::optional<Stroke> stroke, Span span) {
  Path p;
  p.subpaths.push_back({{{r.x, r.y}, {r.right(), r.y}, {r.right(), r.bottom()}, {r.x, r.bottom()}}, true});
  p.fill = std::move(fill);
  p.stroke = std::move(stroke);
  return Item{std::move(p), std::move(span)};
}

Item make_line_path(Point a, Point b, const Stroke& stroke, Span span) {
  Path p;
  p.subpaths.push_back({{a, b}, false});
  p.stroke = stroke;
  return Item{std::move(p), std::move(span)};
}

}  // namespace plaquette::scene
