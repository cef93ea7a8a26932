// CRS parsing and reprojection against reference values computed independently.
#include <gtest/gtest.h>

#include "map/projection.hpp"
#include "map_fixture.hpp"

namespace plaquette::map {
namespace {

using testing::kSpecSpan;

GroundPoint to_lambert93(GroundPoint lonlat) {
  TransformCache cache;
  const auto& t = cache.get(Crs::parse("EPSG:4326", kSpecSpan), Crs::parse("EPSG:2154", kSpecSpan), kSpecSpan);
  std::vector<GroundPoint> pts{lonlat};
  t.apply(pts);
  EXPECT_EQ(pts.size(), 1u);
  return pts.empty() ? GroundPoint{} : pts[0];
}

TEST(Projection, Lambert93OriginIsExact) {
  // Lambert-93 puts its false origin, lon 3° lat 46.5°, at (700 000, 6 600 000) by definition.
  // The input is longitude first: the CRS must use GIS axis order, not EPSG's lat/lon.
  GroundPoint p = to_lambert93({3.0, 46.5});
  EXPECT_NEAR(p.x, 700000.0, 0.01);
  EXPECT_NEAR(p.y, 6600000.0, 0.01);
}

TEST(Projection, LensMatchesGdaltransform) {
  // Reference from `echo "2.8319 50.4322" | gdaltransform -s_srs EPSG:4326 -t_srs EPSG:2154`
  // (GDAL 3.6.2 / PROJ 9.1), checked with `cs2cs EPSG:4326 EPSG:2154`: 688039.1709 7037199.4837.
  GroundPoint p = to_lambert93({2.8319, 50.4322});
  EXPECT_NEAR(p.x, 688039.1709, 0.01);
  EXPECT_NEAR(p.y, 7037199.4837, 0.01);
}

TEST(Projection, SameCrsIsIdentity) {
  TransformCache cache;
  auto a = Crs::parse("EPSG:2154", kSpecSpan);
  auto b = Crs::parse("EPSG:2154", kSpecSpan);
  EXPECT_TRUE(cache.get(a, b, kSpecSpan).identity());
  EXPECT_FALSE(cache.get(Crs::parse("EPSG:4326", kSpecSpan), a, kSpecSpan).identity());
}

TEST(Projection, CacheReturnsTheSameTransformation) {
  TransformCache cache;
  auto wgs = Crs::parse("EPSG:4326", kSpecSpan);
  auto l93 = Crs::parse("EPSG:2154", kSpecSpan);
  EXPECT_EQ(&cache.get(wgs, l93, kSpecSpan), &cache.get(Crs::parse("EPSG:4326", kSpecSpan), l93, kSpecSpan));
  EXPECT_NE(&cache.get(wgs, l93, kSpecSpan), &cache.get(l93, wgs, kSpecSpan));
}

TEST(Projection, BoundsCoverTransformedCorners) {
  TransformCache cache;
  auto l93 = Crs::parse("EPSG:2154", kSpecSpan);
  auto wgs = Crs::parse("EPSG:4326", kSpecSpan);
  Bbox box{650000, 7000000, 760000, 7060000};
  auto out = cache.get(l93, wgs, kSpecSpan).bounds(box);
  ASSERT_TRUE(out.has_value());
  std::vector<GroundPoint> corners{{box.xmin, box.ymin}, {box.xmax, box.ymin}, {box.xmin, box.ymax}, {box.xmax, box.ymax}};
  cache.get(l93, wgs, kSpecSpan).apply(corners);
  ASSERT_EQ(corners.size(), 4u);
  for (auto c : corners) {
    EXPECT_GE(c.x, out->xmin - 1e-9);
    EXPECT_LE(c.x, out->xmax + 1e-9);
    EXPECT_GE(c.y, out->ymin - 1e-9);
    EXPECT_LE(c.y, out->ymax + 1e-9);
  }
  // Longitude first, in the Nord/Pas-de-Calais.
  EXPECT_GT(out->xmin, 1.5);
  EXPECT_LT(out->xmax, 4.5);
  EXPECT_GT(out->ymin, 49.5);
}

TEST(Projection, UnknownCrsIsLocated) {
  testing::expect_input_error([] { Crs::parse("EPSG:99999", kSpecSpan); }, kSpecSpan,
                              {"unknown CRS 'EPSG:99999'", "EPSG:2154"});
  testing::expect_input_error([] { Crs::parse("Lambert 93", kSpecSpan); }, kSpecSpan, {"unknown CRS"});
}

TEST(Projection, CrsTextNeverReadsFilesOrUrls) {
  // SetFromUserInput would read a WKT file or fetch a URL; the limitations must refuse both.
  testing::TempDir tmp("crs");
  const auto& dir = tmp.path;
  test::write_file(dir / "l93.prj", "PROJCS[\"RGF93_Lambert_93\",GEOGCS[\"GCS_RGF_1993\",DATUM[\"D_RGF_1993\","
                                    "SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                                    "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
                                    "PARAMETER[\"False_Easting\",700000.0],PARAMETER[\"False_Northing\",6600000.0],"
                                    "PARAMETER[\"Central_Meridian\",3.0],PARAMETER[\"Standard_Parallel_1\",49.0],"
                                    "PARAMETER[\"Standard_Parallel_2\",44.0],PARAMETER[\"Latitude_Of_Origin\",46.5],"
                                    "UNIT[\"Meter\",1.0]]");
  EXPECT_THROW(Crs::parse((dir / "l93.prj").string(), kSpecSpan), InputError);
  EXPECT_THROW(Crs::parse("http://127.0.0.1:9/crs.wkt", kSpecSpan), InputError);
}

TEST(Projection, MapCrsMustBeProjected) {
  testing::expect_input_error([] { Crs::parse_map_crs("EPSG:4326", kSpecSpan); }, kSpecSpan,
                              {"not projected", "EPSG:2154"});
  EXPECT_DOUBLE_EQ(Crs::parse_map_crs("EPSG:2154", kSpecSpan).metres_per_unit(), 1.0);
}

}  // namespace
}  // namespace plaquette::map
