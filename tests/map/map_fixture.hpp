// Shared helpers for the map tests: specs over assets/maps/bassin-minier.gpkg, swatches, spans,
// small files written with OGR, and walkers over the produced scene.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/units.hpp"
#include "map/map.hpp"
#include "model/map_spec.hpp"
#include "scene/scene.hpp"
#include "support/test_paths.hpp"

namespace plaquette::map::testing {

// A temp dir removed at scope end, even when an ASSERT returns early.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) : path(test::make_temp_dir(tag)) {}
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline std::string bassin_gpkg() { return (test::source_dir() / "assets/maps/bassin-minier.gpkg").string(); }

// Spans that say where the error must point: each role gets its own line.
inline Span span_line(int line) { return Span{"content/pages/test-carte.yaml", line, 9}; }
inline const Span kSpecSpan = span_line(10);
inline const Span kExtentSpan = span_line(12);

inline SwatchTable test_swatches() {
  SwatchTable t;
  auto add = [&](const std::string& name, Rgb rgb) { t[name] = Swatch{name, std::nullopt, rgb, {}}; };
  add("vert-pale", {0.91, 0.95, 0.86});
  add("vert-foret", {0.14, 0.39, 0.23});
  add("bleu-pale", {0.90, 0.95, 0.97});
  add("bleu-eau", {0.12, 0.53, 0.77});
  add("gris", {0.48, 0.48, 0.47});
  add("blanc", {1, 1, 1});
  return t;
}

// A layer of `source` (absolute path, used as-is) with its own span on line `line`.
inline model::MapLayer layer_of(const std::string& source, const std::string& name, const std::string& where = "",
                                int line = 20) {
  model::MapLayer l;
  l.source = source;
  l.resolved = source;
  l.layer = name;
  l.where = where;
  l.span = span_line(line);
  l.style.fill = "vert-pale";
  l.style.stroke = "vert-foret";
  l.style.stroke_width = 0.5;
  l.style.span = span_line(line + 1);
  return l;
}

inline model::MapLayer gpkg_layer(const std::string& name, const std::string& where = "", int line = 20) {
  return layer_of(bassin_gpkg(), name, where, line);
}

inline model::MapSpec spec_with(std::vector<model::MapLayer> layers) {
  model::MapSpec s;
  s.crs = "EPSG:2154";
  s.layers = std::move(layers);
  s.span = kSpecSpan;
  s.extent.span = kExtentSpan;
  return s;
}

// 174 x 120 mm, as on the brochure's page 3, placed at (18 mm, 74 mm).
inline const Rect kFrame{mm_to_pt(18), mm_to_pt(74), mm_to_pt(174), mm_to_pt(120)};

inline const scene::Group& group_of(const MapResult& r) { return std::get<scene::Group>(r.group.kind); }

// Every Path of the result, in drawing order (nested groups included).
inline std::vector<const scene::Path*> paths_of(const scene::Item& item) {
  std::vector<const scene::Path*> out;
  if (auto* p = std::get_if<scene::Path>(&item.kind)) out.push_back(p);
  if (auto* g = std::get_if<scene::Group>(&item.kind))
    for (const auto& c : g->children) {
      auto sub = paths_of(c);
      out.insert(out.end(), sub.begin(), sub.end());
    }
  return out;
}

// The paths a layer produced: filled ones and stroked ones, told apart by their paint.
inline std::vector<const scene::Path*> filled_paths(const MapResult& r, const std::string& swatch) {
  std::vector<const scene::Path*> out;
  for (auto* p : paths_of(r.group))
    if (p->fill && p->fill->swatch == swatch) out.push_back(p);
  return out;
}

struct PageBox {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  void add(Point p) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  bool inside(const PageBox& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

inline PageBox box_of(const scene::Subpath& s) {
  PageBox b;
  for (auto p : s.points) b.add(p);
  return b;
}

// Expects `fn` to throw InputError at `span` with every fragment in its message.
template <class Fn>
void expect_input_error(Fn&& fn, const Span& span, std::initializer_list<std::string> fragments) {
  try {
    fn();
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().span, span) << e.what();
    for (const auto& f : fragments) EXPECT_NE(e.diagnostic().message.find(f), std::string::npos)
        << "missing '" << f << "' in: " << e.diagnostic().message;
  }
}

}  // namespace plaquette::map::testing
