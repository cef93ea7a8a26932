// Generalisation to print resolution, in page points: what cannot be seen on paper is not sent to
// the PDF. Vertices closer than 0.1 mm are dropped and paths are clipped to just beyond the frame,
// so that the PDF's size and rendering time follow the printed map, not the source data.
#pragma once
#include <vector>

#include "core/geometry.hpp"
#include "core/units.hpp"
#include "scene/scene.hpp"

namespace plaquette::map {

// 0.1 mm: about the finest detail offset printing holds, and below a hairline's width.
inline constexpr double kPrintTolerance = mm_to_pt(0.1);

// Distance-based (radial) simplification in place: walks the vertices and drops each one closer
// than `tolerance` to the last vertex kept. A line keeps its first and last vertices. A ring
// (`closed`, stored without a repeated closing vertex) keeps its first vertex, drops trailing
// vertices that come back within `tolerance` of it, and is emptied when fewer than 3 remain.
void simplify_distance(std::vector<Point>& points, bool closed, double tolerance);

// Sutherland–Hodgman clip of a ring to `clip`. Where the ring runs outside, the result follows the
// clip border: invisible as long as `clip` is larger than the visible frame. Each ring clipped
// alone keeps even-odd fills right inside `clip`.
std::vector<Point> clip_ring(const std::vector<Point>& ring, const Rect& clip);

// Liang–Barsky clip of a polyline to `clip`: one polyline per stretch inside.
std::vector<std::vector<Point>> clip_line(const std::vector<Point>& line, const Rect& clip);

// The whole chain for one ring or line already in page points: reject if wholly outside `clip`,
// simplify, clip if it crosses the border, drop what collapsed. Appends 0..n subpaths to `out`.
void generalise_part(std::vector<Point> points, bool closed, const Rect& clip, double tolerance,
                     std::vector<scene::Subpath>& out);

// The same chain working in `points`, a caller's buffer reused from part to part: it is left
// modified, and what is appended to `out` is allocated to its exact size (a subpath never keeps
// the capacity of the full-resolution part it came from).
void generalise_part_in(std::vector<Point>& points, bool closed, const Rect& clip, double tolerance,
                        std::vector<scene::Subpath>& out);

}  // namespace plaquette::map
