// Lengths: plaquette stores every length in PostScript points (1/72 in).
// YAML gives lengths with an explicit unit; parse_length turns them into points.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace plaquette {

inline constexpr double kPointsPerInch = 72.0;
inline constexpr double kMmPerInch = 25.4;

constexpr double mm_to_pt(double mm) { return mm * kPointsPerInch / kMmPerInch; }
constexpr double pt_to_mm(double pt) { return pt * kMmPerInch / kPointsPerInch; }

// A number followed by a unit, as written in YAML: "12mm", "1,5 km" (decimal comma accepted).
struct Quantity {
  double value = 0;
  std::string number;  // the number as written (for "write it as {number}mm" hints)
  std::string unit;    // the trailing run of letters, possibly empty
};

// Splits text into number and unit; nullopt (with `why`) when there is no valid number.
// `what` names the thing for messages ("length", "distance").
std::optional<Quantity> split_quantity(std::string_view text, std::string_view what, std::string* why);

// Parses "12mm", "1.5 cm", "9pt", "0.5in", "-3mm". A bare number is refused:
// a brochure dimension without a unit is almost always a mistake.
// Returns nullopt when the text is not a length; `why` (if given) explains.
std::optional<double> parse_length(std::string_view text, std::string* why = nullptr);

// Formats points back as the shortest readable "12.5mm" (for messages).
std::string format_mm(double points);

}  // namespace plaquette
