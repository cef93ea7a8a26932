#include "map/projection.hpp"

#include <fmt/format.h>

#include "map/gdal_errors.hpp"
#include "map/gdal_handles.hpp"

namespace plaquette::map {

namespace {

std::shared_ptr<const OGRSpatialReference> share(SpatialRefPtr srs) {
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return std::shared_ptr<const OGRSpatialReference>(srs.release(), FnDeleter<OSRRelease>{});
}

std::string describe(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code) return fmt::format("{}:{}", auth, code);
  const char* name = srs.GetName();
  return name ? name : "unnamed CRS";
}

}  // namespace

Crs Crs::parse(const std::string& text, const Span& span) {
  GdalErrorCapture errors;
  SpatialRefPtr srs(new OGRSpatialReference());
  // SET_FROM_USER_INPUT_LIMITATIONS forbids reading a file or fetching a URL: a CRS written in
  // the YAML must never make plaquette open something it was not asked to.
  if (text.empty() ||
      srs->SetFromUserInput(text.c_str(), OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) != OGRERR_NONE) {
    throw InputError(span, fmt::format("unknown CRS '{}' ({}): write it as an EPSG code such as "
                                       "'EPSG:2154' (Lambert-93) or 'EPSG:4326' (WGS 84)",
                                       text, errors.message("not recognised")));
  }
  Crs crs;
  crs.srs_ = share(std::move(srs));
  crs.name_ = text;
  return crs;
}

Crs Crs::parse_map_crs(const std::string& text, const Span& span) {
  Crs crs = parse(text, span);
  if (!crs.is_projected()) {
    throw InputError(span, fmt::format("map CRS '{}' is not projected (its unit is not a length): use a "
                                       "projected CRS in metres such as 'EPSG:2154' (Lambert-93)",
                                       text));
  }
  return crs;
}

Crs Crs::from_ogr(const OGRSpatialReference& srs) {
  Crs crs;
  crs.srs_ = share(SpatialRefPtr(srs.Clone()));
  crs.name_ = describe(srs);
  return crs;
}

bool Crs::is_projected() const { return srs_->IsProjected(); }

double Crs::metres_per_unit() const { return srs_->IsProjected() ? srs_->GetLinearUnits() : 1.0; }

bool Crs::same_as(const Crs& other) const { return srs_ == other.srs_ || srs_->IsSame(other.srs_.get()); }

void Transformation::apply(std::vector<GroundPoint>& points) const {
  if (!ct_ || points.empty()) return;
  // OGR wants separate x and y arrays; copying is cheap next to PROJ's arithmetic.
  std::vector<double> xs(points.size()), ys(points.size());
  std::vector<int> ok(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    xs[i] = points[i].x;
    ys[i] = points[i].y;
  }
  ct_->Transform(points.size(), xs.data(), ys.data(), nullptr, nullptr, ok.data());
  size_t kept = 0;
  for (size_t i = 0; i < points.size(); ++i)
    if (ok[i]) points[kept++] = {xs[i], ys[i]};
  points.resize(kept);
}

std::optional<Bbox> Transformation::bounds(const Bbox& box) const {
  if (box.empty()) return std::nullopt;
  if (!ct_) return box;
  GdalErrorCapture errors;  // failures here only mean "no filter"; keep them off stderr
  Bbox out;
  if (!ct_->TransformBounds(box.xmin, box.ymin, box.xmax, box.ymax, &out.xmin, &out.ymin, &out.xmax, &out.ymax, 21))
    return std::nullopt;
  if (out.empty()) return std::nullopt;
  return out;
}

const Transformation& TransformCache::get(const Crs& from, const Crs& to, const Span& span) {
  for (const auto& e : entries_)
    if (e.from.same_as(from) && e.to.same_as(to)) return *e.transformation;
  auto t = std::make_unique<Transformation>();
  if (!from.same_as(to)) {
    GdalErrorCapture errors;
    TransformationPtr ct(OGRCreateCoordinateTransformation(&from.ogr(), &to.ogr()));
    if (!ct) {
      throw InputError(span, fmt::format("no transformation from {} to the map CRS {} ({}): reproject the "
                                         "data (ogr2ogr -t_srs) or choose another map CRS",
                                         from.name(), to.name(), errors.message()));
    }
    t->ct_ = std::shared_ptr<OGRCoordinateTransformation>(ct.release(), FnDeleter<OCTDestroyCoordinateTransformation>{});
  }
  entries_.push_back({from, to, std::move(t)});
  return *entries_.back().transformation;
}

}  // namespace plaquette::map
