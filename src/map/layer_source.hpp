// The bridge from a YAML map layer (model) to the source reader: which file to open, what to query.
#pragma once
#include "map/ogr_source.hpp"
#include "model/map_spec.hpp"

namespace plaquette::map {

// Opens (or reuses) the layer's file. `resolved` is what the loader checked; tests that build
// specs by hand may leave it empty and give a path in `source` directly.
inline OgrSource& open_layer_source(SourceCache& sources, const model::MapLayer& layer) {
  return sources.open(layer.resolved.empty() ? layer.source : layer.resolved, layer.source, layer.span);
}

inline LayerQuery layer_query(const model::MapLayer& layer) { return {layer.layer, layer.where, std::nullopt, layer.span}; }

}  // namespace plaquette::map
