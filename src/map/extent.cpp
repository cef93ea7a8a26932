#include "map/extent.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "map/layer_source.hpp"

namespace plaquette::map {

Bbox fit_to_aspect(const Bbox& box, double aspect) {
  Bbox out = box;
  const double w = box.width();
  const double h = box.height();
  // The side that is kept keeps its exact bounds, and the enlarged one is widened with min/max,
  // so rounding can never make the result miss an edge of `box`.
  if (w < h * aspect) {
    const double half = h * aspect / 2;
    const double cx = (box.xmin + box.xmax) / 2;
    out.xmin = std::min(box.xmin, cx - half);
    out.xmax = std::max(box.xmax, cx + half);
  } else {
    const double half = w / aspect / 2;
    const double cy = (box.ymin + box.ymax) / 2;
    out.ymin = std::min(box.ymin, cy - half);
    out.ymax = std::max(box.ymax, cy + half);
  }
  return out;
}

double scale_denominator(double ground_width, double frame_width_pt, double metres_per_unit) {
  const double paper_metres = frame_width_pt / kPointsPerInch * kMmPerInch / 1000.0;
  return ground_width * metres_per_unit / paper_metres;
}

namespace {

std::vector<std::string> layer_names(const model::MapSpec& spec) {
  std::vector<std::string> names;
  for (const auto& l : spec.layers) names.push_back(l.layer);
  return names;
}

Bbox extent_of_layer(const model::MapSpec& spec, const Span& span, const Crs& crs, SourceCache& sources,
                     TransformCache& transforms) {
  const model::MapExtent& e = spec.extent;
  auto it = std::find_if(spec.layers.begin(), spec.layers.end(), [&](const auto& l) { return l.layer == e.layer; });
  if (it == spec.layers.end()) {
    auto names = layer_names(spec);
    std::string listed;
    for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
    throw InputError(span, fmt::format("extent layer '{}' is not one of this map's layers{}; the extent is "
                                       "taken from a layer the map draws: {}",
                                       e.layer, did_you_mean(e.layer, names), listed.empty() ? "(none)" : listed));
  }
  LayerQuery q = layer_query(*it);
  if (!e.where.empty()) {
    q.where = e.where;
    q.span = span;  // a mistake in the extent's own filter is reported there
  }
  Bbox box = open_layer_source(sources, *it).envelope(q, crs, transforms);
  if (box.empty()) {
    std::string filter = q.where.empty() ? "" : fmt::format(" matches `where` \"{}\"", q.where);
    throw InputError(span, fmt::format("empty extent: no feature of layer '{}'{}{}; check the filter's value "
                                       "(text in single quotes, e.g. siren = '246200364') or give a bbox instead",
                                       e.layer, filter, filter.empty() ? " has a geometry" : ""));
  }
  return box;
}

}  // namespace

Bbox resolve_extent(const model::MapSpec& spec, const Crs& crs, SourceCache& sources, TransformCache& transforms) {
  const model::MapExtent& e = spec.extent;
  const Span& span = e.span.known() ? e.span : spec.span;
  if (!(e.margin >= 0)) {
    throw InputError(span, fmt::format("extent margin {} m is negative: give the ground distance to add around "
                                       "the extent, e.g. margin: 2km",
                                       e.margin));
  }
  const double margin = e.margin / crs.metres_per_unit();

  Bbox box;
  if (e.bbox) {
    const auto& b = *e.bbox;
    box = Bbox{b[0], b[1], b[2], b[3]};
    if (!(b[0] < b[2] && b[1] < b[3])) {
      throw InputError(span, fmt::format("extent bbox [{}, {}, {}, {}] is empty: write [xmin, ymin, xmax, ymax] in "
                                         "the map CRS ({}), with xmin < xmax and ymin < ymax",
                                         b[0], b[1], b[2], b[3], crs.name()));
    }
  } else if (!e.layer.empty()) {
    box = extent_of_layer(spec, span, crs, sources, transforms);
  } else {
    if (!e.where.empty()) {
      throw InputError(span, "extent `where` needs a `layer` to filter: write extent: {layer: <one of the map's "
                             "layers>, where: \"...\"}");
    }
    if (spec.layers.empty()) throw InputError(spec.span, "the map has no layers: add at least one under `layers`");
    for (const auto& l : spec.layers) box.expand(open_layer_source(sources, l).envelope(layer_query(l), crs, transforms));
    if (box.empty() || !std::isfinite(box.xmin) || !std::isfinite(box.ymin) || !std::isfinite(box.xmax) ||
        !std::isfinite(box.ymax)) {
      // Features there, no filter to blame: their coordinates are what is wrong.
      for (const auto& l : spec.layers) {
        if (!l.where.empty()) continue;
        const long long n = open_layer_source(sources, l).feature_count(layer_query(l));
        if (n > 0)
          throw InputError(l.span.known() ? l.span : span,
                           fmt::format("layer '{}' of '{}' has {} feature{} but no usable coordinates (empty, NaN or "
                                       "infinite values): its geometries are invalid; repair the data (in QGIS: "
                                       "Vector > Geometry Tools > Check Validity) or give an extent bbox",
                                       l.layer, l.source, n, n > 1 ? "s" : ""));
      }
      throw InputError(span, "empty extent: none of the map's layers has a feature (check their `where` filters), "
                             "so there is nothing to frame; give an extent bbox");
    }
  }
  box = box.grown(margin);
  if (!(box.width() > 0 || box.height() > 0)) {
    throw InputError(span, "the extent is a single point: add a margin around it, e.g. margin: 2km");
  }
  return box;
}

}  // namespace plaquette::map
