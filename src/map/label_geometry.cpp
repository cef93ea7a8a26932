// The pure parts of labels and furniture: scale rounding, French numbers, polylabel, greedy placement.
#include <algorithm>
#include <cmath>
#include <queue>
#include <set>

#include <fmt/format.h>

#include "map/furniture.hpp"

namespace plaquette::map {

namespace {
constexpr const char* kNarrowNbsp = "\u202F";
}

double round_ground_length(double max_metres) {
  if (!(max_metres > 0) || !std::isfinite(max_metres)) return 0;
  double p = std::pow(10.0, std::floor(std::log10(max_metres)));
  // Guard against log10 rounding just below an exact power of ten.
  if (p * 10 <= max_metres * (1 + 1e-12)) p *= 10;
  if (p > max_metres * (1 + 1e-12)) p /= 10;
  for (double m : {5.0, 2.0, 1.0})
    if (m * p <= max_metres * (1 + 1e-12)) return m * p;
  return p;
}

std::string format_number_fr(double value, int decimals) {
  const bool negative = value < 0;
  std::string s = fmt::format("{:.{}f}", std::fabs(value), std::max(decimals, 0));
  std::string int_part = s, frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    int_part = s.substr(0, dot);
    frac = s.substr(dot + 1);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string grouped;
  const size_t n = int_part.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) grouped += kNarrowNbsp;
    grouped += int_part[i];
  }
  std::string out = negative && (grouped != "0" || !frac.empty()) ? "-" + grouped : grouped;
  if (!frac.empty()) out += "," + frac;
  return out;
}

std::string format_ground_length(double metres) {
  if (metres >= 1000) return format_number_fr(metres / 1000) + kNarrowNbsp + "km";
  return format_number_fr(metres) + kNarrowNbsp + "m";
}

namespace {

double segment_distance_sq(Point p, Point a, Point b) {
  double x = a.x, y = a.y, dx = b.x - x, dy = b.y - y;
  if (dx != 0 || dy != 0) {
    double t = ((p.x - x) * dx + (p.y - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b.x;
      y = b.y;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p.x - x;
  dy = p.y - y;
  return dx * dx + dy * dy;
}

// Signed distance to the even-odd area of `rings` intersected with `limit`: positive inside.
double signed_distance(Point p, const std::vector<std::vector<Point>>& rings, const Rect& limit) {
  bool inside = false;
  double min_sq = std::numeric_limits<double>::infinity();
  for (const auto& ring : rings) {
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
      const Point a = ring[i], b = ring[j];
      if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
      min_sq = std::min(min_sq, segment_distance_sq(p, a, b));
    }
  }
  const double d_poly = (inside ? 1 : -1) * std::sqrt(min_sq);
  const double d_limit = std::min({p.x - limit.x, limit.right() - p.x, p.y - limit.y, limit.bottom() - p.y});
  return std::min(d_poly, d_limit);
}

struct Cell {
  Point c;
  double h = 0;  // half size
  double d = 0;  // signed distance of the centre
  double max = 0;
  bool operator<(const Cell& o) const { return max < o.max; }
};

}  // namespace

Pole pole_of_inaccessibility(const std::vector<std::vector<Point>>& rings, const Rect& limit, double precision) {
  double x0 = limit.right(), y0 = limit.bottom(), x1 = limit.x, y1 = limit.y;
  bool any = false;
  for (const auto& r : rings) {
    if (r.size() < 3) continue;
    for (auto p : r) {
      x0 = std::min(x0, p.x);
      y0 = std::min(y0, p.y);
      x1 = std::max(x1, p.x);
      y1 = std::max(y1, p.y);
      any = true;
    }
  }
  if (!any) return {};
  x0 = std::max(x0, limit.x);
  y0 = std::max(y0, limit.y);
  x1 = std::min(x1, limit.right());
  y1 = std::min(y1, limit.bottom());
  if (x1 <= x0 || y1 <= y0) return {};

  auto make = [&](double x, double y, double h) {
    Cell c{{x, y}, h, signed_distance({x, y}, rings, limit), 0};
    c.max = c.d + h * std::sqrt(2.0);
    return c;
  };
  const double size = std::min(x1 - x0, y1 - y0);
  const double cell = size > 0 ? size : std::max(x1 - x0, y1 - y0);
  std::priority_queue<Cell> queue;
  for (double x = x0; x < x1; x += cell)
    for (double y = y0; y < y1; y += cell) queue.push(make(x + cell / 2, y + cell / 2, cell / 2));

  Cell best = make((x0 + x1) / 2, (y0 + y1) / 2, 0);
  // The centroid of the biggest ring is often a good first guess.
  int budget = 20000;  // cells examined at most: a safety net for pathological shapes
  while (!queue.empty() && budget-- > 0) {
    Cell c = queue.top();
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const double h = c.h / 2;
    queue.push(make(c.c.x - h, c.c.y - h, h));
    queue.push(make(c.c.x + h, c.c.y - h, h));
    queue.push(make(c.c.x - h, c.c.y + h, h));
    queue.push(make(c.c.x + h, c.c.y + h, h));
  }
  if (best.d <= 0) return {best.c, best.d, false};
  return {best.c, best.d, true};
}

bool Obstacles::fits(const Rect& r) const {
  if (r.x < inner_.x || r.y < inner_.y || r.right() > inner_.right() || r.bottom() > inner_.bottom()) return false;
  for (const auto& b : boxes_)
    if (overlaps(r, b)) return false;
  return true;
}

std::vector<Placement> place_labels(std::vector<LabelCandidates>& labels, Obstacles& obstacles) {
  std::vector<size_t> order(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    order[i] = i;
    labels[i].order = i;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return labels[a].priority > labels[b].priority; });
  std::set<std::string> done;
  std::vector<Placement> out;
  for (size_t i : order) {
    const auto& l = labels[i];
    if (l.text.empty() || done.count(l.text)) continue;
    for (size_t k = 0; k < l.boxes.size(); ++k) {
      if (!obstacles.fits(l.boxes[k])) continue;
      obstacles.add(l.boxes[k]);
      done.insert(l.text);
      out.push_back({i, k});
      break;
    }
  }
  return out;
}

}  // namespace plaquette::map
