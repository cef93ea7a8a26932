// The map layer symbology keys: style extensions, classify, legend and the map's focus; every
// mistake is reported at its line and column.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "load/map_style_loader.hpp"
#include "load_fixture.hpp"

namespace plaquette::test {
namespace {

// Content with one map whose layer list starts on line 10 (the `- source:` line).
//  1 document: {title: Essai}
//  2 template: templates/mini.yaml
//  3 pages:
//  4   - master: simple
//  5     blocks:
//  6       - frame: visuel
//  7         map:
//  8           extent: {bbox: [0, 0, 10, 10]}
//  9           layers:
// 10             - source: assets/maps/zone.gpkg
// 11               layer: zone
std::string map_content(const std::string& layer_rest, const std::string& map_rest = "") {
  return "document: {title: Essai}\ntemplate: templates/mini.yaml\npages:\n  - master: simple\n    blocks:\n"
         "      - frame: visuel\n        map:\n          extent: {bbox: [0, 0, 10, 10]}\n          layers:\n"
         "            - source: assets/maps/zone.gpkg\n              layer: zone\n" +
         layer_rest + map_rest;
}

const model::MapSpec& map_of(const Loaded& r) { return std::get<model::MapBlock>(r.doc->pages[0].blocks[0]).map; }

TEST(MapStyleLoader, StyleExtensions) {
  Project p("mapstyle");
  p.write("assets/pictos/puits.svg", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'/>");
  Loaded r = p.load(map_content(
      "              style:\n"
      "                stroke: noir\n"
      "                width: 1pt\n"
      "                join: miter\n"
      "                cap: butt\n"
      "                casing: {stroke: blanc, width: 2.5pt}\n"
      "                pattern: {kind: hatch, color: noir, spacing: 2mm, angle: 30, width: 0.3pt}\n"
      "                marker: {svg: assets/pictos/puits.svg, size: 3mm}\n"
      "              legend: Zones\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& layer = map_of(r).layers[0];
  const auto& st = layer.style;
  EXPECT_EQ(st.join, model::StrokeJoin::Miter);
  ASSERT_TRUE(st.cap);
  EXPECT_EQ(*st.cap, model::StrokeCap::Butt);
  ASSERT_TRUE(st.casing);
  EXPECT_EQ(st.casing->stroke, "blanc");
  EXPECT_DOUBLE_EQ(st.casing->width, 2.5);
  ASSERT_TRUE(st.pattern);
  EXPECT_EQ(st.pattern->kind, model::FillPattern::Kind::Hatch);
  EXPECT_EQ(st.pattern->color, "noir");
  EXPECT_NEAR(st.pattern->spacing, mm_to_pt(2), 1e-9);
  EXPECT_DOUBLE_EQ(st.pattern->angle, 30);
  EXPECT_DOUBLE_EQ(st.pattern->width, 0.3);
  ASSERT_TRUE(st.marker);
  EXPECT_EQ(st.marker->shape, model::Marker::Shape::Svg);
  EXPECT_NEAR(st.marker->size, mm_to_pt(3), 1e-9);
  EXPECT_EQ(st.marker->svg_resolved, (p.root() / "assets/pictos/puits.svg").string());
  EXPECT_EQ(layer.legend, "Zones");
}

TEST(MapStyleLoader, CategorizedClassesInheritTheLayerStyle) {
  Project p("mapcat");
  Loaded r = p.load(map_content(
      "              style: {stroke: blanc, width: 0.3pt, fill: noir}\n"
      "              classify:\n"
      "                field: essence\n"
      "                classes:\n"
      "                  \"Peuplier\": {fill: vert-pale, label: Peupleraies}\n"
      "                  \"Chênes décidus\": {stroke: noir}\n"
      "                other: {fill: blanc, label: Autres essences}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& cl = map_of(r).layers[0].classify;
  EXPECT_EQ(cl.kind, model::Classification::Kind::Categorized);
  EXPECT_EQ(cl.field, "essence");
  ASSERT_EQ(cl.classes.size(), 2u);
  EXPECT_EQ(cl.classes[0].value, "Peuplier");
  EXPECT_EQ(cl.classes[0].label, "Peupleraies");
  EXPECT_EQ(cl.classes[0].style.fill, "vert-pale");
  EXPECT_EQ(cl.classes[0].style.stroke, "blanc");  // inherited
  EXPECT_DOUBLE_EQ(cl.classes[0].style.stroke_width, 0.3);
  EXPECT_EQ(cl.classes[1].value, "Chênes décidus");
  EXPECT_EQ(cl.classes[1].label, "Chênes décidus");  // the value by default
  EXPECT_EQ(cl.classes[1].style.fill, "noir");
  EXPECT_EQ(cl.classes[1].style.stroke, "noir");
  EXPECT_EQ(cl.classes[1].span.line, 17);
  ASSERT_TRUE(cl.other);
  EXPECT_EQ(cl.other->label, "Autres essences");
  EXPECT_EQ(cl.span.line, 13);
}

TEST(MapStyleLoader, GraduatedBreaksStylesAndDefaultLabels) {
  Project p("mapgrad");
  Loaded r = p.load(map_content(
      "              classify:\n"
      "                field: population\n"
      "                breaks: [0, 5000, 20000, 1000000]\n"
      "                styles: [{fill: blanc}, {fill: vert-pale}, {fill: noir}]\n"
      "                labels: [Villages, \"\", Villes]\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& cl = map_of(r).layers[0].classify;
  EXPECT_EQ(cl.kind, model::Classification::Kind::Graduated);
  ASSERT_EQ(cl.classes.size(), 3u);
  EXPECT_DOUBLE_EQ(cl.classes[1].min, 5000);
  EXPECT_DOUBLE_EQ(cl.classes[1].max, 20000);
  EXPECT_EQ(cl.classes[0].label, "Villages");
  EXPECT_EQ(cl.classes[1].label, "5\u202F000 – 20\u202F000");
  EXPECT_EQ(cl.classes[2].style.fill, "noir");
  EXPECT_EQ(load::french_range(0, 1000000), "0 – 1\u202F000\u202F000");
  EXPECT_EQ(load::french_range(0.5, 999), "0,5 – 999");
}

TEST(MapStyleLoader, RulesAndFocus) {
  Project p("maprules");
  Loaded r = p.load(map_content(
                        "              classify:\n"
                        "                rules:\n"
                        "                  - {where: \"type = 'canal'\", stroke: noir, width: 1pt, label: Canaux}\n"
                        "                  - {where: \"type = 'riviere'\", stroke: blanc}\n"
                        "                other: {stroke: vert-pale}\n",
                        "          focus: {layer: zone, where: \"siren = '246200364'\", veil: blanc, opacity: 0.5}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& map = map_of(r);
  const auto& cl = map.layers[0].classify;
  EXPECT_EQ(cl.kind, model::Classification::Kind::Rules);
  ASSERT_EQ(cl.classes.size(), 2u);
  EXPECT_EQ(cl.classes[0].where, "type = 'canal'");
  EXPECT_EQ(cl.classes[0].label, "Canaux");
  EXPECT_EQ(cl.classes[1].label, "type = 'riviere'");
  EXPECT_DOUBLE_EQ(cl.classes[0].style.stroke_width, 1);
  ASSERT_TRUE(map.focus);
  EXPECT_EQ(map.focus->layer, "zone");
  EXPECT_EQ(map.focus->where, "siren = '246200364'");
  EXPECT_EQ(map.focus->veil, "blanc");
  EXPECT_DOUBLE_EQ(map.focus->opacity, 0.5);
}

// Loads `layer_rest` (+ `map_rest`) and expects the error at line:col.
void expect_error(const std::string& tag, const std::string& layer_rest, int line, int col, const std::string& fragment,
                  const std::string& map_rest = "") {
  Project p(tag);
  Loaded r = p.load(map_content(layer_rest, map_rest));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", line, col, fragment)) << layer_rest << map_rest;
}

TEST(MapStyleLoader, StyleErrors) {
  expect_error("e1", "              style: {fill: noir, jion: round}\n", 12, 35, "unknown key 'jion' in the layer's 'style'");
  expect_error("e2", "              style: {join: rond}\n", 12, 29, "'join' cannot be 'rond' (did you mean 'round'?)");
  expect_error("e3", "              style: {cap: flat}\n", 12, 28, "'cap' must be round, butt or square (got 'flat')");
  expect_error("e4", "              style: {stroke: noir, width: 2pt, casing: {stroke: blanc, width: 1pt}}\n", 12,
               49, "must be wider than the stroke");
  expect_error("e5", "              style: {casing: {width: 3pt}}\n", 12, 23, "missing required key 'stroke' in 'casing'");
  expect_error("e6", "              style: {casing: {stroke: blan, width: 3pt}}\n", 12, 40, "unknown colour 'blan'");
  expect_error("e7", "              style: {pattern: {kind: stripes, color: noir}}\n", 12, 39,
               "'kind' must be hatch or dots (got 'stripes')");
  expect_error("e8", "              style: {pattern: {kind: dots, color: noir, angle: 30}}\n", 12, 58,
               "'angle' applies to `kind: hatch` only");
  expect_error("e9", "              style: {pattern: {kind: hatch, color: noir, spacing: 1pt, width: 2pt}}\n", 12, 80,
               "must be less than its 'spacing'");
  expect_error("e10", "              style: {pattern: {kind: hatch}}\n", 12, 23, "missing required key 'color' in 'pattern'");
  expect_error("e11", "              style: {marker: {shape: star}}\n", 12, 39, "'shape' must be circle, square, triangle or svg (got 'star')");
  expect_error("e12", "              style: {marker: {shape: svg}}\n", 12, 23, "missing required key 'svg' in 'marker'");
  expect_error("e13", "              style: {marker: {shape: circle, svg: assets/pictos/x.svg}}\n", 12, 47,
               "'svg' gives the picture of `shape: svg`");
  expect_error("e14", "              style: {marker: {svg: assets/pictos/absent.svg}}\n", 12, 37, "marker picture 'assets/pictos/absent.svg' not found");
  expect_error("e15", "              style: {marker: {svg: ../outside.svg}}\n", 12, 37, "'../outside.svg' goes outside the project folder");
  expect_error("e16", "              style: {marker: {svg: assets/maps/zone.gpkg}}\n", 12, 37, "must be an .svg file");
  expect_error("e17", "              style: {marker: {size: 2kg}}\n", 12, 38, "'size' must be a length with a unit");
  expect_error("e18", "              legend: [a, b]\n", 12, 23, "'legend'");
}

TEST(MapStyleLoader, ClassifyErrors) {
  // line 12: `classify:`, 13+: its keys.
  const std::string c = "              classify:\n";
  expect_error("c1", c + "                field: essence\n                classes: {a: {fill: noir}}\n"
                         "                breaks: [0, 1]\n",
               15, 17, "not both 'classes' and 'breaks'");
  expect_error("c2", c + "                field: essence\n", 12, 15, "'classify' needs 'classes");
  expect_error("c3", c + "                classes: {a: {fill: noir}}\n", 12, 15, "'field'");
  expect_error("c4", c + "                field: p\n                breaks: [0, 10, 5]\n                styles: [{}, {}]\n",
               14, 33, "'breaks' must increase: 5 comes after 10");
  expect_error("c5", c + "                field: p\n                breaks: [0, 10, 20]\n                styles: [{fill: noir}]\n",
               15, 25, "'styles' has 1 item but the 3 breaks make 2 classes");
  expect_error("c6", c + "                field: p\n                breaks: [0, 10]\n                styles: [{fill: noir}]\n"
                         "                labels: [a, b]\n",
               16, 25, "'labels' has 2 items but the 2 breaks make 1 classes");
  expect_error("c7", c + "                field: p\n                breaks: [0]\n                styles: []\n", 14, 25,
               "'breaks' needs at least two numbers");
  expect_error("c8", c + "                field: p\n                breaks: [0, 10]\n                styles: [{fill: noir}]\n"
                         "                other: {fill: noir}\n",
               16, 17, "'other' is not used with 'breaks'");
  expect_error("c9", c + "                field: essence\n                classes: {a: {fill: noire}}\n", 14, 37,
               "unknown colour 'noire' (did you mean 'noir'?)");
  expect_error("c10", c + "                field: essence\n                classes: {a: {fill: noir, lable: x}}\n", 14, 43,
               "unknown key 'lable' in class 'a'");
  expect_error("c11", c + "                rules: [{fill: noir}]\n", 13, 25, "'where'");
  expect_error("c12", c + "                field: t\n                rules: [{where: \"t = 1\", fill: noir}]\n", 13, 17,
               "'field' is not used with 'rules'");
  expect_error("c13", c + "                field: p\n                clases: {}\n", 14, 17, "(did you mean 'classes'?)");
  expect_error("c14", c + "                field: p\n                breaks: [0, x]\n                styles: [{}]\n", 14,
               29, "break 2");
  expect_error("c16", c + "                rules: [{where: \"t = 1\"}]\n              legend: Eau\n", 14, 15,
               "'legend' labels an unclassified layer");
  expect_error("c15", c + "                rules: [{where: \"t = 1\"}]\n                styles: [{}]\n", 14, 17,
               "'styles' goes with 'breaks'");
}

TEST(MapStyleLoader, FocusErrors) {
  expect_error("f1", "", 12, 26, "'focus' uses layer 'zon', which is not one of this map's layers (did you mean 'zone'?)",
               "          focus: {layer: zon}\n");
  expect_error("f2", "", 12, 11, "'layer'", "          focus: {where: \"a = 1\"}\n");
  expect_error("f3", "", 12, 38, "unknown colour 'gris'", "          focus: {layer: zone, veil: gris}\n");
  expect_error("f4", "", 12, 41, "'opacity' must be between 0 and 1", "          focus: {layer: zone, opacity: 2}\n");
  expect_error("f5", "", 12, 32, "unknown key 'vail' in 'focus' (did you mean 'veil'?)", "          focus: {layer: zone, vail: blanc}\n");
}

}  // namespace
}  // namespace plaquette::test
