#include "map/local_vector.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "map/gdal_errors.hpp"

namespace plaquette::map {

namespace {

const char* const kAllowedDrivers[] = {"GPKG",       "ESRI Shapefile", "GeoJSON", "GeoJSONSeq",
                                       "FlatGeobuf", "MapInfo File",   nullptr};

void register_drivers_once() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

GDALDatasetUniquePtr open_local_vector(const std::string& path, const std::string& shown, const Span& span,
                                       const std::string& what) {
  // The loader checks paths already; this is the last line of defence before GDAL sees the
  // string, because GDAL would happily open /vsicurl/, /vsizip/... or an http:// URL.
  for (const std::string& p : {path, shown}) {
    const std::string l = lower(p);
    if (l.rfind("/vsi", 0) == 0 || l.find("://") != std::string::npos) {
      throw InputError(span, fmt::format("{} '{}' is not a local file: plaquette reads only files of the project "
                                         "(no /vsi... paths, no URLs); download the data into assets/maps/ and "
                                         "point `source` at it",
                                         what, shown));
    }
  }
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::status(path, ec))) {
    throw InputError(span, fmt::format("{} '{}' not found (looked for {}): check `source`, which is relative to the "
                                       "project root, e.g. assets/maps/bassin-minier.gpkg",
                                       what, shown, path));
  }
  register_drivers_once();
  GdalErrorCapture errors;
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
      path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, kAllowedDrivers, nullptr, nullptr)));
  if (!ds) {
    throw InputError(span, fmt::format("cannot open {} '{}' as a {} file ({}): check that it is one of these vector "
                                       "formats and not damaged (try `ogrinfo {}`)",
                                       what, shown, kVectorFormatsText, errors.message("format not recognised"),
                                       shown));
  }
  return ds;
}

std::vector<std::string> field_names(OGRLayer& layer) {
  std::vector<std::string> names;
  const OGRFeatureDefn* defn = layer.GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  return names;
}

std::string join_names(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace plaquette::map
