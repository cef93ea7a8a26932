// Coordinate reference systems and transformations between them. OGR types stay behind forward
// declarations: only projection.cpp and ogr_source.cpp touch them.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "map/ground.hpp"

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace plaquette::map {

// A CRS whose axis order is always x = east/longitude, y = north/latitude (OGR's
// "traditional GIS order"), whatever the authority says, so coordinates never swap silently.
class Crs {
 public:
  // "EPSG:2154", "+proj=..." or WKT. File names and URLs are refused (no file or network access
  // while resolving). Throws InputError at `span` when GDAL does not know the CRS.
  static Crs parse(const std::string& text, const Span& span);
  // The map's CRS: like parse, but it must be projected, since margins, scale and the
  // generalisation tolerance are in ground metres.
  static Crs parse_map_crs(const std::string& text, const Span& span);
  // A CRS read from a layer; cloned, so the layer may be closed afterwards.
  static Crs from_ogr(const OGRSpatialReference& srs);

  const std::string& name() const { return name_; }  // for messages: "EPSG:2154" or the CRS name
  bool is_projected() const;
  double metres_per_unit() const;  // linear unit of a projected CRS, 1 for metres
  bool same_as(const Crs& other) const;
  const OGRSpatialReference& ogr() const { return *srs_; }

 private:
  std::shared_ptr<const OGRSpatialReference> srs_;
  std::string name_;
};

// One CRS pair. A null transformation is the identity (same CRS), the common case here.
class Transformation {
 public:
  bool identity() const { return !ct_; }
  // Transforms in place; points PROJ cannot transform (outside the CRS's domain) are removed.
  void apply(std::vector<GroundPoint>& points) const;
  // The box covering `box` once transformed, edges densified (21 points) so curved edges count.
  std::optional<Bbox> bounds(const Bbox& box) const;

 private:
  friend class TransformCache;
  std::shared_ptr<OGRCoordinateTransformation> ct_;
};

// Transformations are costly to create (PROJ looks up the pipeline in its database) and a map has
// several layers in the same CRS: one per (from, to) pair, kept for one map drawing.
class TransformCache {
 public:
  // Throws InputError at `span` when PROJ has no transformation between the two.
  const Transformation& get(const Crs& from, const Crs& to, const Span& span);

 private:
  struct Entry {
    Crs from;
    Crs to;
    std::unique_ptr<Transformation> transformation;  // stable address while entries_ grows
  };
  std::vector<Entry> entries_;
};

}  // namespace plaquette::map
