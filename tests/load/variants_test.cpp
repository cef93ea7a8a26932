// Variants of the brochure at load time: the list from the map data, the override file, the
// variables and computed figures expanded in the content, and their errors (located).
#include <gtest/gtest.h>

#include "load/load_fixture.hpp"

namespace plaquette::test {
namespace {

// Two EPCI of the real data: Lens-Liévin (36 communes) and Hénin-Carvin.
const std::string kContent = std::string(R"Y(document:
  title: La Trame verte et bleue
  subject: "Édition {epci.nom} ({epci.siren}) : {chiffres.communes} communes, {chiffres.voies_km} km"
template: templates/mini.yaml
)Y") + test::kTwoEpciVariants + R"Y(  figures:
    communes: {count: {source: assets/maps/bassin-minier.gpkg, layer: communes}}
    voies_km: {length_km: {source: assets/maps/bassin-minier.gpkg, layer: voies_navigables_osm}, decimals: 1}
variables:
  epci: {nom: le Bassin minier, siren: tous}
pages:
  - master: simple
    blocks:
      - frame: texte
        text:
          - "Pour {epci.nom} : [Lens]{nom-latin}."
)Y";

class Variants : public ::testing::Test {
 protected:
  Variants() : project("variants") {
    fs::create_directories(project.root() / "assets/maps");
    fs::copy_file(source_dir() / "assets/maps/bassin-minier.gpkg", project.root() / "assets/maps/bassin-minier.gpkg",
                  fs::copy_options::overwrite_existing);
    fs::create_directories(project.root() / "content/variants");
  }
  Loaded load(const std::string& variant, const std::string& content = kContent) {
    auto file = project.write("content/test.yaml", content);
    Loaded out;
    load::LoadOptions options;
    options.variant = variant;
    out.doc = load::load_document(file.string(), options, out.sink);
    return out;
  }
  Project project;
};

TEST_F(Variants, ListedFromTheData) {
  auto file = project.write("content/test.yaml", kContent);
  DiagnosticSink sink;
  auto list = load::list_variants(file.string(), {}, sink);
  ASSERT_TRUE(list) << sink.to_string();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, "246200299");
  EXPECT_EQ((*list)[0].name, "CA d'Hénin-Carvin");
  EXPECT_EQ((*list)[1].id, "246200364");
  EXPECT_EQ((*list)[1].name, "CA de Lens - Liévin");
}

TEST_F(Variants, DeclaredIdsKeepTheirOrderAndUnknownIdIsAnError) {
  std::string content = kContent;
  content.replace(content.find("where: \"siren IN"), std::string("where: \"siren IN ('246200364', '246200299')\"").size(),
                  "ids: ['246200364', '999999999']");
  auto file = project.write("content/test.yaml", content);
  DiagnosticSink sink;
  EXPECT_FALSE(load::list_variants(file.string(), {}, sink));
  EXPECT_TRUE(HasError(sink, "content/test.yaml", 10, 22, "variant '999999999'"));
}

TEST_F(Variants, VariablesAndFiguresExpanded) {
  auto r = load("246200364");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.title, "La Trame verte et bleue — CA de Lens - Liévin");
  EXPECT_EQ(r.doc->meta.subject, "Édition CA de Lens - Liévin (246200364) : 36 communes, 13,2 km");
}

TEST_F(Variants, BaseBuildUsesTheBaseVariablesAndTheWholeTerritory) {
  auto r = load("");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.title, "La Trame verte et bleue");
  EXPECT_EQ(r.doc->meta.subject.rfind("Édition le Bassin minier (tous) : ", 0), 0u) << r.doc->meta.subject;
  EXPECT_EQ(r.doc->meta.subject.find(": 36 communes"), std::string::npos);
}

TEST_F(Variants, OverrideFileApplied) {
  project.write("content/variants/246200364.yaml",
                "document:\n  title: Lens-Liévin, nature en ville\nvariables:\n  epci: {nom: Lens-Liévin}\n");
  auto r = load("246200364");
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(r.doc->meta.title, "Lens-Liévin, nature en ville — CA de Lens - Liévin");
  EXPECT_EQ(r.doc->meta.subject, "Édition Lens-Liévin (246200364) : 36 communes, 13,2 km");
  // The other variant has no file: the base content.
  auto other = load("246200299");
  ASSERT_TRUE(other.doc) << other.sink.to_string();
  EXPECT_EQ(other.doc->meta.title, "La Trame verte et bleue — CA d'Hénin-Carvin");
}

TEST_F(Variants, UnknownOverrideKeyIsAnErrorInTheOverrideFile) {
  project.write("content/variants/246200364.yaml", "document:\n  titel: Lens\n");
  auto r = load("246200364");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/variants/246200364.yaml", 2, 3, "titel"));
}

TEST_F(Variants, OverrideOfAnIncludedFile) {
  std::string content = kContent;
  content.replace(content.find("pages:\n"), std::string::npos, "include: [content/page.yaml]\n");
  project.write("content/page.yaml", "pages:\n  - master: simple\n    blocks: []\n");
  project.write("content/variants/246200364.yaml", "files:\n  content/page.yaml:\n    pages: []\n  content/pgae.yaml: {}\n");
  auto r = load("246200364", content);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/variants/246200364.yaml", 4, 3, "did you mean"));
}

TEST_F(Variants, UnknownVariableIsAnError) {
  std::string content = kContent;
  content.replace(content.find("{epci.siren}"), 12, "{epci.sirne}");
  auto r = load("246200364", content);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 3, 12, "sirne"));
}

TEST_F(Variants, FigureThatCannotBeComputedIsAnError) {
  std::string content = kContent;
  content.replace(content.find("layer: voies_navigables_osm"), 27, "layer: voies_navigables");
  auto r = load("246200364", content);
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 14, 16, "figure 'voies_km' cannot be computed"));
  // Never an empty string or a zero in the text.
  for (const auto& d : r.sink.all()) EXPECT_EQ(d.message.find("0 km"), std::string::npos);
}

TEST_F(Variants, UnknownVariantIsAnError) {
  auto r = load("246200365");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 5, 1, "unknown variant '246200365'"));
}

TEST_F(Variants, VariantWithoutVariantsSectionIsAnError) {
  auto r = load("246200364", "document: {title: T}\ntemplate: templates/mini.yaml\npages: []\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 0, 0, "declares no variants"));
}

}  // namespace
}  // namespace plaquette::test
