// The swatches (nuancier): each colour has its exact print value (cmyk) and/or a screen value (rgb).
#include <fmt/format.h>

#include "load/limits.hpp"
#include "load/template_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kSwatchKeys = {"cmyk", "rgb"};
constexpr double kMaxTotalInk = 300;

void load_swatch(const MapReader::Entry& e, const NodeReader& reader, SwatchTable& out) {
  Swatch sw;
  sw.name = e.key;
  sw.span = reader.span(e.key_node);
  // Registered even when broken, so that its users are not reported as well.
  out[e.key] = sw;

  MapReader m(e.value, reader, fmt::format("colour '{}'", e.key), sw.span,
              "{cmyk: [82, 30, 90, 28], rgb: \"#23633a\"}");
  if (!m.ok()) return;

  bool tried = m.has("cmyk") || m.has("rgb");
  if (auto node = m.get("cmyk")) {
    if (auto v = reader.numbers(*node, "'cmyk'", 4, limits::percent(), "[82, 30, 90, 28]")) {
      sw.cmyk = Cmyk{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
      // Offset presses on coated paper take at most 300 % of ink in total (FOGRA39 condition).
      const double ink = (*v)[0] + (*v)[1] + (*v)[2] + (*v)[3];
      if (ink > kMaxTotalInk)
        reader.error(*node, fmt::format("colour '{}' has {:g} % of ink in total; the press takes at most {:g} %: "
                                        "lower some of its values (a rich black is 60, 40, 40, 100)",
                                        e.key, ink, kMaxTotalInk));
    }
  }
  std::optional<Rgb> rgb;
  if (m.has_empty_value("rgb")) {
    // Unquoted, "#23633a" starts a YAML comment and the value vanishes: say so.
    m.mark_read("rgb");
    reader.error(m.key_span("rgb"), "'rgb' is empty: write the colour in quotes, like rgb: \"#23633a\" "
                                    "(without quotes, # starts a comment)");
  } else if (auto text = m.text("rgb")) {
    rgb = parse_hex_rgb(*text);
    if (!rgb)
      reader.error(m.value_span("rgb"),
                   fmt::format("'rgb' must be a colour written \"#rrggbb\", like \"#23633a\" (got '{}')", *text));
  }
  if (!tried)
    reader.error(sw.span, fmt::format("colour '{}' needs cmyk: [c, m, y, k] or rgb: \"#rrggbb\" (or both)", e.key));

  if (rgb) {
    sw.rgb = *rgb;
    sw.rgb_given = true;
  } else if (sw.cmyk) {
    sw.rgb = cmyk_to_rgb_naive(*sw.cmyk);  // provisional: replaced by the profile's proxy (src/color)
  }
  out[e.key] = sw;
  m.finish(kSwatchKeys);
}

}  // namespace

bool load_swatches(MapReader& section, SwatchTable& out) {
  for (const auto& e : section.entries()) load_swatch(e, section.reader(), out);
  return true;
}

}  // namespace plaquette::load
