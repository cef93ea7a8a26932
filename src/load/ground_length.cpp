#include "load/ground_length.hpp"

#include <fmt/format.h>

#include "core/units.hpp"

namespace plaquette::load {

std::optional<double> parse_ground_length(std::string_view text, std::string* why) {
  auto fail = [&](std::string msg) -> std::optional<double> {
    if (why) *why = std::move(msg);
    return std::nullopt;
  };
  auto q = split_quantity(text, "distance", why);
  if (!q) return std::nullopt;
  const std::string& unit = q->unit;
  const std::string& num = q->number;
  const double value = q->value;
  if (unit.empty())
    return fail(fmt::format("'{}' has no unit: write a ground distance in m or km (for example {}m)", text, num));
  if (unit == "m") return value;
  if (unit == "km") return value * 1000.0;
  if (unit == "mm" || unit == "cm" || unit == "pt" || unit == "in")
    return fail(fmt::format("'{}' is a paper length: a map margin is a distance on the ground, in m or km", text));
  return fail(fmt::format("unknown unit '{}' in '{}': use m or km", unit, text));
}

}  // namespace plaquette::load
