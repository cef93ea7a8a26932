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
  // The French edition keeps its French text and spacing.
  auto fr = dir / "plaquette.pdf";
  ASSERT_EQ(test::plaquette("build -o '" + fr.string() + "'").status, 0);
  const std::string fr5 = test::squash(test::tool("pdftotext -f 5 -l 5 '" + fr.string() + "' -"));
  EXPECT_NE(fr5.find("Qui vit sur un terril\u202F?"), std::string::npos) << fr5;
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
