// Paragraph styles: font, weight, size, leading, colour, alignment, spacing.
#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "load/limits.hpp"
#include "load/template_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kStyleKeys = {"font",  "weight",       "italic",       "size",        "leading",
                                             "tracking", "color",     "align",        "first_indent", "space_before",
                                             "space_after", "keep_with_next", "uppercase"};

struct WeightName {
  const char* name;
  int value;
};
constexpr WeightName kWeights[] = {{"thin", 100},    {"extralight", 200}, {"light", 300},     {"regular", 400},
                                   {"normal", 400},  {"medium", 500},     {"semibold", 600},  {"bold", 700},
                                   {"extrabold", 800}, {"black", 900}};

// A weight is a name (bold) or a CSS number (700).
std::optional<int> read_weight(const YAML::Node& n, const NodeReader& reader) {
  std::vector<std::string> names;
  for (const auto& w : kWeights) names.emplace_back(w.name);
  const std::string expected =
      "thin, extralight, light, regular, medium, semibold, bold, extrabold, black or a number from 100 to 900";
  if (n.IsScalar()) {
    std::string s = n.Scalar();
    std::string lower = s;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& w : kWeights)
      if (lower == w.name) return w.value;
    int v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && ptr == s.data() + s.size()) {
      if (v >= 100 && v <= 900) return v;
    } else if (std::string hint = did_you_mean(s, names); !hint.empty()) {
      reader.error(n, fmt::format("'weight' cannot be '{}'{}", s, hint));
      return std::nullopt;
    }
  }
  reader.error(n, fmt::format("'weight' must be {} (got {})", expected, describe(n)));
  return std::nullopt;
}

const std::vector<std::string> kAligns = {"left", "center", "right", "justify"};

model::Align to_align(const std::string& s) {
  if (s == "center") return model::Align::Center;
  if (s == "right") return model::Align::Right;
  if (s == "justify") return model::Align::Justify;
  return model::Align::Left;
}

void load_style(const MapReader::Entry& e, const NodeReader& reader, model::ParagraphStyle& st, LoadContext& ctx) {
  st.name = e.key;
  st.span = reader.span(e.key_node);
  MapReader m(e.value, reader, fmt::format("style '{}'", e.key), st.span, "{font: Lato, size: 10pt}");
  if (!m.ok()) return;

  st.family = m.text("font", Need::Required).value_or("");
  if (auto w = m.get("weight")) st.weight = read_weight(*w, reader).value_or(st.weight);
  st.italic = m.boolean("italic").value_or(false);
  auto size = m.length("size", Need::Required, limits::font_size(), "10pt");
  st.size = size.value_or(10);
  // Default leading: 1.2 × size, the usual "solid plus 20%" of typesetting software.
  st.leading = m.length("leading", Need::Optional, limits::leading(), "12pt").value_or(1.2 * st.size);
  st.tracking = m.number("tracking", Need::Optional, limits::tracking()).value_or(0);
  if (auto color = m.text("color")) {
    st.color = *color;
    ctx.use(Reference::Kind::Swatch, *color, m.value_span("color"));
  } else if (!m.has("color")) {
    ctx.use(Reference::Kind::Swatch, st.color, st.span, {},
            fmt::format("style '{}' (which has no 'color')", e.key));
  }
  if (auto a = m.choice("align", kAligns)) st.align = to_align(*a);
  st.first_indent = m.length("first_indent", Need::Optional, limits::position(), "5mm").value_or(0);
  st.space_before = m.length("space_before", Need::Optional, limits::non_negative_length(), "4pt").value_or(0);
  st.space_after = m.length("space_after", Need::Optional, limits::non_negative_length(), "4pt").value_or(0);
  st.keep_with_next = m.boolean("keep_with_next").value_or(false);
  st.uppercase = m.boolean("uppercase").value_or(false);
  m.finish(kStyleKeys);
}

}  // namespace

bool load_styles(MapReader& section, std::map<std::string, model::ParagraphStyle>& out, LoadContext& ctx) {
  for (const auto& e : section.entries()) {
    // Registered even when broken, so that its users are not reported as well.
    load_style(e, section.reader(), out[e.key], ctx);
  }
  return true;
}

}  // namespace plaquette::load
