// Figures for a territory: areas, lengths and counts measured in Lambert-93 on hand-made files,
// reprojection, errors, French number formatting, and the real Bassin minier GeoPackage.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

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

std::string ring(double x0, double y0, double x1, double y1) {
  return fmt_ring(x0, y0, x1, y1);
}

}  // namespace
}  // namespace plaquette::figures
