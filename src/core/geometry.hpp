// Plain geometry in page points. y grows downwards, as in Cairo.
#pragma once
#include <algorithm>

namespace plaquette {

struct Point {
  double x = 0;
  double y = 0;
  friend bool operator==(const Point&, const Point&) = default;
};

struct Size {
  double width = 0;
  double height = 0;
  friend bool operator==(const Size&, const Size&) = default;
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;

  double right() const { return x + width; }
  double bottom() const { return y + height; }
  bool empty() const { return width <= 0 || height <= 0; }
  bool contains(const Rect& r, double eps = 1e-6) const {
    return r.x >= x - eps && r.y >= y - eps && r.right() <= right() + eps && r.bottom() <= bottom() + eps;
  }
  Rect inset(double d) const { return {x + d, y + d, width - 2 * d, height - 2 * d}; }
  friend bool operator==(const Rect&, const Rect&) = default;
};

}  // namespace plaquette
