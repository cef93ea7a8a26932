#include "core/color.hpp"

#include <cctype>

namespace plaquette {

Rgb cmyk_to_rgb_naive(const Cmyk& c) {
  auto ch = [&](double v) { return (1.0 - v / 100.0) * (1.0 - c.k / 100.0); };
  return {ch(c.c), ch(c.m), ch(c.y)};
}

std::optional<Rgb> parse_hex_rgb(const std::string& text) {
  if (text.size() != 7 && text.size() != 4) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  auto hex = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
  };
  int v[6];
  if (text.size() == 4) {
    for (int i = 0; i < 3; ++i) {
      int h = hex(text[1 + i]);
      if (h < 0) return std::nullopt;
      v[2 * i] = v[2 * i + 1] = h;
    }
  } else {
    for (int i = 0; i < 6; ++i) {
      v[i] = hex(text[1 + i]);
      if (v[i] < 0) return std::nullopt;
    }
  }
  return Rgb{(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

}  // namespace plaquette
