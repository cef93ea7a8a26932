#include "load/rect_reader.hpp"

#include <fmt/format.h>

#include "core/units.hpp"
#include "load/limits.hpp"

namespace plaquette::load {

std::optional<Rect> read_rect(MapReader& m) {
  // Read all four before giving up, so that every wrong value is reported at once.
  auto x = m.length("x", Need::Required, limits::position());
  auto y = m.length("y", Need::Required, limits::position());
  auto w = m.length("width", Need::Required, limits::size());
  auto h = m.length("height", Need::Required, limits::size());
  if (!x || !y || !w || !h) return std::nullopt;
  return Rect{*x, *y, *w, *h};
}

std::string describe_rect(const Rect& r) {
  return fmt::format("x: {}, y: {}, width: {}, height: {}", format_mm(r.x), format_mm(r.y), format_mm(r.width),
                     format_mm(r.height));
}

}  // namespace plaquette::load
