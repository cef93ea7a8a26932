// Small vector files written by the tests themselves (with OGR, or as GeoJSON text), so that
// cases the shipped GeoPackage cannot show (no CRS, another CRS) are tested on real files.
#pragma once
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "support/test_paths.hpp"

namespace plaquette::map::testing {

// A shapefile with one square polygon (Lambert-93-like coordinates) and no .prj: a layer without CRS.
inline std::filesystem::path write_shapefile_without_crs(const std::filesystem::path& dir) {
  GDALAllRegister();
  auto path = dir / "sans_crs.shp";
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = ds->CreateLayer("sans_crs", nullptr, wkbPolygon, nullptr);
  OGRFieldDefn field("nom", OFTString);
  layer->CreateField(&field);
  OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
  f->SetField("nom", "carre");
  OGRPolygon poly;
  OGRLinearRing ring;
  ring.addPoint(690000, 6590000);
  ring.addPoint(710000, 6590000);
  ring.addPoint(710000, 6610000);
  ring.addPoint(690000, 6610000);
  ring.closeRings();
  poly.addRing(&ring);
  f->SetGeometry(&poly);
  if (layer->CreateFeature(f.get()) != OGRERR_NONE) throw std::runtime_error("cannot write " + path.string());
  return path;
}

// GeoJSON without a "crs" member is WGS 84 longitude/latitude (RFC 7946). A point at the
// Lambert-93 false origin (lon 3, lat 46.5), a square around it, and a point at Lens.
inline std::filesystem::path write_geojson_wgs84(const std::filesystem::path& dir) {
  auto path = dir / "wgs84.geojson";
  test::write_file(path, R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"nom": "origine"}, "geometry": {"type": "Point", "coordinates": [3.0, 46.5]}},
  {"type": "Feature", "properties": {"nom": "lens"}, "geometry": {"type": "Point", "coordinates": [2.8319, 50.4322]}},
  {"type": "Feature", "properties": {"nom": "carre"}, "geometry": {"type": "Polygon", "coordinates":
    [[[2.9, 46.4], [3.1, 46.4], [3.1, 46.6], [2.9, 46.6], [2.9, 46.4]]]}}
]})");
  return path;
}

}  // namespace plaquette::map::testing
