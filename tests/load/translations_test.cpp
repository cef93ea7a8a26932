// Translations: text ids, the translation file of a language, missing and stale translations,
// the skeleton for translators, and typography following the edition's language.
#include <gtest/gtest.h>

#include "load/load_fixture.hpp"
#include "load/translations.hpp"

namespace plaquette {
namespace {

const char* const kContent = R"(document:
  title: La Trame verte et bleue
  language: fr
template: templates/mini.yaml
include:
  - content/pages/p.yaml
)";

const char* const kPage = R"(pages:
  - master: simple
    blocks:
      - frame: texte
        text:
          - titre-2: Qui vit sur un terril ?
          - Les terrils abritent une flore rare.
          - {style: corps, text: Un texte à part., id: a-part}
          - Le dernier paragraphe.
)";

struct Translations : ::testing::Test {
  test::Project project{"translations"};
  void SetUp() override {
    project.write("content/test.yaml", kContent);
    project.write("content/pages/p.yaml", kPage);
  }
  test::Loaded load(const std::string& language, bool list = true) {
    test::Loaded out;
    load::LoadOptions options;
    options.language = language;
    options.list_translations = list;
    out.doc = load::load_document((project.root() / "content/test.yaml").string(), options, out.sink);
    return out;
  }
  std::string entry(const std::string& id, const std::string& french, const std::string& text) {
    return id + ":\n  source_hash: \"" + load::source_hash(french) + "\"\n  text: \"" + text + "\"\n";
  }
  // A warning at file:line:col (the file's name ends with `file`).
  static bool has_warning_at(const DiagnosticSink& sink, const std::string& file, int line, int col,
                             const std::string& fragment) {
    for (const auto& d : sink.all())
      if (d.severity == Severity::Warning && d.span.file.size() >= file.size() &&
          d.span.file.compare(d.span.file.size() - file.size(), file.size(), file) == 0 && d.span.line == line &&
          d.span.col == col && d.message.find(fragment) != std::string::npos)
        return true;
    return false;
  }
  static bool has_warning(const DiagnosticSink& sink, const std::string& fragment) {
    for (const auto& d : sink.all())
      if (d.severity == Severity::Warning && d.message.find(fragment) != std::string::npos) return true;
    return false;
  }
  static const std::string& text_of(const model::Document& doc, size_t i) {
    return std::get<model::TextBlock>(doc.pages.at(0).blocks.at(0)).paragraphs.at(i).text;
  }
};

TEST(TranslationIds, HashIgnoresLineWrapping) {
  EXPECT_EQ(load::source_hash("Les terrils  abritent\n une flore rare. "), load::source_hash("Les terrils abritent une flore rare."));
  EXPECT_NE(load::source_hash("Les terrils abritent une flore rare."), load::source_hash("Les terrils abritent une faune rare."));
  EXPECT_EQ(load::source_hash("x").size(), 8u);
  EXPECT_EQ(load::text_id_stem("content/pages/02-pourquoi.yaml"), "02-pourquoi");
}

TEST_F(Translations, AppliedTranslationAndLanguage) {
  project.write("content/translations/nl.yaml",
                entry("p#1", "Qui vit sur un terril ?", "Wie leeft er op een mijnsteenberg?") +
                    entry("a-part", "Un texte à part.", "Een aparte tekst.") +
                    entry("document.title", "La Trame verte et bleue", "De groenblauwe netwerken"));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.language, "nl");
  EXPECT_EQ(r.doc->meta.title, "De groenblauwe netwerken");
  EXPECT_EQ(text_of(*r.doc, 0), "Wie leeft er op een mijnsteenberg?");
  EXPECT_EQ(text_of(*r.doc, 1), "Les terrils abritent une flore rare.");  // missing: French kept
  EXPECT_EQ(text_of(*r.doc, 2), "Een aparte tekst.");                     // explicit id
  // Typography follows the edition: no French spacing or French hyphenation for its styles.
  EXPECT_EQ(r.doc->tmpl.styles.at("corps").language, "nl");
  EXPECT_EQ(r.doc->tmpl.styles.at("titre-2").language, "nl");
}

TEST_F(Translations, MissingTranslationsAreListed) {
  project.write("content/translations/nl.yaml", entry("p#1", "Qui vit sur un terril ?", "Wie leeft er?"));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for p#2")) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for a-part")) << r.sink.to_string();
  // The explicit id does not shift the automatic ones: the last paragraph is the 4th.
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for p#4")) << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "missing translation (nl) for p#1")) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for document.title")) << r.sink.to_string();
  EXPECT_FALSE(r.sink.has_errors());
}

TEST_F(Translations, OneSummaryWhenNotListing) {
  project.write("content/translations/nl.yaml", entry("p#1", "Qui vit sur un terril ?", "Wie leeft er?"));
  auto r = load("nl", false);
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "missing translation"));
  EXPECT_TRUE(has_warning(r.sink, "4 of 5 texts have no Dutch translation")) << r.sink.to_string();
}

TEST_F(Translations, StaleTranslationIsReportedAndStillUsed) {
  // Translated from an older French text.
  project.write("content/translations/nl.yaml",
                entry("p#2", "Les terrils abritent une flore commune.", "Op mijnsteenbergen groeit een gewone flora."));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "stale translation (nl) for p#2: the French text changed since"))
      << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "missing translation (nl) for p#2"));
  EXPECT_EQ(text_of(*r.doc, 1), "Op mijnsteenbergen groeit een gewone flora.");
}

TEST_F(Translations, UnknownIdIsReported) {
  project.write("content/translations/nl.yaml", entry("p#9", "Disparu.", "Verdwenen."));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "unknown text id 'p#9'")) << r.sink.to_string();
}

TEST_F(Translations, FrenchEditionIgnoresTranslations) {
  project.write("content/translations/nl.yaml", entry("p#2", "Les terrils abritent une flore rare.", "Vertaald."));
  auto r = load("");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.language, "fr");
  EXPECT_EQ(text_of(*r.doc, 1), "Les terrils abritent une flore rare.");
  EXPECT_EQ(r.doc->tmpl.styles.at("corps").language, "fr");
  EXPECT_TRUE(r.sink.all().empty()) << r.sink.to_string();
}

TEST_F(Translations, TheContentChoosesItsLanguage) {
  std::string content = kContent;
  content.replace(content.find("language: fr"), 12, "language: nl");
  project.write("content/test.yaml", content);
  project.write("content/translations/nl.yaml", entry("p#2", "Les terrils abritent une flore rare.", "Vertaald."));
  auto r = load("");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(text_of(*r.doc, 1), "Vertaald.");
}

TEST_F(Translations, NoTranslationFileIsAWarning) {
  auto r = load("en");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "no translation file for language 'en'")) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.language, "en");
}

TEST_F(Translations, BadLanguageAndBadFile) {
  auto bad = load("n l");
  EXPECT_FALSE(bad.doc);
  EXPECT_TRUE(test::HasError(bad.sink, "--lang", 0, 0, "not a language code")) << bad.sink.to_string();
  project.write("content/translations/nl.yaml", "p#1: {source_hash: abc, txt: oops}\n");
  auto r = load("nl");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(test::HasError(r.sink, "content/translations/nl.yaml", 1, 25, "unknown key 'txt'")) << r.sink.to_string();
}

TEST_F(Translations, DuplicateExplicitIdIsAnError) {
  std::string page = kPage;
  page += "          - {text: Encore., id: a-part}\n";
  project.write("content/pages/p.yaml", page);
  auto r = load("nl");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(test::HasError(r.sink, "content/pages/p.yaml", 10, 20, "text id 'a-part' is used twice"))
      << r.sink.to_string();
}

TEST_F(Translations, SkeletonListsEveryTextWithItsFingerprint) {
  project.write("content/translations/nl.yaml", entry("p#1", "Qui vit sur un terril ?", "Wie leeft er?"));
  load::LoadOptions options;
  options.language = "nl";
  DiagnosticSink sink;
  auto text = load::translation_skeleton((project.root() / "content/test.yaml").string(), options, sink);
  ASSERT_TRUE(text) << sink.to_string();
  EXPECT_NE(text->find("p#1:\n  source_hash: \"" + load::source_hash("Qui vit sur un terril ?") + "\""),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("text: Wie leeft er?"), std::string::npos) << *text;
  EXPECT_NE(text->find("a-part:"), std::string::npos) << *text;
  EXPECT_NE(text->find("source: Les terrils abritent une flore rare."), std::string::npos) << *text;
  // The skeleton is itself a valid translation file: written back, nothing is stale.
  project.write("content/translations/nl.yaml", *text);
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "stale")) << r.sink.to_string();
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for p#2")) << r.sink.to_string();  // empty text
  // French: nothing to translate.
  options.language = "fr";
  DiagnosticSink fr;
  EXPECT_FALSE(load::translation_skeleton((project.root() / "content/test.yaml").string(), options, fr));
}

// ---------------------------------------------------------------------------------------------
// Texts that are not paragraphs: map legends and source notes, image captions, master texts.

const char* const kMapPage = R"Y(pages:
  - master: simple
    blocks:
      - frame: texte
        text:
          - Un paragraphe.
      - frame: visuel
        map:
          layers:
            - {source: assets/maps/zone.gpkg, layer: zone, legend: Limite de département}
            - source: assets/maps/zone.gpkg
              layer: eau
              classify:
                rules:
                  - {where: "type = 'canal'", stroke: noir, label: Canal}
                other: {stroke: noir, label: Rivière navigable}
          labels: [{layer: zone, field: nom}]
          legend: {position: top-left, title: Les milieux}
          source_note: "Sources : IGN."
      - {x: 18mm, y: 200mm, width: 50mm, height: 40mm, image: assets/images/photo.jpg}
      - {x: 80mm, y: 200mm, width: 50mm, height: 40mm, image: assets/images/photo.jpg, caption: Une mare.}
)Y";

struct TranslatedFurniture : Translations {
  void SetUp() override {
    Translations::SetUp();
    std::string t = test::kMiniTemplate;
    const std::string styles = "  source-carte: {font: Lato, size: 6.5pt}\n";
    t.replace(t.find(styles), styles.size(),
              styles + "  legende-carte: {font: Lato, size: 6.5pt}\n  legende-carte-titre: {font: Lato, size: 7pt}\n"
                       "  etiquette-carte: {font: Lato, size: 6.5pt}\n");
    // A running header before the folio ("{page}": nothing to translate).
    const std::string folio = "      - text: {x: 18mm, y: 284mm";
    t.replace(t.find(folio), 0,
              "      - text: {x: 18mm, y: 10mm, width: 174mm, height: 5mm, style: corps, text: La Trame verte}\n");
    project.write("templates/mini.yaml", t);
    project.write("content/pages/p.yaml", kMapPage);
  }
  static const model::MapSpec& map_of(const model::Document& doc) {
    return std::get<model::MapBlock>(doc.pages.at(0).blocks.at(1)).map;
  }
  static const std::string& caption_of(const model::Document& doc) {
    return std::get<model::ImageBlock>(doc.pages.at(0).blocks.at(3)).caption;
  }
  static std::string header_of(const model::Document& doc) {
    for (const auto& item : doc.tmpl.masters.at("simple").items)
      if (auto* t = std::get_if<model::MasterText>(&item); t && t->text != "{page}") return t->text;
    return "";
  }
};

TEST_F(TranslatedFurniture, LegendsSourceNoteCaptionAndMasterTextAreTranslated) {
  project.write("content/translations/nl.yaml",
                entry("p#map1.layer1.legend", "Limite de département", "Departementsgrens") +
                    entry("p#map1.layer2.rule1.label", "Canal", "Kanaal") +
                    entry("p#map1.layer2.other.label", "Rivière navigable", "Bevaarbare rivier") +
                    entry("p#map1.legend.title", "Les milieux", "De milieus") +
                    entry("p#map1.source_note", "Sources : IGN.", "Bronnen: IGN.") +
                    entry("p#image2.caption", "Une mare.", "Een poel.") +
                    entry("mini#simple.text1", "La Trame verte", "Het groene netwerk"));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& map = map_of(*r.doc);
  EXPECT_EQ(map.layers.at(0).legend, "Departementsgrens");
  EXPECT_EQ(map.layers.at(1).classify.classes.at(0).label, "Kanaal");
  ASSERT_TRUE(map.layers.at(1).classify.other);
  EXPECT_EQ(map.layers.at(1).classify.other->label, "Bevaarbare rivier");
  ASSERT_TRUE(map.legend);
  EXPECT_EQ(map.legend->title, "De milieus");
  EXPECT_EQ(map.source_note, "Bronnen: IGN.");
  EXPECT_EQ(map.labels.at(0).field, "nom");  // data: not a text
  EXPECT_EQ(caption_of(*r.doc), "Een poel.");
  EXPECT_EQ(header_of(*r.doc), "Het groene netwerk");
  EXPECT_FALSE(has_warning(r.sink, "missing translation (nl) for p#map")) << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "missing translation (nl) for mini#")) << r.sink.to_string();
  // The French edition keeps them.
  auto fr = load("");
  ASSERT_TRUE(fr.doc) << fr.sink.to_string();
  EXPECT_EQ(map_of(*fr.doc).layers.at(0).legend, "Limite de département");
  EXPECT_EQ(caption_of(*fr.doc), "Une mare.");
  EXPECT_EQ(header_of(*fr.doc), "La Trame verte");
}

TEST_F(TranslatedFurniture, MissingAndStaleAreReportedWhereTheFrenchIs) {
  project.write("content/translations/nl.yaml",
                entry("p#image2.caption", "Une petite mare.", "Een kleine poel.") +  // older French
                    entry("p#map1.source_note", "Sources : IGN.", "Bronnen: IGN."));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  auto at = [&](const std::string& fragment, int line) {
    for (const auto& d : r.sink.all())
      if (d.severity == Severity::Warning && d.message.find(fragment) != std::string::npos &&
          d.span.file.find("content/pages/p.yaml") != std::string::npos && d.span.line == line)
        return true;
    return false;
  };
  EXPECT_TRUE(at("missing translation (nl) for p#map1.layer1.legend", 10)) << r.sink.to_string();
  EXPECT_TRUE(at("missing translation (nl) for p#map1.layer2.rule1.label", 15)) << r.sink.to_string();
  EXPECT_TRUE(at("missing translation (nl) for p#map1.layer2.other.label", 16)) << r.sink.to_string();
  EXPECT_TRUE(at("missing translation (nl) for p#map1.legend.title", 18)) << r.sink.to_string();
  EXPECT_TRUE(at("stale translation (nl) for p#image2.caption", 21)) << r.sink.to_string();
  EXPECT_EQ(caption_of(*r.doc), "Een kleine poel.");  // stale, still used
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for mini#simple.text1")) << r.sink.to_string();
  EXPECT_FALSE(has_warning(r.sink, "mini#simple.text2")) << r.sink.to_string();  // "{page}"
  EXPECT_FALSE(has_warning(r.sink, "p#image1")) << r.sink.to_string();          // no caption
  EXPECT_FALSE(has_warning(r.sink, "p#map1.source_note")) << r.sink.to_string();
  // The paragraph keeps its id: the other texts do not shift the paragraphs' numbers.
  EXPECT_TRUE(has_warning(r.sink, "missing translation (nl) for p#1:")) << r.sink.to_string();
}

TEST_F(TranslatedFurniture, SkeletonHasThemAndStaleCommentsSitOnTheirEntry) {
  project.write("content/translations/nl.yaml",
                entry("p#map1.layer1.legend", "Limite de département", "Departementsgrens") +
                    entry("p#image2.caption", "Une petite mare.", "Een kleine poel."));
  load::LoadOptions options;
  options.language = "nl";
  DiagnosticSink sink;
  auto text = load::translation_skeleton((project.root() / "content/test.yaml").string(), options, sink);
  ASSERT_TRUE(text) << sink.to_string();
  EXPECT_NE(text->find("p#map1.layer1.legend:\n  source_hash: \"" + load::source_hash("Limite de département") +
                       "\"\n  source: Limite de département\n  text: Departementsgrens\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("mini#simple.text1:\n"), std::string::npos) << *text;
  EXPECT_NE(text->find("p#map1.source_note:\n"), std::string::npos) << *text;
  // The stale comment is on its own line, right before the stale entry.
  EXPECT_NE(text->find("# stale: the French text changed since this translation; update `text`\np#image2.caption:\n"),
            std::string::npos)
      << *text;
  EXPECT_EQ(text->find("  # stale"), std::string::npos) << *text;
}

// ---------------------------------------------------------------------------------------------
// Variables in the edition's language, and the reserved keys of a translation file.

const char* const kVariablesContent = R"(document:
  title: La Trame verte et bleue
  language: fr
template: templates/mini.yaml
variables:
  epci: {nom: le Bassin minier, siren: ""}
include:
  - content/pages/p.yaml
)";

const char* const kVariablesPage = R"(pages:
  - master: simple
    blocks:
      - frame: texte
        text:
          - Pour {epci.nom}.
)";

struct TranslatedVariables : Translations {
  void SetUp() override {
    project.write("content/test.yaml", kVariablesContent);
    project.write("content/pages/p.yaml", kVariablesPage);
  }
};

TEST_F(TranslatedVariables, TheFileGivesTheVariablesInItsLanguage) {
  project.write("content/translations/nl.yaml",
                "variables:\n  epci:\n    nom: het Mijnbekken\n" + entry("p#1", "Pour {epci.nom}.", "Voor {epci.nom}."));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(text_of(*r.doc, 0), "Voor het Mijnbekken.");
  EXPECT_FALSE(has_warning(r.sink, "variable")) << r.sink.to_string();
  // French: the content's value.
  auto fr = load("");
  ASSERT_TRUE(fr.doc) << fr.sink.to_string();
  EXPECT_EQ(text_of(*fr.doc, 0), "Pour le Bassin minier.");
}

TEST_F(TranslatedVariables, AVariableWithoutItsTranslationIsReported) {
  project.write("content/translations/nl.yaml",
                "variables:\n  epci:\n    nom: \"\"\n" + entry("p#1", "Pour {epci.nom}.", "Voor {epci.nom}."));
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(text_of(*r.doc, 0), "Voor le Bassin minier.");  // "" keeps the French value
  EXPECT_TRUE(has_warning(r.sink, "variable 'epci.nom' has no Dutch value: 'le Bassin minier' is used"))
      << r.sink.to_string();
  // The skeleton has the variable to fill.
  load::LoadOptions options;
  options.language = "nl";
  DiagnosticSink sink;
  auto text = load::translation_skeleton((project.root() / "content/test.yaml").string(), options, sink);
  ASSERT_TRUE(text) << sink.to_string();
  EXPECT_NE(text->find("variables:\n  epci:\n    nom: \"\"\n"), std::string::npos) << *text;
}

TEST_F(TranslatedVariables, UnknownVariablesAndKeysAreLocated) {
  project.write("content/translations/nl.yaml",
                "variables:\n"          // 1
                "  epci:\n"             // 2
                "    nam: x\n"          // 3
                "  chiffres: {a: 1}\n"  // 4
                "variants:\n"           // 5
                "  \"1\":\n"            // 6
                "    textes: {}\n");    // 7
  auto r = load("nl");
  EXPECT_FALSE(r.doc);
  // Malformed: errors.
  EXPECT_TRUE(test::HasError(r.sink, "content/translations/nl.yaml", 4, 3, "{chiffres.*} are computed from the data"));
  EXPECT_TRUE(test::HasError(r.sink, "content/translations/nl.yaml", 7, 5,
                             "unknown key 'textes' in variant '1' of 'variants' (did you mean 'texts'?)"));
  // What this content lacks (the file serves every content file, like its text ids): warnings.
  EXPECT_TRUE(has_warning_at(r.sink, "content/translations/nl.yaml", 3, 5,
                             "unknown variable 'epci.nam' in 'variables' (did you mean 'nom'?)"))
      << r.sink.to_string();
  EXPECT_TRUE(has_warning_at(r.sink, "content/translations/nl.yaml", 5, 1,
                             "'variants' is not used: this content file declares no variants"))
      << r.sink.to_string();
}

TEST_F(TranslatedVariables, AGroupIsNotAText) {
  project.write("content/translations/nl.yaml", "variables:\n  epci: Mijnbekken\n");
  auto r = load("nl");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(test::HasError(r.sink, "content/translations/nl.yaml", 2, 9, "'epci' is a group of variables (nom, siren)"));
}

TEST_F(Translations, VariablesForAContentWithoutVariablesAreNotUsed) {
  // content/translations/nl.yaml serves every content file: the brochure's variables are no error
  // for a leaflet that has none.
  project.write("content/translations/nl.yaml", "p#1: {text: x}\nvariables:\n  epci: {nom: het Mijnbekken}\n");
  auto r = load("nl");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(has_warning_at(r.sink, "content/translations/nl.yaml", 2, 1,
                             "'variables' is not used: this content file defines no variables"))
      << r.sink.to_string();
  auto summary = load("nl", false);
  ASSERT_TRUE(summary.doc) << summary.sink.to_string();
  EXPECT_TRUE(has_warning(summary.sink, "1 for unknown ids, variables or variants")) << summary.sink.to_string();
}

// Per-variant variables and texts need the variants of the real data.
const std::string kVariantContent = std::string(R"Y(document:
  title: La Trame verte et bleue
  subject: Plaquette du Bassin minier
  language: fr
template: templates/mini.yaml
)Y") + test::kTwoEpciVariants + R"Y(variables:
  epci: {nom: le Bassin minier, siren: ""}
include:
  - content/pages/p.yaml
)Y";

struct TranslatedVariants : TranslatedVariables {
  void SetUp() override {
    TranslatedVariables::SetUp();
    project.write("content/test.yaml", kVariantContent);
    std::filesystem::create_directories(project.root() / "assets/maps");
    std::filesystem::copy_file(test::source_dir() / "assets/maps/bassin-minier.gpkg",
                               project.root() / "assets/maps/bassin-minier.gpkg",
                               std::filesystem::copy_options::overwrite_existing);
    project.write("content/variants/246200364.yaml",
                  "document:\n  subject: Plaquette de Lens-Liévin\nvariables:\n  epci:\n    nom: l’agglomération de "
                  "Lens-Liévin\n");
  }
  test::Loaded load_variant(const std::string& variant, bool list = true) {
    test::Loaded out;
    load::LoadOptions options;
    options.language = "nl";
    options.variant = variant;
    options.list_translations = list;
    out.doc = load::load_document((project.root() / "content/test.yaml").string(), options, out.sink);
    return out;
  }
  std::string file(const std::string& variants) {
    return "variables:\n  epci:\n    nom: het Mijnbekken\nvariants:\n" + variants +
           entry("p#1", "Pour {epci.nom}.", "Voor {epci.nom}.") +
           entry("document.subject", "Plaquette du Bassin minier", "Brochure van het Mijnbekken") +
           entry("document.title", "La Trame verte et bleue", "De groenblauwe netwerken");
  }
};

TEST_F(TranslatedVariants, EachVariantHasItsVariablesAndTexts) {
  project.write("content/translations/nl.yaml",
                file("  \"246200364\":\n"
                     "    variables:\n      epci: {nom: de agglomeratie Lens-Liévin}\n"
                     "    texts:\n      document.subject:\n        source_hash: \"" +
                     load::source_hash("Plaquette de Lens-Liévin") +
                     "\"\n        text: Brochure van Lens-Liévin\n"
                     "  \"246200299\":\n    variables:\n      epci: {nom: Hénin-Carvin}\n"));
  auto lens = load_variant("246200364");
  ASSERT_TRUE(lens.doc) << lens.sink.to_string();
  EXPECT_EQ(text_of(*lens.doc, 0), "Voor de agglomeratie Lens-Liévin.");
  EXPECT_EQ(lens.doc->meta.subject, "Brochure van Lens-Liévin");
  EXPECT_FALSE(has_warning(lens.sink, "translation")) << lens.sink.to_string();
  EXPECT_FALSE(has_warning(lens.sink, "variable")) << lens.sink.to_string();
  // A variant without an override file: its name from the data, then the translation's.
  auto henin = load_variant("246200299");
  ASSERT_TRUE(henin.doc) << henin.sink.to_string();
  EXPECT_EQ(text_of(*henin.doc, 0), "Voor Hénin-Carvin.");
  EXPECT_EQ(henin.doc->meta.subject, "Brochure van het Mijnbekken");
  // The base edition: the top-level variables and texts.
  auto base = load_variant("");
  ASSERT_TRUE(base.doc) << base.sink.to_string();
  EXPECT_EQ(text_of(*base.doc, 0), "Voor het Mijnbekken.");
  EXPECT_EQ(base.doc->meta.subject, "Brochure van het Mijnbekken");
  EXPECT_FALSE(has_warning(base.sink, "translation")) << base.sink.to_string();
}

TEST_F(TranslatedVariants, TheOverrideFilesTextsAndVariablesAreReportedThere) {
  project.write("content/translations/nl.yaml", file(""));
  auto r = load_variant("246200364");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  // The override file's subject: the base translation is stale for it; its variable is French.
  bool stale = false, variable = false;
  for (const auto& d : r.sink.all()) {
    if (d.span.file.find("content/variants/246200364.yaml") == std::string::npos) continue;
    if (d.span.line == 2 && d.message.find("stale translation (nl) for document.subject") != std::string::npos)
      stale = true;
    if (d.span.line == 5 && d.message.find("variable 'epci.nom' has no Dutch value") != std::string::npos &&
        d.message.find("'variants: 246200364: variables'") != std::string::npos)
      variable = true;
  }
  EXPECT_TRUE(stale) << r.sink.to_string();
  EXPECT_TRUE(variable) << r.sink.to_string();
  EXPECT_EQ(text_of(*r.doc, 0), "Voor l’agglomération de Lens-Liévin.");
  // The skeleton puts the variant's own texts and variables under its id, the stale comment on
  // the right entry, and keeps the base edition's entry for document.subject as it was.
  load::LoadOptions options;
  options.language = "nl";
  options.variant = "246200364";
  DiagnosticSink sink;
  auto text = load::translation_skeleton((project.root() / "content/test.yaml").string(), options, sink);
  ASSERT_TRUE(text) << sink.to_string();
  EXPECT_NE(text->find("variants:\n  \"246200364\":\n    variables:\n      epci:\n        nom: \"\"\n    texts:\n"
                       "      # stale: the French text changed since this translation; update `text`\n"
                       "      document.subject:\n        source_hash: \"" +
                       load::source_hash("Plaquette de Lens-Liévin") + "\"\n"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("\ndocument.subject:\n  source_hash: \"" + load::source_hash("Plaquette du Bassin minier") +
                       "\"\n  text: Brochure van het Mijnbekken\n"),
            std::string::npos)
      << *text;
  // Written back and completed, nothing is stale any more.
  std::string completed = *text;
  completed.replace(completed.find("nom: \"\""), 7, "nom: Lens-Liévin");
  const std::string old_text = "        text: Brochure van het Mijnbekken\n";
  completed.replace(completed.find(old_text), old_text.size(), "        text: Brochure van Lens-Liévin\n");
  project.write("content/translations/nl.yaml", completed);
  auto again = load_variant("246200364");
  ASSERT_TRUE(again.doc) << again.sink.to_string();
  EXPECT_FALSE(has_warning(again.sink, "stale")) << again.sink.to_string();
  EXPECT_FALSE(has_warning(again.sink, "variable")) << again.sink.to_string();
  EXPECT_EQ(again.doc->meta.subject, "Brochure van Lens-Liévin");
}

TEST_F(TranslatedVariants, UnknownVariantAndVariableAreLocated) {
  project.write("content/translations/nl.yaml",
                file("  \"246200365\":\n    variables:\n      epci: {nom: x}\n"
                     "  \"246200364\":\n    variables:\n      epci: {nam: x}\n    text: {}\n"));
  auto r = load_variant("246200364");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(has_warning_at(r.sink, "content/translations/nl.yaml", 5, 3,
                             "unknown variant '246200365' in 'variants' (did you mean '246200364'?)"))
      << r.sink.to_string();
  EXPECT_TRUE(has_warning_at(r.sink, "content/translations/nl.yaml", 10, 14,
                             "unknown variable 'epci.nam' in 'variants: 246200364: variables' (did you mean 'nom'?)"))
      << r.sink.to_string();
  EXPECT_TRUE(test::HasError(r.sink, "content/translations/nl.yaml", 11, 5,
                             "unknown key 'text' in variant '246200364' of 'variants' (did you mean 'texts'?)"));
  // The base edition checks the variant ids too.
  auto base = load_variant("");
  EXPECT_TRUE(has_warning_at(base.sink, "content/translations/nl.yaml", 5, 3, "unknown variant '246200365'"))
      << base.sink.to_string();
}

}  // namespace
}  // namespace plaquette
