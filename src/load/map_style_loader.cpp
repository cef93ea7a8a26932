#include "load/map_style_loader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "load/limits.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kStyleKeys = {"fill",  "stroke", "width",  "opacity", "stroke_opacity", "dash",
                                             "join",  "cap",    "casing", "pattern", "marker"};
const std::vector<std::string> kCasingKeys = {"stroke", "width"};
const std::vector<std::string> kPatternKeys = {"kind", "color", "spacing", "angle", "width"};
const std::vector<std::string> kMarkerKeys = {"shape", "size", "svg"};
const std::vector<std::string> kClassifyKeys = {"field", "classes", "other", "breaks", "styles", "labels", "rules"};
const std::vector<std::string> kFocusKeys = {"layer", "where", "veil", "opacity"};

const Range kSpacing{0, 1000, true, "more than 0pt and at most 1000pt"};
const Range kMarkerSize{0, 200, true, "more than 0mm and at most 70mm"};
const Range kAngle{-360, 360, false, "between -360 and 360 (degrees)"};

std::vector<std::string> with(std::vector<std::string> keys, std::initializer_list<const char*> more) {
  for (const char* k : more) keys.emplace_back(k);
  return keys;
}

// fill/stroke/colour: a swatch, or `none` for nothing (stored as no value).
std::optional<std::string> paint(MapReader& m, std::string_view key, LoadContext& ctx) {
  auto name = m.text(key);
  if (!name || *name == "none") return std::nullopt;
  ctx.use(Reference::Kind::Swatch, *name, m.value_span(key));
  return name;
}

std::optional<model::Casing> load_casing(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                         LoadContext& ctx) {
  MapReader m(node, reader, "'casing'", anchor, "{stroke: blanc, width: 1.5pt}");
  if (!m.ok()) return std::nullopt;
  model::Casing c;
  c.span = anchor;
  bool ok = true;
  if (auto s = m.text("stroke", Need::Required)) {
    c.stroke = *s;
    ctx.use(Reference::Kind::Swatch, *s, m.value_span("stroke"));
  } else {
    ok = false;
  }
  c.width = m.length("width", Need::Optional, limits::stroke_width(), "1.5pt").value_or(c.width);
  m.finish(kCasingKeys);
  if (!ok) return std::nullopt;
  return c;
}

std::optional<model::FillPattern> load_pattern(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                               LoadContext& ctx) {
  MapReader m(node, reader, "'pattern'", anchor, "{kind: hatch, color: vert-foret, spacing: 2mm, angle: 45}");
  if (!m.ok()) return std::nullopt;
  model::FillPattern p;
  p.span = anchor;
  bool ok = true;
  if (auto kind = m.choice("kind", {"hatch", "dots"}, Need::Required))
    p.kind = *kind == "dots" ? model::FillPattern::Kind::Dots : model::FillPattern::Kind::Hatch;
  else
    ok = false;
  if (auto c = m.text("color", Need::Required)) {
    p.color = *c;
    ctx.use(Reference::Kind::Swatch, *c, m.value_span("color"));
  } else {
    ok = false;
  }
  p.spacing = m.length("spacing", Need::Optional, kSpacing, "2mm").value_or(p.spacing);
  if (m.has("angle") && p.kind == model::FillPattern::Kind::Dots)
    reader.error(m.key_span("angle"), "'angle' applies to `kind: hatch` only: dots make a square grid; remove it");
  p.angle = m.number("angle", Need::Optional, kAngle).value_or(p.angle);
  p.width = m.length("width", Need::Optional, limits::stroke_width(), "0.5pt").value_or(p.width);
  if (ok && p.width >= p.spacing)
    reader.error(m.has("width") ? m.value_span("width") : anchor,
                 fmt::format("the pattern's 'width' ({:g}pt) must be less than its 'spacing' ({:g}pt), or the lines "
                             "or dots merge into a flat fill",
                             p.width, p.spacing));
  m.finish(kPatternKeys);
  if (!ok) return std::nullopt;
  return p;
}

std::optional<model::Marker> load_marker(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                         LoadContext& ctx) {
  MapReader m(node, reader, "'marker'", anchor, "{shape: circle, size: 2mm} or {svg: assets/pictos/terrils.svg}");
  if (!m.ok()) return std::nullopt;
  model::Marker mk;
  mk.span = anchor;
  bool ok = true;
  std::optional<std::string> shape = m.choice("shape", {"circle", "square", "triangle", "svg"});
  if (shape == "square") mk.shape = model::Marker::Shape::Square;
  if (shape == "triangle") mk.shape = model::Marker::Shape::Triangle;
  if (shape == "svg" || (!shape && m.has("svg"))) mk.shape = model::Marker::Shape::Svg;
  mk.size = m.length("size", Need::Optional, kMarkerSize, "2mm").value_or(mk.size);
  if (m.has("svg") && shape && *shape != "svg") {
    reader.error(m.key_span("svg"), fmt::format("'svg' gives the picture of `shape: svg`, not of `shape: {}`: "
                                                "remove 'svg' or write `shape: svg`",
                                                *shape));
    ok = false;
  }
  if (mk.shape == model::Marker::Shape::Svg) {
    if (auto svg = m.text("svg", Need::Required)) {
      mk.svg = *svg;
      std::string ext = std::filesystem::path(*svg).extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (ext != ".svg") {
        reader.error(m.value_span("svg"), fmt::format("marker picture '{}' must be an .svg file, e.g. "
                                                      "assets/pictos/terrils.svg",
                                                      *svg));
        ok = false;
      } else {
        ResolvedPath r = resolve_project_path(ctx.root, *svg, PathRule{PathKind::File, "marker picture", "assets/pictos/"});
        if (r.ok()) {
          mk.svg_resolved = r.path;
        } else {
          reader.error(m.value_span("svg"), r.error);
          ok = false;
        }
      }
    } else {
      ok = false;
    }
  } else {
    m.mark_read("svg");
  }
  m.finish(kMarkerKeys);
  if (!ok) return std::nullopt;
  return mk;
}

// Reads the style keys of `m` over `st` (keys not written keep their value).
void read_style_keys(MapReader& m, model::LayerStyle& st, LoadContext& ctx) {
  const NodeReader& reader = m.reader();
  if (m.has("fill")) st.fill = paint(m, "fill", ctx);
  if (m.has("stroke")) st.stroke = paint(m, "stroke", ctx);
  st.stroke_width = m.length("width", Need::Optional, limits::stroke_width(), "0.3pt").value_or(st.stroke_width);
  st.fill_opacity = m.number("opacity", Need::Optional, limits::opacity()).value_or(st.fill_opacity);
  st.stroke_opacity = m.number("stroke_opacity", Need::Optional, limits::opacity()).value_or(st.stroke_opacity);
  if (auto dash = m.get("dash"))
    st.dash = reader.lengths(*dash, "'dash'", 0, limits::stroke_width(), "[2pt, 1pt]").value_or(std::vector<double>{});
  if (auto j = m.choice("join", {"round", "miter", "bevel"}))
    st.join = *j == "miter" ? model::StrokeJoin::Miter : *j == "bevel" ? model::StrokeJoin::Bevel : model::StrokeJoin::Round;
  if (auto c = m.choice("cap", {"round", "butt", "square"}))
    st.cap = *c == "butt" ? model::StrokeCap::Butt : *c == "square" ? model::StrokeCap::Square : model::StrokeCap::Round;
  if (auto n = m.get("casing")) {
    if (auto c = load_casing(*n, m.key_span("casing"), reader, ctx)) st.casing = c;
  }
  if (auto n = m.get("pattern")) {
    if (auto p = load_pattern(*n, m.key_span("pattern"), reader, ctx)) st.pattern = p;
  }
  if (auto n = m.get("marker")) {
    if (auto mk = load_marker(*n, m.key_span("marker"), reader, ctx)) st.marker = mk;
  }
}

// A casing narrower than its stroke is hidden under it: certainly not what was meant.
void check_casing(const model::LayerStyle& st, const NodeReader& reader) {
  if (st.casing && st.stroke && st.casing->width <= st.stroke_width) {
    reader.error(st.casing->span, fmt::format("the casing ({:g}pt) must be wider than the stroke it lies under "
                                              "({:g}pt): its 'width' is the total width, e.g. casing: {{stroke: "
                                              "blanc, width: {:g}pt}}",
                                              st.casing->width, st.stroke_width, st.stroke_width + 1));
  }
}

constexpr const char* kClassExample = "{fill: vert-clair, label: Peupleraies}";

// One class mapping: the style keys over the layer's style, plus `label` (and `where` for rules).
model::StyleClass load_class(const YAML::Node& node, Span anchor, const std::string& what, const NodeReader& reader,
                             LoadContext& ctx, const model::LayerStyle& base, bool with_where) {
  model::StyleClass c;
  c.span = anchor;
  c.style = base;
  c.style.span = anchor;
  MapReader m(node, reader, what, anchor, with_where ? "{where: \"type = 'canal'\", stroke: bleu-eau, label: Canaux}"
                                                     : kClassExample);
  if (!m.ok()) return c;
  if (with_where) c.where = m.text("where", Need::Required).value_or("");
  c.label = m.text("label").value_or("");
  c.in_legend = m.boolean("legend").value_or(true);
  read_style_keys(m, c.style, ctx);
  check_casing(c.style, reader);
  m.finish(with_where ? with(kStyleKeys, {"label", "legend", "where"}) : with(kStyleKeys, {"label", "legend"}));
  return c;
}

std::string thousands(double v) {
  // Whole numbers with a narrow no-break space every three digits, decimals with a comma.
  std::string s = fmt::format("{:.10g}", std::abs(v));
  if (s.find('e') != std::string::npos) s = fmt::format("{:.0f}", std::abs(v));
  std::string whole = s.substr(0, s.find('.'));
  std::string frac = s.find('.') == std::string::npos ? "" : s.substr(s.find('.') + 1);
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += "\u202F";
    out += whole[i];
  }
  if (!frac.empty()) out += "," + frac;
  return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::string french_range(double min, double max) { return thousands(min) + " – " + thousands(max); }

model::LayerStyle load_layer_style(const YAML::Node& node, Span anchor, const NodeReader& reader, LoadContext& ctx,
                                   const model::LayerStyle& base) {
  model::LayerStyle st = base;
  st.span = anchor;
  MapReader m(node, reader, "the layer's 'style'", anchor, "{fill: vert-pale, stroke: blanc, width: 0.3pt}");
  if (!m.ok()) return st;
  read_style_keys(m, st, ctx);
  check_casing(st, reader);
  m.finish(kStyleKeys);
  return st;
}

model::Classification load_classify(const YAML::Node& node, Span anchor, const NodeReader& reader, LoadContext& ctx,
                                    const model::LayerStyle& base) {
  using Kind = model::Classification::Kind;
  model::Classification cl;
  cl.span = anchor;
  MapReader m(node, reader, "'classify'", anchor,
              "{field: essence, classes: {\"Peuplier\": {fill: vert-clair}}} or {field: population, breaks: [0, "
              "5000, 20000], styles: [{fill: jaune}, {fill: orange}]} or {rules: [{where: \"type = 'canal'\", "
              "stroke: bleu-eau}]}");
  if (!m.ok()) return cl;

  // Exactly one of classes / breaks / rules says which kind of classification this is.
  std::vector<std::string> kinds;
  for (const char* k : {"classes", "breaks", "rules"})
    if (m.has(k)) kinds.emplace_back(k);
  if (kinds.size() > 1) {
    reader.error(m.key_span(kinds[1]), fmt::format("'classify' takes one of 'classes' (categories), 'breaks' "
                                                   "(numeric ranges) or 'rules' (filters), not both '{}' and '{}'",
                                                   kinds[0], kinds[1]));
    for (const auto& k : kinds) m.mark_read(k);
    m.finish(kClassifyKeys);
    return cl;
  }
  if (kinds.empty()) {
    reader.error(anchor, "'classify' needs 'classes: {value: {fill: ...}}' (with 'field'), 'breaks: [...]' and "
                         "'styles: [...]' (with 'field'), or 'rules: [{where: ..., fill: ...}]'");
    m.finish(kClassifyKeys);
    return cl;
  }
  const std::string kind = kinds[0];
  cl.kind = kind == "classes" ? Kind::Categorized : kind == "breaks" ? Kind::Graduated : Kind::Rules;

  if (cl.kind == Kind::Rules) {
    if (m.has("field"))
      reader.error(m.key_span("field"), "'field' is not used with 'rules': each rule's 'where' names its fields; "
                                        "remove 'field'");
    m.mark_read("field");
  } else if (auto f = m.text("field", Need::Required)) {
    cl.field = *f;
  }
  if (cl.kind != Kind::Graduated) {
    for (const char* k : {"styles", "labels"}) {
      if (m.has(k)) {
        reader.error(m.key_span(k), fmt::format("'{}' goes with 'breaks' (graduated classes); with '{}' each class "
                                                "carries its own style and label",
                                                k, kind));
        m.mark_read(k);
      }
    }
  }

  if (cl.kind == Kind::Categorized) {
    auto node_classes = m.get("classes");
    if (node_classes) {
      MapReader cm(*node_classes, reader, "'classes'", m.key_span("classes"),
                   "{\"Peuplier\": {fill: vert-clair, label: Peupleraies}}");
      if (cm.ok()) {
        if (cm.entries().empty()) reader.error(m.key_span("classes"), "'classes' is empty: give at least one value");
        for (const auto& e : cm.entries()) {
          Span at = reader.span(e.key_node);
          model::StyleClass c =
              load_class(e.value, at, fmt::format("class '{}'", e.key), reader, ctx, base, false);
          c.value = e.key;
          if (c.label.empty()) c.label = e.key;
          cl.classes.push_back(std::move(c));
        }
      }
    }
  } else if (cl.kind == Kind::Graduated) {
    std::vector<double> breaks;
    bool breaks_ok = false;
    if (auto items = m.list("breaks", Need::Required, "[0, 5000, 20000, 100000]")) {
      breaks_ok = true;
      for (size_t i = 0; i < items->size(); ++i) {
        auto v = reader.number((*items)[i], fmt::format("break {}", i + 1));
        if (!v) {
          breaks_ok = false;
          continue;
        }
        if (!breaks.empty() && *v <= breaks.back()) {
          reader.error((*items)[i], fmt::format("'breaks' must increase: {:g} comes after {:g}", *v, breaks.back()));
          breaks_ok = false;
        }
        breaks.push_back(*v);
      }
      if (breaks_ok && breaks.size() < 2) {
        reader.error(m.value_span("breaks"), "'breaks' needs at least two numbers: n breaks make n-1 classes, e.g. "
                                             "[0, 5000, 20000]");
        breaks_ok = false;
      }
    }
    const size_t n = breaks_ok ? breaks.size() - 1 : 0;
    std::vector<model::StyleClass> classes;
    if (auto items = m.list("styles", Need::Required, "[{fill: jaune-pale}, {fill: orange}]")) {
      if (breaks_ok && items->size() != n) {
        reader.error(m.value_span("styles"), fmt::format("'styles' has {} item{} but the {} breaks make {} classes: "
                                                         "give one style per class",
                                                         items->size(), items->size() == 1 ? "" : "s",
                                                         breaks.size(), n));
      } else {
        for (size_t i = 0; i < items->size(); ++i) {
          model::StyleClass c;
          c.span = reader.span((*items)[i]);
          c.style = load_layer_style((*items)[i], c.span, reader, ctx, base);
          classes.push_back(std::move(c));
        }
      }
    }
    std::vector<std::string> labels;
    if (auto items = m.list("labels", Need::Optional, "[\"moins de 5 000\", \"5 000 – 20 000\"]")) {
      if (breaks_ok && items->size() != n) {
        reader.error(m.value_span("labels"), fmt::format("'labels' has {} item{} but the {} breaks make {} classes: "
                                                         "give one label per class (or none for ranges)",
                                                         items->size(), items->size() == 1 ? "" : "s",
                                                         breaks.size(), n));
      } else {
        for (size_t i = 0; i < items->size(); ++i)
          labels.push_back(reader.text((*items)[i], fmt::format("label {}", i + 1)).value_or(""));
      }
    }
    if (breaks_ok && classes.size() == n) {
      for (size_t i = 0; i < n; ++i) {
        classes[i].min = breaks[i];
        classes[i].max = breaks[i + 1];
        classes[i].label = i < labels.size() && !labels[i].empty() ? labels[i] : french_range(breaks[i], breaks[i + 1]);
      }
      cl.classes = std::move(classes);
    }
  } else {
    if (auto items = m.list("rules", Need::Required, "[{where: \"type = 'canal'\", stroke: bleu-eau, label: Canaux}]")) {
      if (items->empty()) reader.error(m.key_span("rules"), "'rules' is empty: give at least one rule");
      for (size_t i = 0; i < items->size(); ++i) {
        model::StyleClass c = load_class((*items)[i], reader.span((*items)[i]), fmt::format("rule {}", i + 1), reader,
                                         ctx, base, true);
        if (c.label.empty()) c.label = c.where;
        cl.classes.push_back(std::move(c));
      }
    }
  }

  if (auto other = m.get("other")) {
    if (cl.kind == Kind::Graduated) {
      reader.error(m.key_span("other"), "'other' is not used with 'breaks': values outside the breaks are not "
                                        "drawn; widen the first or last break instead");
    } else {
      model::StyleClass c = load_class(*other, m.key_span("other"), "'other'", reader, ctx, base, false);
      if (c.label.empty()) c.label = "Autres";
      cl.other = std::move(c);
    }
  }
  m.finish(kClassifyKeys);
  return cl;
}

std::optional<model::FocusSpec> load_focus(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                           LoadContext& ctx,
                                           const std::optional<std::vector<std::string>>& layer_names) {
  MapReader m(node, reader, "'focus'", anchor, "{layer: epci, where: \"siren = '246200364'\", veil: blanc}");
  if (!m.ok()) return std::nullopt;
  model::FocusSpec f;
  f.span = anchor;
  bool ok = true;
  if (auto layer = m.text("layer", Need::Required)) {
    f.layer = *layer;
    if (layer_names && std::find(layer_names->begin(), layer_names->end(), *layer) == layer_names->end()) {
      std::string hint = did_you_mean(*layer, *layer_names);
      reader.error(m.value_span("layer"),
                   fmt::format("'focus' uses layer '{}', which is not one of this map's layers{}", *layer,
                               hint.empty() ? ": use the 'layer:' of one of the map's layers" : hint));
      ok = false;
    }
  } else {
    ok = false;
  }
  f.where = m.text("where").value_or("");
  if (auto veil = m.text("veil")) {
    f.veil = *veil;
    ctx.use(Reference::Kind::Swatch, *veil, m.value_span("veil"));
  } else {
    ctx.use(Reference::Kind::Swatch, f.veil, anchor, {}, "a map 'focus' without 'veil'");
  }
  f.opacity = m.number("opacity", Need::Optional, limits::opacity()).value_or(f.opacity);
  m.finish(kFocusKeys);
  if (!ok) return std::nullopt;
  return f;
}

}  // namespace plaquette::load
