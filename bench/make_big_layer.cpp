// make_big_layer: writes the benchmark's synthetic layer, a GeoPackage with one layer `cells` of
// 200 000 irregular polygons (10–40 vertices each, about 5 million vertices) in EPSG:2154 over the
// Bassin minier bbox (x 620 000–760 000, y 7 000 000–7 080 000).
//
// Deterministic: a fixed-seed splitmix64 generator, converted to doubles by hand (no
// std::*_distribution, whose output differs between standard libraries), so every machine writes
// the same geometries. The data is synthetic and lives outside the repository (build/bench/).
//
// Usage: make_big_layer OUT.gpkg   (writes OUT.gpkg.partial.gpkg then renames it: no half file on failure)
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace {

constexpr double kXmin = 620000, kXmax = 760000;
constexpr double kYmin = 7000000, kYmax = 7080000;
// 500 × 400 cells of 280 m × 200 m: exactly 200 000 polygons.
constexpr int kNx = 500, kNy = 400;
constexpr int kMinVertices = 10, kMaxVertices = 40;
constexpr std::uint64_t kSeed = 0x706c617175657474ULL;  // "plaquett"
constexpr int kFeaturesPerTransaction = 50000;

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1): the top 53 bits as a double mantissa.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double between(double a, double b) { return a + (b - a) * unit(); }
  int int_between(int a, int b) { return a + static_cast<int>(next() % static_cast<std::uint64_t>(b - a + 1)); }
};

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "make_big_layer: %s: %s\n", what.c_str(), CPLGetLastErrorMsg());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT.gpkg\n", argv[0]);
    return 2;
  }
  const std::string out = argv[1];
  const std::string tmp = out + ".partial.gpkg";  // GPKG wants the .gpkg extension
  std::filesystem::create_directories(std::filesystem::absolute(out).parent_path());
  std::filesystem::remove(tmp);

  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) fail("no GPKG driver");
  std::unique_ptr<GDALDataset> ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) fail("cannot create " + tmp);

  OGRSpatialReference srs;
  srs.importFromEPSG(2154);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  char** layer_options = CSLSetNameValue(nullptr, "SPATIAL_INDEX", "YES");
  layer_options = CSLSetNameValue(layer_options, "DESCRIPTION",
                                  "SYNTHETIC benchmark data (plaquette bench), not real geography");
  OGRLayer* layer = ds->CreateLayer("cells", &srs, wkbPolygon, layer_options);
  CSLDestroy(layer_options);
  if (!layer) fail("cannot create layer");
  OGRFieldDefn f_id("cell", OFTInteger);
  OGRFieldDefn f_class("classe", OFTInteger);
  if (layer->CreateField(&f_id) != OGRERR_NONE || layer->CreateField(&f_class) != OGRERR_NONE) fail("fields");

  SplitMix64 rng{kSeed};
  const double cw = (kXmax - kXmin) / kNx, ch = (kYmax - kYmin) / kNy;
  const double r_max = 0.5 * std::min(cw, ch);
  std::size_t total_vertices = 0;
  if (ds->StartTransaction() != OGRERR_NONE) fail("start transaction");
  int in_transaction = 0;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int j = 0; j < kNy; ++j) {
    for (int i = 0; i < kNx; ++i) {
      // A star-shaped ring around a jittered centre: sorted jittered angles, radii between 45 %
      // and 90 % of the half cell, so rings never self-intersect and neighbours never overlap.
      const double cx = kXmin + (i + 0.5) * cw + rng.between(-0.04, 0.04) * cw;
      const double cy = kYmin + (j + 0.5) * ch + rng.between(-0.04, 0.04) * ch;
      const int n = rng.int_between(kMinVertices, kMaxVertices);
      const double turn = rng.between(0, 2 * std::numbers::pi);
      auto ring = std::make_unique<OGRLinearRing>();
      ring->setNumPoints(n + 1, FALSE);
      for (int k = 0; k < n; ++k) {
        const double a = turn + 2 * std::numbers::pi * (k + rng.between(-0.35, 0.35)) / n;
        const double r = r_max * rng.between(0.45, 0.90);
        ring->setPoint(k, cx + r * std::cos(a), cy + r * std::sin(a));
      }
      ring->setPoint(n, ring->getX(0), ring->getY(0));
      total_vertices += n;
      auto poly = std::make_unique<OGRPolygon>();
      poly->addRingDirectly(ring.release());
      OGRFeature feature(defn);
      feature.SetField(0, j * kNx + i);
      feature.SetField(1, rng.int_between(1, 5));
      feature.SetGeometryDirectly(poly.release());
      if (layer->CreateFeature(&feature) != OGRERR_NONE) fail("create feature");
      if (++in_transaction == kFeaturesPerTransaction) {
        if (ds->CommitTransaction() != OGRERR_NONE || ds->StartTransaction() != OGRERR_NONE) fail("commit");
        in_transaction = 0;
      }
    }
  }
  if (ds->CommitTransaction() != OGRERR_NONE) fail("commit");
  ds.reset();  // closes the file (and builds nothing more: the R-tree is filled as we go)
  std::filesystem::rename(tmp, out);
  std::printf("make_big_layer: wrote %s: %d polygons, %zu vertices (without closing points), %.1f MB\n",
              out.c_str(), kNx * kNy, total_vertices,
              static_cast<double>(std::filesystem::file_size(out)) / 1e6);
  return 0;
}
