// draw_map on the real GeoPackage: clipping, holes and multiparts, cost, and a GeoJSON in WGS 84.
#include <gtest/gtest.h>


#include "map/map.hpp"
#include "map_fixture.hpp"
#include "ogr_files.hpp"

namespace plaquette::map {
namespace {

using namespace testing;

PageBox frame_box(const Rect& r, double pad = 0) { return {r.x - pad, r.y - pad, r.right() + pad, r.bottom() + pad}; }

Point centre_of(const scene::Subpath& s) {
  Point c;
  for (auto p : s.points) {
    c.x += p.x / s.points.size();
    c.y += p.y / s.points.size();
  }
  return c;
}

// Even-odd ray casting.
bool inside_ring(Point p, const scene::Subpath& ring) {
  bool in = false;
  const auto& v = ring.points;
  for (size_t i = 0, j = v.size() - 1; i < v.size(); j = i++) {
    if ((v[i].y > p.y) != (v[j].y > p.y) && p.x < (v[j].x - v[i].x) * (p.y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
      in = !in;
  }
  return in;
}

MapResult draw_lens_lievin() {
  auto spec = spec_with({gpkg_layer("epci", "siren = '246200364'")});
  spec.extent.layer = "epci";
  spec.extent.where = "siren = '246200364'";
  spec.extent.margin = 2000;
  spec.background = "bleu-pale";
  spec.frame_stroke = "gris";
  return draw_map(spec, kFrame, test_swatches());
}

TEST(DrawMap, LensLievinIsAClippedGroupInsideTheFrame) {
  auto r = draw_lens_lievin();
  const auto& g = group_of(r);
  ASSERT_TRUE(g.clip.has_value());
  EXPECT_EQ(*g.clip, kFrame);
  EXPECT_EQ(r.group.span, kSpecSpan);

  // Background first, neat line last, the EPCI between: one path filled and stroked.
  ASSERT_EQ(g.children.size(), 3u);
  const auto& epci = std::get<scene::Path>(g.children[1].kind);
  EXPECT_TRUE(epci.fill.has_value());
  EXPECT_TRUE(epci.stroke.has_value());
  const auto& bg = std::get<scene::Path>(g.children.front().kind);
  ASSERT_TRUE(bg.fill.has_value());
  EXPECT_EQ(bg.fill->swatch, "bleu-pale");
  const auto& neat = std::get<scene::Path>(g.children.back().kind);
  ASSERT_TRUE(neat.stroke.has_value());
  EXPECT_EQ(neat.stroke->paint.swatch, "gris");
  EXPECT_FALSE(neat.fill.has_value());
  EXPECT_TRUE(box_of(neat.subpaths[0]).inside(frame_box(kFrame)));  // the whole line is inside the clip

  const auto& fill = std::get<scene::Path>(g.children[1].kind);
  EXPECT_EQ(g.children[1].span, span_line(20));  // items point at their layer's YAML
  ASSERT_TRUE(fill.fill.has_value());
  EXPECT_EQ(fill.fill->swatch, "vert-pale");
  ASSERT_TRUE(fill.stroke.has_value());
  EXPECT_EQ(fill.stroke->paint.swatch, "vert-foret");
  EXPECT_DOUBLE_EQ(fill.stroke->width, 0.5);

  // The extent is the EPCI plus 2 km: the EPCI lies inside the frame, at least 2 km from its edges
  // (2 km at this scale, in points).
  ASSERT_EQ(fill.subpaths.size(), 1u);  // single part, no hole
  EXPECT_TRUE(fill.subpaths[0].closed);
  const double two_km = 2000 / r.scale_denominator / 0.0254 * 72;
  PageBox b = box_of(fill.subpaths[0]);
  EXPECT_TRUE(b.inside(frame_box(kFrame, -two_km + 0.01)));
  // ...and it touches the 2 km margin on the binding side: it fills the frame.
  const bool fills_height = std::abs(b.y0 - (kFrame.y + two_km)) < 0.01 && std::abs(b.y1 - (kFrame.bottom() - two_km)) < 0.01;
  const bool fills_width = std::abs(b.x0 - (kFrame.x + two_km)) < 0.01 && std::abs(b.x1 - (kFrame.right() - two_km)) < 0.01;
  EXPECT_TRUE(fills_height || fills_width) << b.x0 << " " << b.y0 << " " << b.x1 << " " << b.y1;

  // 288 source vertices; at ~1:170 000, 0.1 mm is 17 m: most survive, none is closer than 0.1 mm.
  EXPECT_GT(fill.subpaths[0].points.size(), 100u);
  EXPECT_LE(fill.subpaths[0].points.size(), 288u);
  EXPECT_GT(r.scale_denominator, 100000);
  EXPECT_LT(r.scale_denominator, 250000);
}

TEST(DrawMap, ClipsEverythingToTheFrameAndItsMargin) {
  // Lens-Liévin's frame over every commune: most are cut away, the rest are clipped.
  auto spec = spec_with({gpkg_layer("communes")});
  spec.extent.layer = "communes";
  spec.extent.where = "epci_siren = '246200364'";
  auto r = draw_map(spec, kFrame, test_swatches());
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);                  // one path for the layer's areas
  EXPECT_GT(fills[0]->subpaths.size(), 36u);    // neighbours that reach into the frame too
  EXPECT_LT(fills[0]->subpaths.size(), 400u);   // but not the 1534 communes
  EXPECT_GT(r.stats.features, 36u);
  EXPECT_LT(r.stats.features, 300u);
  for (auto* p : paths_of(r.group))
    for (const auto& s : p->subpaths) EXPECT_TRUE(box_of(s).inside(frame_box(kFrame, 3.0)));
}

TEST(DrawMap, DepartementsKeepTheirHoleAndTheirExclave) {
  auto spec = spec_with({gpkg_layer("departements")});
  auto r = draw_map(spec, kFrame, test_swatches());
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);
  // One even-odd path of four rings, in feature order: Nord = mainland + exclave (outside each
  // other), Pas-de-Calais = outline + the hole where the exclave sits (inside the outline).
  ASSERT_EQ(fills[0]->subpaths.size(), 4u);
  int nested = 0, apart = 0;
  std::vector<PageBox> small_rings;
  for (size_t f = 0; f < 2; ++f) {
    const auto& a = fills[0]->subpaths[2 * f];
    const auto& b = fills[0]->subpaths[2 * f + 1];
    const bool a_small = a.points.size() < b.points.size();
    const auto& small = a_small ? a : b;
    const auto& big = a_small ? b : a;
    (inside_ring(centre_of(small), big) ? nested : apart)++;
    small_rings.push_back(box_of(small));
  }
  EXPECT_EQ(nested, 1);
  EXPECT_EQ(apart, 1);
  // The hole of 62 and the exclave of 59 are the same three communes: the same box.
  ASSERT_EQ(small_rings.size(), 2u);
  EXPECT_NEAR(small_rings[0].x0, small_rings[1].x0, 0.5);
  EXPECT_NEAR(small_rings[0].y1, small_rings[1].y1, 0.5);
  // The stroke path outlines all four rings.
  bool stroke_found = false;
  for (auto* p : paths_of(r.group))
    if (p->stroke && p->stroke->paint.swatch == "vert-foret") {
      stroke_found = true;
      EXPECT_EQ(p->subpaths.size(), 4u);
    }
  EXPECT_TRUE(stroke_found);
}

TEST(DrawMap, MultipartCommuneIsOnePathOfSeveralRings) {
  // Dunkerque (59183) is multi-part.
  auto spec = spec_with({gpkg_layer("communes", "insee = '59183'")});
  auto r = draw_map(spec, kFrame, test_swatches());
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_GE(fills[0]->subpaths.size(), 2u);
}

TEST(DrawMap, AllCommunesDrawLight) {
  auto spec = spec_with({gpkg_layer("communes")});
  spec.layers[0].style.stroke = "blanc";
  spec.layers[0].style.stroke_width = 0.25;
  // Speed belongs to the benchmark; here only what is drawn is checked.
  auto r = draw_map(spec, kFrame, test_swatches());
  EXPECT_EQ(r.stats.features, 1534u);
  ASSERT_EQ(filled_paths(r, "vert-pale").size(), 1u);
  EXPECT_EQ(r.stats.paths, 1u);  // one path, filled and stroked, for every commune
  // The source (71 284 vertices) was already generalised by its publisher, mostly to more than
  // the 110 m that 0.1 mm means at 1:1 100 000, so few vertices go. Each vertex is written once.
  size_t fill_vertices = 0;
  for (auto* p : filled_paths(r, "vert-pale"))
    for (const auto& s : p->subpaths) fill_vertices += s.points.size();
  EXPECT_LT(fill_vertices, 71284u - 1534u);  // at least the repeated closing vertices went
  EXPECT_GT(fill_vertices, 30000u);
  EXPECT_EQ(r.stats.vertices, fill_vertices);
}

TEST(DrawMap, BrochurePage3MapStaysLight) {
  // The map of content/pages/03-territoire.yaml, every layer.
  const std::string seven = "('200072460', '246200364', '246200299', '200044618', '245901152', '200042190', '245901160')";
  auto layer = [&](const char* name, std::string where, std::optional<std::string> fill,
                   std::optional<std::string> stroke, double width) {
    auto l = gpkg_layer(name, where);
    l.style.fill = fill;
    l.style.stroke = stroke;
    l.style.stroke_width = width;
    return l;
  };
  auto spec = spec_with({layer("pays", "", "vert-pale", std::nullopt, 0),
                         layer("departements", "", "blanc", "gris", 0.6),
                         layer("epci", "siren NOT IN " + seven, "bleu-pale", "blanc", 0.4),
                         layer("epci", "siren IN " + seven, "vert-pale", "vert-foret", 0.8),
                         layer("communes", "epci_siren IN " + seven, std::nullopt, "blanc", 0.25),
                         layer("forets_bdforet_partiel", "", "vert-foret", std::nullopt, 0),
                         layer("voies_navigables_osm", "", std::nullopt, "bleu-eau", 1.0),
                         layer("frontiere_fr_be", "", std::nullopt, "gris", 0.8)});
  spec.layers.back().style.dash = {3, 1.5};
  spec.extent.layer = "epci";
  spec.extent.where = "siren IN " + seven;
  spec.extent.margin = 4000;
  spec.background = "bleu-pale";
  spec.frame_stroke = "gris";
  const Rect frame{mm_to_pt(18), mm_to_pt(74), mm_to_pt(174), mm_to_pt(105)};
  auto r = draw_map(spec, frame, test_swatches());
  EXPECT_LT(r.stats.vertices, 100000u);
  // The dashed border keeps its dash and gets butt caps.
  bool dashed = false;
  for (auto* p : paths_of(r.group))
    if (p->stroke && !p->stroke->dash.empty()) {
      dashed = true;
      EXPECT_EQ(p->stroke->cap, scene::LineCap::Butt);
    }
  EXPECT_TRUE(dashed);
}

TEST(DrawMap, GeoJsonInWgs84LandsWhereLambert93Says) {
  testing::TempDir tmp("map-draw-wgs84");
  const auto& dir = tmp.path;
  auto path = write_geojson_wgs84(dir).string();
  auto spec = spec_with({layer_of(path, "wgs84", "nom = 'origine'")});
  // A square frame centred on the Lambert-93 origin: the point must land at its centre.
  spec.extent.bbox = std::array<double, 4>{690000, 6590000, 710000, 6610000};
  const Rect frame{100, 100, 200, 200};
  auto r = draw_map(spec, frame, test_swatches());
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);
  ASSERT_EQ(fills[0]->subpaths.size(), 1u);  // the point's marker
  double cx = 0, cy = 0;
  for (auto p : fills[0]->subpaths[0].points) {
    cx += p.x;
    cy += p.y;
  }
  cx /= fills[0]->subpaths[0].points.size();
  cy /= fills[0]->subpaths[0].points.size();
  EXPECT_NEAR(cx, 200, 1e-3);  // 1e-3 pt = 0.1 m at this scale
  EXPECT_NEAR(cy, 200, 1e-3);
  EXPECT_NEAR(r.scale_denominator, 20000 / (200.0 / 72 * 0.0254), 1e-6);

  // The extent can come from the WGS 84 layer too: the square is ±0.1° around the origin.
  auto sq = spec_with({layer_of(path, "wgs84", "nom = 'carre'")});
  sq.extent.layer = "wgs84";
  auto r2 = draw_map(sq, frame, test_swatches());
  EXPECT_NEAR((r2.extent[0] + r2.extent[2]) / 2, 700000, 100);
  EXPECT_NEAR((r2.extent[1] + r2.extent[3]) / 2, 6600000, 100);
  EXPECT_GT(r2.extent[2] - r2.extent[0], 15000);  // 0.2° of longitude at 46.5°N ≈ 15.3 km
}

TEST(DrawMap, LayerWithoutStyleDrawsNothing) {
  auto l = gpkg_layer("departements");
  l.style.fill = "none";
  l.style.stroke.reset();
  auto r = draw_map(spec_with({l}), kFrame, test_swatches());
  EXPECT_TRUE(group_of(r).children.empty());
}

}  // namespace
}  // namespace plaquette::map
