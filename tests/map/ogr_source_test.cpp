// Reading layers: filters, geometry conversion and reprojection into the map CRS.
#include <gtest/gtest.h>

#include "map/ogr_source.hpp"
#include "map_fixture.hpp"
#include "ogr_files.hpp"

namespace plaquette::map {
namespace {

using testing::kSpecSpan;

class OgrSourceTest : public ::testing::Test {
 protected:
  Crs l93 = Crs::parse_map_crs("EPSG:2154", kSpecSpan);
  TransformCache transforms;
  std::vector<Feature> read(const std::string& path, const std::string& layer, const std::string& where = "",
                            std::optional<Bbox> window = std::nullopt) {
    auto src = OgrSource::open(path, path, kSpecSpan);
    return src.read(LayerQuery{layer, where, window, kSpecSpan}, l93, transforms);
  }
};

TEST_F(OgrSourceTest, ListsTheGeoPackageLayers) {
  auto src = OgrSource::open(testing::bassin_gpkg(), "assets/maps/bassin-minier.gpkg", kSpecSpan);
  auto names = src.layer_names();
  for (const char* n : {"communes", "epci", "departements", "pays", "frontiere_fr_be", "voies_navigables_osm",
                        "forets_bdforet_partiel"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST_F(OgrSourceTest, AttributeFilterSelectsFeatures) {
  EXPECT_EQ(read(testing::bassin_gpkg(), "epci", "siren = '246200364'").size(), 1u);
  EXPECT_EQ(read(testing::bassin_gpkg(), "epci").size(), 36u);
  EXPECT_EQ(read(testing::bassin_gpkg(), "communes", "epci_siren = '246200364'").size(), 36u);
}

TEST_F(OgrSourceTest, SpatialFilterReadsOnlyTheWindow) {
  // A 10 km window around Lens: a handful of communes, not 1534.
  auto some = read(testing::bassin_gpkg(), "communes", "", Bbox{683000, 7032000, 693000, 7042000});
  EXPECT_GT(some.size(), 3u);
  EXPECT_LT(some.size(), 60u);
}

TEST_F(OgrSourceTest, PolygonsBecomeClosedPartsWithoutRepeatedVertex) {
  // Pas-de-Calais: one outer ring and the hole where the Nord exclave sits.
  auto f = read(testing::bassin_gpkg(), "departements", "code = '62'");
  ASSERT_EQ(f.size(), 1u);
  ASSERT_EQ(f[0].parts.size(), 2u);
  for (const auto& p : f[0].parts) {
    EXPECT_TRUE(p.closed);
    EXPECT_NE(p.points.front(), p.points.back());
  }
  auto lines = read(testing::bassin_gpkg(), "frontiere_fr_be");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].parts.size(), 17u);  // PROVENANCE: 17 parts
  for (const auto& p : lines[0].parts) EXPECT_FALSE(p.closed);
}

TEST_F(OgrSourceTest, SingleLayerFileNeedsNoLayerName) {
  testing::TempDir tmp("map-single");
  const auto& dir = tmp.path;
  auto path = testing::write_geojson_wgs84(dir).string();
  EXPECT_EQ(read(path, "").size(), 3u);
}

TEST_F(OgrSourceTest, GeoJsonInWgs84IsReprojected) {
  testing::TempDir tmp("map-wgs84");
  const auto& dir = tmp.path;
  auto path = testing::write_geojson_wgs84(dir).string();
  auto origin = read(path, "wgs84", "nom = 'origine'");
  ASSERT_EQ(origin.size(), 1u);
  ASSERT_EQ(origin[0].points.size(), 1u);
  EXPECT_NEAR(origin[0].points[0].x, 700000, 0.01);
  EXPECT_NEAR(origin[0].points[0].y, 6600000, 0.01);
  auto lens = read(path, "wgs84", "nom = 'lens'");
  ASSERT_EQ(lens.size(), 1u);
  EXPECT_NEAR(lens[0].points[0].x, 688039.1709, 0.01);
  EXPECT_NEAR(lens[0].points[0].y, 7037199.4837, 0.01);
  // The window is given in Lambert-93 and must be transformed to degrees for the filter.
  auto near_origin = read(path, "wgs84", "", Bbox{695000, 6595000, 705000, 6605000});
  EXPECT_EQ(near_origin.size(), 2u);  // the origin point and the square, not Lens
}

}  // namespace
}  // namespace plaquette::map
