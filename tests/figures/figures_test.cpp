// Figures for a territory: areas, lengths and counts measured in Lambert-93 on hand-made files,
// reprojection, errors, French number formatting, and the real Bassin minier GeoPackage.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "figures/figures.hpp"
#include "support/test_paths.hpp"

namespace plaquette::figures {
namespace {

const Span kSpan{"content/variantes/lens.yaml", 4, 3};
const Span kFigureSpan{"content/pages/chiffres.yaml", 12, 7};

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) : path(test::make_temp_dir(tag)) {}
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

std::string pt(double x, double y) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.9f, %.9f]", x, y);
  return buf;
}

// "[a, b, ...]": a GeoJSON coordinate list (appended piece by piece: GCC 12 warns wrongly on
// long chains of "literal" + std::string).
std::string list(std::initializer_list<std::string> items) {
  std::string out = "[";
  for (const auto& i : items) {
    if (out.size() > 1) out += ", ";
    out += i;
  }
  out += "]";
  return out;
}

// A closed rectangle ring as GeoJSON coordinates.
std::string rect(double x0, double y0, double x1, double y1) {
  return "[[" + pt(x0, y0) + ", " + pt(x1, y0) + ", " + pt(x1, y1) + ", " + pt(x0, y1) + ", " + pt(x0, y0) + "]]";
}

std::string feature(const std::string& props, const std::string& type, const std::string& coords) {
  return R"({"type": "Feature", "properties": {)" + props + R"(}, "geometry": {"type": ")" + type +
         R"(", "coordinates": )" + coords + "}}";
}

// A GeoJSON FeatureCollection named `name` in EPSG:2154 (or without "crs": WGS 84).
std::filesystem::path write_layer(const std::filesystem::path& dir, const std::string& name,
                                  const std::vector<std::string>& features, bool l93 = true) {
  std::string text = R"({"type": "FeatureCollection", "name": ")" + name + "\",\n";
  if (l93) text += R"( "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}},)" "\n";
  text += R"( "features": [)" "\n";
  for (size_t i = 0; i < features.size(); ++i) text += (i ? ",\n" : "") + features[i];
  text += "\n]}\n";
  auto path = dir / (name + ".geojson");
  test::write_file(path, text);
  return path;
}

// The territory: a 10 km square, 700–710 km east, 6600–6610 km north (Lambert-93), plus a
// second square elsewhere under another code.
constexpr double X0 = 700000, Y0 = 6600000, X1 = 710000, Y1 = 6610000;

class FiguresTest : public ::testing::Test {
 protected:
  TempDir tmp{"figures"};
  std::string territory;
  void SetUp() override {
    territory = write_layer(tmp.path, "zones",
                            {feature(R"("code": "T")", "Polygon", rect(X0, Y0, X1, Y1)),
                             feature(R"("code": "U")", "Polygon", rect(800000, 6700000, 810000, 6710000))})
                    .string();
  }
  FigureEngine engine() { return FigureEngine(territory, "zones", "code = 'T'", kSpan); }
  std::string file(const std::string& name, const std::vector<std::string>& features, bool l93 = true) {
    return write_layer(tmp.path, name, features, l93).string();
  }
};

TEST_F(FiguresTest, TerritoryArea) {
  EXPECT_NEAR(engine().territory_area_ha(), 10000.0, 1e-6);  // 10 km × 10 km = 100 km² = 10 000 ha
  EXPECT_EQ(engine().territory().where, "code = 'T'");
}

TEST_F(FiguresTest, TerritoryIsTheUnionOfTheSelectedFeatures) {
  // Two overlapping squares: the union counts the overlap once.
  auto path = file("deux", {feature(R"("g": 1)", "Polygon", rect(0, 6000000, 2000, 6002000)),
                            feature(R"("g": 1)", "Polygon", rect(1000, 6000000, 3000, 6002000))});
  FigureEngine e(path, "deux", "g = 1", kSpan);
  EXPECT_NEAR(e.territory_area_ha(), 600.0, 1e-6);
}

TEST_F(FiguresTest, WoodHalfInsideGivesHalfItsArea) {
  auto woods = file("bois", {
      feature(R"("essence": "chene")", "Polygon", rect(709500, 6605000, 710500, 6606000)),  // 1 km², half inside
      feature(R"("essence": "hetre")", "Polygon", rect(701000, 6601000, 701100, 6601100)),  // 1 ha, inside
      feature(R"("essence": "pin")", "Polygon", rect(720000, 6605000, 721000, 6606000)),    // outside
  });
  auto e = engine();
  EXPECT_NEAR(e.area_ha(woods, "bois", "essence = 'chene'"), 50.0, 1e-6);
  EXPECT_NEAR(e.area_ha(woods, "bois"), 51.0, 1e-6);
  EXPECT_NEAR(e.area_ha(woods, "bois", "essence = 'pin'"), 0.0, 1e-9);
}

TEST_F(FiguresTest, InvalidPolygonIsRepaired) {
  // A bow tie (self-intersecting ring) of two 1 ha triangles... inside the territory: 2 × 25 ha.
  auto bow = file("noeud", {feature(R"("n": 1)", "Polygon",
                                    list({list({pt(701000, 6601000), pt(702000, 6602000), pt(702000, 6601000),
                                               pt(701000, 6602000), pt(701000, 6601000)})}))});
  EXPECT_NEAR(engine().area_ha(bow, "noeud"), 50.0, 1e-6);
}

TEST_F(FiguresTest, LineCrossingTheBorderCountsItsInsidePart) {
  auto rivers = file("rivieres", {
      feature(R"("nom": "a")", "LineString", list({pt(708000, 6605000), pt(711000, 6605000)})),  // 3 km, 2 inside
      feature(R"("nom": "b")", "MultiLineString",
              list({list({pt(701000, 6601000), pt(701000, 6601500)}), list({pt(720000, 6601000), pt(721000, 6601000)})})),  // 0.5 km inside, 1 km outside
      feature(R"("nom": "c")", "LineString", list({pt(650000, 6605000), pt(660000, 6605000)})),  // outside
  });
  auto e = engine();
  EXPECT_NEAR(e.length_km(rivers, "rivieres", "nom = 'a'"), 2.0, 1e-9);
  EXPECT_NEAR(e.length_km(rivers, "rivieres"), 2.5, 1e-9);
  EXPECT_NEAR(e.length_km(rivers, "rivieres", "nom = 'c'"), 0.0, 1e-12);
}

TEST_F(FiguresTest, PointsInsideAreCounted) {
  auto points = file("ecoles", {
      feature(R"("t": "x")", "Point", pt(701000, 6601000)),
      feature(R"("t": "x")", "Point", pt(709999, 6609999)),
      feature(R"("t": "y")", "Point", pt(705000, 6605000)),
      feature(R"("t": "x")", "Point", pt(710001, 6605000)),  // just outside
      feature(R"("t": "x")", "Point", pt(600000, 6605000)),  // far outside
      feature(R"("t": "x")", "Point", pt(710000, 6605000)),  // on the border: inside
      feature(R"("t": "m")", "MultiPoint", list({pt(702000, 6602000), pt(720000, 6602000)})),
  });
  auto e = engine();
  EXPECT_EQ(e.count_points(points, "ecoles"), 5);
  EXPECT_EQ(e.count_points(points, "ecoles", "t = 'x'"), 3);
  EXPECT_EQ(e.count_points(points, "ecoles", "t = 'm'"), 1);
}

TEST_F(FiguresTest, FeaturesCountedByPointOnSurface) {
  auto communes = file("communes", {
      feature(R"("nom": "dedans")", "Polygon", rect(702000, 6602000, 704000, 6604000)),
      feature(R"("nom": "surtout-dedans")", "Polygon", rect(708000, 6602000, 711000, 6604000)),
      feature(R"("nom": "surtout-dehors")", "Polygon", rect(709000, 6606000, 713000, 6608000)),
      feature(R"("nom": "voisine")", "Polygon", rect(710000, 6600000, 712000, 6602000)),  // shares a border
      feature(R"("nom": "loin")", "Polygon", rect(750000, 6600000, 752000, 6602000)),
  });
  auto e = engine();
  EXPECT_EQ(e.count_features(communes, "communes"), 2);
  EXPECT_EQ(e.count_features(communes, "communes", "nom = 'voisine'"), 0);
}

TEST_F(FiguresTest, Wgs84InputIsReprojectedBeforeMeasuring) {
  // The half-inside 1 km² wood, its corners (and points along its edges) in longitude/latitude.
  OGRSpatialReference l93, wgs84;
  l93.importFromEPSG(2154);
  wgs84.importFromEPSG(4326);
  l93.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&l93, &wgs84));
  ASSERT_TRUE(ct);
  std::vector<std::pair<double, double>> corners;
  const double xs[] = {709500, 710500, 710500, 709500}, ys[] = {6605000, 6605000, 6606000, 6606000};
  std::string coords = "[[";
  for (int side = 0; side < 4; ++side) {
    for (int k = 0; k < 10; ++k) {
      double x = xs[side] + (xs[(side + 1) % 4] - xs[side]) * k / 10.0;
      double y = ys[side] + (ys[(side + 1) % 4] - ys[side]) * k / 10.0;
      ASSERT_TRUE(ct->Transform(1, &x, &y));
      coords += pt(x, y) + ", ";
    }
  }
  double x = xs[0], y = ys[0];
  ASSERT_TRUE(ct->Transform(1, &x, &y));
  coords += pt(x, y) + "]]";
  auto woods = file("bois84", {feature(R"("e": 1)", "Polygon", coords)}, /*l93=*/false);
  EXPECT_NEAR(engine().area_ha(woods, "bois84"), 50.0, 50.0 * 0.005);

  // A territory given in WGS 84 measures the same too.
  auto zone = file("zone84", {feature(R"("e": 1)", "Polygon", coords)}, false);
  FigureEngine e84(zone, "zone84", "", kSpan);
  EXPECT_NEAR(e84.territory_area_ha(), 100.0, 100.0 * 0.005);
}

TEST_F(FiguresTest, RelativeSourcesResolveAgainstTheRoot) {
  FigureEngine e("zones.geojson", "zones", "code = 'U'", kSpan, tmp.path);
  EXPECT_NEAR(e.territory_area_ha(), 10000.0, 1e-6);
  auto woods = file("bois", {feature(R"("e": 1)", "Polygon", rect(805000, 6705000, 806000, 6706000))});
  EXPECT_NEAR(e.area_ha("bois.geojson", "bois"), 100.0, 1e-6);
}

// ---- errors ----------------------------------------------------------------------------------

std::string message_of(const std::function<void()>& fn, Span* span = nullptr) {
  try {
    fn();
  } catch (const InputError& e) {
    if (span) *span = e.diagnostic().span;
    return e.diagnostic().message;
  }
  return "(no InputError)";
}

TEST_F(FiguresTest, MissingFileIsAnInputErrorAtTheSpan) {
  Span at;
  auto msg = message_of([&] { FigureEngine((tmp.path / "absent.gpkg").string(), "epci", "", kSpan); }, &at);
  EXPECT_EQ(at, kSpan);
  EXPECT_NE(msg.find("not found"), std::string::npos) << msg;
  EXPECT_NE(msg.find("absent.gpkg"), std::string::npos) << msg;
  auto e = engine();
  msg = message_of([&] { e.area_ha((tmp.path / "absent.gpkg").string(), "bois", "", kFigureSpan); }, &at);
  EXPECT_EQ(at, kFigureSpan);
  EXPECT_NE(msg.find("not found"), std::string::npos) << msg;
}

TEST_F(FiguresTest, NonLocalSourcesAreRefused) {
  auto msg = message_of([&] { FigureEngine("/vsicurl/https://example.org/x.gpkg", "epci", "", kSpan); });
  EXPECT_NE(msg.find("not a local file"), std::string::npos) << msg;
  msg = message_of([&] { FigureEngine("https://example.org/x.geojson", "epci", "", kSpan); });
  EXPECT_NE(msg.find("not a local file"), std::string::npos) << msg;
}

TEST_F(FiguresTest, NotAVectorFile) {
  auto path = tmp.path / "notes.txt";
  test::write_file(path, "pas une carte\n");
  auto msg = message_of([&] { FigureEngine(path.string(), "x", "", kSpan); });
  EXPECT_NE(msg.find("cannot open"), std::string::npos) << msg;
}

TEST_F(FiguresTest, UnknownLayerWithHint) {
  auto msg = message_of([&] { FigureEngine(territory, "zone", "code = 'T'", kSpan); });
  EXPECT_NE(msg.find("layer 'zone' not found"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'zones'"), std::string::npos) << msg;
  auto e = engine();
  Span at;
  msg = message_of([&] { e.length_km(territory, "rivieres", "", kFigureSpan); }, &at);
  EXPECT_NE(msg.find("layer 'rivieres' not found"), std::string::npos) << msg;
  EXPECT_EQ(at, kFigureSpan);
  // Without a figure span, errors point at the territory.
  message_of([&] { e.length_km(territory, "rivieres"); }, &at);
  EXPECT_EQ(at, kSpan);
}

TEST_F(FiguresTest, FilterSelectingNothingForTheTerritory) {
  auto msg = message_of([&] { FigureEngine(territory, "zones", "code = 'Z'", kSpan); });
  EXPECT_NE(msg.find("no feature"), std::string::npos) << msg;
  EXPECT_NE(msg.find("code = 'Z'"), std::string::npos) << msg;
}

TEST_F(FiguresTest, UnknownFieldInFilter) {
  auto msg = message_of([&] { FigureEngine(territory, "zones", "cod = 'T'", kSpan); });
  EXPECT_NE(msg.find("field 'cod'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'code'"), std::string::npos) << msg;
  auto woods = file("bois", {feature(R"("essence": "chene")", "Polygon", rect(701000, 6601000, 702000, 6602000))});
  auto e = engine();
  msg = message_of([&] { e.area_ha(woods, "bois", "essense = 'chene'"); });
  EXPECT_NE(msg.find("did you mean 'essence'"), std::string::npos) << msg;
}

TEST_F(FiguresTest, WrongGeometryTypeForTheFigure) {
  auto rivers = file("rivieres", {feature(R"("n": 1)", "LineString", list({pt(701000, 6601000), pt(702000, 6601000)}))});
  auto e = engine();
  auto msg = message_of([&] { e.area_ha(rivers, "rivieres"); });
  EXPECT_NE(msg.find("holds lines"), std::string::npos) << msg;
  msg = message_of([&] { e.count_points(territory, "zones"); });
  EXPECT_NE(msg.find("holds polygons"), std::string::npos) << msg;
  msg = message_of([&] { FigureEngine(rivers, "rivieres", "", kSpan); });
  EXPECT_NE(msg.find("not polygons"), std::string::npos) << msg;
}

TEST_F(FiguresTest, LayerWithoutCrs) {
  GDALAllRegister();
  auto path = tmp.path / "sans_crs.shp";
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("sans_crs", nullptr, wkbPolygon, nullptr);
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    OGRPolygon poly;
    OGRLinearRing r;
    r.addPoint(701000, 6601000);
    r.addPoint(702000, 6601000);
    r.addPoint(702000, 6602000);
    r.addPoint(701000, 6601000);
    poly.addRing(&r);
    f->SetGeometry(&poly);
    ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
  }
  auto e = engine();
  auto msg = message_of([&] { e.area_ha(path.string(), "sans_crs"); });
  EXPECT_NE(msg.find("no coordinate reference system"), std::string::npos) << msg;
}

// ---- French numbers ----------------------------------------------------------------------------

TEST(FormatFr, Numbers) {
  const std::string nnbsp = "\u202F";
  EXPECT_EQ(format_fr(0, 0), "0");
  EXPECT_EQ(format_fr(0, 2), "0,00");
  EXPECT_EQ(format_fr(5, 0), "5");
  EXPECT_EQ(format_fr(5, 1), "5,0");
  EXPECT_EQ(format_fr(1234, 0), "1" + nnbsp + "234");
  EXPECT_EQ(format_fr(12345.6, 1), "12" + nnbsp + "345,6");
  EXPECT_EQ(format_fr(12345.6, 0), "12" + nnbsp + "346");
  EXPECT_EQ(format_fr(1234567.891, 1), "1" + nnbsp + "234" + nnbsp + "567,9");
  EXPECT_EQ(format_fr(1234567.891, 2), "1" + nnbsp + "234" + nnbsp + "567,89");
  EXPECT_EQ(format_fr(999.96, 1), "1" + nnbsp + "000,0");  // rounding carries into a new group
  EXPECT_EQ(format_fr(123, 0), "123");
  EXPECT_EQ(format_fr(123456, 0), "123" + nnbsp + "456");
  EXPECT_EQ(format_fr(0.05, 2), "0,05");
}

TEST(FormatFr, Negative) {
  const std::string nnbsp = "\u202F";
  EXPECT_EQ(format_fr(-1234.5, 1), "-1" + nnbsp + "234,5");
  EXPECT_EQ(format_fr(-5, 0), "-5");
  EXPECT_EQ(format_fr(-0.004, 2), "0,00");  // rounds to zero: no sign
}

// ---- the real data ---------------------------------------------------------------------------

std::string bassin() { return (test::source_dir() / "assets/maps/bassin-minier.gpkg").string(); }

TEST(FiguresBassinMinier, LensLievin) {
  // Checked with ogrinfo (SQLite dialect) on assets/maps/bassin-minier.gpkg:
  //   communes with epci_siren = '246200364': 36, and 36 point-on-surface inside the EPCI;
  //   ST_Area of the EPCI: 24 057,458 ha; woods (ST_Intersection, MakeValid): 293,15 ha;
  //   waterways (ST_Intersection): 13,248 km.
  FigureEngine e(bassin(), "epci", "siren = '246200364'", kSpan);
  EXPECT_NEAR(e.territory_area_ha(), 24057.458, 0.5);
  EXPECT_EQ(e.count_features(bassin(), "communes"), 36);
  EXPECT_EQ(e.count_features(bassin(), "communes", "epci_siren = '246200364'"), 36);
  // The communes of the EPCI cover it: their area inside it is the EPCI's area.
  EXPECT_NEAR(e.area_ha(bassin(), "communes", "epci_siren = '246200364'"), e.territory_area_ha(),
              e.territory_area_ha() * 0.001);
  EXPECT_NEAR(e.area_ha(bassin(), "forets_bdforet_partiel"), 293.15, 0.5);
  EXPECT_NEAR(e.length_km(bassin(), "voies_navigables_osm"), 13.248, 0.05);
}

TEST(FiguresBassinMinier, TerritoryFromCommunesEqualsTheEpci) {
  FigureEngine from_communes(bassin(), "communes", "epci_siren = '246200364'", kSpan);
  EXPECT_NEAR(from_communes.territory_area_ha(), 24057.458, 24057.458 * 0.001);
}

}  // namespace
}  // namespace plaquette::figures
