// Opening vector data the safe way, shared by the map engine and the figures module: local files
// only (no /vsi... paths, no URLs), read-only, and only drivers that read the one file they are
// given (no VRT, GML, KML, WFS or databases, which can reach other files or the network).
#pragma once
#include <cstddef>
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

// Text attributes whose bytes were not clean UTF-8 while a layer was read: counted, the first one
// kept as an example, and reported once per layer and field as a located warning that says how to
// declare the data's encoding.
class EncodingReport {
 public:
  // Cleans `raw` (core/utf8.hpp clean_data_text) and remembers a problem; returns the clean text.
  std::string clean(const char* raw, long long feature_id);
  bool empty() const { return count_ == 0; }
  // "the labels' field 'nom' of layer 'communes' of 'assets/maps/x.shp' has 3 values that are not
  // UTF-8 text (feature 12: bytes that are not UTF-8 (0xE9 at byte 4)): they are printed with
  // U+FFFD; declare the encoding: a file x.cpg beside x.shp containing CP1252"
  std::string message(const std::string& what, const std::string& source) const;

 private:
  size_t count_ = 0;
  long long first_id_ = 0;
  std::string first_problem_;
  bool c1_ = false;
};

// The attribute names of a layer, for did-you-mean hints and listings.
std::vector<std::string> field_names(OGRLayer& layer);

// "a, b, c"
std::string join_names(const std::vector<std::string>& items);

}  // namespace plaquette::map
