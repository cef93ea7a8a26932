// Ground geometry: what a vector source yields once read and reprojected into the map CRS.
// Plain structs so that extent, generalisation and drawing never see an OGR type.
#pragma once
#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace plaquette::map {

// A position in map CRS units (metres for the projected CRSs plaquette accepts).
struct GroundPoint {
  double x = 0;
  double y = 0;
  friend bool operator==(const GroundPoint&, const GroundPoint&) = default;
};

// An axis-aligned ground box. Default-constructed it is empty (inverted), so that
// `expand` can grow it from nothing.
struct Bbox {
  double xmin = std::numeric_limits<double>::infinity();
  double ymin = std::numeric_limits<double>::infinity();
  double xmax = -std::numeric_limits<double>::infinity();
  double ymax = -std::numeric_limits<double>::infinity();

  bool empty() const { return !(xmin <= xmax && ymin <= ymax); }
  double width() const { return xmax - xmin; }
  double height() const { return ymax - ymin; }
  void expand(GroundPoint p) {
    xmin = std::min(xmin, p.x);
    ymin = std::min(ymin, p.y);
    xmax = std::max(xmax, p.x);
    ymax = std::max(ymax, p.y);
  }
  void expand(const Bbox& b) {
    if (b.empty()) return;
    xmin = std::min(xmin, b.xmin);
    ymin = std::min(ymin, b.ymin);
    xmax = std::max(xmax, b.xmax);
    ymax = std::max(ymax, b.ymax);
  }
  Bbox grown(double d) const { return empty() ? *this : Bbox{xmin - d, ymin - d, xmax + d, ymax + d}; }
  bool contains(const Bbox& b, double eps = 1e-9) const {
    return b.xmin >= xmin - eps && b.ymin >= ymin - eps && b.xmax <= xmax + eps && b.ymax <= ymax + eps;
  }
  friend bool operator==(const Bbox&, const Bbox&) = default;
};

// One ring or line. Rings are stored without the repeated closing vertex; `closed` says it is a ring.
struct Part {
  std::vector<GroundPoint> points;
  bool closed = false;
};

// One feature's geometry, flattened: every polygon ring (outer and inner, of every member of a
// multipolygon) and every line is a Part; holes stay holes because the drawing uses even-odd fill.
struct Feature {
  std::vector<Part> parts;
  std::vector<GroundPoint> points;  // point geometries (drawn as markers)
  // The values of LayerQuery::fields, in that order, as text; nullopt for a NULL or unset field.
  std::vector<std::optional<std::string>> attributes;
  long long fid = -1;  // the source's feature id: tells features apart across several reads

  bool empty() const { return parts.empty() && points.empty(); }
  Bbox bbox() const {
    Bbox b;
    for (const auto& part : parts)
      for (auto p : part.points) b.expand(p);
    for (auto p : points) b.expand(p);
    return b;
  }
};

}  // namespace plaquette::map
