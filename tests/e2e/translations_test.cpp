// Editions in another language, end to end: `build --lang nl` on the real brochure (Dutch text,
// Dutch typography), `check --lang nl` listing missing and stale translations, and
// `translations --lang nl` writing the skeleton a translator fills.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/e2e_fixture.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

TEST(Translations, DutchEditionOfTheRealBrochure) {
  auto dir = test::make_temp_dir("translation-nl");
  auto pdf = dir / "plaquette-nl.pdf";
  auto r = test::plaquette("build --lang nl -o '" + pdf.string() + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("missing translation (nl)"), std::string::npos) << r.output;
  ASSERT_TRUE(fs::exists(pdf));
  const std::string cover = test::squash(test::tool("pdftotext -f 1 -l 1 '" + pdf.string() + "' -"));
  EXPECT_NE(cover.find("De groenblauwe netwerken van het Mijnbekken"), std::string::npos) << cover;
  const std::string terrils = test::squash(test::tool("pdftotext -f 5 -l 5 '" + pdf.string() + "' -"));
  // Dutch typography: no thin no-break space before the question mark, as French would have.
  EXPECT_NE(terrils.find("Wie leeft er op een mijnsteenberg?"), std::string::npos) << terrils;
  EXPECT_EQ(terrils.find("mijnsteenberg\u202F?"), std::string::npos) << terrils;
  const std::string info = test::tool("pdfinfo '" + pdf.string() + "'");
  EXPECT_NE(info.find("De groenblauwe netwerken van het Mijnbekken"), std::string::npos) << info;
  // Page 3: the running header (a master text of the template), the map's legend and source note,
  // and {epci.nom} in the edition's language.
  const std::string territory = test::squash(test::tool("pdftotext -f 3 -l 3 '" + pdf.string() + "' -"));
  EXPECT_NE(territory.find("DE GROENBLAUWE NETWERKEN VAN HET MIJNBEKKEN"), std::string::npos) << territory;
  EXPECT_EQ(territory.find("LA TRAME VERTE"), std::string::npos) << territory;
  EXPECT_NE(territory.find("Departementsgrens"), std::string::npos) << territory;
  EXPECT_NE(territory.find("Landsgrens"), std::string::npos) << territory;
  EXPECT_EQ(territory.find("Limite de département"), std::string::npos) << territory;
  EXPECT_NE(territory.find("Bronnen: IGN"), std::string::npos) << territory;
  EXPECT_EQ(territory.find("Sources"), std::string::npos) << territory;
  EXPECT_NE(territory.find("In cijfers, voor het Mijnbekken:"), std::string::npos) << territory;
  // Page 7: the image caption.
  const std::string fields = test::squash(test::tool("pdftotext -f 7 -l 7 '" + pdf.string() + "' -"));
  EXPECT_NE(fields.find("Akkers, hagen en kalkhelling"), std::string::npos) << fields;
  // The French edition keeps its French text and spacing.
  auto fr = dir / "plaquette.pdf";
  ASSERT_EQ(test::plaquette("build -o '" + fr.string() + "'").status, 0);
  const std::string fr5 = test::squash(test::tool("pdftotext -f 5 -l 5 '" + fr.string() + "' -"));
  EXPECT_NE(fr5.find("Qui vit sur un terril\u202F?"), std::string::npos) << fr5;
  const std::string fr3 = test::squash(test::tool("pdftotext -f 3 -l 3 '" + fr.string() + "' -"));
  EXPECT_NE(fr3.find("LA TRAME VERTE ET BLEUE DU BASSIN MINIER"), std::string::npos) << fr3;
  EXPECT_NE(fr3.find("Limite de département"), std::string::npos) << fr3;
  EXPECT_NE(fr3.find("pour le Bassin minier"), std::string::npos) << fr3;
}

TEST(Translations, DutchEditionOfAVariant) {
  // Valenciennes Métropole: its name and its own subject in Dutch, from the translation's `variants:`.
  auto dir = test::make_temp_dir("translation-nl-variant");
  auto r = test::plaquette("build --variant 245901160 --lang nl -o '" + (dir / "plaquette.pdf").string() + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output.find("Dutch translation"), std::string::npos) << r.output;  // no summary of missing ones
  const auto pdf = dir / "plaquette-245901160-nl.pdf";
  ASSERT_TRUE(fs::exists(pdf)) << r.output;
  const std::string territory = test::squash(test::tool("pdftotext -f 3 -l 3 '" + pdf.string() + "' -"));
  EXPECT_NE(territory.find("In cijfers, voor Valenciennes Métropole:"), std::string::npos) << territory;
  const std::string info = test::tool("pdfinfo '" + pdf.string() + "'");
  EXPECT_NE(info.find("editie van Valenciennes Métropole"), std::string::npos) << info;
  // (Its generated figures paragraph, with the territory's numbers, needs one line at 2.01 × the
  // word space: this test is about the translation, the text ceilings are BrochureText's.)
  auto check = test::plaquette("check --variant 245901160 --lang nl --max-spacing 2.1");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_EQ(check.output.find("translation ("), std::string::npos) << check.output;
  EXPECT_EQ(check.output.find("has no Dutch value"), std::string::npos) << check.output;
}

const std::string kPage = std::string(test::kDocumentHead) + R"Y(  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: Qui vit sur un terril ?
          - Les terrils abritent une flore rare.
          - Un dernier mot.
)Y";

TEST(Translations, CheckListsMissingAndStaleTranslations) {
  auto dir = test::small_project("translation-check", kPage);
  // Run the skeleton command, then translate from it: one up to date, one from an older French text.
  auto skel = test::plaquette("translations --lang nl '" + (dir / "content/plaquette.yaml").string() + "' -o '" +
                              (dir / "skeleton.yaml").string() + "'");
  ASSERT_EQ(skel.status, 0) << skel.output;
  const std::string skeleton = test::tool("cat '" + (dir / "skeleton.yaml").string() + "'");
  EXPECT_NE(skeleton.find("plaquette#2:"), std::string::npos) << skeleton;
  EXPECT_NE(skeleton.find("source: Les terrils abritent une flore rare."), std::string::npos) << skeleton;
  test::write_file(dir / "content/translations/nl.yaml",
                   skeleton.substr(0, skeleton.find("plaquette#2:")) +
                       "plaquette#2:\n  source_hash: \"00000000\"\n  text: Op mijnsteenbergen groeit een zeldzame flora.\n");
  auto r = test::plaquette("check --lang nl '" + (dir / "content/plaquette.yaml").string() + "'");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("stale translation (nl) for plaquette#2: the French text changed since"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("missing translation (nl) for plaquette#1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("missing translation (nl) for plaquette#3"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("missing translation (nl) for document.title"), std::string::npos) << r.output;
  // The French check has nothing to say about translations.
  auto fr = test::plaquette("check '" + (dir / "content/plaquette.yaml").string() + "'");
  EXPECT_EQ(fr.output.find("translation"), std::string::npos) << fr.output;
}

}  // namespace
}  // namespace plaquette
