// A map with labels, legend, scale bar, north arrow and locator, built by the CLI: the texts reach
// the PDF as text, and the map page holds no raster image (everything is vector).
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_fixture.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

const char* const kContent = R"(document: {title: Carte, date: 2026-11-25}
template: templates/plaquette-a4.yaml
pages:
  - master: deux-colonnes
    blocks:
      - frame: texte
        map:
          extent: {layer: epci, where: "siren = '246200364'", margin: 1km}
          background: bleu-pale
          frame_stroke: gris
          source_note: "Sources : IGN Admin Express"
          layers:
            - source: assets/maps/bassin-minier.gpkg
              layer: communes
              style: {fill: vert-pale, stroke: blanc, width: 0.4pt}
            - source: assets/maps/bassin-minier.gpkg
              layer: epci
              style: {fill: none, stroke: vert-foret, width: 1pt}
              legend: Intercommunalités
          labels:
            - {layer: communes, field: nom, priority: population, style: etiquette-carte, halo: blanc, halo_width: 1.2pt}
          legend: {position: top-left, title: "Les milieux"}
          scale_bar: {position: bottom-right, max_width: 35mm}
          north_arrow: {position: top-right, size: 8mm}
          locator: {position: bottom-right, width: 25mm, layer: departements}
)";

TEST(MapFurnitureE2E, LabelsAndScaleAreTextAndTheMapIsVector) {
  auto dir = test::small_project("map-furniture", kContent);
  fs::create_directories(dir / "assets/maps");
  fs::copy_file(test::source_dir() / "assets/maps/bassin-minier.gpkg", dir / "assets/maps/bassin-minier.gpkg");
  const std::string pdf = (dir / "carte.pdf").string();
  auto run = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + pdf + "'");
  ASSERT_EQ(run.status, 0) << run.output;

  const std::string text = test::squash(test::tool("pdftotext -enc UTF-8 '" + pdf + "' -"));
  EXPECT_NE(text.find("Lens"), std::string::npos) << text;       // the biggest commune is labelled
  EXPECT_NE(text.find("Liévin"), std::string::npos) << text;
  EXPECT_TRUE(text.find("\u202Fkm") != std::string::npos || text.find("\u202Fm") != std::string::npos) << text;
  EXPECT_NE(text.find("Les milieux"), std::string::npos) << text;
  EXPECT_NE(text.find("Intercommunalités"), std::string::npos) << text;  // a legend entry
  EXPECT_NE(text.find("N"), std::string::npos) << text;

  // pdfimages -list prints a two-line header and one line per image.
  const std::string images = test::tool("pdfimages -list '" + pdf + "'");
  size_t lines = 0;
  for (char c : images) lines += c == '\n';
  EXPECT_EQ(lines, 2u) << images;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plaquette
