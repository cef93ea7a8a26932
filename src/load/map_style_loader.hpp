// The layer-level symbology of a map: `style:` (with join, cap, casing, pattern, marker),
// `classify:` (categorized, graduated, rules) and the map's `focus:`.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/map_spec.hpp"

namespace plaquette::load {

// A layer's `style:` mapping; keys it does not set keep their value from `base`.
model::LayerStyle load_layer_style(const YAML::Node& node, Span anchor, const NodeReader& reader, LoadContext& ctx,
                                   const model::LayerStyle& base = {});

// A layer's `classify:` mapping; every class style starts from `base` (the layer's style).
model::Classification load_classify(const YAML::Node& node, Span anchor, const NodeReader& reader, LoadContext& ctx,
                                    const model::LayerStyle& base);

// The map's `focus:`. `layer_names`: the `layer:` of every map layer, nullopt when one could not
// be read (then the name is not checked, to avoid a second error for one typo).
std::optional<model::FocusSpec> load_focus(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                           LoadContext& ctx,
                                           const std::optional<std::vector<std::string>>& layer_names);

// "5 000 – 20 000": a graduated class's default legend label, French number formatting.
std::string french_range(double min, double max);

}  // namespace plaquette::load
