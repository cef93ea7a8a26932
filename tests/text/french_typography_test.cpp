#include "text/french_typography.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using plaquette::text::apply_french_typography;

namespace {

// Spelled out so that a failing expectation shows which space is which.
const std::string kNnbsp = "\u202F";
const std::string kNbsp = "\u00A0";

std::string fr(std::string_view s) { return apply_french_typography(s); }

}  // namespace

TEST(FrenchTypography, NarrowSpaceBeforeSemicolonExclamationQuestion) {
  EXPECT_EQ(fr("Vraiment ? Oui ! Bien ; ensuite"),
            "Vraiment" + kNnbsp + "? Oui" + kNnbsp + "! Bien" + kNnbsp + "; ensuite");
  EXPECT_EQ(fr("Vraiment? Oui! Bien; ensuite"),
            "Vraiment" + kNnbsp + "? Oui" + kNnbsp + "! Bien" + kNnbsp + "; ensuite");
  // A no-break space or several spaces typed there are replaced by one narrow one.
  EXPECT_EQ(fr("Quoi" + kNbsp + "?"), "Quoi" + kNnbsp + "?");
  EXPECT_EQ(fr("Quoi   ?"), "Quoi" + kNnbsp + "?");
}

TEST(FrenchTypography, ExclamationQuestionGroupGetsOneSpace) {
  EXPECT_EQ(fr("Quoi?!"), "Quoi" + kNnbsp + "?!");
  EXPECT_EQ(fr("Quoi ?!"), "Quoi" + kNnbsp + "?!");
  EXPECT_EQ(fr("Non!!!"), "Non" + kNnbsp + "!!!");
}

TEST(FrenchTypography, PunctuationOpeningALineOrAParenthesisIsLeftAlone) {
  EXPECT_EQ(fr("? au début"), "? au début");
  EXPECT_EQ(fr("ligne\n? suite"), "ligne\n? suite");
  EXPECT_EQ(fr("il a dit (!) ceci"), "il a dit (!) ceci");
}

TEST(FrenchTypography, NoBreakSpaceBeforeColon) {
  EXPECT_EQ(fr("Horaires : tous les jours"), "Horaires" + kNbsp + ": tous les jours");
  EXPECT_EQ(fr("Horaires: tous les jours"), "Horaires" + kNbsp + ": tous les jours");
  EXPECT_EQ(fr("À retenir:"), "À retenir" + kNbsp + ":");
  EXPECT_EQ(fr("Horaires" + kNnbsp + ": lundi"), "Horaires" + kNbsp + ": lundi");
}

TEST(FrenchTypography, ColonInTimesAndGluedWordsIsLeftAlone) {
  EXPECT_EQ(fr("Ouverture à 10:30 précises"), "Ouverture à 10:30 précises");
  EXPECT_EQ(fr("ratio 1:2"), "ratio 1:2");
  EXPECT_EQ(fr("ex:ample"), "ex:ample");
}

TEST(FrenchTypography, UrlsAndEmailsAreUntouched) {
  for (std::string url : {"https://www.example.org/a?b=c", "http://example.org:8080/x!y", "mailto:contact@example.org",
                          "contact@mairie-loos.fr", "www.example.org/l'eau?x=1;y=2", "https://fr.wikipedia.org/wiki/Terril_(mine)"}) {
    EXPECT_EQ(fr(url), url);
    EXPECT_EQ(fr("voir " + url + " ici"), "voir " + url + " ici");
  }
}

TEST(FrenchTypography, PunctuationAfterAnAddressIsStillFrench) {
  EXPECT_EQ(fr("Écrivez à contact@example.org !"), "Écrivez à contact@example.org" + kNnbsp + "!");
  EXPECT_EQ(fr("Site : https://example.org/a?b=c."),
            "Site" + kNbsp + ": https://example.org/a?b=c.");
  EXPECT_EQ(fr("Le site \"https://example.org\" est"), "Le site «" + kNnbsp + "https://example.org" + kNnbsp +
                                                          "» est");
}

TEST(FrenchTypography, MarkdownLinkTargetsAreUntouched) {
  EXPECT_EQ(fr("[le site](https://example.org/?a=b) ou [la page](page.html?x:y)"),
            "[le site](https://example.org/?a=b) ou [la page](page.html?x:y)");
  EXPECT_EQ(fr("[Vraiment ?](https://example.org)"), "[Vraiment" + kNnbsp + "?](https://example.org)");
  EXPECT_EQ(fr("[https://x.org/?a](https://x.org/?a)"), "[https://x.org/?a](https://x.org/?a)");
}

TEST(FrenchTypography, AsciiQuotesBecomeGuillemets) {
  EXPECT_EQ(fr("Il a dit \"bonjour\" hier"), "Il a dit «" + kNnbsp + "bonjour" + kNnbsp + "» hier");
  EXPECT_EQ(fr("\"Oui\", dit-il."), "«" + kNnbsp + "Oui" + kNnbsp + "», dit-il.");
  EXPECT_EQ(fr("(\"cité\")"), "(«" + kNnbsp + "cité" + kNnbsp + "»)");
  // Markdown around the quotes: both sides are glued, the quotes alternate.
  EXPECT_EQ(fr("**\"mot\"**"), "**«" + kNnbsp + "mot" + kNnbsp + "»**");
}

TEST(FrenchTypography, SpacesInsideTypedGuillemets) {
  EXPECT_EQ(fr("«bonjour»"), "«" + kNnbsp + "bonjour" + kNnbsp + "»");
  EXPECT_EQ(fr("« bonjour »"), "«" + kNnbsp + "bonjour" + kNnbsp + "»");
  EXPECT_EQ(fr("«" + kNbsp + "bonjour" + kNbsp + "»"), "«" + kNnbsp + "bonjour" + kNnbsp + "»");
}

TEST(FrenchTypography, TypographicApostrophe) {
  EXPECT_EQ(fr("l'eau"), "l\u2019eau");
  EXPECT_EQ(fr("aujourd'hui"), "aujourd\u2019hui");
  EXPECT_EQ(fr("L'Écluse d'œuvre"), "L\u2019Écluse d\u2019œuvre");
  // Not between letters: left as typed.
  EXPECT_EQ(fr("les années '70"), "les années '70");
}

TEST(FrenchTypography, NumberKeptWithItsUnit) {
  EXPECT_EQ(fr("12 ha"), "12" + kNnbsp + "ha");
  EXPECT_EQ(fr("45 % des terres"), "45" + kNnbsp + "% des terres");
  EXPECT_EQ(fr("3,5 km et 200 m² et 12 km²"), "3,5" + kNnbsp + "km et 200" + kNnbsp + "m² et 12" + kNnbsp + "km²");
  EXPECT_EQ(fr("20 °C, 15 €, 2 h, 10 min, 40 kg, 3 t, 5 cm, 8 mm"),
            "20" + kNnbsp + "°C, 15" + kNnbsp + "€, 2" + kNnbsp + "h, 10" + kNnbsp + "min, 40" + kNnbsp + "kg, 3" +
                kNnbsp + "t, 5" + kNnbsp + "cm, 8" + kNnbsp + "mm");
  EXPECT_EQ(fr("12" + kNbsp + "ha"), "12" + kNnbsp + "ha");
}

TEST(FrenchTypography, WordsThatOnlyStartLikeAUnitAreNotBound) {
  EXPECT_EQ(fr("10 minutes"), "10 minutes");
  EXPECT_EQ(fr("12 hectares"), "12 hectares");
  EXPECT_EQ(fr("3 terrils"), "3 terrils");
  EXPECT_EQ(fr("500 habitants"), "500 habitants");
  EXPECT_EQ(fr("45%"), "45%");
}

TEST(FrenchTypography, GroupedThousands) {
  EXPECT_EQ(fr("1 200 000 habitants"), "1" + kNnbsp + "200" + kNnbsp + "000 habitants");
  EXPECT_EQ(fr("12" + kNbsp + "345"), "12" + kNnbsp + "345");
  EXPECT_EQ(fr("un terril de 1 200 000 m³"), "un terril de 1" + kNnbsp + "200" + kNnbsp + "000 m³");
  EXPECT_EQ(fr("3 500 ha"), "3" + kNnbsp + "500" + kNnbsp + "ha");
}

TEST(FrenchTypography, UnrelatedNumbersAreNotJoined) {
  EXPECT_EQ(fr("en 1720 2 terrils"), "en 1720 2 terrils");
  EXPECT_EQ(fr("en 2012"), "en 2012");
  EXPECT_EQ(fr("entre 1990 et 2012 200 fois"), "entre 1990 et 2012 200 fois");
  EXPECT_EQ(fr("le 12 1234"), "le 12 1234");
  EXPECT_EQ(fr("03 21 45 67 89"), "03 21 45 67 89");
  EXPECT_EQ(fr("A4 200 feuilles"), "A4 200 feuilles");
}

TEST(FrenchTypography, MultiByteCharactersAroundRules) {
  EXPECT_EQ(fr("Était-ce l'été ?"), "Était-ce l\u2019été" + kNnbsp + "?");
  EXPECT_EQ(fr("œuvre: cœur!"), "œuvre" + kNbsp + ": cœur" + kNnbsp + "!");
  EXPECT_EQ(fr("\"été\""), "«" + kNnbsp + "été" + kNnbsp + "»");
  EXPECT_EQ(fr("Ça coûte 5 €."), "Ça coûte 5" + kNnbsp + "€.");
}

TEST(FrenchTypography, InvalidUtf8BytesPassThrough) {
  std::string bad = "caf\xE9 ?";  // Latin-1 é
  EXPECT_EQ(fr(bad), "caf\xE9" + kNnbsp + "?");
}

TEST(FrenchTypography, AlreadyCorrectTextIsUnchanged) {
  std::vector<std::string> correct = {
      "Il a dit «" + kNnbsp + "bonjour" + kNnbsp + "»" + kNbsp + ": c\u2019est l\u2019heure" + kNnbsp + "!",
      "Le site couvre 12" + kNnbsp + "ha, soit 45" + kNnbsp + "% de la commune" + kNnbsp + ";",
      "1" + kNnbsp + "200" + kNnbsp + "000" + kNnbsp + "€ à 10:30, vraiment" + kNnbsp + "?!",
      "Écrivez à contact@example.org ou voyez https://www.example.org/a?b=c.",
      "Sans rien de particulier.",
      "",
  };
  for (const auto& s : correct) EXPECT_EQ(fr(s), s);
}

TEST(FrenchTypography, Idempotent) {
  std::vector<std::string> samples = {
      "Bonjour ! Comment allez-vous ? Bien ; merci : \"très bien\".",
      "l'eau d'aujourd'hui coûte 3 € le m³ ; 12 ha, 45 %, 20 °C, 1 200 000 habitants.",
      "En 1720 2 terrils, à 10:30 : voir https://example.org/a?b=c ou contact@example.org !",
      "« déjà » et «là» et \"ici\"?! Non!!",
      "**\"gras\"** et [lien ?](https://x.org/?q=1) : fin",
      "ligne\n? suite\n: suite « \nfin",
      "Quoi" + kNbsp + "? « " + kNbsp + "ok »",
      "\"\" \" \"a\" b\"c\"",
  };
  for (const auto& s : samples) {
    auto once = fr(s);
    EXPECT_EQ(fr(once), once) << s;
  }
}

TEST(FrenchSigns, CopyrightAndSectionSignsKeepWhatFollows) {
  using plaquette::text::apply_french_typography;
  EXPECT_EQ(apply_french_typography("© OpenStreetMap"), "©\u00A0OpenStreetMap");
  EXPECT_EQ(apply_french_typography("voir § 4"), "voir §\u00A04");
  EXPECT_EQ(apply_french_typography("le n° 3"), "le n°\u00A03");
  EXPECT_EQ(apply_french_typography("©\u00A0OpenStreetMap"), "©\u00A0OpenStreetMap");  // idempotent
}
