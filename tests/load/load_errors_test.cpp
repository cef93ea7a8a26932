// Every mistake a writer can make in the YAML gets a located, explicit error.
// Each test asserts the message fragment and the exact line and column.
#include <gtest/gtest.h>

#include "load_fixture.hpp"

namespace plaquette::test {
namespace {

// The head shared by content tests: pages start on line 5.
const std::string kHead = "document:\n  title: Essai\ntemplate: templates/mini.yaml\npages:\n";

// The mini template with one line's text replaced (same line count, so line numbers hold).
std::string template_with(const std::string& from, const std::string& to) {
  std::string t = kMiniTemplate;
  size_t at = t.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  t.replace(at, from.size(), to);
  return t;
}

const char* const kOkContent = "document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n";

TEST(LoadErrors, YamlSyntaxError) {
  Project p("syntax");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: texte\n"
                    "        text:\n"
                    "          - corps: Les terrils: histoire\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 31, "YAML syntax error: illegal map value"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 31, "must be written in quotes"));
  EXPECT_EQ(r.sink.error_count(), 1);
}

TEST(LoadErrors, YamlSyntaxErrorUnclosedBracket) {
  Project p("syntax2");
  Loaded r = p.load("document:\n  title: Essai\n  keywords: [a, b\ntemplate: templates/mini.yaml\n");
  EXPECT_FALSE(r.doc);
  // yaml-cpp notices the missing "]" where the next key starts.
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 4, 9, "end of sequence flow not found"));
}

TEST(LoadErrors, YamlSyntaxErrorInTemplateNamesTheTemplate) {
  Project p("syntax3");
  p.write("templates/mini.yaml", template_with("  bleed: 3mm\n", "  bleed: [3mm\n"));
  Loaded r = p.load(kOkContent);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 5, 8, "YAML syntax error"));
  EXPECT_EQ(r.sink.error_count(), 1);  // nothing cascades from the unreadable template
}

TEST(LoadErrors, UnknownKeyWithHint) {
  Project p("unknownkey");
  Loaded r = p.load("document:\n  title: Essai\n  subtitel: Nord\ntemplate: templates/mini.yaml\n"
                    "pages: [{master: simple}]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 3, 3,
                       "unknown key 'subtitel' in 'document' (did you mean 'subtitle'?)"));
}

TEST(LoadErrors, UnknownKeyInStyleWithHint) {
  Project p("unknownkey2");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {font: Lato, size: 10pt, colr: noir}"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 35, "unknown key 'colr' in style 'corps' (did you mean 'color'?)"));
}

TEST(LoadErrors, UnknownKeyWithoutCloseMatchListsTheAllowedKeys) {
  Project p("unknownkey3");
  Loaded r = p.load("document:\n  title: Essai\n  zzz: 1\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 3, 3,
                       "unknown key 'zzz' in 'document': the keys allowed here are title, subtitle"));
}

TEST(LoadErrors, MissingRequiredFieldInStyle) {
  Project p("missing");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {size: 10pt}"));
  Loaded r = p.load(kOkContent);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 3, "missing required key 'font' in style 'corps'"));
  EXPECT_EQ(r.sink.error_count(), 1);
}

TEST(LoadErrors, MissingRequiredTitle) {
  Project p("missing2");
  Loaded r = p.load("document:\n  subtitle: Nord\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 1, 1, "missing required key 'title' in 'document'"));
}

TEST(LoadErrors, MissingMasterOfAPage) {
  Project p("missing3");
  Loaded r = p.load(kHead + "  - blocks: []\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 5, 5, "missing required key 'master' in page 1"));
}

TEST(LoadErrors, EmptyValueIsReportedAtTheKey) {
  Project p("empty");
  Loaded r = p.load("document:\n  title:\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 2, 3, "'title' has no value: write one after 'title:'"));
}

TEST(LoadErrors, WrongTypeBoolean) {
  Project p("wrongtype");
  p.write("templates/mini.yaml", template_with("italic: true", "italic: maybe"));
  Loaded r = p.load(kOkContent);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 13, 33, "'italic' must be true or false (got 'maybe')"));
}

TEST(LoadErrors, WrongTypeListExpected) {
  Project p("wrongtype2");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\npages: simple\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 3, 8, "'pages' must be a list"));
}

TEST(LoadErrors, WrongTypeTextExpected) {
  Project p("wrongtype3");
  Loaded r = p.load("document: {title: [a, b]}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 1, 19, "'title' must be a text, not a list"));
}

TEST(LoadErrors, WrongTypeWholeNumber) {
  Project p("wrongtype4");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {frame: texte, columns: 2.5, text: [a]}\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 33, "'columns' must be a whole number, like 2 (got '2.5')"));
}

TEST(LoadErrors, BadLengthUnit) {
  Project p("unit");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {font: Lato, size: 10px}"));
  Loaded r = p.load(kOkContent);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 29, "unknown unit 'px' in '10px': use mm, cm, pt or in"));
}

TEST(LoadErrors, LengthWithoutUnit) {
  Project p("unit2");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {font: Lato, size: 10}"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 29, "'10' has no unit"));
}

TEST(LoadErrors, LengthThatIsNotANumber) {
  Project p("unit3");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {font: Lato, size: big}"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 29, "'size' must be a length with a unit, like 10pt (got 'big')"));
}

TEST(LoadErrors, FontSizeOutOfRange) {
  Project p("fontsize");
  p.write("templates/mini.yaml", template_with("corps: {font: Lato, size: 10pt}", "corps: {font: Lato, size: 1pt}"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 29, "'size' must be between 2pt and 500pt (got '1pt')"));
}

TEST(LoadErrors, PageSizeOutOfRange) {
  Project p("pagesize");
  p.write("templates/mini.yaml", template_with("width: 210mm, height: 297mm", "width: 0mm, height: 6m"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 3, 17, "'width' must be more than 0mm and at most 5000mm"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 3, 30, "unknown unit 'm' in '6m'"));
}

TEST(LoadErrors, OpacityOutOfRange) {
  Project p("opacity");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {frame: texte, box: noir, opacity: 1.5}\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 44, "'opacity' must be between 0 and 1 (got '1.5')"));
}

TEST(LoadErrors, UnknownStyleWithHint) {
  Project p("style");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: texte\n"
                    "        text:\n"
                    "          - titre2: Bonjour\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 13, "unknown style 'titre2' (did you mean 'titre-2'?)"));
  EXPECT_EQ(r.sink.error_count(), 1);
}

TEST(LoadErrors, UnknownStyleInLongFormAndMasterText) {
  Project p("style2");
  p.write("templates/mini.yaml", template_with("style: corps, text:", "style: corp, text:"));
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: texte\n        text:\n"
                            "          - {style: zzz, text: Bonjour}\n");
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 20, 68, "unknown style 'corp' (did you mean 'corps'?)"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 21, "unknown style 'zzz': the template's styles are corps"));
}

TEST(LoadErrors, UnknownSwatch) {
  Project p("swatch");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: texte\n"
                    "        background: vert-pal\n"
                    "        text: [Bonjour]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 21, "unknown colour 'vert-pal' (did you mean 'vert-pale'?)"));
}

TEST(LoadErrors, UnknownSwatchInTemplateStyle) {
  Project p("swatch2");
  p.write("templates/mini.yaml", template_with("color: vert-pale", "color: vert"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 12, 73, "unknown colour 'vert': the template's colours are"));
}

TEST(LoadErrors, DefaultColourMustExist) {
  Project p("swatch3");
  p.write("templates/mini.yaml", template_with("  noir: {cmyk: [0, 0, 0, 100]}", "  black: {cmyk: [0, 0, 0, 100]}"));
  Loaded r = p.load(kOkContent);
  // corps has no color: it uses noir, which is gone.
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 3,
                       "style 'corps' (which has no 'color') uses the colour 'noir', which the template's swatches"));
}

TEST(LoadErrors, SwatchNeedsAValueAndRgbMustBeQuoted) {
  Project p("swatch4");
  std::string t = kMiniTemplate;
  t.replace(t.find("  blanc: {rgb: \"#ffffff\"}\n"), 26, "  blanc:\n    rgb: #ffffff\n  vide: {}\n");
  p.write("templates/mini.yaml", t);
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 10, 5, "'rgb' is empty: write the colour in quotes"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 11, 3, "colour 'vide' needs cmyk: [c, m, y, k] or rgb"));
}

TEST(LoadErrors, CmykOutOfRange) {
  Project p("cmyk");
  p.write("templates/mini.yaml", template_with("cmyk: [0, 0, 0, 100]", "cmyk: [0, 0, 0, 110]"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 7, 26, "item 4 of 'cmyk' must be between 0 and 100 (got '110')"));
}

TEST(LoadErrors, TotalInkOverThePressLimit) {
  Project p("ink");
  p.write("templates/mini.yaml", template_with("cmyk: [0, 0, 0, 100]", "cmyk: [100, 100, 100, 100]"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 7, 16, "has 400 % of ink in total; the press takes at most 300 %"))
      << r.sink.to_string();
}

TEST(LoadErrors, UnknownMasterDoesNotCascadeToFrames) {
  Project p("master");
  Loaded r = p.load(kHead +
                    "  - master: simpel\n"
                    "    blocks:\n"
                    "      - frame: txte\n"
                    "        text: [Bonjour]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 5, 13, "unknown master page 'simpel' (did you mean 'simple'?)"));
  EXPECT_EQ(r.sink.error_count(), 1) << r.sink.to_string();
}

TEST(LoadErrors, UnknownFrame) {
  Project p("frame");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: txte\n"
                    "        text: [Bonjour]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 16,
                       "unknown frame 'txte' in master page 'simple' (did you mean 'texte'?)"));
}

TEST(LoadErrors, BlockWithTwoKinds) {
  Project p("twokinds");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: texte\n"
                    "        box: noir\n"
                    "        rule: noir\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 9,
                       "a block has one kind only, but this one has 'box' and 'rule': split it into two blocks"));
  EXPECT_EQ(r.sink.error_count(), 1);
}

TEST(LoadErrors, BlockWithoutKind) {
  Project p("nokind");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: texte\n        txt: [Bonjour]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 9, "unknown key 'txt' in a block (did you mean 'text'?)"));
  Loaded r2 = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: texte\n");
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 7, 9, "this block has no content: give it one of text, image"));
}

TEST(LoadErrors, KeyOfAnotherKindOfBlock) {
  Project p("otherkind");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {frame: visuel, image: assets/images/photo.jpg, "
                            "padding: 2mm}\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 57, "'padding' is for text blocks, not image blocks"));
}

TEST(LoadErrors, PlacementFrameAndRectangleTogether) {
  Project p("placement");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {frame: texte, x: 10mm, text: [a]}\n"
                            "      - {text: [a]}\n"
                            "      - {x: 1mm, y: 1mm, width: 10mm, text: [a]}\n"
                            "      - {x: 1mm, y: 1mm, width: 10mm, height: 10mm, top: 5mm, text: [a]}\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 24, "'x' cannot go with 'frame'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 9, "this block has no place: give 'frame: name'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 9, "missing required key 'height' in a block"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 53, "'top' moves an edge of a master frame, so it needs 'frame'"));
}

TEST(LoadErrors, BlockOutsideThePageAndEdgesLeavingNoRoom) {
  Project p("outside");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {x: 0mm, y: 280mm, width: 210mm, height: 30mm, box: noir}\n"
                            "      - {frame: texte, top: 290mm, text: [a]}\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 9, "this block (x: 0mm, y: 280mm, width: 210mm, height: 30mm) "
                                                          "goes outside the page"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 9, "leave this block no room in frame 'texte'"));
}

TEST(LoadErrors, FrameOutsideThePage) {
  Project p("frameout");
  p.write("templates/mini.yaml", template_with("visuel: {x: 0mm, y: 0mm, width: 210mm", "visuel: {x: 0mm, y: 0mm, width: 220mm"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 23, 7, "frame 'visuel' (x: 0mm, y: 0mm, width: 220mm, height: 70mm) "
                                                             "goes outside the page (210mm × 297mm, bleed 3mm)"));
}

TEST(LoadErrors, DuplicateKey) {
  Project p("duplicate");
  Loaded r = p.load("document:\n  title: Essai\n  title: Autre\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 3, 3,
                       "duplicate key 'title' in 'document' (first at line 2): keep only one"));
}

TEST(LoadErrors, DuplicateStyleInTemplate) {
  Project p("duplicate2");
  p.write("templates/mini.yaml", template_with("  source-carte: {", "  corps: {"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 14, 3, "duplicate key 'corps' in 'styles' (first at line 11)"));
}

TEST(LoadErrors, BadWeight) {
  Project p("weight");
  p.write("templates/mini.yaml", template_with("weight: bold", "weight: heavy"));
  Loaded r = p.load(kOkContent);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 12, 33,
                       "'weight' must be thin, extralight, light, regular, medium, semibold, bold, extrabold, black "
                       "or a number from 100 to 900 (got 'heavy')"));
}

TEST(LoadErrors, BadWeightWithHintAndOutOfRange) {
  Project p("weight2");
  p.write("templates/mini.yaml", template_with("weight: bold", "weight: semi-bold"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 12, 33, "'weight' cannot be 'semi-bold' (did you mean 'semibold'?)"));
  p.write("templates/mini.yaml", template_with("weight: bold", "weight: 950"));
  Loaded r2 = p.load(kOkContent);
  EXPECT_TRUE(HasError(r2.sink, "templates/mini.yaml", 12, 33, "or a number from 100 to 900 (got '950')"));
}

TEST(LoadErrors, BadAlignWithHint) {
  Project p("align");
  p.write("templates/mini.yaml", template_with("align: center", "align: centre"));
  Loaded r = p.load(kOkContent);
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 12, 91, "'align' cannot be 'centre' (did you mean 'center'?)"));
}

TEST(LoadErrors, GroundMarginNeedsGroundUnits) {
  Project p("margin");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: visuel\n        map:\n"
                            "          extent: {layer: zone, margin: 2mm}\n"
                            "          layers: [{source: assets/maps/zone.gpkg, layer: zone}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 41, "'margin' must be a distance on the ground, like 2km or 500m: '2mm' is a paper length: a map margin is a distance on "
                                                           "the ground, in m or km"));
}

TEST(LoadErrors, MapExtentLayerMustBeOneOfTheLayers) {
  Project p("extent");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: visuel\n        map:\n"
                            "          extent: {layer: zon}\n"
                            "          layers: [{source: assets/maps/zone.gpkg, layer: zone, style: {fill: rouge}}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 27,
                       "'extent' uses layer 'zon', which is not one of this map's layers (did you mean 'zone'?)"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 79, "unknown colour 'rouge'"));
}

TEST(LoadErrors, ImageCaptionNeedsTheLegendeStyle) {
  Project p("caption");
  p.write("templates/mini.yaml", template_with("  legende: {", "  legendes: {"));
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: visuel\n        image: assets/images/photo.jpg\n"
                            "        caption: Le terril.\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 18,
                       "an image caption uses the style 'legende', which the template does not define"));
}

TEST(LoadErrors, IncludedFileErrorsAreLocatedInThatFile) {
  Project p("include");
  p.write("content/pages/p1.yaml", "document: {title: x}\npages:\n  - master: simpel\n");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\ninclude: [content/pages/p1.yaml]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/pages/p1.yaml", 1, 1,
                       "'document' belongs in the main content file: an included file only has 'pages:'"));
  EXPECT_TRUE(HasError(r.sink, "content/pages/p1.yaml", 3, 13, "unknown master page 'simpel'"));
}

TEST(LoadErrors, MissingTemplateFileDoesNotCascade) {
  Project p("notemplate");
  Loaded r2 = p.load("document: {title: Essai}\ntemplate: templates/mni.yaml\npages:\n  - master: nimporte\n"
                     "    blocks:\n      - {frame: quoi, text: [{zzz: a}]}\n");
  EXPECT_FALSE(r2.doc);
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 2, 11,
                       "template 'templates/mni.yaml' does not exist (did you mean 'templates/mini.yaml'?)"));
  EXPECT_EQ(r2.sink.error_count(), 1) << r2.sink.to_string();
}

TEST(LoadErrors, MissingTemplateSectionDoesNotCascade) {
  Project p("nostyles");
  std::string t = kMiniTemplate;
  t.replace(t.find("styles:\n"), 8, "stlyes:\n");
  p.write("templates/mini.yaml", t);
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - {frame: texte, text: [a, {titre-2: b}]}\n");
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 1, 1, "missing required key 'styles' in the template"));
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 10, 1, "unknown key 'stlyes' in the template (did you mean 'styles'?)"));
  // The master's text item and the paragraphs use styles: none of them is reported again.
  EXPECT_EQ(r.sink.error_count(), 2) << r.sink.to_string();
}

TEST(LoadErrors, KeepsGoingToReportEveryError) {
  Project p("many");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: txte\n"
                    "        text: [{titre2: a}]\n"
                    "      - {frame: texte, box: vert-pal, opacity: 2}\n"
                    "  - master: simpel\n");
  EXPECT_FALSE(r.doc);
  EXPECT_EQ(r.sink.error_count(), 5) << r.sink.to_string();
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 7, 16, "unknown frame 'txte'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 17, "unknown style 'titre2'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 29, "unknown colour 'vert-pal'"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 48, "'opacity' must be between 0 and 1"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 13, "unknown master page 'simpel'"));
  // Reported in reading order, although names are checked after everything is read.
  for (size_t i = 1; i < r.sink.all().size(); ++i) {
    const Span& a = r.sink.all()[i - 1].span;
    const Span& b = r.sink.all()[i].span;
    EXPECT_TRUE(a.line < b.line || (a.line == b.line && a.col <= b.col)) << r.sink.to_string();
  }
}

TEST(LoadErrors, ParagraphForms) {
  Project p("paragraphs");
  Loaded r = p.load(kHead + "  - master: simple\n    blocks:\n      - frame: texte\n        text:\n"
                            "          - corps: a\n            titre-2: b\n"
                            "          - titre-2:\n"
                            "          - [a, b]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 9, 13, "paragraph 1 has 2 styles ('corps', 'titre-2'...): write "
                                                           "one paragraph per '- ' line"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 11, 13, "paragraph 2 ('titre-2') has no text"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 12, 13, "paragraph 3 must be a text, or 'style: text' (got a list)"));
}

TEST(LoadErrors, BadDateAndLanguage) {
  Project p("meta");
  Loaded r = p.load("document: {title: Essai, date: 2026-02-30, language: French}\ntemplate: templates/mini.yaml\n"
                    "pages: [{master: simple}]\n");
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 1, 32, "'date' must be a date written year-month-day"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 1, 54, "'language' must be a language code, like fr"));
}

TEST(LoadErrors, NoPagesAtAll) {
  Project p("nopages");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 0, 0, "the document has no pages"));
}

TEST(LoadErrors, ContentFileMissingOrEmpty) {
  Project p("nocontent");
  Loaded r = Project::load_file(p.root() / "content/absent.yaml");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/absent.yaml", 0, 0, "content file not found"));
  Loaded r2 = p.load("# rien\n");
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 1, 1, "this file is empty"));
}

TEST(LoadErrors, EarlierErrorsInTheSinkDoNotFailTheLoad) {
  Project p("sink");
  load::LoadOptions options;
  DiagnosticSink sink;
  sink.error(Span{}, "from an earlier stage");
  auto doc = load::load_document(p.write("content/test.yaml", kOkContent).string(), options, sink);
  EXPECT_TRUE(doc);
  EXPECT_EQ(sink.error_count(), 1);
}

}  // namespace
}  // namespace plaquette::test
