#include <gtest/gtest.h>

#include "text/text_fixture.hpp"

using namespace plaquette;

TEST(FontSet, OnlyProjectFamiliesAreVisible) {
  auto fonts = test::project_fonts();
  auto fams = fonts->families();
  EXPECT_NE(std::find(fams.begin(), fams.end(), "Lato"), fams.end());
  EXPECT_NE(std::find(fams.begin(), fams.end(), "Linux Libertine O"), fams.end());
  // System fonts (DejaVu is on every Debian) must not leak in.
  EXPECT_EQ(std::find(fams.begin(), fams.end(), "DejaVu Sans"), fams.end());
}

TEST(FontSet, ExistingFacesPass) {
  auto fonts = test::project_fonts();
  EXPECT_FALSE(fonts->check(test::make_style("a", "Lato", 10, 12, 400)));
  EXPECT_FALSE(fonts->check(test::make_style("b", "Lato", 10, 12, 700)));
  EXPECT_FALSE(fonts->check(test::make_style("c", "Lato", 10, 12, 900)));
  EXPECT_FALSE(fonts->check(test::make_style("d", "Lato", 10, 12, 300)));
  auto italic = test::make_style("e", "Linux Libertine O", 10, 12, 400);
  italic.italic = true;
  EXPECT_FALSE(fonts->check(italic));
}

TEST(FontSet, UnknownFamilyIsAnErrorWithHint) {
  auto fonts = test::project_fonts();
  auto problem = fonts->check(test::make_style("corps", "Latto", 10, 12));
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("'Latto'"), std::string::npos) << *problem;
  EXPECT_NE(problem->find("did you mean 'Lato'"), std::string::npos) << *problem;
}

TEST(FontSet, MissingWeightIsNotSubstituted) {
  auto fonts = test::project_fonts();
  // The project has no Lato Semibold: the Bold file must not silently stand in.
  auto problem = fonts->check(test::make_style("titre", "Lato", 10, 12, 600));
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("semibold"), std::string::npos) << *problem;
}

TEST(FontSet, SyntheticItalicIsRefused) {
  auto fonts = test::project_fonts();
  auto s = test::make_style("t", "Lato", 10, 12, 900);
  s.italic = true;  // no Lato Black Italic file: fontconfig would slant the Black face
  EXPECT_TRUE(fonts->check(s));
}

TEST(FontSet, MissingFolderIsALocatedError) {
  try {
    text::FontSet fonts("/nonexistent/fonts", Span{"templates/t.yaml", 3, 9});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().span.line, 3);
    EXPECT_NE(std::string(e.what()).find("not found"), std::string::npos);
  }
}
