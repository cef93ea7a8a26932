// The plates of the print PDF, measured by Ghostscript's ink-coverage device: black text sits on
// the black plate alone, and a 100 % cyan swatch stays on the cyan plate alone.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

const char* kTemplate = R"(template:
  name: essai-plaques
  page: {width: 100mm, height: 100mm}
  bleed: 3mm
  slug: 0mm
  fonts: assets/fonts
  output_profile: assets/color/FOGRA39L.icc
swatches:
  noir: {cmyk: [0, 0, 0, 100], rgb: "#1d1d1b"}
  cyan: {cmyk: [100, 0, 0, 0], rgb: "#009fe3"}
styles:
  corps: {font: Linux Libertine O, size: 12pt, color: noir}
masters:
  vide:
    frames:
      texte: {x: 10mm, y: 10mm, width: 80mm, height: 80mm}
)";

struct Ink {
  double c, m, y, k;
};

std::vector<Ink> ink_coverage(const std::string& pdf) {
  std::string out = test::tool("gs -q -o - -sDEVICE=inkcov '" + pdf + "'");
  std::vector<Ink> pages;
  std::regex row(R"(([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+CMYK OK)");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), row); it != std::sregex_iterator(); ++it)
    pages.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  return pages;
}

TEST(Plates, BlackTextOnTheBlackPlateAloneAndCyanOnCyan) {
  auto dir = test::small_project("plates", R"(document: {title: Plaques, date: 2026-11-25}
template: templates/plaques.yaml
pages:
  - master: vide
    blocks:
      - frame: texte
        text:
          - "Les corridors écologiques relient les réservoirs de biodiversité du Bassin minier."
  - master: vide
    blocks:
      - {frame: texte, box: cyan}
)");
  test::write_file(dir / "templates" / "plaques.yaml", kTemplate);
  const std::string pdf = (dir / "p.pdf").string();
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + pdf + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  auto pages = ink_coverage(pdf);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].c, 0);
  EXPECT_EQ(pages[0].m, 0);
  EXPECT_EQ(pages[0].y, 0);
  EXPECT_GT(pages[0].k, 0);
  EXPECT_GT(pages[1].c, 0.3);  // a box over most of the page
  EXPECT_EQ(pages[1].m, 0);
  EXPECT_EQ(pages[1].y, 0);
  EXPECT_EQ(pages[1].k, 0);
  fs::remove_all(dir);
}

}  // namespace
