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

}  // namespace
}  // namespace plaquette
