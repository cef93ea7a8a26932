#include "figures/figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include <cpl_error.h>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/handle.hpp"
#include "map/gdal_errors.hpp"
#include "map/local_vector.hpp"

namespace plaquette::figures {

namespace {

using DatasetPtr = GDALDatasetUniquePtr;
using FeaturePtr = OGRFeatureUniquePtr;
using GeometryPtr = OGRGeometryUniquePtr;
using TransformationPtr = Handle<OGRCoordinateTransformation, OCTDestroyCoordinateTransformation>;
using PreparedPtr = Handle<OGRPreparedGeometry, OGRDestroyPreparedGeometry>;

using map::field_names;
using map::GdalErrorCapture;

enum class Kind { Areas, Lines, Points, Mixed, None };

Kind kind_of(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
    case wkbTriangle:
    case wkbTIN:
    case wkbPolyhedralSurface:
      return Kind::Areas;
    case wkbLineString:
    case wkbMultiLineString:
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbMultiCurve:
      return Kind::Lines;
    case wkbPoint:
    case wkbMultiPoint:
      return Kind::Points;
    case wkbNone:
      return Kind::None;
    default:
      return Kind::Mixed;  // wkbUnknown (GeoJSON with several types), collections
  }
}

const char* kind_text(Kind k) {
  switch (k) {
    case Kind::Areas: return "polygons";
    case Kind::Lines: return "lines";
    case Kind::Points: return "points";
    case Kind::Mixed: return "geometries of several types";
    case Kind::None: return "no geometry";
  }
  return "";
}

// Sums the areas (m²) of the polygonal parts of `g`; lines and points count 0.
double area_of(const OGRGeometry& g) {
  switch (kind_of(g.getGeometryType())) {
    case Kind::Areas:
      if (wkbFlatten(g.getGeometryType()) == wkbPolygon || wkbFlatten(g.getGeometryType()) == wkbCurvePolygon ||
          wkbFlatten(g.getGeometryType()) == wkbTriangle)
        return g.toSurface()->get_Area();
      [[fallthrough]];
    case Kind::Mixed: {
      const auto t = wkbFlatten(g.getGeometryType());
      if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection) || t == wkbPolyhedralSurface || t == wkbTIN) {
        double sum = 0;
        if (t == wkbPolyhedralSurface || t == wkbTIN) {
          for (const OGRPolygon* p : *g.toPolyhedralSurface()) sum += p->get_Area();
        } else {
          for (const OGRGeometry* m : *g.toGeometryCollection()) sum += area_of(*m);
        }
        return sum;
      }
      return 0;
    }
    default:
      return 0;
  }
}

// Sums the lengths (m) of the linear parts of `g`; polygons and points count 0.
double length_of(const OGRGeometry& g) {
  const auto t = wkbFlatten(g.getGeometryType());
  if (OGR_GT_IsCurve(t)) return g.toCurve()->get_Length();
  if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
    double sum = 0;
    for (const OGRGeometry* m : *g.toGeometryCollection()) sum += length_of(*m);
    return sum;
  }
  return 0;
}

// Adds the polygons of `g` to `out` (what MakeValid returns may hold stray lines and points).
void collect_polygons(const OGRGeometry& g, OGRMultiPolygon& out) {
  const auto t = wkbFlatten(g.getGeometryType());
  if (t == wkbPolygon) {
    out.addGeometry(&g);
  } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
    for (const OGRGeometry* m : *g.toGeometryCollection()) collect_polygons(*m, out);
  }
}

}  // namespace

struct FigureEngine::Impl {
  Territory territory;
  std::filesystem::path root;
  std::map<std::string, DatasetPtr> datasets;  // by resolved path
  OGRSpatialReference l93;
  GeometryPtr shape;  // the territory in EPSG:2154
  PreparedPtr prepared;
  OGREnvelope envelope;
  double area_m2 = 0;

  // An open layer ready to be read, with its transformation into EPSG:2154.
  struct Layer {
    OGRLayer* layer = nullptr;
    std::string shown;  // the source as written
    TransformationPtr to_l93;    // null when the layer is in EPSG:2154 already
    TransformationPtr from_l93;  // for the spatial filter
    Kind kind = Kind::Mixed;
  };

  Impl() {
    l93.importFromEPSG(2154);
    l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }

  GDALDataset& open(const std::string& source, const Span& span) {
    if (source.empty()) throw InputError(span, "no source given: name a map data file, e.g. assets/maps/bassin-minier.gpkg");
    std::filesystem::path path(source);
    if (path.is_relative() && !root.empty()) path = root / path;
    const std::string key = path.lexically_normal().string();
    if (auto it = datasets.find(key); it != datasets.end()) return *it->second;
    DatasetPtr ds = map::open_local_vector(key, source, span, "figure source");
    return *datasets.emplace(key, std::move(ds)).first->second;
  }

  Layer layer(const std::string& source, const std::string& name, const std::string& where, const Span& span) {
    GDALDataset& ds = open(source, span);
    std::vector<std::string> names;
    for (OGRLayer* l : ds.GetLayers()) names.emplace_back(l->GetName());
    Layer out;
    out.shown = source;
    if (name.empty()) {
      if (ds.GetLayerCount() != 1) {
        throw InputError(span, fmt::format("'{}' has {} layers: say which one, one of: {}", source, names.size(),
                                           map::join_names(names)));
      }
      out.layer = ds.GetLayer(0);
    } else if (!(out.layer = ds.GetLayerByName(name.c_str()))) {
      throw InputError(span, fmt::format("layer '{}' not found in '{}'{}; its layers are: {}", name, source,
                                         did_you_mean(name, names), map::join_names(names)));
    }
    OGRLayer& l = *out.layer;
    out.kind = kind_of(l.GetGeomType());
    if (out.kind == Kind::None) {
      throw InputError(span, fmt::format("layer '{}' of '{}' has no geometry: it is a plain table, nothing can be "
                                         "measured on it",
                                         l.GetName(), source));
    }
    const OGRSpatialReference* srs = l.GetSpatialRef();
    if (!srs) {
      throw InputError(span, fmt::format("layer '{}' of '{}' has no coordinate reference system, so plaquette cannot "
                                         "measure it: assign one to the file (for a shapefile add its .prj, or run "
                                         "`ogr2ogr -a_srs EPSG:2154 out.gpkg in.shp`)",
                                         l.GetName(), source));
    }
    OGRSpatialReference src(*srs);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!src.IsSame(&l93)) {
      GdalErrorCapture errors;
      out.to_l93.reset(OGRCreateCoordinateTransformation(&src, &l93));
      out.from_l93.reset(OGRCreateCoordinateTransformation(&l93, &src));
      if (!out.to_l93 || !out.from_l93) {
        throw InputError(span, fmt::format("cannot reproject layer '{}' of '{}' to EPSG:2154 (Lambert-93): {}",
                                           l.GetName(), source, errors.message()));
      }
    }
    check_where(l, where, source, span);
    return out;
  }

  // Validates `where` with OGR SQL before the driver sees it (GeoPackage would only say "failed
  // to prepare SQL"), naming the unknown field with a did-you-mean.
  static void check_where(OGRLayer& layer, const std::string& where, const std::string& shown, const Span& span) {
    if (where.empty()) return;
    GdalErrorCapture errors;
    OGRFeatureQuery query;
    if (query.Compile(layer.GetLayerDefn(), where.c_str(), TRUE, nullptr) == OGRERR_NONE) return;
    std::string msg = errors.message("not a valid OGR SQL expression");
    const std::string unknown = " not recognised as an available field";
    if (auto pos = msg.find(unknown); pos != std::string::npos) {
      std::string field = msg.substr(0, pos);
      if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
      auto fields = field_names(layer);
      throw InputError(span, fmt::format("the filter \"{}\" uses field '{}', which layer '{}' of '{}' does not "
                                         "have{}; its fields are: {}",
                                         where, field, layer.GetName(), shown, did_you_mean(field, fields),
                                         map::join_names(fields)));
    }
    throw InputError(span, fmt::format("bad filter \"{}\" on layer '{}' of '{}': {}; write an OGR SQL expression "
                                       "such as \"siren = '246200364'\" (text values in single quotes, numbers bare)",
                                       where, layer.GetName(), shown, msg));
  }

  // Calls `fn` with every feature geometry of the layer matching `where` (and meeting `window`,
  // in EPSG:2154, when given), reprojected to EPSG:2154, curves linearised, invalid polygons repaired.
  void read(Layer& src, const std::string& where, const OGREnvelope* window, const Span& span,
            const std::function<void(const OGRGeometry&)>& fn) {
    OGRLayer& l = *src.layer;
    struct Reset {
      OGRLayer* layer;
      ~Reset() {
        layer->SetAttributeFilter(nullptr);
        layer->SetSpatialFilter(nullptr);
      }
    } reset{&l};
    GdalErrorCapture errors;
    if (l.SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE) {
      throw InputError(span, fmt::format("bad filter \"{}\" on layer '{}' of '{}': {}", where, l.GetName(), src.shown,
                                         errors.message()));
    }
    if (window) {
      double x0 = window->MinX, y0 = window->MinY, x1 = window->MaxX, y1 = window->MaxY;
      bool ok = true;
      if (src.from_l93) ok = src.from_l93->TransformBounds(window->MinX, window->MinY, window->MaxX, window->MaxY,
                                                          &x0, &y0, &x1, &y1, 21) != 0;
      // When the box cannot be transformed, everything is read: the intersection still decides.
      if (ok) l.SetSpatialFilterRect(x0, y0, x1, y1);
    }
    l.ResetReading();
    for (FeaturePtr f(l.GetNextFeature()); f; f.reset(l.GetNextFeature())) {
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g || g->IsEmpty()) continue;
      GeometryPtr owned(g->hasCurveGeometry() ? g->getLinearGeometry() : g->clone());
      if (!owned) continue;
      if (src.to_l93 && owned->transform(src.to_l93.get()) != OGRERR_NONE) {
        throw InputError(span, fmt::format("cannot reproject feature {} of layer '{}' of '{}' to EPSG:2154: {}",
                                           f->GetFID(), l.GetName(), src.shown, errors.message("outside the CRS area")));
      }
      if (kind_of(owned->getGeometryType()) == Kind::Areas) {
        GdalErrorCapture quiet;  // GEOS's complaints about the invalid input: the repair answers them
        if (!owned->IsValid()) {
          GeometryPtr repaired(owned->MakeValid());
          if (!repaired || repaired->IsEmpty()) continue;
          owned = std::move(repaired);
        }
      }
      fn(*owned);
    }
    if (errors.has_failure()) {
      std::string filter = where.empty() ? "" : fmt::format(" with filter \"{}\"", where);
      throw InputError(span, fmt::format("cannot read layer '{}' of '{}'{}: {}", l.GetName(), src.shown, filter,
                                         errors.message()));
    }
  }

  void load_territory() {
    const Span& span = territory.span;
    Layer src = layer(territory.source, territory.layer, territory.where, span);
    if (src.kind != Kind::Areas && src.kind != Kind::Mixed) {
      throw InputError(span, fmt::format("layer '{}' of '{}' holds {}, not polygons: a territory must be an area "
                                         "(communes, EPCI, départements...)",
                                         src.layer->GetName(), territory.source, kind_text(src.kind)));
    }
    OGRMultiPolygon parts;
    long matched = 0;
    read(src, territory.where, nullptr, span, [&](const OGRGeometry& g) {
      ++matched;
      collect_polygons(g, parts);
    });
    if (parts.IsEmpty()) {
      std::string filter = territory.where.empty() ? "" : fmt::format(" match the filter \"{}\"", territory.where);
      throw InputError(span, matched == 0
                                 ? fmt::format("no feature of layer '{}' of '{}'{}: the territory is empty; check "
                                               "the value (text in single quotes, e.g. \"siren = '246200364'\")",
                                               src.layer->GetName(), territory.source,
                                               filter.empty() ? " exists" : filter)
                                 : fmt::format("the features of layer '{}' of '{}' selected for the territory have no "
                                               "polygon",
                                               src.layer->GetName(), territory.source));
    }
    GdalErrorCapture quiet;
    shape.reset(parts.getNumGeometries() == 1 ? parts.getGeometryRef(0)->clone() : parts.UnionCascaded());
    if (!shape || shape->IsEmpty()) {
      throw InputError(span, fmt::format("cannot union the territory's polygons from layer '{}' of '{}': {}",
                                         src.layer->GetName(), territory.source, quiet.message()));
    }
    prepared.reset(OGRCreatePreparedGeometry(shape.get()));
    shape->getEnvelope(&envelope);
    area_m2 = area_of(*shape);
  }

  // The C API takes non-const handles but does not modify the geometry.
  static OGRGeometryH handle(const OGRGeometry& g) { return OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)); }
  bool inside(const OGRGeometry& g) const {
    return prepared ? OGRPreparedGeometryIntersects(prepared.get(), handle(g)) : shape->Intersects(&g);
  }
  bool contains(const OGRGeometry& g) const {
    return prepared ? OGRPreparedGeometryContains(prepared.get(), handle(g)) : shape->Contains(&g);
  }

  // The part of `g` inside the territory, measured by `measure`.
  double clipped(const OGRGeometry& g, double (*measure)(const OGRGeometry&)) const {
    OGREnvelope e;
    g.getEnvelope(&e);
    if (!e.Intersects(envelope) || !inside(g)) return 0;
    if (contains(g)) return measure(g);
    GdalErrorCapture quiet;
    GeometryPtr part(g.Intersection(shape.get()));
    return part ? measure(*part) : 0;
  }

  Layer query_layer(const std::string& source, const std::string& name, const std::string& where, const Span& span,
                    Kind want, const char* figure) {
    Layer src = layer(source, name, where, span);
    if (want != Kind::Mixed && src.kind != want && src.kind != Kind::Mixed) {
      throw InputError(span, fmt::format("layer '{}' of '{}' holds {}: {} needs {}", src.layer->GetName(), source,
                                         kind_text(src.kind), figure, kind_text(want)));
    }
    return src;
  }

  const Span& at(const Span& span) const { return span.known() ? span : territory.span; }
};

FigureEngine::FigureEngine(const std::string& source, const std::string& layer, const std::string& where,
                           const Span& span, const std::filesystem::path& root)
    : FigureEngine(Territory{source, layer, where, span}, root) {}

FigureEngine::FigureEngine(const Territory& territory, const std::filesystem::path& root)
    : impl_(std::make_unique<Impl>()) {
  impl_->territory = territory;
  impl_->root = root;
  impl_->load_territory();
}

FigureEngine::FigureEngine(FigureEngine&&) noexcept = default;
FigureEngine& FigureEngine::operator=(FigureEngine&&) noexcept = default;
FigureEngine::~FigureEngine() = default;

FigureEngine::Rows FigureEngine::read_fields(const std::string& source, const std::string& layer,
                                             const std::string& where, const std::vector<std::string>& fields,
                                             const Span& span, const std::filesystem::path& root) {
  Impl impl;
  impl.root = root;
  auto src = impl.layer(source, layer, where, span);
  OGRLayer& l = *src.layer;
  std::vector<int> index;
  const auto names = field_names(l);
  for (const auto& f : fields) {
    int i = l.GetLayerDefn()->GetFieldIndex(f.c_str());
    if (i < 0)
      throw InputError(span, fmt::format("layer '{}' of '{}' has no field '{}'{}; its fields are: {}", l.GetName(),
                                         source, f, did_you_mean(f, names), map::join_names(names)));
    index.push_back(i);
  }
  struct Reset {
    OGRLayer* layer;
    ~Reset() { layer->SetAttributeFilter(nullptr); }
  } reset{&l};
  GdalErrorCapture errors;
  if (l.SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE)
    throw InputError(span, fmt::format("bad filter \"{}\" on layer '{}' of '{}': {}", where, l.GetName(), source,
                                       errors.message()));
  Rows out;
  std::vector<map::EncodingReport> encoding(index.size());
  l.ResetReading();
  for (FeaturePtr f(l.GetNextFeature()); f; f.reset(l.GetNextFeature())) {
    std::vector<std::string> row;
    const long long fid = static_cast<long long>(f->GetFID());
    for (size_t k = 0; k < index.size(); ++k)
      row.push_back(f->IsFieldSetAndNotNull(index[k]) ? encoding[k].clean(f->GetFieldAsString(index[k]), fid) : "");
    out.ids.push_back(fid);
    out.rows.push_back(std::move(row));
  }
  for (size_t k = 0; k < index.size(); ++k)
    if (!encoding[k].empty())
      out.warnings.push_back({Severity::Warning, span,
                              encoding[k].message(fmt::format("field '{}' of layer '{}'", fields[k], l.GetName()),
                                                  source)});
  return out;
}

const Territory& FigureEngine::territory() const { return impl_->territory; }
double FigureEngine::territory_area_ha() const { return impl_->area_m2 / 10000.0; }

double FigureEngine::area_ha(const std::string& source, const std::string& layer, const std::string& where,
                             const Span& span) const {
  const Span& at = impl_->at(span);
  auto src = impl_->query_layer(source, layer, where, at, Kind::Areas, "an area");
  double m2 = 0;
  impl_->read(src, where, &impl_->envelope, at, [&](const OGRGeometry& g) {
    if (kind_of(g.getGeometryType()) == Kind::Lines || kind_of(g.getGeometryType()) == Kind::Points) return;
    m2 += impl_->clipped(g, area_of);
  });
  return m2 / 10000.0;
}

double FigureEngine::length_km(const std::string& source, const std::string& layer, const std::string& where,
                               const Span& span) const {
  const Span& at = impl_->at(span);
  auto src = impl_->query_layer(source, layer, where, at, Kind::Lines, "a length");
  double m = 0;
  impl_->read(src, where, &impl_->envelope, at, [&](const OGRGeometry& g) {
    if (kind_of(g.getGeometryType()) == Kind::Areas || kind_of(g.getGeometryType()) == Kind::Points) return;
    m += impl_->clipped(g, length_of);
  });
  return m / 1000.0;
}

long FigureEngine::count_points(const std::string& source, const std::string& layer, const std::string& where,
                                const Span& span) const {
  const Span& at = impl_->at(span);
  auto src = impl_->query_layer(source, layer, where, at, Kind::Points, "a count of points");
  long n = 0;
  impl_->read(src, where, &impl_->envelope, at, [&](const OGRGeometry& g) {
    const auto t = wkbFlatten(g.getGeometryType());
    if (t == wkbPoint) {
      n += impl_->inside(g) ? 1 : 0;
    } else if (t == wkbMultiPoint) {
      for (const OGRPoint* p : *g.toMultiPoint()) n += impl_->inside(*p) ? 1 : 0;
    }
  });
  return n;
}

long FigureEngine::count_features(const std::string& source, const std::string& layer, const std::string& where,
                                  const Span& span) const {
  const Span& at = impl_->at(span);
  auto src = impl_->query_layer(source, layer, where, at, Kind::Mixed, "a count of features");
  long n = 0;
  impl_->read(src, where, &impl_->envelope, at, [&](const OGRGeometry& g) {
    GdalErrorCapture quiet;
    GeometryPtr point(OGRGeometry::FromHandle(OGR_G_PointOnSurface(Impl::handle(g))));
    if (point && !point->IsEmpty() && impl_->inside(*point)) ++n;
  });
  return n;
}

std::string format_fr(double value, int decimals) {
  decimals = std::clamp(decimals, 0, 12);
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value < 0 ? "-∞" : "∞");
  std::string s = fmt::format("{:.{}f}", std::fabs(value), decimals);
  std::string int_part = s, frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    int_part = s.substr(0, dot);
    frac = s.substr(dot + 1);
  }
  std::string out;
  const size_t n = int_part.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += "\u202F";
    out += int_part[i];
  }
  if (!frac.empty()) out += "," + frac;
  const bool zero = s.find_first_not_of("0.") == std::string::npos;
  return value < 0 && !zero ? "-" + out : out;
}

}  // namespace plaquette::figures
