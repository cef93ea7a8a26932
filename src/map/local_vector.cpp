#include "map/local_vector.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "core/regular_file.hpp"
#include "core/utf8.hpp"
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
  // The file and its side files (a shapefile's .dbf, .shx, .prj, .cpg; a GeoPackage's -wal) must
  // be regular files: GDAL would block forever opening a FIFO.
  const std::filesystem::path file(path);
  if (const std::string kind = irregular_file_kind(file); !kind.empty())
    throw InputError(span, not_a_file_message(shown, kind, what));
  const std::string stem = lower(file.stem().string());
  for (std::filesystem::directory_iterator it(file.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = lower(it->path().filename().string());
    if (name == lower(file.filename().string()) || name.rfind(stem, 0) != 0) continue;
    const char next = name.size() > stem.size() ? name[stem.size()] : '\0';
    if (next != '.' && next != '-') continue;  // "communes.dbf", "data.gpkg-wal"; not "communes2.shp"
    if (const std::string kind = irregular_file_kind(it->path()); !kind.empty() && kind != "does not exist")
      throw InputError(span, fmt::format("{} '{}': its side file '{}' is not a file (it {}); replace it with the "
                                         "real file",
                                         what, shown, it->path().filename().string(), kind));
  }
  ec.clear();
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

std::string EncodingReport::clean(const char* raw, long long feature_id) {
  CleanText t = clean_data_text(raw ? raw : "");
  if (!t.problem.empty()) {
    if (count_++ == 0) {
      first_id_ = feature_id;
      first_problem_ = t.problem;
    }
    c1_ = c1_ || t.problem.rfind("the control character", 0) == 0;
  }
  return std::move(t.text);
}

std::string EncodingReport::message(const std::string& what, const std::string& source) const {
  const std::filesystem::path p(source);
  std::string advice;
  if (lower(p.extension().string()) == ".shp") {
    const std::string cpg = (p.parent_path() / (p.stem().string() + ".cpg")).generic_string();
    advice = c1_ ? fmt::format("the file '{}' names the wrong code page: write CP1252 in it (the usual code page "
                               "of French data made on Windows)",
                               cpg)
                 : fmt::format("declare the encoding of its .dbf: add a file '{}' containing CP1252 (the usual "
                               "code page of French data made on Windows; or the one the data's producer gives)",
                               cpg);
  } else {
    advice = "convert the data to UTF-8, e.g. `ogr2ogr -f GPKG out.gpkg in.ext` after telling GDAL its code page "
             "(`--config SHAPE_ENCODING CP1252` for a shapefile)";
  }
  return fmt::format("{} of '{}' {} not valid UTF-8 text (feature {}: {}){}; {}", what, source,
                     count_ == 1 ? "has one value that is" : fmt::format("has {} values that are", count_),
                     first_id_, first_problem_,
                     c1_ ? ", the sign of Windows-1252 text read as ISO-8859-1 (they are printed as Windows-1252)"
                         : " (the bad bytes are printed as U+FFFD)",
                     advice);
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
