#include "load/map_furniture_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/units.hpp"
#include "load/paths.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kLabelKeys = {"layer", "field", "where", "style", "halo", "halo_width", "priority"};
const std::vector<std::string> kLegendKeys = {"position", "title", "columns", "style", "title_style", "background"};
const std::vector<std::string> kScaleBarKeys = {"position", "max_width", "style"};
const std::vector<std::string> kNorthArrowKeys = {"position", "size"};
const std::vector<std::string> kLocatorKeys = {"position", "width",  "source",       "layer",
                                               "fill",     "stroke", "extent_stroke"};
const std::vector<std::string> kCorners = {"top-left", "top-right", "bottom-left", "bottom-right"};

model::Corner corner(MapReader& m, model::Corner fallback) {
  auto c = m.choice("position", kCorners);
  if (!c) return fallback;
  if (*c == "top-left") return model::Corner::TopLeft;
  if (*c == "top-right") return model::Corner::TopRight;
  if (*c == "bottom-left") return model::Corner::BottomLeft;
  return model::Corner::BottomRight;
}

// A paragraph style: written (checked at its value) or the default (checked, saying who implies it).
std::string style(MapReader& m, std::string_view key, const std::string& fallback, const std::string& what,
                  LoadContext& ctx) {
  if (auto s = m.text(key)) {
    ctx.use(Reference::Kind::Style, *s, m.value_span(key));
    return *s;
  }
  ctx.use(Reference::Kind::Style, fallback, m.anchor(), {}, what);
  return fallback;
}

// A swatch, or `none`: written or the default.
std::string swatch(MapReader& m, std::string_view key, const std::string& fallback, const std::string& what,
                   LoadContext& ctx, bool none_allowed = true) {
  if (auto s = m.text(key)) {
    if (*s == "none" && none_allowed) return *s;
    ctx.use(Reference::Kind::Swatch, *s, m.value_span(key));
    return *s;
  }
  if (fallback != "none") ctx.use(Reference::Kind::Swatch, fallback, m.anchor(), {}, what);
  return fallback;
}

void check_layer(const std::string& layer, const std::string& what, const Span& where, const NodeReader& reader,
                 const std::optional<std::vector<std::string>>& layer_names) {
  if (!layer_names || std::find(layer_names->begin(), layer_names->end(), layer) != layer_names->end()) return;
  std::string hint = did_you_mean(layer, *layer_names);
  reader.error(where, fmt::format("{} uses layer '{}', which is not one of this map's layers{}", what, layer,
                                  hint.empty() ? ": use the 'layer:' of one of the map's layers" : hint));
}

std::optional<model::MapLabels> load_label(const YAML::Node& node, size_t number, const NodeReader& reader,
                                           LoadContext& ctx, const std::optional<std::vector<std::string>>& names) {
  const std::string what = fmt::format("labels item {}", number);
  MapReader m(node, reader, what, reader.span(node), "{layer: communes, field: nom, priority: population}");
  if (!m.ok()) return std::nullopt;
  model::MapLabels l;
  l.span = reader.span(node);
  bool ok = true;
  if (auto layer = m.text("layer", Need::Required)) {
    l.layer = *layer;
    check_layer(*layer, fmt::format("'{}'", what), m.value_span("layer"), reader, names);
  } else {
    ok = false;
  }
  if (auto field = m.text("field", Need::Required)) l.field = *field; else ok = false;
  l.where = m.text("where").value_or("");
  l.style = style(m, "style", "etiquette-carte", "map labels without a 'style'", ctx);
  l.halo = swatch(m, "halo", "blanc", "the default halo of map labels", ctx);
  l.halo_width = m.length("halo_width", Need::Optional, Range{0, 10, false, "between 0pt and 10pt"}, "1.5pt")
                     .value_or(l.halo_width);
  l.priority = m.text("priority").value_or("");
  m.finish(kLabelKeys);
  if (!ok) return std::nullopt;
  return l;
}

// `key: true` (defaults), `key: false` (nothing) or a mapping. Returns the mapping's reader or
// nullptr; `enabled` says whether the piece is wanted.
struct Toggle {
  bool enabled = false;
  std::optional<YAML::Node> mapping;
};
Toggle toggle(MapReader& m, std::string_view key, const NodeReader& reader) {
  Toggle t;
  auto v = m.get(key);
  if (!v) return t;
  if (v->IsScalar()) {
    if (auto b = reader.boolean(*v, quoted(key))) t.enabled = *b;
    return t;
  }
  t.enabled = true;
  t.mapping = *v;
  return t;
}

}  // namespace

const std::vector<std::string>& map_furniture_keys() {
  static const std::vector<std::string> keys = {"labels", "legend", "scale_bar", "north_arrow", "locator"};
  return keys;
}

bool load_map_furniture(MapReader& m, model::MapSpec& spec, const NodeReader& reader, LoadContext& ctx,
                        const std::optional<std::vector<std::string>>& layer_names) {
  const int errors_before = reader.sink().error_count();

  if (auto labels = m.list("labels", Need::Optional, "[{layer: communes, field: nom, priority: population}]")) {
    for (size_t i = 0; i < labels->size(); ++i)
      if (auto l = load_label((*labels)[i], i + 1, reader, ctx, layer_names)) spec.labels.push_back(std::move(*l));
  }

  if (auto t = toggle(m, "legend", reader); t.enabled) {
    model::LegendSpec lg;
    lg.span = m.key_span("legend");
    YAML::Node node = t.mapping.value_or(YAML::Node(YAML::NodeType::Map));
    MapReader r(node, reader, "'legend'", lg.span, "{position: bottom-left, title: Les milieux}");
    if (r.ok()) {
      lg.position = corner(r, lg.position);
      lg.title = r.text("title").value_or("");
      lg.columns = r.integer("columns", Need::Optional, Range{1, 6, false, "between 1 and 6"}).value_or(1);
      lg.style = style(r, "style", lg.style, "a map legend without a 'style'", ctx);
      if (!lg.title.empty() || r.has("title_style"))
        lg.title_style = style(r, "title_style", lg.title_style, "a map legend title without a 'title_style'", ctx);
      lg.background = swatch(r, "background", lg.background, "the default map legend background", ctx);
      r.finish(kLegendKeys);
      spec.legend = std::move(lg);
    }
  }

  if (auto t = toggle(m, "scale_bar", reader); t.enabled) {
    model::ScaleBarSpec sb;
    sb.span = m.key_span("scale_bar");
    YAML::Node node = t.mapping.value_or(YAML::Node(YAML::NodeType::Map));
    MapReader r(node, reader, "'scale_bar'", sb.span, "{position: bottom-right, max_width: 35mm}");
    if (r.ok()) {
      sb.position = corner(r, sb.position);
      sb.max_width = r.length("max_width", Need::Optional,
                              Range{mm_to_pt(5), mm_to_pt(200), false, "between 5mm and 200mm"}, "35mm")
                         .value_or(sb.max_width);
      sb.style = style(r, "style", sb.style, "a scale bar without a 'style'", ctx);
      r.finish(kScaleBarKeys);
      spec.scale_bar = std::move(sb);
    }
  }

  if (auto t = toggle(m, "north_arrow", reader); t.enabled) {
    model::NorthArrowSpec na;
    na.span = m.key_span("north_arrow");
    YAML::Node node = t.mapping.value_or(YAML::Node(YAML::NodeType::Map));
    MapReader r(node, reader, "'north_arrow'", na.span, "{position: top-right, size: 8mm}");
    if (r.ok()) {
      na.position = corner(r, na.position);
      na.size = r.length("size", Need::Optional, Range{mm_to_pt(3), mm_to_pt(50), false, "between 3mm and 50mm"},
                         "8mm")
                    .value_or(na.size);
      ctx.use(Reference::Kind::Style, "legende-carte-titre", na.span, {}, "the N of the north arrow");
      r.finish(kNorthArrowKeys);
      spec.north_arrow = std::move(na);
    }
  }

  if (auto node = m.get("locator")) {
    model::LocatorSpec lc;
    lc.span = m.key_span("locator");
    MapReader r(*node, reader, "'locator'", lc.span,
                "{position: top-left, source: assets/maps/bassin-minier.gpkg, layer: departements}");
    if (r.ok()) {
      lc.position = corner(r, lc.position);
      lc.width = r.length("width", Need::Optional, Range{mm_to_pt(10), mm_to_pt(150), false, "between 10mm and 150mm"},
                          "30mm")
                     .value_or(lc.width);
      if (auto source = r.text("source")) {
        lc.source = *source;
        ResolvedPath p = resolve_project_path(ctx.root, *source, PathRule{PathKind::File, "map data", "assets/maps/"});
        if (p.ok())
          lc.resolved = p.path;
        else
          reader.error(r.value_span("source"), p.error);
      } else if (!spec.layers.empty()) {
        lc.source = spec.layers.front().source;
        lc.resolved = spec.layers.front().resolved;
      }
      lc.layer = r.text("layer", Need::Required).value_or("");
      lc.fill = swatch(r, "fill", lc.fill, "the default locator fill", ctx, false);
      lc.stroke = swatch(r, "stroke", lc.stroke, "the default locator stroke", ctx);
      lc.extent_stroke = swatch(r, "extent_stroke", lc.extent_stroke, "the default locator extent outline", ctx, false);
      r.finish(kLocatorKeys);
      spec.locator = std::move(lc);
    }
  }
  return reader.sink().error_count() == errors_before;
}

}  // namespace plaquette::load
