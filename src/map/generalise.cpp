#include "map/generalise.hpp"

#include <algorithm>

namespace plaquette::map {

namespace {

double dist2(Point a, Point b) {
  const double dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy;
}

// Removes exact repeats that clipping creates where a path runs along a clip edge.
void drop_repeats(std::vector<Point>& pts, bool closed) {
  pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
  if (closed) {
    while (pts.size() > 1 && pts.front() == pts.back()) pts.pop_back();
  }
}

// One Sutherland–Hodgman pass against the half-plane where inside(p) holds.
template <class Inside, class Cross>
std::vector<Point> clip_against(const std::vector<Point>& in, Inside inside, Cross cross) {
  std::vector<Point> out;
  if (in.empty()) return out;
  out.reserve(in.size() + 4);
  Point prev = in.back();
  bool prev_in = inside(prev);
  for (Point cur : in) {
    const bool cur_in = inside(cur);
    if (cur_in != prev_in) out.push_back(cross(prev, cur));
    if (cur_in) out.push_back(cur);
    prev = cur;
    prev_in = cur_in;
  }
  return out;
}

Point at_x(Point a, Point b, double x) { return {x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; }
Point at_y(Point a, Point b, double y) { return {a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; }

struct Box {
  double x0, y0, x1, y1;
};

Box bounds(const std::vector<Point>& pts) {
  Box b{pts[0].x, pts[0].y, pts[0].x, pts[0].y};
  for (Point p : pts) {
    b.x0 = std::min(b.x0, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.x1 = std::max(b.x1, p.x);
    b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

}  // namespace

void simplify_distance(std::vector<Point>& points, bool closed, double tolerance) {
  const double tol2 = tolerance * tolerance;
  if (closed) {
    if (points.size() > 1 && points.front() == points.back()) points.pop_back();
    size_t kept = points.empty() ? 0 : 1;
    for (size_t i = 1; i < points.size(); ++i) {
      if (dist2(points[i], points[kept - 1]) >= tol2) points[kept++] = points[i];
    }
    points.resize(kept);
    // The ring closes back onto its first vertex: the last ones must also stand clear of it.
    while (points.size() > 1 && dist2(points.back(), points.front()) < tol2) points.pop_back();
    if (points.size() < 3) points.clear();
    return;
  }
  if (points.size() <= 2) return;
  const Point last = points.back();
  size_t kept = 1;
  for (size_t i = 1; i + 1 < points.size(); ++i) {
    if (dist2(points[i], points[kept - 1]) >= tol2) points[kept++] = points[i];
  }
  // The end vertex is always kept; it replaces the last interior one when too close to it.
  if (kept > 1 && dist2(last, points[kept - 1]) < tol2) --kept;
  points[kept++] = last;
  points.resize(kept);
}

std::vector<Point> clip_ring(const std::vector<Point>& ring, const Rect& c) {
  const double x0 = c.x, y0 = c.y, x1 = c.right(), y1 = c.bottom();
  auto r = clip_against(ring, [&](Point p) { return p.x >= x0; }, [&](Point a, Point b) { return at_x(a, b, x0); });
  r = clip_against(r, [&](Point p) { return p.x <= x1; }, [&](Point a, Point b) { return at_x(a, b, x1); });
  r = clip_against(r, [&](Point p) { return p.y >= y0; }, [&](Point a, Point b) { return at_y(a, b, y0); });
  r = clip_against(r, [&](Point p) { return p.y <= y1; }, [&](Point a, Point b) { return at_y(a, b, y1); });
  drop_repeats(r, true);
  if (r.size() < 3) r.clear();
  return r;
}

std::vector<std::vector<Point>> clip_line(const std::vector<Point>& line, const Rect& c) {
  std::vector<std::vector<Point>> runs;
  std::vector<Point> run;
  auto flush = [&] {
    if (run.size() >= 2) runs.push_back(std::move(run));
    run.clear();
  };
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const Point a = line[i], b = line[i + 1];
    // Liang–Barsky: the segment a + t (b - a), t in [t0, t1], inside the four half-planes.
    const double dx = b.x - a.x, dy = b.y - a.y;
    double t0 = 0, t1 = 1;
    bool visible = true;
    auto edge = [&](double p, double q) {
      if (p == 0) {
        if (q < 0) visible = false;
      } else {
        const double t = q / p;
        if (p < 0) {
          if (t > t1) visible = false;
          else t0 = std::max(t0, t);
        } else {
          if (t < t0) visible = false;
          else t1 = std::min(t1, t);
        }
      }
    };
    edge(-dx, a.x - c.x);
    edge(dx, c.right() - a.x);
    edge(-dy, a.y - c.y);
    edge(dy, c.bottom() - a.y);
    if (!visible) {
      flush();
      continue;
    }
    // Exact end points when not cut, so consecutive segments join without a break.
    const Point p0 = t0 == 0 ? a : Point{a.x + t0 * dx, a.y + t0 * dy};
    const Point p1 = t1 == 1 ? b : Point{a.x + t1 * dx, a.y + t1 * dy};
    if (run.empty() || !(run.back() == p0)) {
      flush();
      run.push_back(p0);
    }
    run.push_back(p1);
    if (t1 < 1) flush();
  }
  flush();
  for (auto& r : runs) drop_repeats(r, false);
  std::erase_if(runs, [](const auto& r) { return r.size() < 2; });
  return runs;
}

void generalise_part_in(std::vector<Point>& points, bool closed, const Rect& clip, double tolerance,
                        std::vector<scene::Subpath>& out) {
  if (points.size() < (closed ? 3u : 2u)) return;
  const Box b = bounds(points);
  if (b.x1 < clip.x || b.x0 > clip.right() || b.y1 < clip.y || b.y0 > clip.bottom()) return;
  const bool inside = b.x0 >= clip.x && b.x1 <= clip.right() && b.y0 >= clip.y && b.y1 <= clip.bottom();

  simplify_distance(points, closed, tolerance);
  if (points.size() < (closed ? 3u : 2u)) return;
  if (inside) {
    out.push_back({std::vector<Point>(points.begin(), points.end()), closed});
  } else if (closed) {
    auto ring = clip_ring(points, clip);
    ring.shrink_to_fit();
    if (!ring.empty()) out.push_back({std::move(ring), true});
  } else {
    for (auto& run : clip_line(points, clip)) {
      run.shrink_to_fit();
      out.push_back({std::move(run), false});
    }
  }
}

void generalise_part(std::vector<Point> points, bool closed, const Rect& clip, double tolerance,
                     std::vector<scene::Subpath>& out) {
  generalise_part_in(points, closed, clip, tolerance, out);
}

}  // namespace plaquette::map
