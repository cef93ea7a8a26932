// Labels and furniture: scale rounding and French numbers, polylabel, greedy placement without
// overlaps or duplicates, legend entries, and the furniture boxes labels avoid.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <fmt/format.h>

#include "map/furniture.hpp"
#include "map/map.hpp"
#include "map_fixture.hpp"

namespace plaquette::map {
namespace {

using namespace testing;

const std::string kNnbsp = "\u202F";

// Text "set" without fonts: 3.5 pt per byte, 5 pt ascent, 1.5 pt descent. Records every call.
class FakeSetter : public TextSetter {
 public:
  mutable std::vector<std::pair<std::string, std::string>> calls;
  Line set_line(const std::string& style, const std::string& text) const override {
    calls.emplace_back(style, text);
    Line l;
    l.width = 3.5 * text.size();
    l.ascent = 5;
    l.descent = 1.5;
    return l;
  }
  bool printed(const std::string& text) const {
    for (const auto& c : calls)
      if (c.second == text) return true;
    return false;
  }
};

TEST(ScaleBar, RoundLengthIsTheLargestOneTwoFiveBelow) {
  EXPECT_DOUBLE_EQ(round_ground_length(99), 50);
  EXPECT_DOUBLE_EQ(round_ground_length(100), 100);
  EXPECT_DOUBLE_EQ(round_ground_length(199.9), 100);
  EXPECT_DOUBLE_EQ(round_ground_length(200), 200);
  EXPECT_DOUBLE_EQ(round_ground_length(499), 200);
  EXPECT_DOUBLE_EQ(round_ground_length(7300), 5000);
  EXPECT_DOUBLE_EQ(round_ground_length(10000), 10000);
  EXPECT_DOUBLE_EQ(round_ground_length(0.9), 0.5);
  EXPECT_DOUBLE_EQ(round_ground_length(1e-3), 1e-3);
  EXPECT_DOUBLE_EQ(round_ground_length(0), 0);
  EXPECT_DOUBLE_EQ(round_ground_length(-5), 0);
}

TEST(ScaleBar, FrenchLengths) {
  EXPECT_EQ(format_ground_length(500), "500" + kNnbsp + "m");
  EXPECT_EQ(format_ground_length(2000), "2" + kNnbsp + "km");
  EXPECT_EQ(format_ground_length(10000), "10" + kNnbsp + "km");
  EXPECT_EQ(format_ground_length(1e6), "1" + kNnbsp + "000" + kNnbsp + "km");
  EXPECT_EQ(format_ground_length(1500), "1,5" + kNnbsp + "km");
  EXPECT_EQ(format_ground_length(0.5), "0,5" + kNnbsp + "m");
  EXPECT_EQ(format_number_fr(12500), "12" + kNnbsp + "500");
  EXPECT_EQ(format_number_fr(1234567.25), "1" + kNnbsp + "234" + kNnbsp + "567,25");
}

bool inside_ring(Point p, const std::vector<Point>& v) {
  bool in = false;
  for (size_t i = 0, j = v.size() - 1; i < v.size(); j = i++)
    if ((v[i].y > p.y) != (v[j].y > p.y) && p.x < (v[j].x - v[i].x) * (p.y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
      in = !in;
  return in;
}

TEST(Polylabel, UShapeGetsAPointInsideWhereTheCentroidIsNot) {
  // A U: its centroid (15, 13.6) lies in the notch, outside the polygon.
  std::vector<Point> u{{0, 0}, {30, 0}, {30, 30}, {20, 30}, {20, 10}, {10, 10}, {10, 30}, {0, 30}};
  EXPECT_FALSE(inside_ring({15, 13.57}, u));
  Pole pole = pole_of_inaccessibility({u}, Rect{-100, -100, 300, 300}, 0.1);
  ASSERT_TRUE(pole.found);
  EXPECT_TRUE(inside_ring(pole.at, u)) << pole.at.x << "," << pole.at.y;
  EXPECT_GT(pole.distance, 4.9);  // the bars are 10 wide: the best point is ~5 from every edge
}

TEST(Polylabel, HolesAndTheLimitCount) {
  std::vector<Point> outer{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
  std::vector<Point> hole{{20, 20}, {80, 20}, {80, 80}, {20, 80}};
  Pole pole = pole_of_inaccessibility({outer, hole}, Rect{-10, -10, 200, 200}, 0.1);
  ASSERT_TRUE(pole.found);
  EXPECT_FALSE(inside_ring(pole.at, hole));
  EXPECT_NEAR(pole.distance, 20 * std::sqrt(2.0) / (1 + std::sqrt(2.0)), 0.2);  // in a corner of the band
  // Only the left half visible: the pole stays in it.
  Pole left = pole_of_inaccessibility({outer}, Rect{-10, -10, 40, 200}, 0.1);
  ASSERT_TRUE(left.found);
  EXPECT_LT(left.at.x, 30);
  // Wholly outside the limit: nothing.
  EXPECT_FALSE(pole_of_inaccessibility({outer}, Rect{200, 200, 10, 10}).found);
}

TEST(PlaceLabels, GreedyByPriorityWithoutOverlapOrDuplicates) {
  Obstacles obstacles(Rect{0, 0, 100, 100}, 2);
  obstacles.add({40, 40, 20, 20});  // a legend
  std::vector<LabelCandidates> c(4);
  c[0] = {"Lens", 10, {{10, 10, 30, 8}}};
  c[1] = {"Liévin", 50, {{20, 12, 30, 8}, {20, 30, 30, 8}}};  // overlaps Lens first, takes its 2nd box
  c[2] = {"Lens", 5, {{60, 80, 20, 8}}};                      // same text: never printed twice
  c[3] = {"Loos", 100, {{45, 45, 10, 8}, {95, 0, 10, 8}}};    // on the legend, then off the frame
  auto placed = place_labels(c, obstacles);
  std::map<size_t, size_t> got;
  for (auto p : placed) got[p.candidate] = p.box;
  EXPECT_EQ(got.size(), 2u);
  EXPECT_EQ(got.at(1), 0u);  // Liévin (50) first: its first box
  EXPECT_FALSE(got.count(0));  // Lens (10) overlaps Liévin...
  EXPECT_FALSE(got.count(2) && got.count(0));
  EXPECT_TRUE(got.count(2));   // ...so its lower-priority twin elsewhere is the one printed
  EXPECT_FALSE(got.count(3));
}

// A dense layer of points in Lambert-93 (GeoJSON with a crs member), names repeated every 40:
// 120 points where only some labels fit.
std::filesystem::path write_dense_points(const std::filesystem::path& dir) {
  std::string features;
  for (int i = 0; i < 120; ++i) {
    const double x = 690000 + (i % 12) * 1000 + (i / 12 % 2) * 500, y = 7030000 + (i / 12) * 800;
    if (!features.empty()) features += ",\n";
    features += fmt::format(R"({{"type": "Feature", "properties": {{"nom": "Lieu {}", "population": {}}},
      "geometry": {{"type": "Point", "coordinates": [{}, {}]}}}})",
                            i % 40, (i * 7919) % 1000, x, y);
  }
  auto path = dir / "points.geojson";
  test::write_file(path, R"({"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},
"features": [)" + features + "]}");
  return path;
}

void expect_clean(const MapResult& r, const Rect& frame) {
  std::set<std::string> texts;
  for (size_t i = 0; i < r.labels.size(); ++i) {
    const auto& a = r.labels[i];
    EXPECT_TRUE(texts.insert(a.text).second) << "printed twice: " << a.text;
    EXPECT_TRUE(frame.contains(a.box)) << a.text;
    for (size_t j = i + 1; j < r.labels.size(); ++j)
      EXPECT_FALSE(overlaps(a.box, r.labels[j].box)) << a.text << " overlaps " << r.labels[j].text;
    for (const auto& f : r.furniture) EXPECT_FALSE(overlaps(a.box, f)) << a.text << " overlaps the furniture";
  }
}

TEST(MapLabels, DensePointsNeverOverlapNorRepeat) {
  TempDir dir("labels-dense");
  auto path = write_dense_points(dir.path).string();
  auto layer = layer_of(path, "points");
  auto spec = spec_with({layer});
  model::MapLabels labels;
  labels.layer = "points";
  labels.field = "nom";
  labels.priority = "population";
  labels.style = "etiquette-carte";
  labels.span = span_line(30);
  spec.labels.push_back(labels);
  spec.scale_bar = model::ScaleBarSpec{};
  spec.north_arrow = model::NorthArrowSpec{};
  spec.legend = model::LegendSpec{};
  spec.legend->title = "Lieux";
  const Rect frame{0, 0, 300, 200};
  FakeSetter text;
  auto r = draw_map(spec, frame, test_swatches(), &text);
  EXPECT_GT(r.labels.size(), 10u);
  EXPECT_LE(r.labels.size(), 40u);
  EXPECT_EQ(r.furniture.size(), 3u);
  expect_clean(r, frame);
  EXPECT_TRUE(text.printed("0"));
  EXPECT_TRUE(text.printed("Lieux"));
  EXPECT_TRUE(text.printed("N"));
}

TEST(MapLabels, CommunesGetLabelsInsideTheirArea) {
  auto spec = spec_with({gpkg_layer("communes", "epci_siren = '246200364'")});
  spec.extent.layer = "communes";
  spec.extent.where = "epci_siren = '246200364'";
  model::MapLabels labels;
  labels.layer = "communes";
  labels.field = "nom";
  labels.priority = "population";
  labels.span = span_line(30);
  spec.labels.push_back(labels);
  FakeSetter text;
  auto r = draw_map(spec, kFrame, test_swatches(), &text);
  EXPECT_GT(r.labels.size(), 10u);
  expect_clean(r, kFrame);
  bool lens = false;
  for (const auto& l : r.labels) lens |= l.text == "Lens";
  EXPECT_TRUE(lens);  // the most populated commune is labelled
}

TEST(MapLabels, UnknownFieldIsReportedAtTheLabels) {
  auto spec = spec_with({gpkg_layer("communes")});
  model::MapLabels labels;
  labels.layer = "communes";
  labels.field = "nomm";
  labels.span = span_line(30);
  spec.labels.push_back(labels);
  FakeSetter text;
  expect_input_error([&] { draw_map(spec, kFrame, test_swatches(), &text); }, span_line(30),
                     {"'nomm'", "did you mean 'nom'"});
}

TEST(MapLabels, NoTextSetterNoLabels) {
  auto spec = spec_with({gpkg_layer("epci")});
  model::MapLabels labels;
  labels.layer = "epci";
  labels.field = "nom";
  spec.labels.push_back(labels);
  auto r = draw_map(spec, kFrame, test_swatches());
  EXPECT_TRUE(r.labels.empty());
}

TEST(Legend, ListsTheEntriesItIsGiven) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.legend = model::LegendSpec{};
  spec.legend->title = "Les milieux";
  spec.legend->columns = 2;
  std::vector<LegendEntry> entries(3);
  entries[0].kind = LegendEntry::Kind::Area;
  entries[0].label = "Forêts";
  entries[0].style.fill = "vert-foret";
  entries[0].style.pattern = model::FillPattern{};
  entries[0].style.pattern->color = "blanc";
  entries[1].kind = LegendEntry::Kind::Line;
  entries[1].label = "Canaux";
  entries[1].style.stroke = "bleu-eau";
  entries[1].style.casing = model::Casing{"blanc", 2.0, {}};
  entries[2].kind = LegendEntry::Kind::Point;
  entries[2].label = "Terrils";
  entries[2].style.fill = "gris";
  const Crs crs = Crs::parse_map_crs("EPSG:2154", {});
  SourceCache sources;
  TransformCache transforms;
  const Viewport vp = make_viewport(Bbox{680000, 7020000, 700000, 7040000}, Rect{0, 0, 200, 200});
  FakeSetter text;
  FurnitureContext c{spec, vp, test_swatches(), &text, crs, sources, transforms, entries};
  std::vector<scene::Item> out;
  auto boxes = draw_furniture(c, {}, out);
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_LT(boxes[0].x, 20);     // bottom-left
  EXPECT_GT(boxes[0].bottom(), 180);
  std::vector<std::string> texts;
  for (const auto& [style, t] : text.calls) texts.push_back(t);
  EXPECT_EQ(texts, (std::vector<std::string>{"Les milieux", "Forêts", "Canaux", "Terrils"}));
  EXPECT_FALSE(out.empty());

  // No entry and no title: no legend at all.
  std::vector<LegendEntry> none;
  spec.legend->title.clear();
  FurnitureContext empty{spec, vp, test_swatches(), &text, crs, sources, transforms, none};
  std::vector<scene::Item> out2;
  EXPECT_TRUE(draw_furniture(empty, {}, out2).empty());
}

TEST(Locator, DrawsTheLayerAndTheExtent) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.locator = model::LocatorSpec{};
  spec.locator->source = bassin_gpkg();
  spec.locator->layer = "departements";
  spec.locator->fill = "vert-pale";
  spec.locator->stroke = "blanc";
  spec.locator->extent_stroke = "gris";
  spec.scale_bar = model::ScaleBarSpec{};
  auto r = draw_map(spec, kFrame, test_swatches());
  ASSERT_EQ(r.furniture.size(), 2u);
  EXPECT_NEAR(r.furniture[0].width, 85.0, 1e-9);
  EXPECT_FALSE(overlaps(r.furniture[0], r.furniture[1]));
  bool extent = false;
  for (auto* p : paths_of(r.group)) extent |= p->stroke && p->stroke->paint.swatch == "gris";
  EXPECT_TRUE(extent);
}

}  // namespace
}  // namespace plaquette::map
