// Which part of the ground a map shows: resolving the YAML extent (bbox, envelope of chosen
// features plus a margin, or every layer), fitting it to the frame, and the resulting scale.
#pragma once
#include "core/geometry.hpp"
#include "map/ground.hpp"
#include "map/ogr_source.hpp"
#include "map/projection.hpp"
#include "model/map_spec.hpp"

namespace plaquette::map {

// Enlarges the short side of `box` around its centre so that width / height == aspect.
// The result always contains `box`.
Bbox fit_to_aspect(const Bbox& box, double aspect);

// The printed scale 1:N, N = ground metres per paper metre, for `ground_width` CRS units shown
// across `frame_width_pt` points of paper.
double scale_denominator(double ground_width, double frame_width_pt, double metres_per_unit = 1.0);

// The ground box the spec asks for, in map CRS units, before fitting to the frame:
//  - extent.bbox as given;
//  - extent.layer: envelope of that map layer's features matching extent.where (the layer's own
//    `where` when extent.where is empty), grown by extent.margin metres;
//  - no extent: union of every layer's envelope (with its `where`), grown by the margin.
// Throws InputError at extent.span: unknown layer name, no feature matched, degenerate box.
Bbox resolve_extent(const model::MapSpec& spec, const Crs& map_crs, SourceCache& sources, TransformCache& transforms);

}  // namespace plaquette::map
