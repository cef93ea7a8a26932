#include "core/units.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace plaquette {

std::optional<Quantity> split_quantity(std::string_view text, std::string_view what, std::string* why) {
  auto fail = [&](std::string msg) -> std::optional<Quantity> {
    if (why) *why = std::move(msg);
    return std::nullopt;
  };
  std::string_view s = text;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return fail(fmt::format("empty {}", what));

  // The unit is the trailing run of letters.
  size_t unit_start = s.size();
  while (unit_start > 0 && std::isalpha(static_cast<unsigned char>(s[unit_start - 1]))) --unit_start;
  std::string_view number = s.substr(0, unit_start);
  while (!number.empty() && std::isspace(static_cast<unsigned char>(number.back()))) number.remove_suffix(1);
  if (number.empty()) return fail(fmt::format("'{}' has no number", text));

  // Accept a French decimal comma ("2,5mm") as well as a point.
  Quantity q;
  q.number = std::string(number);
  q.unit = std::string(s.substr(unit_start));
  std::string num = q.number;
  for (char& c : num)
    if (c == ',') c = '.';
  const char* first = num.data();
  if (!num.empty() && num[0] == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, num.data() + num.size(), q.value);
  if (ec != std::errc() || ptr != num.data() + num.size() || !std::isfinite(q.value))
    return fail(fmt::format("'{}' is not a number followed by a unit", text));
  return q;
}

std::optional<double> parse_length(std::string_view text, std::string* why) {
  auto fail = [&](std::string msg) -> std::optional<double> {
    if (why) *why = std::move(msg);
    return std::nullopt;
  };
  auto q = split_quantity(text, "length", why);
  if (!q) return std::nullopt;
  const std::string& unit = q->unit;
  const std::string& num = q->number;
  const double value = q->value;
  if (unit.empty())
    return fail(fmt::format("'{}' has no unit: write it with mm, cm, pt or in (for example {}mm)", text, num));
  if (unit == "mm") return mm_to_pt(value);
  if (unit == "cm") return mm_to_pt(value * 10.0);
  if (unit == "pt") return value;
  if (unit == "in") return value * kPointsPerInch;
  return fail(fmt::format("unknown unit '{}' in '{}': use mm, cm, pt or in", unit, text));
}

std::string format_mm(double points) {
  double mm = pt_to_mm(points);
  double rounded = std::round(mm * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) return fmt::format("{}mm", static_cast<long long>(rounded));
  return fmt::format("{:.1f}mm", rounded);
}

}  // namespace plaquette
