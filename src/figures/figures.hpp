// Figures computed from map data for one territory (an EPCI, a département...): areas of woods,
// lengths of waterways, counts of points or communes inside it. Sources are opened read-only,
// local files only (the formats src/map accepts), and everything is measured in EPSG:2154
// (Lambert-93, metres) whatever the CRS of the file. GDAL stays behind this header.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace plaquette::figures {

// The territory figures are computed for: the union of the features of `layer` matching `where`
// (OGR SQL, e.g. "siren = '246200364'") in `source`. `span` is where errors about it point.
struct Territory {
  std::string source;  // path as the user wrote it; relative paths are resolved against the engine's root
  std::string layer;
  std::string where;
  Span span;
};

// Loads the territory once, then answers figure queries. Keeps the sources it opened (one open
// dataset per path). Not thread-safe: use one engine per thread.
class FigureEngine {
 public:
  // Loads the territory polygon (invalid polygons repaired with MakeValid, all unioned, in
  // EPSG:2154). Throws InputError at `span` when the file is missing or not an allowed vector
  // format, the layer or a field of `where` is unknown, the layer has no CRS or no polygons, or
  // the filter selects nothing. `root`: directory relative sources are resolved against (empty:
  // the current directory); messages show sources as written.
  FigureEngine(const std::string& source, const std::string& layer, const std::string& where, const Span& span,
               const std::filesystem::path& root = {});
  explicit FigureEngine(const Territory& territory, const std::filesystem::path& root = {});
  FigureEngine(FigureEngine&&) noexcept;
  FigureEngine& operator=(FigureEngine&&) noexcept;
  ~FigureEngine();

  const Territory& territory() const;
  double territory_area_ha() const;

  // The queries below read the features of `layer` matching `where` in `source` (only those
  // whose envelope meets the territory's). Errors (missing file, unknown layer or field, layer
  // without CRS, wrong geometry type) are InputErrors at `span`, or at the territory's span when
  // `span` is unknown. Nothing inside the territory is an answer (0), not an error.

  // Area of the polygons inside the territory (the intersection), in hectares. Each feature is
  // intersected on its own and the areas summed: overlapping polygons count twice.
  double area_ha(const std::string& source, const std::string& layer, const std::string& where = "",
                 const Span& span = {}) const;
  // Length of the lines inside the territory, in kilometres.
  double length_km(const std::string& source, const std::string& layer, const std::string& where = "",
                   const Span& span = {}) const;
  // Points inside the territory (on its boundary counts as inside); each member of a multipoint counts.
  long count_points(const std::string& source, const std::string& layer, const std::string& where = "",
                    const Span& span = {}) const;
  // Features whose point-on-surface (a point surely inside the feature, computed in EPSG:2154)
  // lies inside the territory: e.g. the communes of an EPCI, without the neighbours that share a border.
  long count_features(const std::string& source, const std::string& layer, const std::string& where = "",
                      const Span& span = {}) const;

  // The values of `fields` (as text; NULL gives "") for every feature of `layer` matching `where`
  // in `source`, in the layer's order: e.g. the SIREN and name of each EPCI, one variant each.
  // Errors as above (missing file, layer or field: InputError at `span`). Values that are not
  // clean UTF-8 are cleaned (core/utf8.hpp) and reported as one warning per field at `span`.
  struct Rows {
    std::vector<long long> ids;                  // each feature's id (FID), for messages
    std::vector<std::vector<std::string>> rows;  // the values of `fields`, per feature
    std::vector<Diagnostic> warnings;
  };
  static Rows read_fields(const std::string& source, const std::string& layer, const std::string& where,
                          const std::vector<std::string>& fields, const Span& span,
                          const std::filesystem::path& root = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A number the French way: U+202F (narrow no-break space) between groups of thousands, decimal
// comma, exactly `decimals` decimals (0 or more). 12345.6, 1 → "12 345,6"; -1234, 0 → "-1 234".
// A value that rounds to zero is printed without sign.
std::string format_fr(double value, int decimals);

}  // namespace plaquette::figures
