// Typography follows the language: French spacing and hyphenation only for French, the language's
// own hyphenation dictionary (Debian hyphen-nl, hyphen-en-us) for the others when installed.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/language.hpp"
#include "text/hyphenator.hpp"
#include "text/styled_text.hpp"
#include "text/text_fixture.hpp"

using namespace plaquette;

namespace {

std::string styled(const std::string& source, const std::string& language) {
  auto tmpl = test::make_template();
  model::Paragraph p{"corps", source, Span{}};
  std::string out;
  for (const auto& b : text::style_paragraph(p, tmpl.styles.at("corps"), tmpl, language)) out += b.text;
  return out;
}

bool installed(const std::string& language) {
  std::error_code ec;
  return std::filesystem::is_regular_file(model::hyphenation_dictionary(language), ec);
}

TEST(Language, FrenchSpacingOnlyForFrench) {
  EXPECT_NE(styled("Qui vit sur un terril ?", "fr").find("\u202F?"), std::string::npos);
  const std::string nl = styled("Wie leeft er op een mijnsteenberg? Zie: hier!", "nl");
  EXPECT_EQ(nl, "Wie leeft er op een mijnsteenberg? Zie: hier!");
  EXPECT_EQ(styled("Who lives on a slag heap ?", "en").find("\u202F"), std::string::npos);
}

TEST(Language, DictionaryPerLanguage) {
  EXPECT_EQ(model::hyphenation_dictionary("fr"), "/usr/share/hyphen/hyph_fr.dic");
  EXPECT_EQ(model::hyphenation_dictionary("fr-BE"), "/usr/share/hyphen/hyph_fr.dic");
  EXPECT_EQ(model::hyphenation_dictionary("nl"), "/usr/share/hyphen/hyph_nl_NL.dic");
  EXPECT_EQ(model::hyphenation_dictionary("en"), "/usr/share/hyphen/hyph_en_US.dic");
  EXPECT_EQ(model::hyphenation_dictionary("en-GB"), "/usr/share/hyphen/hyph_en_GB.dic");
  EXPECT_EQ(model::hyphenation_dictionary("xx"), "");
  EXPECT_TRUE(model::is_french("fr-FR"));
  EXPECT_FALSE(model::is_french("nl"));
}

TEST(Language, TypesetterLoadsTheDictionaryOfEachStyleLanguage) {
  auto fonts = test::project_fonts();
  auto tmpl = test::make_template();
  tmpl.styles["corps"].language = "nl";
  tmpl.styles["titre"].language = "xx";  // no dictionary: not hyphenated, no error
  text::Typesetter ts{*fonts, tmpl};
  EXPECT_NE(ts.hyphenator_for("fr"), nullptr);
  EXPECT_EQ(ts.hyphenator_for("xx"), nullptr);
  EXPECT_EQ(ts.hyphenator_for("de"), nullptr);  // no style in German: nothing loaded
  if (!installed("nl")) GTEST_SKIP() << "hyphen-nl is not installed";
  ASSERT_NE(ts.hyphenator_for("nl"), nullptr);
  EXPECT_NE(ts.hyphenator_for("nl"), ts.hyphenator_for("fr"));
  // A Dutch paragraph sets with Dutch hyphenation, and a narrow measure needs some.
  model::Paragraph p{"corps", "natuurbeschermingsorganisaties mijnsteenbergen waterzuiveringsinstallaties", Span{}};
  auto set = ts.set(p, 60);
  bool hyphenated = false;
  for (const auto& l : set.lines) hyphenated |= l.hyphenated;
  EXPECT_TRUE(hyphenated);
}

TEST(Language, Latin1DictionaryIsConvertedOnLoad) {
  if (!installed("nl")) GTEST_SKIP() << "hyphen-nl is not installed";
  // Debian's hyph_nl_NL.dic is ISO-8859-1: its marks must still be per character.
  text::Hyphenator nl(model::hyphenation_dictionary("nl"));
  auto breaks = nl.word_breaks("mijnsteenbergen", {});
  ASSERT_FALSE(breaks.empty());
  auto accented = nl.word_breaks("coöperatieve", {});  // ö is two bytes in UTF-8
  for (size_t b : accented) EXPECT_NE(b, 3u) << "a break inside the two bytes of ö";
  EXPECT_FALSE(accented.empty());
}

TEST(Language, EnglishDictionary) {
  if (!installed("en")) GTEST_SKIP() << "hyphen-en-us is not installed";
  text::Hyphenator en(model::hyphenation_dictionary("en"));
  EXPECT_FALSE(en.word_breaks("biodiversity", {}).empty());
}

}  // namespace
