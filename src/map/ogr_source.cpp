#include "map/ogr_source.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "map/gdal_errors.hpp"
#include "map/gdal_handles.hpp"
#include "map/local_vector.hpp"

namespace plaquette::map {

namespace {

// Clears the filters when a read ends (normally or by an exception), because the layer object
// lives on in the cached dataset and the next query must start from a clean layer.
struct FilterReset {
  OGRLayer* layer;
  ~FilterReset() {
    layer->SetAttributeFilter(nullptr);
    layer->SetSpatialFilter(nullptr);
    layer->SetIgnoredFields(nullptr);
  }
};

Part make_part(const OGRSimpleCurve& curve, bool closed) {
  Part part;
  part.closed = closed;
  const int n = curve.getNumPoints();
  part.points.resize(static_cast<size_t>(std::max(n, 0)));
  if (n > 0) {
    curve.getPoints(&part.points[0].x, sizeof(GroundPoint), &part.points[0].y, sizeof(GroundPoint));
  }
  // Rings repeat their first vertex at the end; the drawing closes them itself.
  if (closed && part.points.size() > 1 && part.points.front() == part.points.back()) part.points.pop_back();
  return part;
}

// Flattens any OGR geometry into parts and points (see ground.hpp). `areas_only` keeps only
// polygons (what MakeValid returns for a polygon may hold stray lines and points).
void append_geometry(const OGRGeometry& geometry, Feature& out, bool areas_only = false) {
  if (geometry.IsEmpty()) return;
  if (geometry.hasCurveGeometry()) {
    // Arcs become line segments; OGR's default step (4 degrees) is far below print resolution
    // for the sizes of arcs found in administrative data.
    GeometryPtr linear(geometry.getLinearGeometry());
    if (linear && !linear->hasCurveGeometry()) append_geometry(*linear, out, areas_only);
    return;
  }
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint: {
      if (areas_only) break;
      const auto& p = *geometry.toPoint();
      out.points.push_back({p.getX(), p.getY()});
      break;
    }
    case wkbLineString:
      if (areas_only) break;
      out.parts.push_back(make_part(*geometry.toLineString(), false));
      break;
    case wkbPolygon:
    case wkbTriangle:
      for (const OGRLinearRing* ring : *geometry.toPolygon()) out.parts.push_back(make_part(*ring, true));
      break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbPolyhedralSurface:
    case wkbTIN:
      for (const OGRGeometry* member : *geometry.toGeometryCollection()) append_geometry(*member, out, areas_only);
      break;
    default:
      break;  // nothing drawable (unknown future types)
  }
}

bool is_area(const OGRGeometry& g) {
  const auto t = wkbFlatten(g.getGeometryType());
  return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface;
}

// Validates `where` with OGR's own SQL compiler before the driver sees it. GeoPackage hands
// filters to SQLite, which says only "failed to prepare SQL" for an unknown column and silently
// matches nothing on a type mismatch; OGR SQL names the field and the mistake, and checking
// against it keeps one filter language whatever the file format.
void check_where(OGRLayer& layer, const LayerQuery& q, const std::string& shown) {
  if (q.where.empty()) return;
  GdalErrorCapture errors;
  OGRFeatureQuery query;
  if (query.Compile(layer.GetLayerDefn(), q.where.c_str(), TRUE, nullptr) == OGRERR_NONE) return;
  std::string msg = errors.message("not a valid OGR SQL expression");
  // An unclosed quote makes OGR report odd "fields": say what is wrong instead.
  if (msg.find("end-of-string") != std::string::npos)
    throw InputError(q.span, fmt::format("the `where` filter \"{}\" on layer '{}' has a text value without its closing "
                                         "quote: write text values between single quotes, e.g. \"dep = '62'\"",
                                         q.where, q.layer));
  const std::string unknown = " not recognised as an available field";
  if (auto pos = msg.find(unknown); pos != std::string::npos) {
    std::string field = msg.substr(0, pos);
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
    auto fields = field_names(layer);
    throw InputError(q.span, fmt::format("the `where` filter \"{}\" uses field '{}', which layer '{}' of '{}' does "
                                         "not have{}; its fields are: {}",
                                         q.where, field, q.layer, shown, did_you_mean(field, fields), join_names(fields)));
  }
  throw InputError(q.span, fmt::format("bad `where` filter \"{}\" on layer '{}' of '{}': {}; write an OGR SQL "
                                       "expression such as \"dep = '62'\" or \"population > 10000\" (text values "
                                       "in single quotes, numbers bare)",
                                       q.where, q.layer, shown, msg));
}

}  // namespace

struct OgrSource::Impl {
  DatasetPtr dataset;
  std::string path;
  std::string shown;

  OGRLayer& layer(const LayerQuery& q) {
    std::vector<std::string> names;
    for (OGRLayer* l : dataset->GetLayers()) names.emplace_back(l->GetName());
    if (q.layer.empty()) {
      // `layer:` may be left out for single-layer files (a shapefile, most GeoJSON).
      if (dataset->GetLayerCount() == 1) return *dataset->GetLayer(0);
      throw InputError(q.span, fmt::format("'{}' has {} layers: say which one to draw with `layer:`, one of: {}",
                                           shown, names.size(), join_names(names)));
    }
    if (OGRLayer* l = dataset->GetLayerByName(q.layer.c_str())) return *l;
    throw InputError(q.span, fmt::format("layer '{}' not found in '{}'{}; its layers are: {}", q.layer, shown,
                                         did_you_mean(q.layer, names), join_names(names)));
  }

  Crs layer_crs(OGRLayer& l, const LayerQuery& q) {
    if (l.GetGeomType() == wkbNone) {
      throw InputError(q.span, fmt::format("layer '{}' of '{}' has no geometry: it is a plain table and cannot be "
                                           "drawn; choose a layer with geometries",
                                           l.GetName(), shown));
    }
    const OGRSpatialReference* srs = l.GetSpatialRef();
    if (!srs) {
      throw InputError(q.span, fmt::format("layer '{}' of '{}' has no coordinate reference system, so plaquette "
                                           "cannot place it on the map: assign one to the file (for a shapefile add "
                                           "its .prj, or run `ogr2ogr -a_srs EPSG:2154 out.gpkg in.shp`)",
                                           l.GetName(), shown));
    }
    return Crs::from_ogr(*srs);
  }
};

OgrSource::OgrSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
OgrSource::OgrSource(OgrSource&&) noexcept = default;
OgrSource& OgrSource::operator=(OgrSource&&) noexcept = default;
OgrSource::~OgrSource() = default;

const std::string& OgrSource::shown() const { return impl_->shown; }

OgrSource OgrSource::open(const std::string& path, const std::string& shown, const Span& span) {
  DatasetPtr ds = open_local_vector(path, shown, span, "map source");
  auto impl = std::make_unique<Impl>();
  impl->dataset = std::move(ds);
  impl->path = path;
  impl->shown = shown;
  return OgrSource(std::move(impl));
}

std::vector<std::string> OgrSource::layer_names() const {
  std::vector<std::string> names;
  for (OGRLayer* l : impl_->dataset->GetLayers()) names.emplace_back(l->GetName());
  return names;
}

std::vector<Feature> OgrSource::read(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms,
                                     ReadStats* stats) {
  std::vector<Feature> out;
  read_each(q, map_crs, transforms, stats, [&](Feature& f) { out.push_back(std::move(f)); });
  return out;
}

void OgrSource::read_each(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms, ReadStats* stats,
                          const std::function<void(Feature&)>& sink) {
  OGRLayer& layer = impl_->layer(q);
  const Crs crs = impl_->layer_crs(layer, q);
  const Transformation& to_map = transforms.get(crs, map_crs, q.span);
  check_where(layer, q, impl_->shown);
  std::vector<int> field_index;
  for (const auto& name : q.fields) {
    const int i = layer.GetLayerDefn()->GetFieldIndex(name.c_str());
    if (i < 0) {
      auto fields = field_names(layer);
      throw InputError(q.fields_span.known() ? q.fields_span : q.span,
                       fmt::format("field '{}' not found in layer '{}' of '{}'{}; its fields are: {}", name,
                                   layer.GetName(), impl_->shown, did_you_mean(name, fields), join_names(fields)));
    }
    field_index.push_back(i);
  }

  FilterReset reset{&layer};
  GdalErrorCapture errors;
  if (layer.SetAttributeFilter(q.where.empty() ? nullptr : q.where.c_str()) != OGRERR_NONE) {
    throw InputError(q.span, fmt::format("bad `where` filter \"{}\" on layer '{}' of '{}': {}", q.where, q.layer,
                                         impl_->shown, errors.message()));
  }
  if (q.window) {
    // The window goes into the layer's CRS so that the driver's spatial index does the work.
    // If it cannot be transformed (window outside the layer CRS's domain) everything is read
    // and the clipping in page space still removes what lies outside.
    if (auto w = transforms.get(map_crs, crs, q.span).bounds(*q.window)) {
      layer.SetSpatialFilterRect(w->xmin, w->ymin, w->xmax, w->ymax);
    }
  }
  if (q.where.empty()) {
    // Attributes are not drawn yet: skipping them saves decoding every field. Not with a filter,
    // since some drivers evaluate it on the fetched fields.
    std::vector<std::string> names = field_names(layer);
    std::erase_if(names, [&](const std::string& n) {
      return std::find(q.fields.begin(), q.fields.end(), n) != q.fields.end();
    });
    names.emplace_back("OGR_STYLE");
    std::vector<const char*> list;
    for (const auto& n : names) list.push_back(n.c_str());
    list.push_back(nullptr);
    layer.SetIgnoredFields(list.data());
  }

  layer.ResetReading();
  for (FeaturePtr f(layer.GetNextFeature()); f; f.reset(layer.GetNextFeature())) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g) continue;
    Feature feature;
    // Self-intersecting rings (bow ties, figure eights) fill unpredictably and break clipping:
    // GEOS repairs them; what it cannot repair is left out, and both are counted.
    GeometryPtr repaired;
    if (is_area(*g) && !g->IsValid()) {
      GdalErrorCapture quiet;  // GEOS's own complaints are summed up by the counts
      repaired.reset(g->MakeValid());
      if (!repaired || repaired->IsEmpty() || !repaired->IsValid()) {
        if (stats) ++stats->skipped;
        continue;
      }
      append_geometry(*repaired, feature, true);
      if (feature.parts.empty()) {  // collapsed to lines or points: no area left to draw
        if (stats) ++stats->skipped;
        continue;
      }
      if (stats) ++stats->repaired;
    } else {
      append_geometry(*g, feature);
    }
    feature.fid = static_cast<long long>(f->GetFID());
    for (int i : field_index) {
      if (f->IsFieldSetAndNotNull(i))
        feature.attributes.emplace_back(std::string(f->GetFieldAsString(i)));
      else
        feature.attributes.emplace_back(std::nullopt);
    }
    to_map.apply(feature.points);
    for (auto& part : feature.parts) to_map.apply(part.points);
    std::erase_if(feature.parts, [](const Part& p) { return p.points.size() < (p.closed ? 3u : 2u); });
    f.reset();  // the OGR feature (and its geometry) goes before the sink builds on this one
    repaired.reset();
    if (!feature.empty()) sink(feature);
  }
  if (errors.has_failure()) {
    std::string filter = q.where.empty() ? "" : fmt::format(" with `where` \"{}\"", q.where);
    throw InputError(q.span, fmt::format("cannot read layer '{}' of '{}'{}: {}", q.layer, impl_->shown, filter,
                                         errors.message()));
  }
}

long long OgrSource::feature_count(const LayerQuery& q) {
  OGRLayer& layer = impl_->layer(q);
  GdalErrorCapture errors;
  layer.SetAttributeFilter(nullptr);
  return static_cast<long long>(layer.GetFeatureCount(TRUE));
}

Bbox OgrSource::envelope(const LayerQuery& q, const Crs& map_crs, TransformCache& transforms) {
  LayerQuery all = q;
  all.window.reset();
  if (!q.where.empty()) {
    // Few features in practice (one EPCI, one département): reading them gives the exact
    // envelope in the map CRS, rather than a transformed layer-CRS box.
    Bbox box;
    for (const auto& f : read(all, map_crs, transforms)) box.expand(f.bbox());
    return box;
  }
  OGRLayer& layer = impl_->layer(q);
  const Crs crs = impl_->layer_crs(layer, q);
  const Transformation& to_map = transforms.get(crs, map_crs, q.span);
  // In another CRS the stored box, reprojected, is larger than the features (a box in degrees is
  // no box in metres): read the features for the exact envelope, unless the layer is huge.
  constexpr GIntBig kReadUpTo = 100000;
  if (!to_map.identity()) {
    const GIntBig n = layer.GetFeatureCount(FALSE);
    if (n >= 0 && n <= kReadUpTo) {
      Bbox box;
      for (const auto& f : read(all, map_crs, transforms)) box.expand(f.bbox());
      return box;
    }
  }
  GdalErrorCapture errors;  // an empty layer has no extent: that is an answer, not an error
  OGREnvelope env;
  if (layer.GetExtent(&env, TRUE) != OGRERR_NONE) return {};
  return to_map.bounds(Bbox{env.MinX, env.MinY, env.MaxX, env.MaxY}).value_or(Bbox{});
}

OgrSource& SourceCache::open(const std::string& path, const std::string& shown, const Span& span) {
  if (auto it = sources_.find(path); it != sources_.end()) return it->second;
  return sources_.emplace(path, OgrSource::open(path, shown, span)).first->second;
}

}  // namespace plaquette::map
