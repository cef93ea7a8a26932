// Paragraph style keys for composition (keep_together, hyphenate, line_breaking, features, language),
// inheritance between styles (based_on), and character styles. Errors are checked at their exact
// line and column, like the other load tests.
#include <gtest/gtest.h>

#include "load/validate.hpp"
#include "load_fixture.hpp"

namespace plaquette::test {
namespace {

const char* const kOkContent = "document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n";

// The mini template with `lines` added at the top of 'styles:': the first added line is line 11.
std::string with_styles(const std::string& lines) {
  std::string t = kMiniTemplate;
  t.replace(t.find("styles:\n"), 8, "styles:\n" + lines);
  return t;
}

// The mini template with a 'character_styles:' section (line 15) before 'masters:': its first
// style is on line 16.
std::string with_char_styles(const std::string& lines) {
  std::string t = kMiniTemplate;
  t.replace(t.find("masters:\n"), 9, "character_styles:\n" + lines + "masters:\n");
  return t;
}

Loaded load_template(const std::string& tag, const std::string& tmpl) {
  Project p(tag);
  p.write("templates/mini.yaml", tmpl);
  return p.load(kOkContent);
}

// ---------------------------------------------------------------------------------------------
// based_on

TEST(StyleInheritance, MultiLevelInheritsEveryKeyNotSet) {
  // The child comes first in the file: parents are read first whatever the order.
  Loaded r = load_template("inherit", with_styles(
      "  feuille: {based_on: milieu, color: noir, align: center}\n"
      "  milieu: {based_on: base, size: 12pt, italic: true}\n"
      "  base:\n"
      "    font: Lato\n"
      "    weight: bold\n"
      "    size: 9pt\n"
      "    tracking: 50\n"
      "    color: vert-pale\n"
      "    space_after: 3pt\n"
      "    keep_with_next: true\n"
      "    keep_together: true\n"
      "    uppercase: true\n"
      "    hyphenate: {min_word: 8, max_consecutive: 3}\n"
      "    line_breaking: first-fit\n"
      "    features: [onum, \"liga 0\"]\n"
      "    language: en\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& s = r.doc->tmpl.styles;
  const model::ParagraphStyle& f = s.at("feuille");
  EXPECT_EQ(f.name, "feuille");
  EXPECT_EQ(f.based_on, "milieu");
  EXPECT_EQ(s.at("milieu").based_on, "base");
  EXPECT_EQ(s.at("base").based_on, "");
  EXPECT_EQ(f.family, "Lato");
  EXPECT_EQ(f.weight, 700);
  EXPECT_TRUE(f.italic);
  EXPECT_DOUBLE_EQ(f.size, 12);
  EXPECT_DOUBLE_EQ(f.leading, 1.2 * 12);  // the default leading follows the inherited size
  EXPECT_DOUBLE_EQ(f.tracking, 50);
  EXPECT_EQ(f.color, "noir");
  EXPECT_EQ(f.align, model::Align::Center);
  EXPECT_DOUBLE_EQ(f.space_after, 3);
  EXPECT_TRUE(f.keep_with_next);
  EXPECT_TRUE(f.keep_together);
  EXPECT_TRUE(f.uppercase);
  EXPECT_TRUE(f.hyphenation.enabled);
  EXPECT_EQ(f.hyphenation.min_word, 8);
  EXPECT_EQ(f.hyphenation.min_left, 2);
  EXPECT_EQ(f.hyphenation.min_right, 3);
  EXPECT_EQ(f.hyphenation.max_consecutive, 3);
  EXPECT_EQ(f.breaking, model::LineBreaking::FirstFit);
  EXPECT_EQ(f.features, (std::vector<std::string>{"onum", "liga 0"}));
  EXPECT_EQ(f.language, "en");
  EXPECT_EQ(f.span.line, 11);  // its own place, not its parent's
  EXPECT_EQ(s.at("milieu").color, "vert-pale");
  EXPECT_DOUBLE_EQ(s.at("base").leading, 1.2 * 9);
}

TEST(StyleInheritance, ChildOverridesItsParent) {
  Loaded r = load_template("override", with_styles(
      "  parent: {font: Lato, size: 9pt, leading: 20pt, weight: bold, italic: true, features: [smcp],\n"
      "           hyphenate: {min_word: 9}, keep_together: true, language: de}\n"
      "  enfant: {based_on: parent, font: Linux Libertine O, weight: regular, italic: false, features: [],\n"
      "           hyphenate: false, keep_together: false, language: fr-CA, size: 14pt}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const model::ParagraphStyle& e = r.doc->tmpl.styles.at("enfant");
  EXPECT_EQ(e.family, "Linux Libertine O");
  EXPECT_EQ(e.weight, 400);
  EXPECT_FALSE(e.italic);
  EXPECT_TRUE(e.features.empty());  // a list replaces the parent's
  EXPECT_FALSE(e.hyphenation.enabled);
  EXPECT_EQ(e.hyphenation.min_word, 9);  // kept for a grandchild that turns it back on
  EXPECT_FALSE(e.keep_together);
  EXPECT_EQ(e.language, "fr-CA");
  EXPECT_DOUBLE_EQ(e.size, 14);
  EXPECT_DOUBLE_EQ(e.leading, 20);  // an explicit leading is inherited as is
}

TEST(StyleInheritance, RequiredKeysMayComeFromTheParent) {
  Loaded r = load_template("required", with_styles("  note: {based_on: legende}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const model::ParagraphStyle& n = r.doc->tmpl.styles.at("note");
  EXPECT_EQ(n.family, "Lato");
  EXPECT_DOUBLE_EQ(n.size, 7.5);
  EXPECT_TRUE(n.italic);
}

TEST(StyleInheritance, MissingKeyInTheRootIsReportedOnceNotInItsChildren) {
  Loaded r = load_template("required2", with_styles("  base: {size: 9pt}\n  enfant: {based_on: base}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 3, "missing required key 'font' in style 'base'"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(StyleInheritance, UnknownParentWithHint) {
  Loaded r = load_template("unknownparent", with_styles("  a: {based_on: titre2, color: noir}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 17,
                       "'based_on' names an unknown style 'titre2' (did you mean 'titre-2'?)"));
  // Its missing font and size would come from the parent: not reported as well.
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(StyleInheritance, UnknownParentWithoutCloseMatchListsTheStyles) {
  Loaded r = load_template("unknownparent2", with_styles("  a: {based_on: zzzzzz}\n"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 17,
                       "'based_on' names an unknown style 'zzzzzz': the template's styles are a, corps, titre-2"));
}

TEST(StyleInheritance, ParentMustBeAText) {
  Loaded r = load_template("parenttype", with_styles("  a: {based_on: [corps]}\n"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 17, "'based_on' must be a text, not a list"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(StyleInheritance, CycleOfTwoNamesTheChain) {
  Loaded r = load_template("cycle2", with_styles("  a: {based_on: b, font: Lato, size: 9pt}\n"
                                                 "  b: {based_on: a}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 17, "style 'a' is based on itself through 'b' → 'a'"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(StyleInheritance, SelfCycle) {
  Loaded r = load_template("cycle1", with_styles("  corps-2:\n    font: Lato\n    based_on: corps-2\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 13, 15, "style 'corps-2' is based on itself"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(StyleInheritance, CycleOfThreeReportedOnceAndNotInStylesLeadingToIt) {
  Loaded r = load_template("cycle3", with_styles("  d: {based_on: b}\n"
                                                 "  a: {based_on: b}\n"
                                                 "  b: {based_on: c}\n"
                                                 "  c: {based_on: a}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 12, 17,
                       "style 'a' is based on itself through 'b' → 'c' → 'a'"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

// ---------------------------------------------------------------------------------------------
// New paragraph style keys

TEST(StyleKeys, DefaultsWhenNotGiven) {
  Loaded r = load_template("defaults", kMiniTemplate);
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const model::ParagraphStyle& c = r.doc->tmpl.styles.at("corps");
  EXPECT_FALSE(c.keep_together);
  EXPECT_TRUE(c.hyphenation.enabled);
  EXPECT_EQ(c.hyphenation.min_word, 6);
  EXPECT_EQ(c.breaking, model::LineBreaking::TotalFit);
  EXPECT_TRUE(c.features.empty());
  EXPECT_EQ(c.language, "fr");
  EXPECT_EQ(c.based_on, "");
  EXPECT_TRUE(r.doc->tmpl.char_styles.empty());
}

TEST(StyleKeys, ValidValues) {
  Loaded r = load_template("keys", with_styles(
      "  a: {font: Lato, size: 9pt, keep_together: true, hyphenate: false, line_breaking: first-fit}\n"
      "  b: {font: Lato, size: 9pt, hyphenate: true, line_breaking: total-fit, language: fr-BE}\n"
      "  c: {font: Lato, size: 9pt, hyphenate: {min_word: 5, min_left: 3, min_right: 2, max_consecutive: 1}}\n"
      "  d: {font: Lato, size: 9pt, features: [smcp, onum, tnum, \"liga 0\", \"kern 1\", ss01]}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& s = r.doc->tmpl.styles;
  EXPECT_TRUE(s.at("a").keep_together);
  EXPECT_FALSE(s.at("a").hyphenation.enabled);
  EXPECT_EQ(s.at("a").breaking, model::LineBreaking::FirstFit);
  EXPECT_TRUE(s.at("b").hyphenation.enabled);
  EXPECT_EQ(s.at("b").breaking, model::LineBreaking::TotalFit);
  EXPECT_EQ(s.at("b").language, "fr-BE");
  const model::Hyphenation& h = s.at("c").hyphenation;
  EXPECT_TRUE(h.enabled);
  EXPECT_EQ(h.min_word, 5);
  EXPECT_EQ(h.min_left, 3);
  EXPECT_EQ(h.min_right, 2);
  EXPECT_EQ(h.max_consecutive, 1);
  EXPECT_EQ(s.at("d").features, (std::vector<std::string>{"smcp", "onum", "tnum", "liga 0", "kern 1", "ss01"}));
}

struct BadKey {
  const char* style_tail;  // after "  a: {font: Lato, size: 9pt, " (29 characters: the tail starts at col 30)
  int col;
  const char* fragment;
};

void PrintTo(const BadKey& k, std::ostream* os) { *os << "{" << k.style_tail << "}"; }

class StyleKeyErrors : public ::testing::TestWithParam<BadKey> {};

TEST_P(StyleKeyErrors, ReportedAtTheValue) {
  const BadKey& k = GetParam();
  Loaded r = load_template("badkey", with_styles(std::string("  a: {font: Lato, size: 9pt, ") + k.style_tail + "}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, k.col, k.fragment));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

INSTANTIATE_TEST_SUITE_P(
    All, StyleKeyErrors,
    ::testing::Values(
        BadKey{"keep_together: maybe", 45, "'keep_together' must be true or false (got 'maybe')"},
        BadKey{"keep_togther: true", 30, "unknown key 'keep_togther' in style 'a' (did you mean 'keep_together'?)"},
        BadKey{"hyphenate: maybe", 41,
               "'hyphenate' must be true, false or settings like {min_word: 6, min_left: 2, min_right: 3, "
               "max_consecutive: 2} (got 'maybe')"},
        BadKey{"hyphenate: [6, 2]", 41, "'hyphenate' must be true, false or settings like"},
        BadKey{"hyphenate: {min_wrd: 6}", 42,
               "unknown key 'min_wrd' in 'hyphenate' of style 'a' (did you mean 'min_word'?)"},
        BadKey{"hyphenate: {min_word: 1}", 52, "'min_word' must be between 2 and 30 (letters) (got '1')"},
        BadKey{"hyphenate: {min_left: 2.5}", 52, "'min_left' must be a whole number, like 2 (got '2.5')"},
        BadKey{"hyphenate: {min_right: 0}", 53, "'min_right' must be between 1 and 15 (letters) (got '0')"},
        BadKey{"hyphenate: {max_consecutive: 0}", 59, "'max_consecutive' must be between 1 and 20 (lines) (got '0')"},
        BadKey{"line_breaking: total-fitt", 45, "'line_breaking' cannot be 'total-fitt' (did you mean 'total-fit'?)"},
        BadKey{"line_breaking: optimal", 45, "'line_breaking' must be total-fit or first-fit (got 'optimal')"},
        BadKey{"features: smcp", 40, "'features' must be a list, like [smcp, onum, \"liga 0\"] (got 'smcp')"},
        BadKey{"features: [smcp, small-caps]", 47,
               "item 2 of 'features' must be an OpenType feature: 4 lower-case letters or digits"},
        BadKey{"features: [SMCP]", 41, "item 1 of 'features' must be an OpenType feature"},
        BadKey{"features: [\"liga 2\"]", 41, "item 1 of 'features' must be an OpenType feature"},
        BadKey{"features: [\"liga  0\"]", 41, "item 1 of 'features' must be an OpenType feature"},
        BadKey{"features: [liga, \"liga 0\"]", 47,
               "item 2 of 'features' sets the feature 'liga' again (item 1 sets it already)"},
        BadKey{"features: [[smcp]]", 41, "item 1 of 'features' must be a text, not a list"},
        BadKey{"language: French", 40, "'language' must be a language code, like fr or en (got 'French')"},
        BadKey{"based_on: titre-3", 40, "'based_on' names an unknown style 'titre-3' (did you mean 'titre-2'?)"}));

// ---------------------------------------------------------------------------------------------
// Character styles

TEST(CharacterStyles, ValidWithInheritance) {
  Loaded r = load_template("charstyles", with_char_styles(
      "  insecable: {hyphenate: false}\n"
      "  petites-capitales: {features: [smcp]}\n"
      "  gras-vert: {weight: bold, color: vert-pale}\n"
      "  tout: {font: Lato, weight: 600, italic: true, size: 8pt, tracking: 20, color: noir, uppercase: true,\n"
      "         hyphenate: true, features: [onum, \"liga 0\"]}\n"
      "  gras-vert-insecable: {based_on: gras-vert, hyphenate: false}\n"
      "  petit: {based_on: gras-vert-insecable, size: 7pt}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& cs = r.doc->tmpl.char_styles;
  ASSERT_EQ(cs.size(), 6u);
  const model::CharacterStyle& ins = cs.at("insecable");
  EXPECT_EQ(ins.name, "insecable");
  EXPECT_EQ(ins.hyphenate, false);
  EXPECT_FALSE(ins.family);
  EXPECT_FALSE(ins.weight);
  EXPECT_FALSE(ins.color);
  EXPECT_EQ(ins.span.line, 16);
  EXPECT_EQ(cs.at("petites-capitales").features, (std::vector<std::string>{"smcp"}));
  const model::CharacterStyle& t = cs.at("tout");
  EXPECT_EQ(t.family, "Lato");
  EXPECT_EQ(t.weight, 600);
  EXPECT_EQ(t.italic, true);
  EXPECT_EQ(t.size, 8.0);
  EXPECT_EQ(t.tracking, 20.0);
  EXPECT_EQ(t.color, "noir");
  EXPECT_EQ(t.uppercase, true);
  EXPECT_EQ(t.hyphenate, true);
  EXPECT_EQ(t.features, (std::vector<std::string>{"onum", "liga 0"}));
  const model::CharacterStyle& p = cs.at("petit");
  EXPECT_EQ(p.based_on, "gras-vert-insecable");
  EXPECT_EQ(p.weight, 700);
  EXPECT_EQ(p.color, "vert-pale");
  EXPECT_EQ(p.hyphenate, false);
  EXPECT_EQ(p.size, 7.0);
  EXPECT_FALSE(p.italic);  // never set along the chain: the paragraph's
}

TEST(CharacterStyles, EmptySectionIsAllowed) {
  Loaded r = load_template("charempty", with_char_styles("  {}\n"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(r.doc->tmpl.char_styles.empty());
}

TEST(CharacterStyles, SectionMustBeAMapping) {
  Loaded r = load_template("charsection", with_char_styles("  - insecable\n"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 3, "'character_styles' must be written as 'key: value' lines"));
}

TEST(CharacterStyles, StyleMustBeAMapping) {
  Loaded r = load_template("charmap", with_char_styles("  insecable: false\n"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 14,
                       "character style 'insecable' must be written as 'key: value' lines, like {italic: true, "
                       "hyphenate: false} (got 'false')"));
}

TEST(CharacterStyles, UnknownKeyWithHint) {
  Loaded r = load_template("charkey", with_char_styles("  lien: {colr: noir}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 10,
                       "unknown key 'colr' in character style 'lien' (did you mean 'color'?)"));
}

TEST(CharacterStyles, ParagraphOnlyKeyIsUnknown) {
  Loaded r = load_template("charkey2", with_char_styles("  lien: {align: left}\n"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 10,
                       "unknown key 'align' in character style 'lien': the keys allowed here are based_on, font"));
}

TEST(CharacterStyles, UnknownColourIsCheckedAgainstTheSwatches) {
  Loaded r = load_template("charcolor", with_char_styles("  lien: {color: vert-pal}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 17,
                       "unknown colour 'vert-pal' (did you mean 'vert-pale'?)"));
}

TEST(CharacterStyles, InvalidValues) {
  Loaded r = load_template("charbad", with_char_styles(
      "  a: {weight: bolder}\n"
      "  b: {hyphenate: {min_word: 6}}\n"
      "  c: {features: [small-caps]}\n"
      "  d: {size: 0.5pt}\n"
      "  e: {tracking: 20000}\n"
      "  f: {italic: oui}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 15, "'weight' cannot be 'bolder' (did you mean 'bold'?)"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 17, 18, "'hyphenate' must be true or false (got keys and values)"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 18, 18, "item 1 of 'features' must be an OpenType feature"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 19, 13, "'size' must be between 2pt and 500pt"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 20, 17, "'tracking' must be between -1000 and 10000"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 21, 15, "'italic' must be true or false (got 'oui')"));
  EXPECT_EQ(r.sink.error_count(), 6) << r.sink.to_string();
}

TEST(CharacterStyles, UnknownParentIsAmongCharacterStyles) {
  // 'corps' is a paragraph style: a character style cannot be based on it.
  Loaded r = load_template("charparent", with_char_styles("  insecable: {hyphenate: false}\n"
                                                          "  a: {based_on: insecble}\n"
                                                          "  b: {based_on: corps}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 17, 17,
                       "'based_on' names an unknown character style 'insecble' (did you mean 'insecable'?)"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 18, 17,
                       "'based_on' names an unknown character style 'corps': the template's character styles are "
                       "insecable, a, b"));
}

TEST(CharacterStyles, Cycles) {
  Loaded r = load_template("charcycle", with_char_styles("  a: {based_on: b}\n"
                                                         "  b: {based_on: a}\n"
                                                         "  c: {based_on: c}\n"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 16, 17,
                       "character style 'a' is based on itself through 'b' → 'a'"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 18, 17, "character style 'c' is based on itself"));
  EXPECT_EQ(r.sink.error_count(), 2) << r.sink.to_string();
}

TEST(CharacterStyles, UnknownTopLevelKeyHintsAtCharacterStyles) {
  Project p("chartop");
  std::string t = kMiniTemplate;
  t.replace(t.find("masters:\n"), 9, "character_style: {}\nmasters:\n");
  p.write("templates/mini.yaml", t);
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 15, 1,
                       "unknown key 'character_style' in the template (did you mean 'character_styles'?)"));
}

// Content cannot name a character style yet; the check that it will use is in place.
TEST(CharacterStyles, ReferencesAreValidated) {
  model::Document doc;
  doc.tmpl.char_styles["insecable"].name = "insecable";
  load::TemplateStatus status;
  status.char_styles_known = true;
  Span where{"content/test.yaml", 7, 12};
  std::vector<load::Reference> refs = {{load::Reference::Kind::CharStyle, "insecable", where, {}, {}},
                                       {load::Reference::Kind::CharStyle, "insecabel", where, {}, {}},
                                       {load::Reference::Kind::CharStyle, "zzzzzzzz", where, {}, {}}};
  DiagnosticSink sink;
  load::validate_document(doc, refs, status, sink);
  EXPECT_TRUE(HasError(sink, "content/test.yaml", 7, 12,
                       "unknown character style 'insecabel' (did you mean 'insecable'?)"));
  EXPECT_TRUE(HasError(sink, "content/test.yaml", 7, 12,
                       "unknown character style 'zzzzzzzz': the template's character styles are insecable"));
  EXPECT_EQ(sink.error_count(), 2) << sink.to_string();

  // None defined; and nothing reported when the section itself was broken.
  doc.tmpl.char_styles.clear();
  DiagnosticSink none;
  load::validate_document(doc, {refs[0]}, status, none);
  EXPECT_TRUE(HasError(none, "content/test.yaml", 7, 12, "the template defines no character styles"));
  status.char_styles_known = false;
  DiagnosticSink broken;
  load::validate_document(doc, refs, status, broken);
  EXPECT_FALSE(broken.has_errors());
}

// ---------------------------------------------------------------------------------------------
// The project's template

TEST(StyleInheritance, ProjectTemplateLoadsWithItsNewKeys) {
  fs::path dir = make_temp_dir("load-real-styles");
  fs::path content = dir / "c.yaml";
  write_file(content, "document: {title: Essai}\ntemplate: templates/plaquette-a4.yaml\n"
                      "pages: [{master: deux-colonnes}]\n");
  Loaded r = Project::load_file(content, source_dir().string());
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(r.sink.all().empty()) << r.sink.to_string();
  const model::Template& t = r.doc->tmpl;

  const model::ParagraphStyle& corps = t.styles.at("corps");
  EXPECT_TRUE(corps.hyphenation.enabled);
  EXPECT_EQ(corps.hyphenation.min_word, 6);
  EXPECT_EQ(corps.hyphenation.min_left, 2);
  EXPECT_EQ(corps.hyphenation.min_right, 3);
  EXPECT_EQ(corps.hyphenation.max_consecutive, 2);
  EXPECT_EQ(corps.breaking, model::LineBreaking::TotalFit);

  for (const char* title : {"titre", "titre-bleu", "intertitre", "intertitre-bleu", "surtitre", "couverture-titre",
                            "couverture-sous-titre", "couverture-mention"})
    EXPECT_FALSE(t.styles.at(title).hyphenation.enabled) << title;

  // based_on keeps the look the styles had when they were written out in full.
  const model::ParagraphStyle& tb = t.styles.at("titre-bleu");
  EXPECT_EQ(tb.based_on, "titre");
  EXPECT_EQ(tb.family, "Lato");
  EXPECT_EQ(tb.weight, 900);
  EXPECT_DOUBLE_EQ(tb.size, 27);
  EXPECT_DOUBLE_EQ(tb.leading, 30);
  EXPECT_EQ(tb.color, "bleu-nuit");
  EXPECT_DOUBLE_EQ(tb.space_after, 9);
  EXPECT_TRUE(tb.keep_with_next);
  const model::ParagraphStyle& ib = t.styles.at("intertitre-bleu");
  EXPECT_EQ(ib.based_on, "intertitre");
  EXPECT_EQ(ib.weight, 700);
  EXPECT_DOUBLE_EQ(ib.size, 12);
  EXPECT_DOUBLE_EQ(ib.leading, 15);
  EXPECT_EQ(ib.color, "bleu-eau");
  EXPECT_DOUBLE_EQ(ib.space_before, 8);
  EXPECT_DOUBLE_EQ(ib.space_after, 3);
  EXPECT_TRUE(ib.keep_with_next);
  const model::ParagraphStyle& fd = t.styles.at("folio-droite");
  EXPECT_EQ(fd.based_on, "folio");
  EXPECT_EQ(fd.weight, 700);
  EXPECT_DOUBLE_EQ(fd.size, 8);
  EXPECT_DOUBLE_EQ(fd.leading, 10);
  EXPECT_EQ(fd.color, "vert-foret");
  EXPECT_EQ(fd.align, model::Align::Right);

  ASSERT_EQ(t.char_styles.size(), 6u);
  EXPECT_EQ(t.char_styles.at("lien-clair").color, "vert-clair");
  EXPECT_EQ(t.char_styles.at("insecable").hyphenate, false);
  EXPECT_EQ(t.char_styles.at("petites-capitales").features, (std::vector<std::string>{"smcp"}));
  EXPECT_EQ(t.char_styles.at("gras-vert").weight, 700);
  EXPECT_EQ(t.char_styles.at("gras-vert").color, "vert-foret");
  EXPECT_EQ(t.char_styles.at("lien").color, "bleu-eau");
  EXPECT_EQ(t.char_styles.at("nom-latin").italic, true);
  EXPECT_EQ(t.char_styles.at("nom-latin").hyphenate, false);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plaquette::test
