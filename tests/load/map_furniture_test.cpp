// The map's labels and furniture keys: values read, and errors located at line:col with hints.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "load/load_fixture.hpp"

namespace plaquette::test {
namespace {

const std::string kHead = "document:\n  title: Essai\ntemplate: templates/mini.yaml\npages:\n"
                          "  - master: simple\n    blocks:\n      - frame: visuel\n        map:\n"
                          "          layers: [{source: assets/maps/zone.gpkg, layer: zone}]\n";

// The mini template plus the map text styles.
void add_map_styles(const Project& p) {
  std::string t = kMiniTemplate;
  const std::string anchor = "  source-carte: {font: Lato, size: 6.5pt}\n";
  t.replace(t.find(anchor), anchor.size(),
            anchor + "  legende-carte: {font: Lato, size: 6.5pt}\n  legende-carte-titre: {font: Lato, size: 7pt}\n"
                     "  etiquette-carte: {font: Lato, size: 6.5pt}\n");
  p.write("templates/mini.yaml", t);
}

const model::MapSpec& map_of(const Loaded& r) {
  return std::get<model::MapBlock>(r.doc->pages.at(0).blocks.at(0)).map;
}

TEST(MapFurnitureLoad, ReadsEveryKey) {
  Project p("furniture-ok");
  add_map_styles(p);
  Loaded r = p.load(kHead +
                    "          labels: [{layer: zone, field: nom, priority: population, halo_width: 1pt, where: \"population > 10\"}]\n"
                    "          legend: {position: top-left, title: Les milieux, columns: 2, background: none}\n"
                    "          scale_bar: {position: bottom-left, max_width: 30mm}\n"
                    "          north_arrow: true\n"
                    "          locator: {position: top-right, width: 25mm, layer: zone, fill: vert-pale, extent_stroke: noir}\n");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_FALSE(r.sink.has_errors()) << r.sink.to_string();
  const auto& m = map_of(r);
  ASSERT_EQ(m.labels.size(), 1u);
  EXPECT_EQ(m.labels[0].field, "nom");
  EXPECT_EQ(m.labels[0].priority, "population");
  EXPECT_EQ(m.labels[0].style, "etiquette-carte");
  EXPECT_EQ(m.labels[0].where, "population > 10");
  EXPECT_DOUBLE_EQ(m.labels[0].halo_width, 1.0);
  ASSERT_TRUE(m.legend);
  EXPECT_EQ(m.legend->position, model::Corner::TopLeft);
  EXPECT_EQ(m.legend->columns, 2);
  EXPECT_EQ(m.legend->background, "none");
  ASSERT_TRUE(m.scale_bar);
  EXPECT_NEAR(m.scale_bar->max_width, mm_to_pt(30), 1e-9);
  EXPECT_EQ(m.scale_bar->position, model::Corner::BottomLeft);
  ASSERT_TRUE(m.north_arrow);
  EXPECT_EQ(m.north_arrow->position, model::Corner::TopRight);
  ASSERT_TRUE(m.locator);
  EXPECT_EQ(m.locator->layer, "zone");
  EXPECT_EQ(m.locator->source, "assets/maps/zone.gpkg");  // defaults to the first layer's
  EXPECT_FALSE(m.locator->resolved.empty());
  EXPECT_NEAR(m.locator->width, mm_to_pt(25), 1e-9);
}

TEST(MapFurnitureLoad, ErrorsAreLocatedWithHints) {
  Project p("furniture-errors");
  add_map_styles(p);
  Loaded r = p.load(kHead +
                    "          labels: [{layer: zon, field: nom, styl: x}]\n"              // line 10
                    "          legend: {position: bottom-lef, columns: 9}\n"               // line 11
                    "          scale_bar: {max_width: 35km, style: legende-cart}\n"        // line 12
                    "          north_arrow: {size: 8mm, positon: top-left}\n"              // line 13
                    "          locator: {layer: zone, fill: gris-clair}\n"                 // line 14
                    "          legnd: true\n");                                            // line 15
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 28, "uses layer 'zon', which is not one of this map's layers (did you mean 'zone'?)"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 45, "unknown key 'styl' in labels item 1 (did you mean 'style'?)"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 11, 30, "did you mean 'bottom-left'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 11, 51, "between 1 and 6"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 12, 34, "35km"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 12, 47, "unknown style 'legende-cart'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 13, 36, "positon"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 14, 40, "unknown colour 'gris-clair'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 14, 11, "locator extent outline uses the colour 'rouge'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 15, 11, "did you mean 'legend'"));
}

TEST(MapFurnitureLoad, LabelsNeedLayerAndField) {
  Project p("furniture-required");
  add_map_styles(p);
  Loaded r = p.load(kHead + "          labels: [{layer: zone}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 20, "missing required key 'field' in labels item 1"));
}

TEST(MapFurnitureLoad, DefaultStylesMustExist) {
  Project p("furniture-styles");  // the mini template has no legende-carte
  Loaded r = p.load(kHead + "          scale_bar: true\n");
  bool found = false;
  for (const auto& d : r.sink.all())
    if (d.message.find("legende-carte") != std::string::npos && d.span.line == 10) found = true;
  EXPECT_TRUE(found) << r.sink.to_string();
}

}  // namespace
}  // namespace plaquette::test
