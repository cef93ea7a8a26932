// The French hyphenator against the real Debian dictionary: expected break points were
// checked with libhyphen itself, then the brochure rules (minima, acronyms, addresses,
// elision, compounds, no-hyphen spans) on top.
#include <gtest/gtest.h>

#include <fstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "text/hyphenator.hpp"

using plaquette::text::HyphenRules;
using plaquette::text::Hyphenator;

namespace {

Hyphenator french() { return Hyphenator(Hyphenator::french_dictionary_path()); }

// Shows breaks the way libhyphen does ("bio=di=ver=sité"), so failures read at a glance.
std::string marked(std::string_view text, const std::vector<size_t>& breaks) {
  std::string out;
  size_t prev = 0;
  for (size_t b : breaks) {
    out.append(text.substr(prev, b - prev));
    out += '=';
    prev = b;
  }
  out.append(text.substr(prev));
  return out;
}

std::string words(const Hyphenator& h, std::string_view word, const HyphenRules& rules = {}) {
  return marked(word, h.word_breaks(word, rules));
}

std::string para(const Hyphenator& h, std::string_view text, const HyphenRules& rules = {},
                 const std::vector<std::pair<size_t, size_t>>& no_hyphen = {}) {
  return marked(text, h.paragraph_breaks(text, rules, no_hyphen));
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST(HyphenWords, FrenchWordsMatchTheDictionary) {
  const auto h = french();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"biodiversité", "bio=di=ver=sité"},
      {"écologique", "éco=lo=gique"},
      {"environnement", "en=vi=ron=ne=ment"},
      {"aménagement", "amé=na=ge=ment"},
      {"continuités", "conti=nui=tés"},
      {"réservoirs", "ré=ser=voirs"},
      {"patrimoine", "pa=tri=moine"},
      {"agglomération", "ag=glo=mé=ra=tion"},
      {"hydraulique", "hy=drau=lique"},
      {"intercommunalités", "in=ter=com=mu=na=li=tés"},
      {"Escaut", "Es=caut"},
      {"Scarpe", "Scarpe"},
      {"manœuvre", "ma=nœuvre"},
      {"œuvrer", "œu=vrer"},
      {"paysage", "pay=sage"},
      {"territoire", "ter=ri=toire"},
      {"développement", "dé=ve=lop=pe=ment"},
      {"ressources", "res=sources"},
      {"urbanisme", "ur=ba=nisme"},
      {"équipement", "équi=pe=ment"},
  };
  for (const auto& [word, expected] : cases) EXPECT_EQ(words(h, word), expected) << word;
}

TEST(HyphenWords, ShortWordsAreLeftWhole) {
  const auto h = french();
  EXPECT_EQ(words(h, "œuvre"), "œuvre");  // 5 letters < min_word 6
  EXPECT_EQ(words(h, "naturel"), "na=tu=rel");
  EXPECT_EQ(words(h, "naturel", {.min_word = 8}), "naturel");
  // min_word counts letters, not bytes: "éléments" is 8 letters but 10 bytes.
  EXPECT_EQ(words(h, "éléments", {.min_word = 8}), words(h, "éléments", {.min_word = 6}));
  EXPECT_EQ(words(h, "éléments", {.min_word = 9}), "éléments");
}

TEST(HyphenWords, MinimaAreRespectedInLetters) {
  const auto h = french();
  EXPECT_EQ(words(h, "écologique", {.min_left = 3}), "éco=lo=gique");
  EXPECT_EQ(words(h, "écologique", {.min_left = 4}), "écolo=gique");
  EXPECT_EQ(words(h, "écologique", {.min_right = 5}), "éco=lo=gique");
  EXPECT_EQ(words(h, "écologique", {.min_right = 6}), "éco=logique");
  // Defaults keep three letters on the next line: "sité", never "té".
  EXPECT_EQ(words(h, "biodiversité", {.min_right = 2}), "bio=di=ver=si=té");

  for (const HyphenRules rules : {HyphenRules{}, HyphenRules{6, 3, 3}, HyphenRules{6, 4, 4}, HyphenRules{6, 2, 5}}) {
    for (std::string_view word : {"intercommunalités", "agglomération", "développement", "équipement"}) {
      for (size_t b : h.word_breaks(word, rules)) {
        EXPECT_GE(utf8_length(word.substr(0, b)), size_t(rules.min_left)) << word;
        EXPECT_GE(utf8_length(word.substr(b)), size_t(rules.min_right)) << word;
      }
    }
  }
}

TEST(HyphenWords, AccentedCapitalsAreLowercasedForTheDictionary) {
  const auto h = french();
  // The patterns are lowercase: "ÉCOLOGIE" only hyphenates once É became é.
  EXPECT_EQ(words(h, "ÉCOLOGIE"), "ÉCO=LO=GIE");
  EXPECT_EQ(h.word_breaks("ÉCOLOGIE", {}), h.word_breaks("écologie", {}));
  EXPECT_EQ(words(h, "BIODIVERSITÉ"), "BIO=DI=VER=SITÉ");
  EXPECT_EQ(words(h, "Écologique"), "Éco=lo=gique");
  EXPECT_EQ(words(h, "ŒUVRER"), "ŒU=VRER");
}

TEST(HyphenWords, InvalidUtf8GivesNoBreak) {
  const auto h = french();
  EXPECT_TRUE(h.word_breaks("biodiversit\xC3", {}).empty());
  EXPECT_TRUE(h.word_breaks("", {}).empty());
}

TEST(HyphenParagraph, HyphenatesEveryEligibleWord) {
  const auto h = french();
  EXPECT_EQ(para(h, "La biodiversité du territoire, patrimoine commun."),
            "La bio=di=ver=sité du ter=ri=toire, pa=tri=moine com=mun.");
}

TEST(HyphenParagraph, CapitalsAndDigitsAreSkipped) {
  const auto h = french();
  EXPECT_EQ(para(h, "L’UNESCO et l’EPCI pour l’ENVIRONNEMENT"), "L’UNESCO et l’EPCI pour l’ENVIRONNEMENT");
  EXPECT_EQ(para(h, "Écologique"), "Éco=lo=gique");  // one capital is not an acronym
  EXPECT_EQ(para(h, "COVID19 biodiversité2030 H2Oenvironnement 2030"),
            "COVID19 biodiversité2030 H2Oenvironnement 2030");
}

TEST(HyphenParagraph, UrlsAndEmailsAreSkippedWhole) {
  const auto h = french();
  EXPECT_EQ(para(h, "https://parc-naturel.fr/biodiversite www.agglomeration.fr contact@environnement.fr"),
            "https://parc-naturel.fr/biodiversite www.agglomeration.fr contact@environnement.fr");
  EXPECT_EQ(para(h, "(écrire\u00a0: accueil@environnement.fr) environnement"),
            "(écrire\u00a0: accueil@environnement.fr) en=vi=ron=ne=ment");
  EXPECT_EQ(para(h, "Voir WWW.Agglomeration.fr"), "Voir WWW.Agglomeration.fr");
}

TEST(HyphenParagraph, ElisionHyphenatesTheWordAfterTheApostrophe) {
  const auto h = french();
  EXPECT_EQ(para(h, "l’écologie"), "l’éco=lo=gie");
  EXPECT_EQ(para(h, "l'écologie"), "l'éco=lo=gie");
  EXPECT_EQ(para(h, "d’aménagement"), "d’amé=na=ge=ment");
  EXPECT_EQ(para(h, "jusqu’aujourd’hui"), "jusqu’au=jourd’hui");
  EXPECT_EQ(para(h, "puisqu’intercommunalité"), "puisqu’in=ter=com=mu=na=lité");
  // Never right after (nor right before) the apostrophe, even with minima of one letter.
  const std::string text = "qu’aujourd’hui l’environnement";
  for (size_t b : h.paragraph_breaks(text, {.min_word = 1, .min_left = 1, .min_right = 1})) {
    EXPECT_NE(text.substr(b - 3, 3), "’") << marked(text, {b});
    EXPECT_NE(text.substr(b, 3), "’") << marked(text, {b});
  }
}

TEST(HyphenParagraph, CompoundsAreHyphenatedPartByPart) {
  const auto h = french();
  EXPECT_EQ(para(h, "grands-parents"), "grands-pa=rents");
  EXPECT_EQ(para(h, "Scarpe-Escaut"), "Scarpe-Es=caut");
  EXPECT_EQ(para(h, "Nord-Pas-de-Calais"), "Nord-Pas-de-Ca=lais");
  // The existing hyphen is a break already: it is not reported again.
  const std::string text = "écologique-environnementale";
  for (size_t b : h.paragraph_breaks(text, {.min_word = 1, .min_left = 1, .min_right = 1})) {
    EXPECT_NE(text[b - 1], '-');
    EXPECT_NE(text[b], '-');
  }
}

TEST(HyphenParagraph, NoHyphenRangesAreProtected) {
  const std::string text = "biodiversité et environnement";
  const auto h = french();
  const size_t env = text.find("environnement");
  EXPECT_EQ(para(h, text, {}, {{env, env + std::string("environnement").size()}}), "bio=di=ver=sité et environnement");
  EXPECT_EQ(para(h, text, {}, {{0, text.size()}}), text);
  // Only the covered part of a word: "bio=di" stays, the rest is protected.
  EXPECT_EQ(para(h, text, {}, {{4, 10}}), "bio=diversité et en=vi=ron=ne=ment");
  EXPECT_EQ(para(h, text, {}, {{5, 5}}), "bio=di=ver=sité et en=vi=ron=ne=ment");  // empty range
}

TEST(HyphenParagraph, OffsetsAreCharacterBoundaries) {
  const auto h = french();
  const std::string text =
      "Les continuités écologiques relient réservoirs et corridors\u202f; l’aménagement "
      "du territoire préserve la biodiversité, œuvre des intercommunalités et de l’agglomération.";
  const auto breaks = h.paragraph_breaks(text, {});
  ASSERT_GE(breaks.size(), 15u);
  for (size_t i = 0; i < breaks.size(); ++i) {
    const size_t b = breaks[i];
    ASSERT_GT(b, 0u);
    ASSERT_LT(b, text.size());
    EXPECT_NE(static_cast<unsigned char>(text[b]) & 0xC0, 0x80) << "offset " << b << " splits a character";
    if (i > 0) {
      EXPECT_LT(breaks[i - 1], b) << "offsets must be ascending";
    }
  }
}

TEST(HyphenParagraph, InvalidUtf8TailIsIgnored) {
  const auto h = french();
  const std::string text = "biodiversité \xFF environnement";
  EXPECT_EQ(para(h, text), "bio=di=ver=sité \xFF environnement");
}

TEST(HyphenDictionary, MissingFileThrowsWithThePath) {
  const std::string path = "/nonexistent/hyph_xx.dic";
  try {
    Hyphenator h(path);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  EXPECT_THROW(Hyphenator("/tmp"), std::runtime_error);
}

TEST(HyphenDictionary, NonDictionaryFileIsRefused) {
  // libhyphen itself loads anything; a file that does not declare UTF-8 must not be used.
  const std::string path = testing::TempDir() + "not_a_dictionary.dic";
  std::ofstream(path) << "hello\n";
  try {
    Hyphenator h(path);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}
