// Paragraph styles (font, weight, size, leading, colour, alignment, spacing, hyphenation, line
// breaking, OpenType features, language) and character styles (what a span of text changes).
// Both kinds may be `based_on` another style of their section: the parent is resolved first and
// its values are the child's defaults, so that a child inherits every key it does not set itself.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <memory>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "load/limits.hpp"
#include "load/template_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kStyleKeys = {
    "based_on",     "font",           "weight",        "italic",        "size",         "leading",
    "tracking",     "color",          "align",         "first_indent",  "space_before", "space_after",
    "keep_with_next", "keep_together", "uppercase",    "hyphenate",     "line_breaking", "features",
    "language",     "outline",        "max_letter_spacing", "ragged_below"};
const std::vector<std::string> kCharStyleKeys = {"based_on", "font",      "weight",    "italic",  "size",
                                                 "tracking", "color",     "uppercase", "hyphenate", "features"};
const std::vector<std::string> kHyphenationKeys = {"min_word", "min_left", "min_right", "max_consecutive"};

struct WeightName {
  const char* name;
  int value;
};
constexpr WeightName kWeights[] = {{"thin", 100},    {"extralight", 200}, {"light", 300},     {"regular", 400},
                                   {"normal", 400},  {"medium", 500},     {"semibold", 600},  {"bold", 700},
                                   {"extrabold", 800}, {"black", 900}};

std::string lower_trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t start = 0;
  while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
  s.erase(0, start);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

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

const std::vector<std::string> kLineBreakings = {"total-fit", "first-fit"};

// `features: [smcp, onum, "liga 0"]`: OpenType feature tags (4 lower-case letters or digits),
// each optionally followed by a space and 0 (off) or 1 (on). Nullopt when the list is unusable.
std::optional<std::vector<std::string>> read_features(MapReader& m) {
  auto list = m.list("features", Need::Optional, "[smcp, onum, \"liga 0\"]");
  if (!list) return std::nullopt;
  static const std::regex form(R"([a-z0-9]{4}( [01])?)");
  const NodeReader& reader = m.reader();
  std::vector<std::string> out;
  std::map<std::string, size_t> seen;  // tag -> item number
  bool ok = true;
  for (size_t i = 0; i < list->size(); ++i) {
    const YAML::Node& item = (*list)[i];
    std::string name = fmt::format("item {} of 'features'", i + 1);
    auto text = reader.text(item, name);
    if (!text) {
      ok = false;
      continue;
    }
    if (!std::regex_match(*text, form)) {
      reader.error(item, fmt::format("{} must be an OpenType feature: 4 lower-case letters or digits, optionally "
                                     "followed by a space and 0 (off) or 1 (on), like smcp, onum or \"liga 0\" "
                                     "(got '{}')",
                                     name, *text));
      ok = false;
      continue;
    }
    std::string tag = text->substr(0, 4);
    if (auto [it, fresh] = seen.emplace(tag, i + 1); !fresh) {
      reader.error(item, fmt::format("{} sets the feature '{}' again (item {} sets it already): keep only one",
                                     name, tag, it->second));
      ok = false;
      continue;
    }
    out.push_back(*text);
  }
  if (!ok) return std::nullopt;
  return out;
}

// `hyphenate: true | false | {min_word: 6, min_left: 2, min_right: 3, max_consecutive: 2}`.
// The mapping form turns hyphenation on; settings it does not give keep their current value.
void read_hyphenation(MapReader& m, model::Hyphenation& h) {
  auto node = m.get("hyphenate");
  if (!node) return;
  const NodeReader& reader = m.reader();
  if (node->IsMap()) {
    MapReader hm(*node, reader, fmt::format("'hyphenate' of {}", m.what()), m.key_span("hyphenate"));
    if (!hm.ok()) return;
    model::Hyphenation next = h;
    next.enabled = true;
    next.min_word = hm.integer("min_word", Need::Optional, limits::hyphen_min_word()).value_or(h.min_word);
    next.min_left = hm.integer("min_left", Need::Optional, limits::hyphen_min_part()).value_or(h.min_left);
    next.min_right = hm.integer("min_right", Need::Optional, limits::hyphen_min_part()).value_or(h.min_right);
    next.max_consecutive =
        hm.integer("max_consecutive", Need::Optional, limits::hyphen_max_consecutive()).value_or(h.max_consecutive);
    hm.finish(kHyphenationKeys);
    h = next;
    return;
  }
  if (node->IsScalar()) {
    std::string s = lower_trimmed(node->Scalar());
    if (s == "true" || s == "yes") {
      h.enabled = true;
      return;
    }
    if (s == "false" || s == "no") {
      h.enabled = false;
      return;
    }
  }
  reader.error(*node, fmt::format("'hyphenate' must be true, false or settings like {{min_word: 6, min_left: 2, "
                                  "min_right: 3, max_consecutive: 2}} (got {})",
                                  describe(*node)));
}

std::optional<std::string> read_language(MapReader& m) {
  auto lang = m.text("language");
  if (!lang) return std::nullopt;
  if (is_language_tag(*lang)) return lang;
  m.reader().error(m.value_span("language"),
                   fmt::format("'language' must be a language code, like fr or en (got '{}')", *lang));
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Inheritance: one section's styles, their parents, and the order in which to read them.

struct Kind {
  std::string what;     // "style", "character style": how messages name one
  std::string plural;   // "the template's styles": for "<plural> are a, b, c"
  std::string example;  // what a style looks like, when one is not a mapping
};

struct StyleNode {
  const MapReader::Entry* entry = nullptr;
  std::unique_ptr<MapReader> map;
  int parent = -1;          // index of the parent in the section, when it is a usable style
  std::string parent_name;  // as written
  // The style cannot inherit what it should (unknown or broken parent, cycle): keys it lacks are not
  // reported, since the parent would probably have given them (the "do not cascade" rule).
  bool broken = false;
  bool in_cycle = false;
  enum class State { Todo, Doing, Done } state = State::Todo;
};

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out.empty() ? "none" : out;
}

// Reads every style of `section` in dependency order. `read(node, parent, out)` reads one style
// whose parent (nullptr for none) is resolved already.
template <class Style>
void load_family(MapReader& section, const Kind& kind, std::map<std::string, Style>& out,
                 const std::function<void(StyleNode&, const Style*, Style&)>& read) {
  const NodeReader& reader = section.reader();
  std::vector<StyleNode> nodes;
  std::map<std::string, int> index;
  std::vector<std::string> names;
  for (const auto& e : section.entries()) {
    StyleNode n;
    n.entry = &e;
    n.map = std::make_unique<MapReader>(e.value, reader, fmt::format("{} '{}'", kind.what, e.key),
                                        reader.span(e.key_node), kind.example);
    index[e.key] = static_cast<int>(nodes.size());
    names.push_back(e.key);
    nodes.push_back(std::move(n));
  }

  // Parents, as written.
  for (auto& n : nodes) {
    if (!n.map->ok()) continue;
    if (!n.map->has("based_on")) continue;
    auto parent = n.map->text("based_on");
    if (!parent) {  // reported
      n.broken = true;
      continue;
    }
    n.parent_name = *parent;
    auto it = index.find(*parent);
    if (it == index.end()) {
      std::string hint = did_you_mean(*parent, names);
      if (hint.empty()) hint = fmt::format(": {} are {}", kind.plural, listing(names));
      reader.error(n.map->value_span("based_on"),
                   fmt::format("'based_on' names an unknown {} '{}'{}", kind.what, *parent, hint));
      n.broken = true;
      continue;
    }
    n.parent = it->second;
    if (!nodes[n.parent].map->ok()) n.broken = true;  // its own error is reported
  }

  // Cycles, reported once each, at the 'based_on' of their first style in the file.
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].in_cycle || nodes[i].parent < 0) continue;
    std::vector<int> chain;
    std::set<int> seen;
    int j = nodes[i].parent;
    while (j >= 0 && j != static_cast<int>(i) && seen.insert(j).second && !nodes[j].in_cycle) {
      chain.push_back(j);
      j = nodes[j].parent;
    }
    if (j != static_cast<int>(i)) continue;  // no cycle, or one that this style only leads to
    std::string what = fmt::format("{} '{}' is based on itself", kind.what, nodes[i].entry->key);
    if (chain.empty()) {
      what += ": remove its 'based_on' or name another style";
    } else {
      std::string through;
      for (int k : chain) through += fmt::format("'{}' → ", nodes[k].entry->key);
      what += fmt::format(" through {}'{}': one of these 'based_on' must name another style", through,
                          nodes[i].entry->key);
    }
    reader.error(nodes[i].map->value_span("based_on"), what);
    nodes[i].in_cycle = nodes[i].broken = true;
    for (int k : chain) nodes[k].in_cycle = nodes[k].broken = true;
  }

  // Parents first. A style in a cycle is read on its own; one leading to a cycle stops there.
  std::function<void(int)> resolve = [&](int i) {
    StyleNode& n = nodes[i];
    if (n.state != StyleNode::State::Todo) return;
    n.state = StyleNode::State::Doing;
    const Style* parent = nullptr;
    if (n.parent >= 0 && !n.in_cycle) {
      resolve(n.parent);
      n.broken = n.broken || nodes[n.parent].broken;
      if (nodes[n.parent].map->ok()) parent = &out[nodes[n.parent].entry->key];
    }
    // Registered even when broken, so that its users are not reported as well.
    Style& st = out[n.entry->key];
    read(n, parent, st);
    n.state = StyleNode::State::Done;
  };
  for (size_t i = 0; i < nodes.size(); ++i) resolve(static_cast<int>(i));
}

// ---------------------------------------------------------------------------------------------
// Paragraph styles

void read_style(StyleNode& n, const model::ParagraphStyle* parent, model::ParagraphStyle& st,
                std::set<std::string>& auto_leading, LoadContext& ctx) {
  if (parent) st = *parent;
  st.name = n.entry->key;
  st.span = n.map->reader().span(n.entry->key_node);
  st.based_on = parent ? parent->name : std::string{};
  MapReader& m = *n.map;
  if (!m.ok()) return;
  const NodeReader& reader = m.reader();
  // A key is required only of a style with nothing to inherit it from.
  const Need need = parent || n.broken ? Need::Optional : Need::Required;

  if (auto font = m.text("font", need)) st.family = *font;
  if (auto w = m.get("weight")) st.weight = read_weight(*w, reader).value_or(st.weight);
  st.italic = m.boolean("italic").value_or(st.italic);
  st.size = m.length("size", need, limits::font_size(), "10pt").value_or(st.size);
  // Default leading: 1.2 × size, the usual "solid plus 20%" of typesetting software. A child that
  // changes the size of a parent without a leading of its own gets 1.2 × its own size.
  bool inherits_auto = !parent || auto_leading.count(parent->name);
  if (auto leading = m.length("leading", Need::Optional, limits::leading(), "12pt")) {
    st.leading = *leading;
  } else if (inherits_auto) {
    st.leading = 1.2 * st.size;
    if (!m.has("leading")) auto_leading.insert(st.name);
  }
  st.tracking = m.number("tracking", Need::Optional, limits::tracking()).value_or(st.tracking);
  if (auto color = m.text("color")) {
    st.color = *color;
    ctx.use(Reference::Kind::Swatch, *color, m.value_span("color"));
  } else if (!m.has("color") && !parent && !n.broken) {
    ctx.use(Reference::Kind::Swatch, st.color, st.span, {},
            fmt::format("style '{}' (which has no 'color')", st.name));
  }
  if (auto a = m.choice("align", kAligns)) st.align = to_align(*a);
  st.max_letter_spacing =
      m.number("max_letter_spacing", Need::Optional, limits::max_letter_spacing()).value_or(st.max_letter_spacing);
  st.ragged_below =
      m.length("ragged_below", Need::Optional, limits::non_negative_length(), "60mm").value_or(st.ragged_below);
  st.first_indent = m.length("first_indent", Need::Optional, limits::position(), "5mm").value_or(st.first_indent);
  st.space_before =
      m.length("space_before", Need::Optional, limits::non_negative_length(), "4pt").value_or(st.space_before);
  st.space_after =
      m.length("space_after", Need::Optional, limits::non_negative_length(), "4pt").value_or(st.space_after);
  st.keep_with_next = m.boolean("keep_with_next").value_or(st.keep_with_next);
  st.keep_together = m.boolean("keep_together").value_or(st.keep_together);
  st.uppercase = m.boolean("uppercase").value_or(st.uppercase);
  read_hyphenation(m, st.hyphenation);
  if (auto b = m.choice("line_breaking", kLineBreakings))
    st.breaking = *b == "first-fit" ? model::LineBreaking::FirstFit : model::LineBreaking::TotalFit;
  if (auto f = read_features(m)) st.features = std::move(*f);
  if (auto lang = read_language(m)) st.language = *lang;
  st.outline_level = m.integer("outline", Need::Optional, limits::outline_level()).value_or(st.outline_level);
  m.finish(kStyleKeys);
}

// ---------------------------------------------------------------------------------------------
// Character styles

void read_char_style(StyleNode& n, const model::CharacterStyle* parent, model::CharacterStyle& cs,
                     LoadContext& ctx) {
  if (parent) cs = *parent;
  cs.name = n.entry->key;
  cs.span = n.map->reader().span(n.entry->key_node);
  cs.based_on = parent ? parent->name : std::string{};
  MapReader& m = *n.map;
  if (!m.ok()) return;
  const NodeReader& reader = m.reader();

  if (auto font = m.text("font")) cs.family = *font;
  if (auto w = m.get("weight"))
    if (auto v = read_weight(*w, reader)) cs.weight = *v;
  if (auto v = m.boolean("italic")) cs.italic = *v;
  if (auto v = m.length("size", Need::Optional, limits::font_size(), "10pt")) cs.size = *v;
  if (auto v = m.number("tracking", Need::Optional, limits::tracking())) cs.tracking = *v;
  if (auto color = m.text("color")) {
    cs.color = *color;
    ctx.use(Reference::Kind::Swatch, *color, m.value_span("color"));
  }
  if (auto v = m.boolean("uppercase")) cs.uppercase = *v;
  if (auto v = m.boolean("hyphenate")) cs.hyphenate = *v;
  if (auto f = read_features(m)) cs.features = std::move(*f);
  m.finish(kCharStyleKeys);
}

}  // namespace

bool load_styles(MapReader& section, std::map<std::string, model::ParagraphStyle>& out, LoadContext& ctx) {
  const Kind kind{"style", "the template's styles", "{font: Lato, size: 10pt}"};
  std::set<std::string> auto_leading;  // styles whose leading is the default 1.2 × size
  load_family<model::ParagraphStyle>(
      section, kind, out, [&](StyleNode& n, const model::ParagraphStyle* parent, model::ParagraphStyle& st) {
        read_style(n, parent, st, auto_leading, ctx);
      });
  return true;
}

bool load_char_styles(MapReader& section, std::map<std::string, model::CharacterStyle>& out, LoadContext& ctx) {
  const Kind kind{"character style", "the template's character styles", "{italic: true, hyphenate: false}"};
  load_family<model::CharacterStyle>(
      section, kind, out, [&](StyleNode& n, const model::CharacterStyle* parent, model::CharacterStyle& cs) {
        read_char_style(n, parent, cs, ctx);
      });
  return true;
}

}  // namespace plaquette::load
