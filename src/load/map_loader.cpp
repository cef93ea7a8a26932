#include "load/map_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "load/limits.hpp"
#include "load/map_style_loader.hpp"
#include "load/map_furniture_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kMapKeys = {"crs", "extent", "background", "frame_stroke", "layers", "source_note",
                                           "focus"};
const std::vector<std::string> kLayerKeys = {"source", "layer", "where", "style", "classify", "legend"};
const std::vector<std::string> kExtentKeys = {"bbox", "layer", "where", "margin"};

std::optional<model::MapLayer> load_layer(const YAML::Node& node, size_t number, const NodeReader& reader,
                                          LoadContext& ctx) {
  MapReader m(node, reader, fmt::format("map layer {}", number), reader.span(node),
              "{source: assets/maps/bassin-minier.gpkg, layer: communes}");
  if (!m.ok()) return std::nullopt;
  model::MapLayer layer;
  layer.span = reader.span(node);
  bool ok = false;
  if (auto source = m.text("source", Need::Required)) {
    layer.source = *source;
    ResolvedPath r =
        resolve_project_path(ctx.root, *source, PathRule{PathKind::File, "map data", "assets/maps/"});
    if (r.ok()) {
      layer.resolved = r.path;
      ok = true;
    } else {
      reader.error(m.value_span("source"), r.error);
    }
  }
  layer.layer = m.text("layer").value_or("");
  layer.where = m.text("where").value_or("");
  if (auto style = m.get("style")) layer.style = load_layer_style(*style, m.key_span("style"), reader, ctx);
  if (auto classify = m.get("classify"))
    layer.classify = load_classify(*classify, m.key_span("classify"), reader, ctx, layer.style);
  layer.legend = m.text("legend").value_or("");
  if (m.has("legend") && m.has("classify"))
    reader.error(m.key_span("legend"), "'legend' labels an unclassified layer: with 'classify' each class has its "
                                       "own 'label' (and 'other' too); remove 'legend'");
  m.finish(kLayerKeys);
  if (!ok) return std::nullopt;
  return layer;
}

// `layer_names`: the `layer:` of every map layer; nullopt when one of them could not be read
// (the extent's layer is then not checked, to avoid a second error for the same typo).
model::MapExtent load_extent(const YAML::Node& node, Span anchor, const NodeReader& reader,
                             const std::optional<std::vector<std::string>>& layer_names) {
  model::MapExtent ext;
  ext.span = anchor;
  MapReader m(node, reader, "'extent'", anchor, "{layer: epci, margin: 2km} or {bbox: [xmin, ymin, xmax, ymax]}");
  if (!m.ok()) return ext;

  if (m.has("bbox") && m.has("layer")) {
    reader.error(m.key_span("layer"), "'extent' takes either 'bbox' or 'layer', not both: remove one");
  } else if (!m.has("bbox") && !m.has("layer")) {
    reader.error(anchor, "'extent' needs 'bbox: [xmin, ymin, xmax, ymax]' or 'layer: name' (or remove 'extent' "
                         "to show all the layers)");
  }
  if (auto bbox = m.get("bbox")) {
    if (auto v = reader.numbers(*bbox, "'bbox'", 4, {}, "[650000, 7000000, 760000, 7060000]")) {
      if ((*v)[0] >= (*v)[2] || (*v)[1] >= (*v)[3])
        reader.error(*bbox, "'bbox' is [xmin, ymin, xmax, ymax]: xmin must be less than xmax and ymin less than "
                            "ymax");
      else
        ext.bbox = std::array<double, 4>{(*v)[0], (*v)[1], (*v)[2], (*v)[3]};
    }
  }
  if (auto layer = m.text("layer")) {
    ext.layer = *layer;
    if (layer_names && std::find(layer_names->begin(), layer_names->end(), *layer) == layer_names->end()) {
      std::string hint = did_you_mean(*layer, *layer_names);
      reader.error(m.value_span("layer"),
                   fmt::format("'extent' uses layer '{}', which is not one of this map's layers{}", *layer,
                               hint.empty() ? ": use the 'layer:' of one of the map's layers" : hint));
    }
  }
  if (auto where = m.text("where")) {
    ext.where = *where;
    if (!m.has("layer"))
      reader.error(m.key_span("where"), "'where' in 'extent' filters the features of 'layer': add 'layer'");
  }
  ext.margin = m.ground_length("margin", Need::Optional, limits::ground_margin()).value_or(0);
  m.finish(kExtentKeys);
  return ext;
}

}  // namespace

std::optional<model::MapSpec> load_map(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                       LoadContext& ctx) {
  MapReader m(node, reader, "'map'", anchor, "{layers: [{source: assets/maps/bassin-minier.gpkg}]}");
  if (!m.ok()) return std::nullopt;
  model::MapSpec spec;
  spec.span = anchor;
  bool ok = true;

  if (auto crs = m.text("crs")) spec.crs = *crs;

  std::vector<std::string> names;
  bool names_complete = true;
  if (auto layers = m.list("layers", Need::Required, "[{source: assets/maps/bassin-minier.gpkg, layer: communes}]")) {
    if (layers->empty()) {
      reader.error(m.key_span("layers"), "'layers' is empty: a map needs at least one layer");
      ok = false;
    }
    for (size_t i = 0; i < layers->size(); ++i) {
      if (auto layer = load_layer((*layers)[i], i + 1, reader, ctx)) {
        names.push_back(layer->layer);
        spec.layers.push_back(std::move(*layer));
      } else {
        ok = false;
        names_complete = false;
      }
    }
  } else {
    ok = false;
    names_complete = false;
  }
  std::optional<std::vector<std::string>> layer_names;
  if (names_complete) layer_names = names;
  if (auto extent = m.get("extent")) spec.extent = load_extent(*extent, m.key_span("extent"), reader, layer_names);
  if (auto focus = m.get("focus")) spec.focus = load_focus(*focus, m.key_span("focus"), reader, ctx, layer_names);
  if (auto bg = m.text("background")) {
    spec.background = *bg;
    ctx.use(Reference::Kind::Swatch, *bg, m.value_span("background"));
  }
  if (auto fs = m.text("frame_stroke")) {
    spec.frame_stroke = *fs;
    ctx.use(Reference::Kind::Swatch, *fs, m.value_span("frame_stroke"));
  }
  if (auto note = m.text("source_note")) {
    spec.source_note = *note;
    if (!note->empty())
      ctx.use(Reference::Kind::Style, spec.source_note_style, m.value_span("source_note"), {}, "a map source note");
  }
  if (!load_map_furniture(m, spec, reader, ctx, layer_names)) ok = false;
  {
    std::vector<std::string> keys = kMapKeys;
    keys.insert(keys.end(), map_furniture_keys().begin(), map_furniture_keys().end());
    m.finish(keys);
  }
  if (!ok) return std::nullopt;
  return spec;
}

}  // namespace plaquette::load
