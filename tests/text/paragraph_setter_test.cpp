// Setting paragraphs with the project fonts: justification, hyphens, markup, lists, links.
#include <gtest/gtest.h>

#include <pango/pango.h>

#include <algorithm>
#include <cmath>

#include "text/text_fixture.hpp"

using namespace plaquette;

namespace {

struct Setter : ::testing::Test {
  std::shared_ptr<text::FontSet> fonts = test::project_fonts();
  model::Template tmpl = make();
  text::Typesetter ts{*fonts, tmpl};

  static model::Template make() {
    auto t = test::make_template();
    t.swatches["vert"] = Swatch{"vert", Cmyk{80, 0, 90, 30}, Rgb{0.1, 0.4, 0.2}, {}};
    model::CharacterStyle vert;
    vert.name = "vert";
    vert.color = "vert";
    t.char_styles["vert"] = vert;
    model::CharacterStyle fixe;
    fixe.name = "fixe";
    fixe.hyphenate = false;
    t.char_styles["fixe"] = fixe;
    auto ragged = t.styles["corps"];
    ragged.name = "fer-a-gauche";
    ragged.align = model::Align::Left;
    t.styles["fer-a-gauche"] = ragged;
    auto greedy = t.styles["corps"];
    greedy.name = "glouton";
    greedy.breaking = model::LineBreaking::FirstFit;
    t.styles["glouton"] = greedy;
    auto narrow = t.styles["corps"];
    narrow.name = "corps-souple";
    narrow.ragged_below = 170;  // pt
    t.styles["corps-souple"] = narrow;
    auto nohyph = t.styles["corps"];
    nohyph.name = "sans-cesure";
    nohyph.hyphenation.enabled = false;
    t.styles["sans-cesure"] = nohyph;
    return t;
  }

  text::SetParagraph set(const std::string& style, const std::string& text, double width) {
    return ts.set(model::Paragraph{style, text, {}}, width);
  }

  // The characters shown on a line (the text behind its glyph runs).
  static std::string line_text(const text::SetLine& line) {
    std::string out;
    for (const auto& r : line.runs) {
      const PangoItem* item = r.glyphs->item;
      out.append(*r.text, static_cast<size_t>(item->offset), static_cast<size_t>(item->length));
    }
    return out;
  }
};

const char* kLong =
    "Les réservoirs de biodiversité sont les espaces où la vie sauvage est la plus riche et où les espèces "
    "accomplissent l’essentiel de leur cycle de vie. Les corridors écologiques les relient : haies, berges, "
    "talus, friches, ou chapelets de petits milieux qui servent de relais, à la manière de pas japonais. "
    "Ensemble, ils forment les continuités écologiques indispensables à la circulation des espèces.";

TEST_F(Setter, JustifiedLinesEndOnTheMeasure) {
  const double width = 160;
  auto p = set("corps", kLong, width);
  ASSERT_GT(p.lines.size(), 4u);
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    EXPECT_TRUE(p.lines[i].justified) << i;
    EXPECT_NEAR(p.lines[i].right, width, 0.05) << "line " << i << ": " << line_text(p.lines[i]);
  }
  EXPECT_FALSE(p.lines.back().justified);  // the last line keeps natural spaces
  EXPECT_LT(p.lines.back().right, width);
}

TEST_F(Setter, HyphenatedLinesShowAHyphenAndNoSoftHyphenIsSet) {
  auto p = set("corps", kLong, 120);
  size_t hyphenated = 0;
  for (const auto& l : p.lines) {
    const std::string t = line_text(l);
    EXPECT_EQ(t.find("\u00AD"), std::string::npos) << t;
    if (l.hyphenated) {
      ++hyphenated;
      EXPECT_EQ(t.back(), '-') << t;
    }
  }
  EXPECT_GT(hyphenated, 0u) << "a 120pt measure needs some hyphens";
}

TEST_F(Setter, NoHyphenWhenTheStyleSaysSo) {
  auto p = set("sans-cesure", kLong, 120);
  for (const auto& l : p.lines) EXPECT_FALSE(l.hyphenated) << line_text(l);
}

TEST_F(Setter, NeverMoreThanTwoHyphenatedLinesInARow) {
  auto p = set("corps", std::string(kLong) + " " + kLong + " " + kLong, 90);
  int run = 0;
  for (const auto& l : p.lines) {
    run = l.hyphenated ? run + 1 : 0;
    EXPECT_LE(run, 2);
  }
}

TEST_F(Setter, TotalFitIsNoLooserThanFirstFit) {
  // Over several measures, the paragraph composer's loosest line is never worse than the
  // line-by-line setter's, and strictly better somewhere.
  bool better = false;
  for (double width : {110.0, 130.0, 150.0, 170.0, 190.0}) {
    auto loosest = [&](const char* style) {
      double m = 1;
      for (const auto& l : set(style, kLong, width).lines)
        if (l.justified) m = std::max(m, l.spacing);
      return m;
    };
    const double total = loosest("corps"), greedy = loosest("glouton");
    EXPECT_LE(total, greedy + 1e-6) << width;
    better = better || total < greedy - 0.05;
  }
  EXPECT_TRUE(better);
}

TEST_F(Setter, LetterSpacingStaysUnderTheStyleCeiling) {
  // Over many measures, narrow ones included, no line takes more letter spacing than the style
  // allows (10 ‰ of an em by default), and most lines take none at all.
  size_t lines = 0, spaced = 0;
  for (double width = 130; width <= 200; width += 7) {
    for (const auto& l : set("corps", std::string(kLong) + " " + kLong, width).lines) {
      ++lines;
      EXPECT_LE(std::abs(l.letter_spacing), 0.010 + 1e-6) << width << ": " << line_text(l);
      spaced += std::abs(l.letter_spacing) > 1e-6;
    }
  }
  EXPECT_LT(spaced * 3, lines) << spaced << " of " << lines << " lines letter-spaced";
}

TEST_F(Setter, TheBrochuresNarrowColumnsNeverEndOnALoneSyllable) {
  // The paragraph that ended "compé-/tents." in the 54.65 mm columns of page 8, now ragged there.
  const std::string text =
      "Les soustraire à l’urbanisation et aux aménagements qui les morcellent est la première priorité : "
      "reconnaissance dans les documents d’urbanisme, maîtrise foncière lorsqu’elle est nécessaire, gestion "
      "confiée à des gestionnaires compétents.";
  for (double width : {150.0, 154.9, 160.0}) {
    auto p = set("corps-souple", text, width);
    ASSERT_GE(p.lines.size(), 2u);
    EXPECT_FALSE(p.lines.back().stranded) << width << ": " << line_text(p.lines.back());
  }
}

TEST_F(Setter, ACompoundBreaksOnlyAtItsOwnHyphen) {
  const std::string text =
      "La lumière artificielle est une coupure moins visible : adapter ou éteindre l’éclairage nocturne aux "
      "abords des corridors protège chauves-souris et insectes de nuit, martins-pêcheurs et hérons cendrés.";
  for (double width = 90; width <= 200; width += 4) {
    for (const auto& l : set("corps", text, width).lines) {
      if (!l.hyphenated) continue;
      const std::string t = line_text(l);
      const std::string last = t.substr(t.find_last_of(' ') + 1);
      EXPECT_EQ(last.find('-'), last.size() - 1) << width << ": hyphenated inside a compound: " << t;
    }
  }
}

TEST_F(Setter, ANarrowMeasureIsSetRagged) {
  // ragged_below 170 pt: justified at 200 pt, ragged (and not letter-spaced) at 150 pt.
  bool justified = false;
  for (const auto& l : set("corps-souple", kLong, 200).lines) justified = justified || l.justified;
  EXPECT_TRUE(justified);
  for (const auto& l : set("corps-souple", kLong, 150).lines) {
    EXPECT_FALSE(l.justified) << line_text(l);
    EXPECT_EQ(l.letter_spacing, 0);
    EXPECT_LE(l.right, 150.05);
  }
}

TEST_F(Setter, RaggedTextIsNotStretched) {
  auto p = set("fer-a-gauche", kLong, 150);
  for (const auto& l : p.lines) {
    EXPECT_FALSE(l.justified);
    EXPECT_LE(l.right, 150.05);
  }
}

TEST_F(Setter, MarkupCharactersAndEntitiesPrintAsThemselves) {
  auto p = set("corps", "Les <b>balises</b> & R&D <i> restent telles quelles.", 400);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(line_text(p.lines[0]), "Les <b>balises</b> & R&D <i> restent telles quelles.");
}

TEST_F(Setter, BoldAndItalicTakeRealFaces) {
  auto p = set("corps", "Un **terril** et une *mare*.", 400);
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(line_text(p.lines[0]), "Un terril et une mare.");
  std::set<std::string> faces;
  for (const auto& r : p.lines[0].runs) {
    PangoFontDescription* d = pango_font_describe(r.glyphs->item->analysis.font);
    faces.insert(pango_font_description_to_string(d));
    pango_font_description_free(d);
  }
  EXPECT_GE(faces.size(), 3u);  // regular, bold, italic
}

TEST_F(Setter, CharacterStyleColoursItsSpan) {
  auto p = set("corps", "Un [corridor]{vert} vert.", 400);
  bool green = false;
  for (const auto& r : p.lines[0].runs) green = green || r.paint.swatch == "vert";
  EXPECT_TRUE(green);
}

TEST_F(Setter, UnknownCharacterStyleIsAnError) {
  try {
    set("corps", "Un [corridor]{verte} vert.", 400);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown character style 'verte' (did you mean 'vert'?)"), std::string::npos)
        << e.what();
  }
}

TEST_F(Setter, UnclosedMarkupIsAnError) {
  EXPECT_THROW(set("corps", "Un **terril sans fin.", 400), InputError);
}

TEST_F(Setter, NoHyphenSpanIsNeverBroken) {
  const std::string name = "[Raismes-Saint-Amand-Wallers]{fixe}";
  for (double width : {200.0, 250.0}) {
    auto p = set("corps", "La forêt domaniale de " + name + " est un vaste ensemble forestier de la région.", width);
    for (const auto& l : p.lines) {
      const std::string t = line_text(l);
      if (t.find("Wallers") != std::string::npos || t.find("Raismes") != std::string::npos)
        EXPECT_NE(t.find("Raismes-Saint-Amand-Wallers"), std::string::npos) << t;
    }
  }
}

TEST_F(Setter, NoHyphenSpanWiderThanTheLineBreaksOnlyAtItsOwnHyphens) {
  // Wider than the measure: rather than run into the margin, it breaks, but after its own
  // hyphens only (no hyphen added, no break inside a part).
  const std::string name = "[Raismes-Saint-Amand-Wallers]{fixe}";
  for (double width : {80.0, 100.0, 120.0}) {
    auto p = set("corps", "La forêt domaniale de " + name + " est un vaste ensemble forestier de la région.", width);
    std::string all;
    for (const auto& l : p.lines) {
      EXPECT_LE(l.right, width + 0.5) << line_text(l);
      all += line_text(l) + "|";
    }
    for (const char* part : {"Raismes-", "Saint-", "Amand-", "Wallers"}) EXPECT_NE(all.find(part), std::string::npos) << all;
  }
}

TEST_F(Setter, UnbreakableWordWiderThanTheLineBreaksAsALastResort) {
  const std::string code(150, '7');
  auto p = set("corps", "Le code " + code + " suit, et les mots après lui restent tous là.", 120);
  std::string all;
  for (const auto& l : p.lines) {
    EXPECT_LE(l.right, 120.5) << line_text(l);
    std::string t = line_text(l);
    if (l.hyphenated && !t.empty() && t.back() == '-') t.pop_back();  // a word cut by the hyphenator
    all += t;
  }
  EXPECT_NE(all.find("Le code 7"), std::string::npos) << all;   // no word lost before it
  EXPECT_EQ(std::count(all.begin(), all.end(), '7'), 150) << all;  // every digit kept
  EXPECT_NE(all.find("restent tous là."), std::string::npos) << all;
}

TEST_F(Setter, LongUrlBreaksAfterItsPunctuation) {
  auto p = set("corps", "Voir https://www.example.org/un/tres/long/chemin/vers/une/ressource/profonde/index.html "
                        "pour plus.", 110);
  for (const auto& l : p.lines) {
    EXPECT_LE(l.right, 110.5) << line_text(l);
    const std::string t = line_text(l);
    const char last = t.empty() ? 0 : t.back();
    if (t.find("pour") == std::string::npos && t.find("Voir") == std::string::npos)
      EXPECT_TRUE(last == '/' || last == '.') << t;
  }
}

TEST_F(Setter, CharactersNoFontHasAreReported) {
  auto p = set("corps", "Un visage \U0001F600 ici.", 300);
  (void)p;
  ASSERT_FALSE(ts.missing_characters().empty());
  EXPECT_EQ(ts.missing_characters().back().chars.front(), U'\U0001F600');
}

TEST_F(Setter, InvalidUtf8NeverReachesPango) {
  // Bytes of another code page (Windows-1252 "é" and "œ") in a text: replaced, never a crash.
  auto p = set("corps", std::string("Pr\xe9sent et c\x9cur ") + std::string(40, '\xe9') + " fin.", 100);
  std::string all;
  for (const auto& l : p.lines) all += line_text(l);
  EXPECT_NE(all.find("\uFFFD"), std::string::npos) << all;
  EXPECT_NE(all.find("fin."), std::string::npos) << all;
}

TEST_F(Setter, ForcedLineBreak) {
  auto p = set("corps", "Fosse 9/9 bis, rue du Tordoir\\\n62590 Oignies", 400);
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(line_text(p.lines[1]), "62590 Oignies");
}

TEST_F(Setter, BulletListHangsItsItems) {
  auto p = set("corps", "- premier point\n- second point", 300);
  ASSERT_EQ(p.lines.size(), 2u);
  for (const auto& l : p.lines) {
    ASSERT_GE(l.runs.size(), 2u);
    EXPECT_EQ(*l.runs[0].text, "\u2022");             // the bullet first, at the left edge
    EXPECT_GT(l.runs[1].origin.x, l.runs[0].origin.x + 5);  // the text after the indent
  }
}

TEST_F(Setter, FrenchSpacesAreSet) {
  auto p = set("corps", "Pourquoi ? \"Pour relier\" : les milieux.", 400);
  const std::string t = line_text(p.lines[0]);
  EXPECT_NE(t.find("\u202F?"), std::string::npos) << t;
  EXPECT_NE(t.find("«\u202FPour relier\u202F»"), std::string::npos) << t;
  EXPECT_NE(t.find("\u00A0:"), std::string::npos) << t;
}

TEST_F(Setter, LinkGivesAnArea) {
  auto p = set("corps", "Voir [le site](https://www.missionbassinminier.org) pour plus.", 400);
  ASSERT_EQ(p.lines[0].links.size(), 1u);
  EXPECT_EQ(p.lines[0].links[0].uri, "https://www.missionbassinminier.org");
  EXPECT_GT(p.lines[0].links[0].x1, p.lines[0].links[0].x0 + 10);
}

}  // namespace
