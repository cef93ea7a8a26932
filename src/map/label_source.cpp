// Reads what labels need from a layer: geometry plus the label field and the priority field. A
// separate, small read path so that the drawing's reader (ogr_source.cpp) stays geometry-only.
#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "map/furniture.hpp"
#include "map/gdal_errors.hpp"
#include "map/gdal_handles.hpp"
#include "map/local_vector.hpp"

namespace plaquette::map {

namespace {

Part to_part(const OGRSimpleCurve& curve, bool closed) {
  Part part;
  part.closed = closed;
  for (int i = 0; i < curve.getNumPoints(); ++i) part.points.push_back({curve.getX(i), curve.getY(i)});
  if (closed && part.points.size() > 1 && part.points.front() == part.points.back()) part.points.pop_back();
  return part;
}

void flatten(const OGRGeometry& g, Feature& out) {
  if (g.IsEmpty()) return;
  if (g.hasCurveGeometry()) {
    GeometryPtr linear(g.getLinearGeometry());
    if (linear && !linear->hasCurveGeometry()) flatten(*linear, out);
    return;
  }
  switch (wkbFlatten(g.getGeometryType())) {
    case wkbPoint:
      out.points.push_back({g.toPoint()->getX(), g.toPoint()->getY()});
      break;
    case wkbLineString:
      out.parts.push_back(to_part(*g.toLineString(), false));
      break;
    case wkbPolygon:
    case wkbTriangle:
      for (const OGRLinearRing* ring : *g.toPolygon()) out.parts.push_back(to_part(*ring, true));
      break;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const OGRGeometry* member : *g.toGeometryCollection()) flatten(*member, out);
      break;
    default:
      break;
  }
}

}  // namespace

std::vector<LabelFeature> read_label_features(const model::MapLayer& layer, const model::MapLabels& labels,
                                              const Bbox& window, const Crs& map_crs, TransformCache& transforms,
                                              std::vector<Diagnostic>& warnings) {
  const std::string path = layer.resolved.empty() ? layer.source : layer.resolved;
  const Span& span = labels.span;
  DatasetPtr ds = open_local_vector(path, layer.source, span, "map source");
  GdalErrorCapture errors;
  OGRLayer* l = layer.layer.empty() && ds->GetLayerCount() == 1 ? ds->GetLayer(0)
                                                                 : ds->GetLayerByName(layer.layer.c_str());
  if (!l) throw InputError(span, fmt::format("layer '{}' not found in '{}'", layer.layer, layer.source));

  const std::vector<std::string> fields = field_names(*l);
  const OGRFeatureDefn* defn = l->GetLayerDefn();
  auto field_index = [&](const std::string& name, const char* role) {
    int i = defn->GetFieldIndex(name.c_str());
    if (i < 0)
      throw InputError(span, fmt::format("the labels' {} '{}' is not a field of layer '{}' of '{}'{}; its fields "
                                         "are: {}",
                                         role, name, layer.layer, layer.source, did_you_mean(name, fields),
                                         join_names(fields)));
    return i;
  };
  const int text_field = field_index(labels.field, "field");
  const int priority_field = labels.priority.empty() ? -1 : field_index(labels.priority, "priority");

  const OGRSpatialReference* srs = l->GetSpatialRef();
  if (!srs) throw InputError(span, fmt::format("layer '{}' of '{}' has no coordinate reference system",
                                               layer.layer, layer.source));
  const Crs crs = Crs::from_ogr(*srs);
  const Transformation& to_map = transforms.get(crs, map_crs, span);

  std::string where;
  if (!layer.where.empty() && !labels.where.empty())
    where = "(" + layer.where + ") AND (" + labels.where + ")";
  else
    where = layer.where.empty() ? labels.where : layer.where;
  struct Reset {
    OGRLayer* l;
    ~Reset() {
      l->SetAttributeFilter(nullptr);
      l->SetSpatialFilter(nullptr);
    }
  } reset{l};
  if (l->SetAttributeFilter(where.empty() ? nullptr : where.c_str()) != OGRERR_NONE)
    throw InputError(span, fmt::format("bad `where` filter \"{}\" for the labels of layer '{}': {}; write an OGR "
                                       "SQL expression such as \"population > 10000\"",
                                       where, layer.layer, errors.message()));
  if (!window.empty())
    if (auto w = transforms.get(map_crs, crs, span).bounds(window))
      l->SetSpatialFilterRect(w->xmin, w->ymin, w->xmax, w->ymax);

  std::vector<LabelFeature> out;
  EncodingReport encoding;
  l->ResetReading();
  for (FeaturePtr f(l->GetNextFeature()); f; f.reset(l->GetNextFeature())) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || !f->IsFieldSetAndNotNull(text_field)) continue;
    LabelFeature lf;
    lf.text = encoding.clean(f->GetFieldAsString(text_field), static_cast<long long>(f->GetFID()));
    if (lf.text.find_first_not_of(" \t") == std::string::npos) continue;
    if (priority_field >= 0 && f->IsFieldSetAndNotNull(priority_field))
      lf.priority = f->GetFieldAsDouble(priority_field);
    flatten(*g, lf.geometry);
    to_map.apply(lf.geometry.points);
    for (auto& part : lf.geometry.parts) to_map.apply(part.points);
    std::erase_if(lf.geometry.parts, [](const Part& p) { return p.points.size() < (p.closed ? 3u : 2u); });
    if (!lf.geometry.empty()) out.push_back(std::move(lf));
  }
  if (!encoding.empty())
    warnings.push_back({Severity::Warning, span,
                        encoding.message(fmt::format("the labels' field '{}' of layer '{}'", labels.field,
                                                     l->GetName()),
                                         layer.source)});
  if (errors.has_failure())
    throw InputError(span, fmt::format("cannot read the labels of layer '{}' of '{}'{}: {}", layer.layer,
                                       layer.source, where.empty() ? "" : " with `where` \"" + where + "\"",
                                       errors.message()));
  return out;
}

}  // namespace plaquette::map
