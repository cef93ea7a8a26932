// Valid projects load into the right model values: units converted, defaults applied,
// include order kept, every paragraph form understood.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "load/load.hpp"
#include "load_fixture.hpp"

namespace plaquette::test {
namespace {

const char* const kContent = R"(document:
  title: La Trame verte et bleue
  subtitle: Nord/Pas-de-Calais
  keywords: [trame verte, biodiversité]
  date: 2026-11-25
template: templates/mini.yaml
include:
  - content/pages/b.yaml
  - content/pages/a.yaml
pages:
  - master: simple
    blocks:
      - frame: texte
        top: 150mm
        columns: 3
        gutter: 5mm
        text:
          - "Un paragraphe en style corps."
          - titre-2: Un titre
          - {style: legende, text: Forme longue.}
          - {text: Forme longue sans style.}
        background: vert-pale
        padding: 4mm
      - frame: visuel
        image: assets/images/photo.jpg
        fit: fit
        focus: [0.5, 0.3]
        caption: Une légende.
      - {x: 0mm, y: 200mm, width: 210mm, height: 97mm, box: vert-pale, opacity: 0.5}
      - {frame: texte, rule: noir, width: 1pt}
      - x: 18mm
        y: 20mm
        width: 174mm
        height: 120mm
        map:
          extent: {layer: epci, where: "siren = '1'", margin: 2km}
          background: blanc
          frame_stroke: noir
          layers:
            - source: assets/maps/zone.gpkg
              layer: epci
              where: "dep = '62'"
              style: {fill: vert-pale, stroke: none, width: 0.3pt, opacity: 0.8, stroke_opacity: 0.5, dash: [2pt, 1pt]}
          source_note: "Sources : IGN"
)";

TEST(LoadValid, SmallProjectLoadsWithConvertedValues) {
  Project p("valid");
  p.write("content/pages/a.yaml", "pages:\n  - master: simple\n    blocks: []\n");
  p.write("content/pages/b.yaml", "pages:\n  - master: simple\n  - master: simple\n");
  Loaded r = p.load(kContent);
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_FALSE(r.sink.has_errors());
  const model::Document& doc = *r.doc;

  EXPECT_EQ(doc.project_root, fs::weakly_canonical(p.root()).string());
  EXPECT_EQ(doc.source_file, (p.root() / "content/test.yaml").string());
  EXPECT_EQ(doc.meta.title, "La Trame verte et bleue");
  EXPECT_EQ(doc.meta.subtitle, "Nord/Pas-de-Calais");
  EXPECT_EQ(doc.meta.keywords, (std::vector<std::string>{"trame verte", "biodiversité"}));
  EXPECT_EQ(doc.meta.date, "2026-11-25");
  EXPECT_EQ(doc.meta.language, "fr");

  // Template: page and bleed in points.
  EXPECT_EQ(doc.tmpl.name, "mini");
  EXPECT_DOUBLE_EQ(doc.tmpl.page.width, mm_to_pt(210));
  EXPECT_DOUBLE_EQ(doc.tmpl.page.height, mm_to_pt(297));
  EXPECT_DOUBLE_EQ(doc.tmpl.bleed, mm_to_pt(3));
  EXPECT_EQ(doc.tmpl.fonts_dir, "assets/fonts");

  // Swatches: cmyk only → naive RGB proxy; rgb only → no cmyk.
  const Swatch& noir = doc.tmpl.swatches.at("noir");
  EXPECT_EQ(noir.name, "noir");
  ASSERT_TRUE(noir.cmyk);
  EXPECT_EQ(*noir.cmyk, (Cmyk{0, 0, 0, 100}));
  EXPECT_EQ(noir.rgb, cmyk_to_rgb_naive(Cmyk{0, 0, 0, 100}));
  const Swatch& pale = doc.tmpl.swatches.at("vert-pale");
  EXPECT_EQ(pale.rgb, *parse_hex_rgb("#e8f3dc"));
  EXPECT_FALSE(doc.tmpl.swatches.at("blanc").cmyk);
  EXPECT_EQ(doc.tmpl.swatches.at("blanc").rgb, (Rgb{1, 1, 1}));

  // Styles: defaults (weight 400, leading 1.2 × size, colour noir, left) and given values.
  const auto& corps = doc.tmpl.styles.at("corps");
  EXPECT_EQ(corps.family, "Lato");
  EXPECT_EQ(corps.weight, 400);
  EXPECT_DOUBLE_EQ(corps.size, 10);
  EXPECT_DOUBLE_EQ(corps.leading, 12);
  EXPECT_EQ(corps.color, "noir");
  EXPECT_EQ(corps.align, model::Align::Left);
  const auto& titre = doc.tmpl.styles.at("titre-2");
  EXPECT_EQ(titre.weight, 700);
  EXPECT_DOUBLE_EQ(titre.leading, 24);
  EXPECT_EQ(titre.color, "vert-pale");
  EXPECT_EQ(titre.align, model::Align::Center);
  EXPECT_TRUE(doc.tmpl.styles.at("legende").italic);
  EXPECT_DOUBLE_EQ(doc.tmpl.styles.at("legende").leading, 9);

  // Master: items in order, frames with columns.
  const model::Master& simple = doc.tmpl.masters.at("simple");
  ASSERT_EQ(simple.items.size(), 3u);
  const auto& box = std::get<model::MasterBox>(simple.items[0]);
  EXPECT_EQ(box.fill, "vert-pale");
  EXPECT_DOUBLE_EQ(box.rect.height, mm_to_pt(6));
  const auto& rule = std::get<model::MasterRule>(simple.items[1]);
  EXPECT_DOUBLE_EQ(rule.from.x, mm_to_pt(18));
  EXPECT_DOUBLE_EQ(rule.to.y, mm_to_pt(282));
  EXPECT_DOUBLE_EQ(rule.width, 0.6);
  EXPECT_EQ(std::get<model::MasterText>(simple.items[2]).text, "{page}");
  ASSERT_EQ(simple.frames.size(), 2u);
  EXPECT_EQ(simple.frames[0].id, "texte");
  EXPECT_EQ(simple.frames[0].columns, 2);
  EXPECT_DOUBLE_EQ(simple.frames[0].gutter, mm_to_pt(7));
  EXPECT_DOUBLE_EQ(simple.frames[0].rect.y, mm_to_pt(74));
  EXPECT_EQ(simple.frames[1].columns, 1);

  // Include order: b.yaml's two pages, a.yaml's page, then the main file's page.
  ASSERT_EQ(doc.pages.size(), 4u);
  EXPECT_TRUE(doc.pages[0].blocks.empty());
  EXPECT_TRUE(doc.pages[0].span.file.ends_with("b.yaml"));
  EXPECT_TRUE(doc.pages[1].span.file.ends_with("b.yaml"));
  EXPECT_TRUE(doc.pages[2].span.file.ends_with("a.yaml"));
  const model::Page& page = doc.pages[3];
  EXPECT_TRUE(page.span.file.ends_with("test.yaml"));
  EXPECT_EQ(page.master, "simple");
  ASSERT_EQ(page.blocks.size(), 5u);

  const auto& text = std::get<model::TextBlock>(page.blocks[0]);
  EXPECT_EQ(text.at.frame, "texte");
  EXPECT_FALSE(text.at.rect);
  ASSERT_TRUE(text.at.top);
  EXPECT_DOUBLE_EQ(*text.at.top, mm_to_pt(150));
  EXPECT_FALSE(text.at.bottom);
  EXPECT_EQ(text.at.columns, 3);
  EXPECT_DOUBLE_EQ(*text.at.gutter, mm_to_pt(5));
  ASSERT_EQ(text.paragraphs.size(), 4u);
  EXPECT_EQ(text.paragraphs[0].style, "corps");
  EXPECT_EQ(text.paragraphs[0].text, "Un paragraphe en style corps.");
  EXPECT_EQ(text.paragraphs[1].style, "titre-2");
  EXPECT_EQ(text.paragraphs[1].text, "Un titre");
  EXPECT_EQ(text.paragraphs[2].style, "legende");
  EXPECT_EQ(text.paragraphs[2].text, "Forme longue.");
  EXPECT_EQ(text.paragraphs[3].style, "corps");
  EXPECT_EQ(text.paragraphs[0].span.line, 18);
  EXPECT_EQ(text.paragraphs[0].span.col, 13);
  EXPECT_EQ(text.background, "vert-pale");
  EXPECT_DOUBLE_EQ(text.padding, mm_to_pt(4));
  EXPECT_EQ(text.span.line, 13);
  EXPECT_EQ(text.span.col, 9);

  const auto& image = std::get<model::ImageBlock>(page.blocks[1]);
  EXPECT_EQ(image.path, "assets/images/photo.jpg");
  EXPECT_EQ(image.resolved, fs::weakly_canonical(p.root() / "assets/images/photo.jpg").string());
  EXPECT_EQ(image.fit, model::ImageFit::Fit);
  EXPECT_EQ(image.focus, (Point{0.5, 0.3}));
  EXPECT_EQ(image.caption, "Une légende.");

  const auto& ground = std::get<model::BoxBlock>(page.blocks[2]);
  ASSERT_TRUE(ground.at.rect);
  EXPECT_EQ(*ground.at.rect, (Rect{0, mm_to_pt(200), mm_to_pt(210), mm_to_pt(97)}));
  EXPECT_EQ(ground.fill, "vert-pale");
  EXPECT_DOUBLE_EQ(ground.opacity, 0.5);

  // In a frame, a rule's `width` is its thickness.
  const auto& line = std::get<model::RuleBlock>(page.blocks[3]);
  EXPECT_EQ(line.at.frame, "texte");
  EXPECT_EQ(line.stroke, "noir");
  EXPECT_DOUBLE_EQ(line.width, 1);

  const auto& map = std::get<model::MapBlock>(page.blocks[4]).map;
  EXPECT_EQ(map.crs, "EPSG:2154");
  EXPECT_EQ(map.extent.layer, "epci");
  EXPECT_EQ(map.extent.where, "siren = '1'");
  EXPECT_DOUBLE_EQ(map.extent.margin, 2000);  // ground metres
  EXPECT_FALSE(map.extent.bbox);
  EXPECT_EQ(map.background, "blanc");
  EXPECT_EQ(map.frame_stroke, "noir");
  EXPECT_EQ(map.source_note, "Sources : IGN");
  EXPECT_EQ(map.source_note_style, "source-carte");
  ASSERT_EQ(map.layers.size(), 1u);
  const auto& layer = map.layers[0];
  EXPECT_EQ(layer.source, "assets/maps/zone.gpkg");
  EXPECT_EQ(layer.resolved, fs::weakly_canonical(p.root() / "assets/maps/zone.gpkg").string());
  EXPECT_EQ(layer.layer, "epci");
  EXPECT_EQ(layer.where, "dep = '62'");
  EXPECT_EQ(layer.style.fill, "vert-pale");
  EXPECT_FALSE(layer.style.stroke);  // none
  EXPECT_DOUBLE_EQ(layer.style.stroke_width, 0.3);
  EXPECT_DOUBLE_EQ(layer.style.fill_opacity, 0.8);
  EXPECT_DOUBLE_EQ(layer.style.stroke_opacity, 0.5);
  EXPECT_EQ(layer.style.dash, (std::vector<double>{2, 1}));
}

TEST(LoadValid, LengthUnitsAndDecimalCommaConvertToPoints) {
  Project p("units");
  Loaded r = p.load(R"(document: {title: Essai}
template: templates/mini.yaml
pages:
  - master: simple
    blocks:
      - {x: 1cm, y: "2,5mm", width: 1in, height: 36pt, box: noir}
      - x: 0mm
        y: 0mm
        width: 100mm
        height: 50mm
        map:
          extent: {bbox: [650000, 7000000, 760000, 7060000], margin: "1,5km"}
          layers: [{source: assets/maps/zone.gpkg}]
)");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& box = std::get<model::BoxBlock>(r.doc->pages[0].blocks[0]);
  EXPECT_DOUBLE_EQ(box.at.rect->x, mm_to_pt(10));
  EXPECT_DOUBLE_EQ(box.at.rect->y, mm_to_pt(2.5));
  EXPECT_DOUBLE_EQ(box.at.rect->width, 72);
  EXPECT_DOUBLE_EQ(box.at.rect->height, 36);
  const auto& map = std::get<model::MapBlock>(r.doc->pages[0].blocks[1]).map;
  ASSERT_TRUE(map.extent.bbox);
  EXPECT_EQ(*map.extent.bbox, (std::array<double, 4>{650000, 7000000, 760000, 7060000}));
  EXPECT_DOUBLE_EQ(map.extent.margin, 1500);
  EXPECT_TRUE(map.layers[0].layer.empty());
}

TEST(LoadValid, WeightsByNameAndNumber) {
  Project p("weights");
  std::string tmpl = kMiniTemplate;
  tmpl.replace(tmpl.find("styles:\n"), 8,
               "styles:\n"
               "  w1: {font: Lato, size: 9pt, weight: thin}\n"
               "  w2: {font: Lato, size: 9pt, weight: extralight}\n"
               "  w3: {font: Lato, size: 9pt, weight: Light}\n"
               "  w4: {font: Lato, size: 9pt, weight: normal}\n"
               "  w5: {font: Lato, size: 9pt, weight: medium}\n"
               "  w6: {font: Lato, size: 9pt, weight: semibold}\n"
               "  w8: {font: Lato, size: 9pt, weight: extrabold}\n"
               "  w9: {font: Lato, size: 9pt, weight: black}\n"
               "  n: {font: Lato, size: 9pt, weight: 650}\n");
  p.write("templates/mini.yaml", tmpl);
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& s = r.doc->tmpl.styles;
  EXPECT_EQ(s.at("w1").weight, 100);
  EXPECT_EQ(s.at("w2").weight, 200);
  EXPECT_EQ(s.at("w3").weight, 300);
  EXPECT_EQ(s.at("w4").weight, 400);
  EXPECT_EQ(s.at("w5").weight, 500);
  EXPECT_EQ(s.at("w6").weight, 600);
  EXPECT_EQ(s.at("w8").weight, 800);
  EXPECT_EQ(s.at("w9").weight, 900);
  EXPECT_EQ(s.at("n").weight, 650);
}

TEST(LoadValid, RuleWithARectangleUsesWidthForTheRectangle) {
  Project p("rulerect");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\npages:\n  - master: simple\n"
                    "    blocks:\n      - {x: 18mm, y: 100mm, width: 174mm, height: 1mm, rule: noir}\n");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  const auto& rule = std::get<model::RuleBlock>(r.doc->pages[0].blocks[0]);
  EXPECT_DOUBLE_EQ(rule.at.rect->width, mm_to_pt(174));
  EXPECT_DOUBLE_EQ(rule.width, 0.5);  // the default thickness
}

TEST(LoadValid, IncludingAFileTwiceWarns) {
  Project p("twice");
  p.write("content/pages/a.yaml", "pages: [{master: simple}]\n");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\n"
                    "include: [content/pages/a.yaml, content/pages/a.yaml]\n");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->pages.size(), 2u);
  ASSERT_EQ(r.sink.all().size(), 1u);
  EXPECT_EQ(r.sink.all()[0].severity, Severity::Warning);
  EXPECT_EQ(r.sink.all()[0].span.line, 3);
  EXPECT_EQ(r.sink.all()[0].span.col, 33);
  EXPECT_NE(r.sink.all()[0].message.find("is included twice"), std::string::npos);
}

TEST(LoadValid, RootFoundByWalkingUpFromTheContentFile) {
  Project p("walkup");
  // Deep below the root: the first parent with templates/ is the root.
  fs::path file = p.write("content/deep/er/c.yaml",
                          "document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  Loaded r = Project::load_file(file);
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->project_root, fs::weakly_canonical(p.root()).string());
}

TEST(LoadValid, RootOptionOverridesTheSearch) {
  Project p("rootopt");
  // The content file lives outside the project; --root says where the project is.
  fs::path outside = make_temp_dir("load-rootopt-outside") / "c.yaml";
  write_file(outside, "document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  Loaded r = Project::load_file(outside, p.root().string());
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->project_root, fs::weakly_canonical(p.root()).string());
  fs::remove_all(outside.parent_path());
}

TEST(LoadValid, RealTemplateLoadsCleanly) {
  // A minimal content file next to the real project, with the real template.
  fs::path dir = make_temp_dir("load-real");
  fs::path content = dir / "c.yaml";
  write_file(content, R"(document: {title: Essai}
template: templates/plaquette-a4.yaml
pages:
  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: Les terrils
          - "Texte courant."
  - master: couverture
  - master: trois-colonnes
  - master: dos
)");
  Loaded r = Project::load_file(content, source_dir().string());
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_TRUE(r.sink.all().empty()) << r.sink.to_string();  // not even a warning
  const model::Template& t = r.doc->tmpl;
  EXPECT_EQ(t.name, "plaquette-a4");
  EXPECT_DOUBLE_EQ(t.page.width, mm_to_pt(210));
  EXPECT_DOUBLE_EQ(t.bleed, mm_to_pt(3));
  EXPECT_EQ(t.swatches.size(), 15u);
  EXPECT_EQ(*t.swatches.at("vert-foret").cmyk, (Cmyk{82, 30, 90, 28}));
  EXPECT_EQ(t.swatches.at("vert-foret").rgb, *parse_hex_rgb("#23633a"));
  EXPECT_EQ(t.styles.size(), 25u);
  EXPECT_EQ(t.styles.at("corps").family, "Linux Libertine O");
  EXPECT_DOUBLE_EQ(t.styles.at("corps").size, 10.2);
  EXPECT_DOUBLE_EQ(t.styles.at("corps").leading, 13.6);
  EXPECT_EQ(t.styles.at("corps").align, model::Align::Justify);
  EXPECT_DOUBLE_EQ(t.styles.at("corps").space_after, 4.5);
  EXPECT_EQ(t.styles.at("chapeau").weight, 300);
  EXPECT_EQ(t.styles.at("titre").weight, 900);
  EXPECT_TRUE(t.styles.at("surtitre").uppercase);
  EXPECT_TRUE(t.styles.at("surtitre").keep_with_next);
  EXPECT_DOUBLE_EQ(t.styles.at("surtitre").tracking, 120);
  EXPECT_TRUE(t.styles.at("citation").italic);
  EXPECT_EQ(t.styles.at("folio-droite").align, model::Align::Right);
  EXPECT_EQ(t.masters.size(), 4u);
  const model::Master& deux = t.masters.at("deux-colonnes");
  EXPECT_EQ(deux.items.size(), 6u);
  ASSERT_EQ(deux.frames.size(), 3u);
  EXPECT_EQ(deux.frames[1].id, "texte");
  EXPECT_EQ(deux.frames[1].columns, 2);
  EXPECT_DOUBLE_EQ(deux.frames[1].gutter, mm_to_pt(7));
  EXPECT_EQ(t.masters.at("trois-colonnes").frames[1].columns, 3);
  EXPECT_EQ(r.doc->pages.size(), 4u);
  EXPECT_EQ(r.doc->project_root, fs::weakly_canonical(source_dir()).string());
  fs::remove_all(dir);
}

TEST(LoadValid, SpansOfRelativeFilesAreRelativeToTheCurrentDirectory) {
  Project p("display");
  p.write("content/c.yaml", "document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  fs::path old = fs::current_path();
  fs::current_path(p.root());
  Loaded r = Project::load_file("content/c.yaml");
  fs::current_path(old);
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->pages[0].span, (Span{"content/c.yaml", 3, 9}));
  EXPECT_EQ(r.doc->tmpl.styles.at("corps").span, (Span{"templates/mini.yaml", 11, 3}));
}

}  // namespace
}  // namespace plaquette::test
