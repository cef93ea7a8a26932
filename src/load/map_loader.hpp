// A map block's `map:` value: projection, extent, layers and their styles.
#pragma once
#include <optional>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/map_spec.hpp"

namespace plaquette::load {

// `anchor` is the `map:` key. nullopt when the map cannot be drawn (problems reported).
std::optional<model::MapSpec> load_map(const YAML::Node& node, Span anchor, const NodeReader& reader,
                                       LoadContext& ctx);

}  // namespace plaquette::load
