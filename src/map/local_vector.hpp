// Opening vector data the safe way, shared by the map engine and the figures module: local files
// only (no /vsi... paths, no URLs), read-only, and only drivers that read the one file they are
// given (no VRT, GML, KML, WFS or databases, which can reach other files or the network).
#pragma once
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "core/diag.hpp"

class OGRLayer;

namespace plaquette::map {

inline constexpr const char* kVectorFormatsText = "GeoPackage, shapefile, GeoJSON, FlatGeobuf or MapInfo";

// Opens `path` (absolute); `shown` is the path as the user wrote it, `what` names it in messages
// ("map source", "figure source"). Throws InputError at `span` when the path is not local, the
// file is missing or it is not one of the allowed vector formats.
GDALDatasetUniquePtr open_local_vector(const std::string& path, const std::string& shown, const Span& span,
                                       const std::string& what = "map source");

// The attribute names of a layer, for did-you-mean hints and listings.
std::vector<std::string> field_names(OGRLayer& layer);

// "a, b, c"
std::string join_names(const std::vector<std::string>& items);

}  // namespace plaquette::map
