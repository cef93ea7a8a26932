// Symbology: classified layers (categorized, graduated, rules), the legend of what is drawn,
// casings, patterns, markers, the focus veil and the repair of invalid polygons, on small GeoJSON
// files written by the tests (Lambert-93 coordinates, so that the numbers stay readable).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "map/draw_layer.hpp"
#include "map/map.hpp"
#include "map_fixture.hpp"
#include "support/test_paths.hpp"

namespace plaquette::map {
namespace {

using namespace testing;

// A FeatureCollection in EPSG:2154 from the text of its features.
std::string write_l93(const std::filesystem::path& dir, const std::string& name, const std::string& features) {
  auto path = dir / (name + ".geojson");
  test::write_file(path, R"({"type": "FeatureCollection", "name": ")" + name +
                             R"(", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
"features": [)" + features + "]}");
  return path.string();
}

// A 1 km square whose lower-left corner is at (x, y) km from (690 km, 6590 km).
std::string square(double x, double y, const std::string& props) {
  const double x0 = 690000 + x * 1000, y0 = 6590000 + y * 1000;
  return fmt::format(R"({{"type": "Feature", "properties": {{{}}}, "geometry": {{"type": "Polygon", "coordinates":
    [[[{},{}],[{},{}],[{},{}],[{},{}],[{},{}]]]}}}})",
                     props, x0, y0, x0 + 1000, y0, x0 + 1000, y0 + 1000, x0, y0 + 1000, x0, y0);
}

std::string line(double x0, double y0, double x1, double y1, const std::string& props) {
  return fmt::format(R"({{"type": "Feature", "properties": {{{}}}, "geometry": {{"type": "LineString", "coordinates":
    [[{},{}],[{},{}]]}}}})",
                     props, 690000 + x0 * 1000, 6590000 + y0 * 1000, 690000 + x1 * 1000, 6590000 + y1 * 1000);
}

std::string point(double x, double y, const std::string& props) {
  return fmt::format(R"({{"type": "Feature", "properties": {{{}}}, "geometry": {{"type": "Point", "coordinates": [{},{}]}}}})",
                     props, 690000 + x * 1000, 6590000 + y * 1000);
}

// Three squares in a row (0..1, 2..3, 4..5 km) of three species.
std::string write_forest(const std::filesystem::path& dir) {
  return write_l93(dir, "foret",
                   square(0, 0, R"("essence": "Peuplier", "surface": 120)") + "," +
                       square(2, 0, R"("essence": "Chênes décidus", "surface": 6000)") + "," +
                       square(4, 0, R"("essence": "Hêtre", "surface": 50000)"));
}

SwatchTable swatches() {
  SwatchTable t = test_swatches();
  t["vert-clair"] = Swatch{"vert-clair", std::nullopt, {0.7, 0.9, 0.6}, {}};
  t["rouge"] = Swatch{"rouge", std::nullopt, {0.9, 0.1, 0.1}, {}};
  return t;
}

model::StyleClass category(const std::string& value, const std::string& fill, const std::string& label = "") {
  model::StyleClass c;
  c.value = value;
  c.style.fill = fill;
  c.label = label.empty() ? value : label;
  c.span = span_line(40);
  return c;
}

model::MapSpec bbox_spec(std::vector<model::MapLayer> layers, double xmin_km = -1, double xmax_km = 6) {
  auto spec = spec_with(std::move(layers));
  spec.extent.bbox = std::array<double, 4>{690000 + xmin_km * 1000, 6589000, 690000 + xmax_km * 1000, 6592000};
  return spec;
}

std::vector<std::string> legend_labels(const MapResult& r) {
  std::vector<std::string> out;
  for (const auto& e : r.legend) out.push_back(e.label);
  return out;
}

model::MapLayer forest_layer(const std::string& path) {
  auto layer = layer_of(path, "foret");
  layer.style.stroke.reset();
  return layer;
}

TEST(Classify, CategorizedPaintsEachFeatureByItsValue) {
  TempDir dir("map-cat");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Categorized;
  layer.classify.field = "essence";
  layer.classify.span = span_line(30);
  layer.classify.classes = {category("Peuplier", "vert-clair", "Peupleraies"), category("Érable", "rouge"),
                            category("Chênes décidus", "vert-foret")};
  layer.classify.other = category("", "vert-pale", "Autres essences");
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  ASSERT_EQ(filled_paths(r, "vert-clair").size(), 1u);
  ASSERT_EQ(filled_paths(r, "vert-foret").size(), 1u);
  ASSERT_EQ(filled_paths(r, "vert-pale").size(), 1u);
  EXPECT_TRUE(filled_paths(r, "rouge").empty());
  // Peuplier is the westernmost square, Hêtre (other) the easternmost.
  EXPECT_LT(box_of(filled_paths(r, "vert-clair")[0]->subpaths[0]).x1,
            box_of(filled_paths(r, "vert-foret")[0]->subpaths[0]).x0);
  EXPECT_LT(box_of(filled_paths(r, "vert-foret")[0]->subpaths[0]).x1,
            box_of(filled_paths(r, "vert-pale")[0]->subpaths[0]).x0);
  // The legend: classes drawn, in class order; Érable has no feature and is absent.
  EXPECT_EQ(legend_labels(r), (std::vector<std::string>{"Peupleraies", "Chênes décidus", "Autres essences"}));
  for (const auto& e : r.legend) EXPECT_EQ(e.kind, LegendEntry::Kind::Area);
  EXPECT_EQ(r.legend[0].style.fill, "vert-clair");
}

TEST(Classify, WithoutOtherTheRestIsNotDrawn) {
  TempDir dir("map-cat2");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Categorized;
  layer.classify.field = "essence";
  layer.classify.classes = {category("Peuplier", "vert-clair")};
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  EXPECT_EQ(filled_paths(r, "vert-clair").size(), 1u);
  EXPECT_EQ(r.stats.features, 1u);
}

TEST(Classify, ClassOutsideTheExtentIsNotInTheLegend) {
  TempDir dir("map-cat3");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Categorized;
  layer.classify.field = "essence";
  layer.classify.classes = {category("Peuplier", "vert-clair"), category("Hêtre", "rouge")};
  // The extent shows the first two squares only: Hêtre (4..5 km) lies outside.
  auto r = draw_map(bbox_spec({layer}, -0.5, 3.5), kFrame, swatches());
  EXPECT_EQ(legend_labels(r), (std::vector<std::string>{"Peuplier"}));
}

TEST(Classify, GraduatedUsesRangesAndIncludesTheLastBreak) {
  TempDir dir("map-grad");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Graduated;
  layer.classify.field = "surface";
  const double breaks[] = {0, 5000, 20000, 50000};
  const char* fills[] = {"vert-pale", "vert-clair", "vert-foret"};
  for (int i = 0; i < 3; ++i) {
    model::StyleClass c;
    c.min = breaks[i];
    c.max = breaks[i + 1];
    c.style.fill = fills[i];
    c.label = fmt::format("c{}", i);
    layer.classify.classes.push_back(c);
  }
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  ASSERT_EQ(filled_paths(r, "vert-pale").size(), 1u);   // 120
  ASSERT_EQ(filled_paths(r, "vert-clair").size(), 1u);  // 6000
  ASSERT_EQ(filled_paths(r, "vert-foret").size(), 1u);  // 50000 = the last break, included
  EXPECT_LT(box_of(filled_paths(r, "vert-pale")[0]->subpaths[0]).x1,
            box_of(filled_paths(r, "vert-clair")[0]->subpaths[0]).x0);
  EXPECT_EQ(legend_labels(r), (std::vector<std::string>{"c0", "c1", "c2"}));
}

TEST(Classify, GraduatedOnATextFieldIsAnError) {
  TempDir dir("map-grad2");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Graduated;
  layer.classify.field = "essence";
  layer.classify.span = span_line(30);
  model::StyleClass c;
  c.max = 10;
  c.style.fill = "rouge";
  layer.classify.classes = {c};
  expect_input_error([&] { draw_map(bbox_spec({layer}), kFrame, swatches()); }, span_line(30),
                     {"numeric field", "'essence'"});
}

TEST(Classify, RulesSelectLinesByFilterAndOtherTakesTheRest) {
  TempDir dir("map-rules");
  auto path = write_l93(dir.path, "eau",
                        line(0, 0, 5, 0, R"("type": "canal")") + "," + line(0, 1, 5, 1, R"("type": "riviere")") + "," +
                            line(0, 2, 5, 2, R"("type": "fosse")") + "," + line(0, 2.5, 5, 2.5, R"("type": null)"));
  auto layer = layer_of(path, "eau");
  layer.style.fill.reset();
  layer.classify.kind = model::Classification::Kind::Rules;
  model::StyleClass canal;
  canal.where = "type = 'canal'";
  canal.style = layer.style;
  canal.style.stroke = "bleu-eau";
  canal.style.stroke_width = 1;
  canal.label = "Canaux";
  model::StyleClass riviere = canal;
  riviere.where = "type = 'riviere'";
  riviere.style.stroke = "vert-foret";
  riviere.label = "Rivières";
  model::StyleClass lake = canal;
  lake.where = "type = 'lac'";
  lake.label = "Lacs";
  model::StyleClass other = canal;
  other.where.clear();
  other.style.stroke = "gris";
  other.style.stroke_width = 0.3;
  other.label = "Autres";
  layer.classify.classes = {canal, riviere, lake};
  layer.classify.other = other;
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  std::map<std::string, size_t> subpaths_by_colour;
  for (auto* p : paths_of(r.group))
    if (p->stroke) subpaths_by_colour[p->stroke->paint.swatch] += p->subpaths.size();
  EXPECT_EQ(subpaths_by_colour["bleu-eau"], 1u);
  EXPECT_EQ(subpaths_by_colour["vert-foret"], 1u);
  EXPECT_EQ(subpaths_by_colour["gris"], 2u);  // the fosse and the line without a type (NULL)
  EXPECT_EQ(legend_labels(r), (std::vector<std::string>{"Canaux", "Rivières", "Autres"}));
  for (const auto& e : r.legend) EXPECT_EQ(e.kind, LegendEntry::Kind::Line);
}

TEST(Classify, UnknownFieldIsReportedAtClassifyWithAHint) {
  TempDir dir("map-field");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Categorized;
  layer.classify.field = "essense";
  layer.classify.span = span_line(30);
  layer.classify.classes = {category("Peuplier", "vert-clair")};
  expect_input_error([&] { draw_map(bbox_spec({layer}), kFrame, swatches()); }, span_line(30),
                     {"field 'essense' not found", "(did you mean 'essence'?)", "surface"});
}

TEST(Classify, UnknownClassColourIsReportedAtTheClass) {
  TempDir dir("map-colour");
  auto layer = forest_layer(write_forest(dir.path));
  layer.classify.kind = model::Classification::Kind::Categorized;
  layer.classify.field = "essence";
  auto c = category("Peuplier", "vert-clar");
  c.span = span_line(44);
  c.style.span = span_line(44);
  layer.classify.classes = {c};
  expect_input_error([&] { draw_map(bbox_spec({layer}), kFrame, swatches()); }, span_line(44),
                     {"unknown colour 'vert-clar'", "class 'Peuplier' of map layer 'foret'"});
}

TEST(Legend, UnclassifiedLayerWithALegendLabel) {
  TempDir dir("map-legend");
  auto path = write_forest(dir.path);
  auto labelled = forest_layer(path);
  labelled.legend = "Forêts";
  auto unlabelled = forest_layer(path);
  auto r = draw_map(bbox_spec({labelled, unlabelled}), kFrame, swatches());
  ASSERT_EQ(r.legend.size(), 1u);
  EXPECT_EQ(r.legend[0].label, "Forêts");
  EXPECT_EQ(r.legend[0].kind, LegendEntry::Kind::Area);
}

TEST(Symbology, CasingDrawsAWiderStrokeUnderTheLine) {
  TempDir dir("map-casing");
  auto path = write_l93(dir.path, "routes", line(0, 0, 5, 1, R"("n": 1)"));
  auto layer = layer_of(path, "routes");
  layer.style.fill.reset();
  layer.style.stroke = "rouge";
  layer.style.stroke_width = 1;
  layer.style.join = model::StrokeJoin::Miter;
  layer.style.cap = model::StrokeCap::Butt;
  layer.style.casing = model::Casing{"blanc", 2.5, span_line(50)};
  layer.legend = "Routes";
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  std::vector<const scene::Path*> strokes;
  for (auto* p : paths_of(r.group))
    if (p->stroke) strokes.push_back(p);
  ASSERT_EQ(strokes.size(), 2u);
  EXPECT_EQ(strokes[0]->stroke->paint.swatch, "blanc");
  EXPECT_DOUBLE_EQ(strokes[0]->stroke->width, 2.5);
  EXPECT_EQ(strokes[1]->stroke->paint.swatch, "rouge");
  EXPECT_DOUBLE_EQ(strokes[1]->stroke->width, 1);
  EXPECT_EQ(strokes[1]->stroke->join, scene::LineJoin::Miter);
  EXPECT_EQ(strokes[1]->stroke->cap, scene::LineCap::Butt);
  EXPECT_EQ(strokes[0]->subpaths.size(), strokes[1]->subpaths.size());
  ASSERT_EQ(r.legend.size(), 1u);
  EXPECT_EQ(r.legend[0].kind, LegendEntry::Kind::Line);
  ASSERT_TRUE(r.legend[0].style.casing);
}

// A very large opaque filled-and-outlined layer is drawn in fill-and-stroke chunks of whole
// features (Cairo's stroke analysis holds the whole stroke as a polygon otherwise); every ring
// is drawn once, a feature's rings (its holes) stay in one path, and a small layer stays one path.
TEST(Symbology, HugeOutlinedLayerIsFilledAndStrokedInChunksOfWholeFeatures) {
  LayerPaint paint;
  paint.fill = Paint{"vert", {0.2, 0.6, 0.2}, 1.0};
  paint.stroke = scene::Stroke{Paint{"gris", {0.3, 0.3, 0.3}, 1.0}, 0.1, {}, scene::LineJoin::Round,
                               scene::LineCap::Round};
  const Rect frame{0, 0, 600, 600};
  Bbox ground;
  ground.xmin = 0, ground.ymin = 0, ground.xmax = 600, ground.ymax = 600;  // 1 ground unit = 1 pt
  const Viewport viewport = make_viewport(ground, frame);
  auto draw = [&](int columns, int rows) {
    MapStats stats;
    LayerDrawer drawer(paint, viewport, frame, Span{}, stats);
    for (int i = 0; i < columns; ++i)
      for (int j = 0; j < rows; ++j) {
        // A 2 pt square with a 1 pt hole: two rings per feature.
        const double x = i * 3.0 + 0.5, y = j * 3.0 + 0.5;
        Feature f;
        f.parts.push_back({{{x, y}, {x + 2, y}, {x + 2, y + 2}, {x, y + 2}, {x, y}}, true});
        f.parts.push_back({{{x + 0.5, y + 0.5}, {x + 1.5, y + 0.5}, {x + 1.5, y + 1.5}, {x + 0.5, y + 1.5},
                            {x + 0.5, y + 0.5}},
                           true});
        drawer.add(f);
      }
    std::vector<scene::Item> out;
    drawer.finish(out);
    std::vector<const scene::Path*> paths;
    for (const auto& item : out)
      if (auto* p = std::get_if<scene::Path>(&item.kind)) paths.push_back(p);
    return std::make_pair(paths.size(), [paths] {
      size_t rings = 0;
      for (auto* p : paths) {
        EXPECT_TRUE(p->fill && p->stroke);  // each chunk fills and strokes its own rings
        EXPECT_EQ(p->subpaths.size() % 2, 0u);  // never a square without its hole
        rings += p->subpaths.size();
      }
      return rings;
    }());
  };
  const auto [small_paths, small_rings] = draw(10, 10);
  EXPECT_EQ(small_paths, 1u);
  EXPECT_EQ(small_rings, 200u);
  const auto [huge_paths, huge_rings] = draw(190, 190);  // 36 100 features, 72 200 rings
  EXPECT_EQ(huge_rings, 72200u);
  EXPECT_EQ(huge_paths, 5u);  // 16 384 rings a chunk (8 192 features), the rest in the last one
}

scene::Subpath page_square(double x, double y, double side) {
  return {{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}}, true};
}

TEST(Symbology, HatchLinesStayInsideTheRingsAndSkipHoles) {
  // A 100 pt square with a 40 pt hole; horizontal lines every 10 pt.
  std::vector<scene::Subpath> rings = {page_square(0, 0, 100), page_square(30, 30, 40)};
  auto lines = hatch_lines(rings, 0, 10);
  size_t through_hole = 0;
  for (const auto& s : lines) {
    ASSERT_EQ(s.points.size(), 2u);
    EXPECT_FALSE(s.closed);
    for (auto p : s.points) {
      EXPECT_GE(p.x, -1e-9);
      EXPECT_LE(p.x, 100 + 1e-9);
      EXPECT_GE(p.y, -1e-9);
      EXPECT_LE(p.y, 100 + 1e-9);
    }
    const double midx = (s.points[0].x + s.points[1].x) / 2, y = s.points[0].y;
    if (y > 30 && y < 70 && midx > 30 && midx < 70) ++through_hole;
  }
  EXPECT_EQ(through_hole, 0u);
  // y = 0..90 (the top edge counts as inside, the bottom one not: each edge once): 10 lines, 4 of
  // which (30, 40, 50, 60) are split by the hole.
  EXPECT_EQ(lines.size(), 14u);

  // 45°: every line segment lies inside the square.
  for (const auto& s : hatch_lines({page_square(0, 0, 100)}, 45, 10))
    for (auto p : s.points) {
      EXPECT_GE(p.x, -1e-6);
      EXPECT_LE(p.x, 100 + 1e-6);
      EXPECT_GE(p.y, -1e-6);
      EXPECT_LE(p.y, 100 + 1e-6);
    }
}

TEST(Symbology, DotsFillAGridInsideTheRing) {
  auto dots = grid_dots({page_square(1, 1, 20)}, 5);  // x, y in {5, 10, 15, 20}
  EXPECT_EQ(dots.size(), 16u);
  for (auto p : dots) {
    EXPECT_GT(p.x, 1);
    EXPECT_LT(p.x, 21);
  }
}

TEST(Symbology, PatternIsOnePathPerFeatureOverTheFill) {
  TempDir dir("map-hatch");
  auto layer = forest_layer(write_forest(dir.path));
  layer.style.pattern = model::FillPattern{model::FillPattern::Kind::Hatch, "vert-foret", 3, 45, 0.4, span_line(50)};
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  const auto& children = group_of(r).children;
  std::vector<PageBox> fills;
  size_t patterns = 0;
  for (size_t i = 0; i < children.size(); ++i) {
    auto* p = std::get_if<scene::Path>(&children[i].kind);
    if (!p) continue;
    if (p->fill) fills.push_back(box_of(p->subpaths[0]));
    if (p->stroke && p->stroke->paint.swatch == "vert-foret") {
      ++patterns;
      ASSERT_FALSE(fills.empty());  // drawn after its feature's fill
      PageBox area = fills.back();
      area = {area.x0 - 1e-6, area.y0 - 1e-6, area.x1 + 1e-6, area.y1 + 1e-6};
      EXPECT_GT(p->subpaths.size(), 3u);
      EXPECT_DOUBLE_EQ(p->stroke->width, 0.4);
      for (const auto& s : p->subpaths) EXPECT_TRUE(box_of(s).inside(area));
    }
  }
  EXPECT_EQ(patterns, 3u);
}

TEST(Symbology, DotPatternIsZeroLengthRoundCappedLines) {
  TempDir dir("map-dots");
  auto layer = forest_layer(write_forest(dir.path));
  layer.style.pattern = model::FillPattern{model::FillPattern::Kind::Dots, "vert-foret", 4, 0, 1, span_line(50)};
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  size_t patterns = 0;
  for (auto* p : paths_of(r.group))
    if (p->stroke && p->stroke->paint.swatch == "vert-foret") {
      ++patterns;
      EXPECT_EQ(p->stroke->cap, scene::LineCap::Round);
      for (const auto& s : p->subpaths) {
        ASSERT_EQ(s.points.size(), 2u);
        EXPECT_EQ(s.points[0], s.points[1]);
      }
    }
  EXPECT_EQ(patterns, 3u);
}

model::MapLayer points_layer(const std::filesystem::path& dir) {
  auto path = write_l93(dir, "puits", point(1, 1, R"("n": 1)") + "," + point(3, 1, R"("n": 2)"));
  auto layer = layer_of(path, "puits");
  layer.style.fill = "rouge";
  layer.style.stroke = "blanc";
  layer.legend = "Puits";
  return layer;
}

TEST(Symbology, MarkersTakeTheirShapeAndSize) {
  TempDir dir("map-markers");
  auto layer = points_layer(dir.path);
  layer.style.marker = model::Marker{model::Marker::Shape::Square, 8, "", "", span_line(50)};
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  auto fills = filled_paths(r, "rouge");
  ASSERT_EQ(fills.size(), 2u);
  ASSERT_EQ(fills[0]->subpaths[0].points.size(), 4u);
  PageBox b = box_of(fills[0]->subpaths[0]);
  EXPECT_NEAR(b.x1 - b.x0, 8, 1e-9);
  EXPECT_NEAR(b.y1 - b.y0, 8, 1e-9);
  // The markers are outlined with the stroke too.
  bool outlined = false;
  for (auto* p : paths_of(r.group))
    if (p->stroke && p->stroke->paint.swatch == "blanc" && p->subpaths.size() == 2) outlined = true;
  EXPECT_TRUE(outlined);
  ASSERT_EQ(r.legend.size(), 1u);
  EXPECT_EQ(r.legend[0].kind, LegendEntry::Kind::Point);

  layer.style.marker->shape = model::Marker::Shape::Triangle;
  r = draw_map(bbox_spec({layer}), kFrame, swatches());
  fills = filled_paths(r, "rouge");
  ASSERT_EQ(fills.size(), 2u);
  EXPECT_EQ(fills[0]->subpaths[0].points.size(), 3u);
  b = box_of(fills[0]->subpaths[0]);
  EXPECT_NEAR(b.x1 - b.x0, 8, 1e-9);

  layer.style.marker.reset();  // default: a 2 mm circle
  r = draw_map(bbox_spec({layer}), kFrame, swatches());
  fills = filled_paths(r, "rouge");
  ASSERT_EQ(fills.size(), 2u);
  b = box_of(fills[0]->subpaths[0]);
  EXPECT_NEAR(b.x1 - b.x0, 5.67, 1e-6);
}

TEST(Symbology, SvgMarkerIsAVectorImageCentredOnThePoint) {
  TempDir dir("map-svg");
  auto layer = points_layer(dir.path);
  const std::string svg = (test::source_dir() / "assets/pictos/terrils.svg").string();
  layer.style.marker = model::Marker{model::Marker::Shape::Svg, 10, svg, svg, span_line(50)};
  auto r = draw_map(bbox_spec({layer}), kFrame, swatches());
  std::vector<const scene::Image*> images;
  for (const auto& c : group_of(r).children)
    if (auto* img = std::get_if<scene::Image>(&c.kind)) images.push_back(img);
  ASSERT_EQ(images.size(), 2u);
  EXPECT_DOUBLE_EQ(images[0]->dest.width, 10);
  EXPECT_DOUBLE_EQ(images[0]->dest.height, 10);
  ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const scene::VectorImage>>(images[0]->source));
  EXPECT_FALSE(std::get<std::shared_ptr<const scene::VectorImage>>(images[0]->source)->data.empty());
  EXPECT_TRUE(filled_paths(r, "rouge").empty());

  layer.style.marker->svg = layer.style.marker->svg_resolved = (dir.path / "absent.svg").string();
  expect_input_error([&] { draw_map(bbox_spec({layer}), kFrame, swatches()); }, span_line(50),
                     {"cannot read marker picture"});
}

TEST(Focus, VeilCoversTheFrameMinusTheFocusedFeature) {
  TempDir dir("map-focus");
  auto layer = forest_layer(write_forest(dir.path));
  auto spec = bbox_spec({layer});
  spec.focus = model::FocusSpec{"foret", "essence = 'Chênes décidus'", "blanc", 0.6, span_line(60)};
  spec.frame_stroke = "gris";
  auto r = draw_map(spec, kFrame, swatches());
  const auto& children = group_of(r).children;
  ASSERT_GE(children.size(), 2u);
  // The veil comes after the layers (and before the neat line).
  const auto& veil = std::get<scene::Path>(children[children.size() - 2].kind);
  ASSERT_TRUE(veil.fill);
  EXPECT_EQ(veil.fill->swatch, "blanc");
  EXPECT_DOUBLE_EQ(veil.fill->alpha, 0.6);
  ASSERT_EQ(veil.subpaths.size(), 2u);  // the frame, and the focused square as a hole
  const PageBox outer{kFrame.x - 3, kFrame.y - 3, kFrame.right() + 3, kFrame.bottom() + 3};
  const PageBox frame{kFrame.x, kFrame.y, kFrame.right(), kFrame.bottom()};
  EXPECT_TRUE(box_of(veil.subpaths[0]).inside(outer));
  EXPECT_TRUE(frame.inside(box_of(veil.subpaths[0])));
  // The hole is the middle square.
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);  // the three squares, one path
  ASSERT_EQ(fills[0]->subpaths.size(), 3u);
  PageBox hole = box_of(veil.subpaths[1]);
  PageBox middle = box_of(fills[0]->subpaths[1]);
  EXPECT_NEAR(hole.x0, middle.x0, 0.01);  // drawn areas are rounded to 0.01 pt
  EXPECT_NEAR(hole.x1, middle.x1, 0.01);

  spec.focus->where = "essence = 'Sapin'";
  expect_input_error([&] { draw_map(spec, kFrame, swatches()); }, span_line(60), {"selects no feature"});
  spec.focus->where.clear();
  spec.focus->veil = "blan";
  expect_input_error([&] { draw_map(spec, kFrame, swatches()); }, span_line(60),
                     {"unknown colour 'blan'", "focus veil"});
}

TEST(Validity, BowTieIsRepairedAndCounted) {
  TempDir dir("map-bowtie");
  // A self-intersecting "bow tie" (the ring crosses itself at its centre) next to a valid square.
  auto path = write_l93(dir.path, "noeud",
                        R"({"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", "coordinates":
    [[[690000,6590000],[691000,6591000],[691000,6590000],[690000,6591000],[690000,6590000]]]}},)" +
                            square(2, 0, R"("n": 2)"));
  auto r = draw_map(bbox_spec({layer_of(path, "noeud")}), kFrame, swatches());
  EXPECT_EQ(r.repaired, 1u);
  EXPECT_EQ(r.skipped, 0u);
  // The bow tie is drawn as its two triangles, plus the square.
  auto fills = filled_paths(r, "vert-pale");
  ASSERT_EQ(fills.size(), 1u);
  EXPECT_EQ(fills[0]->subpaths.size(), 3u);  // two triangles, one square
  EXPECT_EQ(r.stats.features, 2u);
}

TEST(Validity, PolygonWithoutAreaIsSkippedAndCounted) {
  TempDir dir("map-flat");
  // A "polygon" whose vertices all lie on one line: nothing of it is an area.
  auto path = write_l93(dir.path, "plat",
                        R"({"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", "coordinates":
    [[[690000,6590000],[690500,6590500],[691000,6591000],[690000,6590000]]]}},)" +
                            square(2, 0, R"("n": 2)"));
  auto r = draw_map(bbox_spec({layer_of(path, "plat")}), kFrame, swatches());
  EXPECT_EQ(r.repaired, 0u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(filled_paths(r, "vert-pale").size(), 1u);
}

}  // namespace
}  // namespace plaquette::map
