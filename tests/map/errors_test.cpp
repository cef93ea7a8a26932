// Every mistake a user can make in a map spec: located at the right YAML, saying what to do.
#include <gtest/gtest.h>

#include "map/map.hpp"
#include "map_fixture.hpp"
#include "ogr_files.hpp"

namespace plaquette::map {
namespace {

using namespace testing;

void draw(const model::MapSpec& spec) { draw_map(spec, kFrame, test_swatches()); }

TEST(MapErrors, MissingFile) {
  auto spec = spec_with({layer_of((test::source_dir() / "assets/maps/absente.gpkg").string(), "communes")});
  spec.layers[0].source = "assets/maps/absente.gpkg";
  expect_input_error([&] { draw(spec); }, span_line(20), {"map source 'assets/maps/absente.gpkg' not found", "`source`"});
}

TEST(MapErrors, NotAVectorFile) {
  testing::TempDir tmp("map-notvector");
  const auto& dir = tmp.path;
  test::write_file(dir / "notes.gpkg", "ceci n'est pas un GeoPackage\n");
  auto spec = spec_with({layer_of((dir / "notes.gpkg").string(), "communes")});
  expect_input_error([&] { draw(spec); }, span_line(20), {"cannot open map source", "GeoPackage"});
}

TEST(MapErrors, VirtualPathsAndUrlsAreRefused) {
  for (const char* p : {"/vsicurl/https://example.org/data.gpkg", "/vsizip//tmp/x.zip/a.shp",
                        "https://example.org/data.geojson", "/VSIMEM/x.gpkg"}) {
    auto spec = spec_with({layer_of(p, "communes")});
    expect_input_error([&] { draw(spec); }, span_line(20), {"is not a local file"});
  }
  // Also when only the written `source` looks remote.
  auto l = gpkg_layer("communes");
  l.source = "/vsicurl/http://example.org/x.gpkg";
  expect_input_error([&] { draw(spec_with({l})); }, span_line(20), {"is not a local file"});
}

TEST(MapErrors, LayerNotFoundSuggestsAndLists) {
  auto spec = spec_with({gpkg_layer("comunes")});
  expect_input_error([&] { draw(spec); }, span_line(20),
                     {"layer 'comunes' not found", "did you mean 'communes'?", "epci", "frontiere_fr_be"});
  auto far = spec_with({gpkg_layer("rivieres")});
  expect_input_error([&] { draw(far); }, span_line(20), {"layer 'rivieres' not found", "voies_navigables_osm"});
}

TEST(MapErrors, LayerNameNeededWhenTheFileHasSeveral) {
  auto spec = spec_with({gpkg_layer("")});
  expect_input_error([&] { draw(spec); }, span_line(20), {"has 7 layers", "`layer:`", "communes"});
}

TEST(MapErrors, BadWhereFilterQuotesOgr) {
  auto spec = spec_with({gpkg_layer("epci", "siren = = '246200364'")});
  expect_input_error([&] { draw(spec); }, span_line(20),
                     {"bad `where` filter \"siren = = '246200364'\"", "syntax error", "single quotes"});
  // A type mismatch SQLite would silently accept (and match nothing).
  auto mismatch = spec_with({gpkg_layer("epci", "siren = 246200364")});
  expect_input_error([&] { draw(mismatch); }, span_line(20), {"bad `where` filter", "Type mismatch"});
}

TEST(MapErrors, UnknownFieldInFilter) {
  auto spec = spec_with({gpkg_layer("epci", "sirn = '246200364'")});
  expect_input_error([&] { draw(spec); }, span_line(20),
                     {"uses field 'sirn'", "layer 'epci'", "did you mean 'siren'?", "nb_communes"});
}

TEST(MapErrors, LayerWithoutCrs) {
  testing::TempDir tmp("map-nocrs");
  const auto& dir = tmp.path;
  auto shp = write_shapefile_without_crs(dir);
  auto spec = spec_with({layer_of(shp.string(), "sans_crs", "", 30)});
  spec.extent.bbox = std::array<double, 4>{690000, 6590000, 710000, 6610000};
  expect_input_error([&] { draw(spec); }, span_line(30), {"has no coordinate reference system", "-a_srs"});
}

TEST(MapErrors, UnknownMapCrs) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.crs = "EPSG:21540";
  expect_input_error([&] { draw(spec); }, kSpecSpan, {"unknown CRS 'EPSG:21540'", "EPSG:2154"});
  spec.crs = "EPSG:4326";
  expect_input_error([&] { draw(spec); }, kSpecSpan, {"not projected"});
}

TEST(MapErrors, ExtentMatchingNothingIsEmpty) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.extent.layer = "epci";
  spec.extent.where = "siren = '000000000'";
  expect_input_error([&] { draw(spec); }, kExtentSpan, {"empty extent", "'epci'", "siren = '000000000'"});
}

TEST(MapErrors, ExtentFilterErrorsPointAtTheExtent) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.extent.layer = "epci";
  spec.extent.where = "sren = '246200364'";
  expect_input_error([&] { draw(spec); }, kExtentSpan, {"uses field 'sren'", "did you mean 'siren'?"});
}

TEST(MapErrors, ExtentLayerMustBeAMapLayer) {
  auto spec = spec_with({gpkg_layer("epci"), gpkg_layer("communes", "", 24)});
  spec.extent.layer = "epcis";
  expect_input_error([&] { draw(spec); }, kExtentSpan,
                     {"extent layer 'epcis' is not one of this map's layers", "did you mean 'epci'?", "communes"});
  // 'departements' is in the GeoPackage but not drawn by this map.
  spec.extent.layer = "departements";
  expect_input_error([&] { draw(spec); }, kExtentSpan, {"extent layer 'departements'"});
}

TEST(MapErrors, BadBbox) {
  auto spec = spec_with({gpkg_layer("epci")});
  spec.extent.bbox = std::array<double, 4>{760000, 7000000, 650000, 7060000};
  expect_input_error([&] { draw(spec); }, kExtentSpan, {"extent bbox", "xmin < xmax"});
}

TEST(MapErrors, UnknownSwatch) {
  auto l = gpkg_layer("epci");
  l.style.fill = "vert-pal";
  expect_input_error([&] { draw(spec_with({l})); }, span_line(21),
                     {"unknown colour 'vert-pal'", "fill of map layer 'epci'", "did you mean 'vert-pale'?"});
  auto s = gpkg_layer("epci");
  s.style.stroke = "rouge";
  expect_input_error([&] { draw(spec_with({s})); }, span_line(21), {"unknown colour 'rouge'", "stroke"});
  auto spec = spec_with({gpkg_layer("epci")});
  spec.background = "bleu-pal";
  expect_input_error([&] { draw(spec); }, kSpecSpan, {"unknown colour 'bleu-pal'", "map background"});
  spec.background.clear();
  spec.frame_stroke = "griss";
  expect_input_error([&] { draw(spec); }, kSpecSpan, {"unknown colour 'griss'", "did you mean 'gris'?"});
}

TEST(MapErrors, SwatchIsCheckedBeforeAnyFileIsRead) {
  // Both a missing file and a bad colour: the colour, found without I/O, is reported.
  auto l = layer_of("/nonexistent/x.gpkg", "epci");
  l.style.fill = "vert-pal";
  expect_input_error([&] { draw(spec_with({l})); }, span_line(21), {"unknown colour"});
}

TEST(MapErrors, BadDash) {
  auto l = gpkg_layer("frontiere_fr_be");
  l.style.dash = {0, 0};
  expect_input_error([&] { draw(spec_with({l})); }, span_line(21), {"dash", "positive"});
}

TEST(MapErrors, EmptyFrame) {
  auto spec = spec_with({gpkg_layer("epci")});
  expect_input_error([&] { draw_map(spec, Rect{0, 0, 0, 100}, test_swatches()); }, kSpecSpan, {"frame is empty"});
}

TEST(MapErrors, GdalMessagesStayOffStderr) {
  auto spec = spec_with({gpkg_layer("epci", "sirn = '1'")});
  ::testing::internal::CaptureStderr();
  EXPECT_THROW(draw(spec), InputError);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace plaquette::map
