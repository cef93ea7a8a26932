// Linked frames: a named story continued in a later frame, pages added until a story fits,
// and the messages when a story is left over or continued under a wrong name.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

// Eight headed sections of body text: about three two-column pages.
std::string long_story() {
  std::string sentence =
      "Les corridors écologiques relient les réservoirs de biodiversité du Bassin minier, des terrils aux zones "
      "humides.";
  std::string body;
  for (int i = 0; i < 12; ++i) body += (i ? " " : "") + sentence;
  std::string out;
  for (int i = 1; i <= 8; ++i)
    out += "          - intertitre: Partie " + std::to_string(i) + "\n          - \"" + body + "\"\n";
  return out;
}

const std::string kHead = "document: {title: Essai, date: 2026-11-25}\ntemplate: templates/plaquette-a4.yaml\npages:\n";

int pages_of(const std::string& pdf) {
  std::smatch m;
  std::string info = test::tool("pdfinfo '" + pdf + "'");
  return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : -1;
}

TEST(Stories, AddPagesUntilTheStoryFits) {
  auto dir = test::small_project("story-add", kHead + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        story: long
        add_pages: deux-colonnes
        text:
)" + long_story());
  const std::string pdf = (dir / "a.pdf").string();
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + pdf + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_GE(pages_of(pdf), 3);
  const std::string text = test::squash(test::tool("pdftotext -enc UTF-8 '" + pdf + "' -"));
  for (int i = 1; i <= 8; ++i) EXPECT_NE(text.find("Partie " + std::to_string(i)), std::string::npos) << i;
  fs::remove_all(dir);
}

TEST(Stories, ContinuedInALaterFrame) {
  auto dir = test::small_project("story-continue", kHead + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        story: long
        text:
)" + long_story() + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        continue: long
  - master: deux-colonnes
    blocks:
      - frame: texte
        continue: long
)");
  const std::string pdf = (dir / "b.pdf").string();
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + pdf + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(pages_of(pdf), 3);
  // The last section is on the last page, once.
  const std::string last = test::tool("pdftotext -f 3 -l 3 -enc UTF-8 '" + pdf + "' -");
  EXPECT_NE(last.find("Partie 8"), std::string::npos);
  const std::string all = test::tool("pdftotext -enc UTF-8 '" + pdf + "' -");
  EXPECT_EQ(all.find("Partie 8"), all.rfind("Partie 8"));
  fs::remove_all(dir);
}

TEST(Stories, LeftOverIsAnErrorNamingTheLastFrame) {
  auto dir = test::small_project("story-left", kHead + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        story: long
        text:
)" + long_story() + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        continue: long
)");
  const std::string pdf = (dir / "c.pdf").string();
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + pdf + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(plaquette\.yaml:\d+:\d+: error: story 'long' does not fit: \d+ lines left over after frame 'texte' on page 2)")))
      << r.output;
  EXPECT_FALSE(fs::exists(pdf));
  fs::remove_all(dir);
}

TEST(Stories, UnknownStoryNameHasAHint) {
  auto dir = test::small_project("story-unknown", kHead + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        story: orientations
        text: ["Un court texte."]
  - master: deux-colonnes
    blocks:
      - frame: texte
        continue: orientation
)");
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + (dir / "d.pdf").string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("plaquette.yaml:12:19: error: no text block before this one has 'story: orientation' (did you "
                          "mean 'orientations'?)"),
            std::string::npos)
      << r.output;
  fs::remove_all(dir);
}

TEST(Stories, AddPagesNeedsAStoryName) {
  auto dir = test::small_project("story-nostory", kHead + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        add_pages: deux-colonnes
        text: ["Un court texte."]
)");
  auto r = test::plaquette("build '" + (dir / "content/plaquette.yaml").string() + "' -o '" + (dir / "e.pdf").string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("plaquette.yaml:7:9: error: 'add_pages' needs a 'story' name"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

}  // namespace
