// Colour swatches. Printers speak CMYK; Cairo draws RGB. A swatch keeps both:
// its exact CMYK (when the template gives one) and the RGB proxy used to draw.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>

#include "core/diag.hpp"

namespace plaquette {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

struct Cmyk {
  double c = 0, m = 0, y = 0, k = 0;  // 0..100 (percent, as printers write them)
  friend bool operator==(const Cmyk&, const Cmyk&) = default;
};

// Printers' marks are drawn in "registration" (every plate at 100 %) so that they show on each
// film. Cairo has no such colour: marks are drawn with this RGB proxy, which nothing else uses,
// and the finish stage writes it back as C100 M100 Y100 K100.
inline constexpr Rgb kRegistrationProxy{0.002, 0.002, 0.002};
inline constexpr Cmyk kRegistration{100, 100, 100, 100};

struct Swatch {
  std::string name;
  std::optional<Cmyk> cmyk;  // exact print colour, when given
  Rgb rgb;                   // what Cairo draws (from the hex value, or a proxy of the CMYK)
  bool rgb_given = false;    // the template gave `rgb`: kept as the designer's screen colour
  Span span;
};

// Naive CMYK → RGB proxy (no ICC profile). The print issue replaces it with
// an lcms2 transform through the output profile; the formula is only the screen fallback.
Rgb cmyk_to_rgb_naive(const Cmyk& c);

// "#1f6f3a" / "#1F6F3A" / "#abc" → Rgb. nullopt when malformed.
std::optional<Rgb> parse_hex_rgb(const std::string& text);

// What a drawing asks for: a swatch (by name, with its resolved RGB) and an opacity.
struct Paint {
  std::string swatch;  // empty for colours that are not from the swatch table
  Rgb rgb;
  double alpha = 1.0;
  friend bool operator==(const Paint&, const Paint&) = default;
};

using SwatchTable = std::map<std::string, Swatch>;

}  // namespace plaquette
