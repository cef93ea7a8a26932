// Vector data sources: the one place that reads OGR layers. It opens local files only, applies the
// attribute and spatial filters, and yields plain Features already reprojected into the map CRS.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "map/ground.hpp"
#include "map/projection.hpp"

namespace plaquette::map {

// What to read from one layer of an open source.
struct LayerQuery {
  std::string layer;           // layer name inside the source
  std::string where;           // OGR SQL attribute filter, empty for all features
  std::optional<Bbox> window;  // map CRS: only features whose envelope meets it are read
  Span span;                   // the YAML errors point at
  // Attributes copied into Feature::attributes (classification fields). An unknown one is an
  // InputError at `fields_span` (the `classify:` key), with a did-you-mean over the layer's fields.
  std::vector<std::string> fields;
  Span fields_span;
};

// Invalid polygons met while reading: repaired with GEOS (MakeValid) or, failing that, left out.
struct ReadStats {
  std::size_t repaired = 0;
  std::size_t skipped = 0;
};

// One open vector file (a GeoPackage, shapefile, GeoJSON...), read-only.
class OgrSource {
 public:
  // `path` is what is opened (absolute); `shown` is the path as the user wrote it, for messages.
  // Refuses GDAL virtual paths (/vsi...) and URLs, and formats that may reach other files or the
  // network. Throws InputError at `span` when the file is missing or not a vector file.
  static OgrSource open(const std::string& path, const std::string& shown, const Span& span);
  OgrSource(OgrSource&&) noexcept;
  OgrSource& operator=(OgrSource&&) noexcept;
  ~OgrSource();

  const std::string& shown() const;
  std::vector<std::string> layer_names() const;

  // The features of `q.layer` matching `q.where` and meeting `q.window`, in `map_crs`.
  // Throws InputError at q.span: unknown layer, layer without CRS, bad filter, unknown field.
  // Invalid polygons are repaired (or skipped) and counted into `stats` when given.
  std::vector<Feature> read(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms,
                            ReadStats* stats = nullptr);
  // The same features, handed to `sink` one at a time as they are read (the sink may move from
  // them), so that a large layer is never held whole. Same checks, errors and counts as read();
  // a read error is thrown after the last feature was handed over.
  void read_each(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms, ReadStats* stats,
                 const std::function<void(Feature&)>& sink);
  // How many features the layer holds, filters aside (-1 when the driver cannot tell).
  long long feature_count(const LayerQuery& q);
  // The map-CRS envelope of the features matching `q.where` (q.window is ignored); empty when
  // none match. Without a filter it uses the layer's stored extent instead of reading everything.
  Bbox envelope(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms);

 private:
  struct Impl;
  explicit OgrSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The sources one map drawing opened, by path, so that several layers of one GeoPackage share
// one open dataset.
class SourceCache {
 public:
  OgrSource& open(const std::string& path, const std::string& shown, const Span& span);

 private:
  std::map<std::string, OgrSource> sources_;
};

}  // namespace plaquette::map
