// The map's labels and furniture keys (labels, legend, scale_bar, north_arrow, locator).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/map_spec.hpp"

namespace plaquette::load {

// The keys of `map:` that load_map_furniture reads.
const std::vector<std::string>& map_furniture_keys();

// Reads those keys from the map's mapping into `spec`. `layer_names` is the `layer:` of every map
// layer, or nullopt when a layer could not be read (labels' layers are then not checked).
// Returns false when something was reported.
bool load_map_furniture(MapReader& m, model::MapSpec& spec, const NodeReader& reader, LoadContext& ctx,
                        const std::optional<std::vector<std::string>>& layer_names);

}  // namespace plaquette::load
