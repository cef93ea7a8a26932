// The same territory from three formats: the GeoPackage in Lambert-93, a Shapefile in WGS 84
// (EPSG:4326, attributes in Latin-1 declared by its .cpg) and a GeoJSON in WGS 84. Each must
// draw the same map: the same extent, the same outline (within reprojection rounding) and the
// same accented attribute values for classification.
#include <gtest/gtest.h>

#include "map/map_fixture.hpp"

namespace plaquette::map::testing {
namespace {

const std::string kWhere = "siren = '246200364'";  // CA de Lens - Liévin

std::string convert(const TempDir& dir, const std::string& file, const std::string& options) {
  const std::string out = (dir.path / file).string();
  std::string log;
  const int status = test::run("ogr2ogr " + options + " '" + out + "' '" + bassin_gpkg() + "' epci -where \"" + kWhere +
                                   "\" -nln epci_export",
                               &log);
  EXPECT_EQ(status, 0) << log;
  return out;
}

// Lens-Liévin, categorized by its accented name, framed on its own outline plus 2 km.
MapResult draw(const std::string& source, const std::string& layer, const std::string& where = "") {
  auto l = layer_of(source, layer, where);
  l.classify.kind = model::Classification::Kind::Categorized;
  l.classify.field = "nom";
  model::StyleClass lens;
  lens.value = "CA de Lens - Liévin";
  lens.style = l.style;
  lens.style.fill = "bleu-pale";
  lens.label = "Lens-Liévin";
  l.classify.classes.push_back(lens);
  auto spec = spec_with({l});
  spec.extent.layer = layer;
  spec.extent.where = where;
  spec.extent.margin = 2000;
  return draw_map(spec, kFrame, test_swatches());
}

void expect_same_map(const MapResult& a, const MapResult& b) {
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(a.extent[i], b.extent[i], 2.0) << i;  // metres
  EXPECT_NEAR(a.scale_denominator, b.scale_denominator, a.scale_denominator * 1e-4);
  auto fa = filled_paths(a, "bleu-pale"), fb = filled_paths(b, "bleu-pale");
  ASSERT_EQ(fa.size(), 1u) << "the accented category did not match";
  ASSERT_EQ(fb.size(), 1u) << "the accented category did not match";
  PageBox ba, bb;
  for (const auto& s : fa[0]->subpaths) for (auto p : s.points) ba.add(p);
  for (const auto& s : fb[0]->subpaths) for (auto p : s.points) bb.add(p);
  EXPECT_NEAR(ba.x0, bb.x0, 0.2);
  EXPECT_NEAR(ba.y0, bb.y0, 0.2);
  EXPECT_NEAR(ba.x1, bb.x1, 0.2);
  EXPECT_NEAR(ba.y1, bb.y1, 0.2);
  ASSERT_EQ(a.legend.size(), 1u);
  EXPECT_EQ(a.legend[0].label, "Lens-Liévin");
}

TEST(Formats, ShapefileInWgs84WithLatin1AttributesDrawsLikeTheGeoPackage) {
  TempDir dir("map-shp");
  const auto shp = convert(dir, "epci.shp", "-f 'ESRI Shapefile' -t_srs EPSG:4326 -lco ENCODING=ISO-8859-1");
  ASSERT_TRUE(std::filesystem::exists(dir.path / "epci.cpg"));
  EXPECT_NE(test::read_file(dir.path / "epci.cpg").find("8859"), std::string::npos);
  expect_same_map(draw(bassin_gpkg(), "epci", kWhere), draw(shp, "epci"));
}

TEST(Formats, GeoJsonInWgs84DrawsLikeTheGeoPackage) {
  TempDir dir("map-geojson");
  const auto json = convert(dir, "epci.geojson", "-f GeoJSON");
  expect_same_map(draw(bassin_gpkg(), "epci", kWhere), draw(json, "epci_export"));
}

}  // namespace
}  // namespace plaquette::map::testing
