// Variant overrides merged onto the base YAML: every rule, and errors located in the override file.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include "variants/merge.hpp"

namespace plaquette::variants {
namespace {

const std::string kFile = "content/variantes/lens.yaml";

const char* const kBase = R"(document:
  title: Le Bassin minier
  lang: fr
  pages: 8
  keywords: [mines, patrimoine]
variables:
  epci: Bassin minier
pages:
  - id: couverture
    template: cover
    title: Le Bassin minier
  - id: carte
    template: map
    map:
      layer: epci
      where: "siren = '0'"
  - id: chiffres
    template: figures
)";

struct Merged {
  YAML::Node node;
  DiagnosticSink sink;
};

Merged merged(const std::string& overrides, const std::vector<std::string>& open_keys = {"variables"}) {
  Merged m;
  m.node = merge(YAML::Load(kBase), YAML::Load(overrides), kFile, m.sink, open_keys);
  return m;
}

std::vector<std::string> ids(const YAML::Node& pages) {
  std::vector<std::string> out;
  for (const auto& p : pages) out.push_back(p["id"].as<std::string>());
  return out;
}

TEST(Merge, EmptyOverrideKeepsTheBase) {
  auto m = merged("");
  EXPECT_FALSE(m.sink.has_errors());
  EXPECT_EQ(m.node["document"]["title"].as<std::string>(), "Le Bassin minier");
  EXPECT_EQ(ids(m.node["pages"]), (std::vector<std::string>{"couverture", "carte", "chiffres"}));
}

TEST(Merge, MapsMergeKeyByKeyAndScalarsReplace) {
  auto m = merged("document:\n  title: CA de Lens - Liévin\n  pages: 12\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  EXPECT_EQ(m.node["document"]["title"].as<std::string>(), "CA de Lens - Liévin");
  EXPECT_EQ(m.node["document"]["pages"].as<int>(), 12);
  EXPECT_EQ(m.node["document"]["lang"].as<std::string>(), "fr");  // untouched sibling kept
  EXPECT_EQ(m.node["pages"].size(), 3u);                          // untouched top-level key kept
}

TEST(Merge, KeysKeepTheBaseOrder) {
  auto m = merged("document:\n  pages: 4\n  title: X\n");
  std::vector<std::string> keys;
  for (auto it = m.node["document"].begin(); it != m.node["document"].end(); ++it)
    keys.push_back(it->first.as<std::string>());
  EXPECT_EQ(keys, (std::vector<std::string>{"title", "lang", "pages", "keywords"}));
}

TEST(Merge, NestedMapsMergeRecursively) {
  auto m = merged("pages:\n  - id: carte\n    map:\n      where: \"siren = '246200364'\"\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  const auto carte = m.node["pages"][1];
  EXPECT_EQ(carte["map"]["where"].as<std::string>(), "siren = '246200364'");
  EXPECT_EQ(carte["map"]["layer"].as<std::string>(), "epci");
  EXPECT_EQ(carte["template"].as<std::string>(), "map");
}

TEST(Merge, PlainListsReplace) {
  auto m = merged("document:\n  keywords: [Lens, Liévin, Louvre-Lens]\n");
  EXPECT_FALSE(m.sink.has_errors());
  ASSERT_EQ(m.node["document"]["keywords"].size(), 3u);
  EXPECT_EQ(m.node["document"]["keywords"][2].as<std::string>(), "Louvre-Lens");
}

TEST(Merge, ListWithoutIdsReplacesAnIdList) {
  auto m = merged("pages:\n  - template: cover\n");
  EXPECT_FALSE(m.sink.has_errors());
  ASSERT_EQ(m.node["pages"].size(), 1u);
  EXPECT_FALSE(m.node["pages"][0]["id"]);
}

TEST(Merge, ScalarMayReplaceAMapAndNullClears) {
  auto m = merged("document:\n  keywords: ~\n");
  EXPECT_FALSE(m.sink.has_errors());
  EXPECT_TRUE(m.node["document"]["keywords"].IsNull());
}

TEST(Merge, MapOverAScalarIsAnError) {
  auto m = merged("document:\n  title:\n    fr: Lens\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_EQ(m.sink.all()[0].span, (Span{kFile, 3, 5}));
  EXPECT_NE(m.sink.all()[0].message.find("'document.title'"), std::string::npos) << m.sink.to_string();
  EXPECT_EQ(m.node["document"]["title"].as<std::string>(), "Le Bassin minier");  // base kept
}

TEST(Merge, IdListsMergeById) {
  auto m = merged("pages:\n  - id: chiffres\n    template: stats\n  - id: couverture\n    title: Lens\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  EXPECT_EQ(ids(m.node["pages"]), (std::vector<std::string>{"couverture", "carte", "chiffres"}));  // base order
  EXPECT_EQ(m.node["pages"][0]["title"].as<std::string>(), "Lens");
  EXPECT_EQ(m.node["pages"][0]["template"].as<std::string>(), "cover");
  EXPECT_EQ(m.node["pages"][2]["template"].as<std::string>(), "stats");
}

TEST(Merge, IdListItemKeysAreChecked) {
  auto m = merged("pages:\n  - id: couverture\n    tittle: Lens\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  const auto& d = m.sink.all()[0];
  EXPECT_EQ(d.span, (Span{kFile, 3, 5}));
  EXPECT_NE(d.message.find("unknown key 'tittle' in 'pages[couverture]'"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("did you mean 'title'?"), std::string::npos) << d.message;
}

TEST(Merge, AddAppendsANewItem) {
  auto m = merged("pages:\n  - id: communes\n    add: true\n    template: list\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  EXPECT_EQ(ids(m.node["pages"]), (std::vector<std::string>{"couverture", "carte", "chiffres", "communes"}));
  EXPECT_EQ(m.node["pages"][3]["template"].as<std::string>(), "list");
  EXPECT_FALSE(m.node["pages"][3]["add"]);  // the marker is not part of the result
}

TEST(Merge, RemoveDropsAnItem) {
  auto m = merged("pages:\n  - id: carte\n    remove: true\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  EXPECT_EQ(ids(m.node["pages"]), (std::vector<std::string>{"couverture", "chiffres"}));
}

TEST(Merge, UnknownIdIsAnErrorWithHint) {
  auto m = merged("pages:\n  - id: cartes\n    title: X\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  const auto& d = m.sink.all()[0];
  EXPECT_EQ(d.span, (Span{kFile, 2, 9}));  // the id's value
  EXPECT_NE(d.message.find("unknown id 'cartes'"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("did you mean 'carte'?"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("add: true"), std::string::npos) << d.message;
  EXPECT_EQ(m.node["pages"].size(), 3u);
}

TEST(Merge, RemovingAnUnknownIdIsAnError) {
  auto m = merged("pages:\n  - id: cart\n    remove: true\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_NE(m.sink.all()[0].message.find("no item 'cart' to remove"), std::string::npos);
  EXPECT_NE(m.sink.all()[0].message.find("did you mean 'carte'?"), std::string::npos);
}

TEST(Merge, AddingAnExistingIdIsAnError) {
  auto m = merged("pages:\n  - id: carte\n    add: true\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_NE(m.sink.all()[0].message.find("already exists"), std::string::npos);
}

TEST(Merge, ItemWithoutIdInAnIdMergeIsAnError) {
  auto m = merged("pages:\n  - id: carte\n    template: X\n  - template: cover\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_EQ(m.sink.all()[0].span, (Span{kFile, 4, 5}));
  EXPECT_NE(m.sink.all()[0].message.find("has no `id`"), std::string::npos);
}

TEST(Merge, NonBooleanFlagIsAnError) {
  auto m = merged("pages:\n  - id: carte\n    remove: oui\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_NE(m.sink.all()[0].message.find("true or false"), std::string::npos);
}

TEST(Merge, UnknownKeyIsAnErrorWithLineColumnAndHint) {
  auto m = merged("document:\n  title: Lens\n  tittle: Lens\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  const auto& d = m.sink.all()[0];
  EXPECT_EQ(d.span, (Span{kFile, 3, 3}));
  EXPECT_EQ(format_diagnostic(d).rfind("content/variantes/lens.yaml:3:3: error: unknown key 'tittle' in 'document'", 0),
            0u)
      << format_diagnostic(d);
  EXPECT_NE(d.message.find("did you mean 'title'?"), std::string::npos) << d.message;
  EXPECT_FALSE(m.node["document"]["tittle"]);
  EXPECT_EQ(m.node["document"]["title"].as<std::string>(), "Lens");  // the rest is still merged
}

TEST(Merge, UnknownKeyWithoutCloseMatchListsTheKeys) {
  auto m = merged("couleur: rouge\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_EQ(m.sink.all()[0].span, (Span{kFile, 1, 1}));
  EXPECT_NE(m.sink.all()[0].message.find("the keys there are: document, variables, pages"), std::string::npos)
      << m.sink.all()[0].message;
}

TEST(Merge, DuplicateKeyIsAnError) {
  auto m = merged("document:\n  title: A\n  title: B\n");
  ASSERT_EQ(m.sink.error_count(), 1) << m.sink.to_string();
  EXPECT_EQ(m.sink.all()[0].span, (Span{kFile, 3, 3}));
  EXPECT_EQ(m.node["document"]["title"].as<std::string>(), "A");
}

TEST(Merge, VariantMustBeAMapping) {
  auto m = merged("- a\n- b\n");
  ASSERT_EQ(m.sink.error_count(), 1);
  EXPECT_NE(m.sink.all()[0].message.find("must be a mapping"), std::string::npos);
  EXPECT_EQ(m.node["pages"].size(), 3u);
}

TEST(Merge, EveryMistakeIsReported) {
  auto m = merged("document:\n  tittle: X\npages:\n  - id: cartes\n    title: X\nmisc: 1\n");
  EXPECT_EQ(m.sink.error_count(), 3) << m.sink.to_string();
}

TEST(Merge, OpenKeysAcceptNewKeysAtAnyDepth) {
  auto m = merged("variables:\n  epci: CA de Lens - Liévin\n  siren: '246200364'\n  chiffres:\n    communes: 36\n");
  EXPECT_FALSE(m.sink.has_errors()) << m.sink.to_string();
  EXPECT_EQ(m.node["variables"]["epci"].as<std::string>(), "CA de Lens - Liévin");
  EXPECT_EQ(m.node["variables"]["siren"].as<std::string>(), "246200364");
  EXPECT_EQ(m.node["variables"]["chiffres"]["communes"].as<int>(), 36);
}

TEST(Merge, OpenKeysAreConfigurable) {
  auto m = merged("variables:\n  siren: '246200364'\n", {});
  EXPECT_EQ(m.sink.error_count(), 1);
  auto doc = merged("document:\n  subtitle: Lens\n", {"document"});
  EXPECT_FALSE(doc.sink.has_errors()) << doc.sink.to_string();
  EXPECT_EQ(doc.node["document"]["subtitle"].as<std::string>(), "Lens");
}

TEST(Merge, InputsAreNotModified) {
  YAML::Node base = YAML::Load(kBase);
  YAML::Node over = YAML::Load("document:\n  title: Lens\npages:\n  - id: carte\n    remove: true\n");
  DiagnosticSink sink;
  auto result = merge(base, over, kFile, sink);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(base["document"]["title"].as<std::string>(), "Le Bassin minier");
  EXPECT_EQ(base["pages"].size(), 3u);
  EXPECT_EQ(over["pages"][0]["remove"].as<bool>(), true);
  EXPECT_EQ(result["pages"].size(), 2u);
  // Merging into an id-list item leaves the base item alone too.
  auto again = merge(base, YAML::Load("pages:\n  - id: carte\n    template: other\n"), kFile, sink);
  EXPECT_EQ(again["pages"][1]["template"].as<std::string>(), "other");
  EXPECT_EQ(base["pages"][1]["template"].as<std::string>(), "map");
  EXPECT_EQ(base["pages"][1]["map"]["layer"].as<std::string>(), "epci");
}

TEST(ExpandVariables, VariablesAreNotModified) {
  YAML::Node v = YAML::Load("a: 1\ng:\n  b: 2\n");
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("{a} {g.b} {a}", v, Span{}, sink), "1 2 1");
  EXPECT_EQ(YAML::Dump(v), "a: 1\ng:\n  b: 2");
}

TEST(Merge, UnchangedNodesKeepTheirMarks) {
  auto m = merged("document:\n  title: Lens\n");
  EXPECT_EQ(m.node["document"]["lang"].Mark().line, 2);   // from the base (0-based line)
  EXPECT_EQ(m.node["document"]["title"].Mark().line, 1);  // from the override
}

// ---- variables -------------------------------------------------------------------------------

const Span kText{"content/pages/01-couverture.yaml", 7, 12};

YAML::Node vars() {
  return YAML::Load("epci: CA de Lens - Liévin\nsiren: '246200364'\nchiffres:\n  communes: 36\n  surface: 24 057 ha\n"
                    "vide: ~\n");
}

TEST(ExpandVariables, SimpleAndNested) {
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("{epci} ({siren}) : {chiffres.communes} communes, {chiffres.surface}", vars(), kText, sink),
            "CA de Lens - Liévin (246200364) : 36 communes, 24 057 ha");
  EXPECT_EQ(expand_variables("sans variable", vars(), kText, sink), "sans variable");
  EXPECT_EQ(expand_variables("[{vide}]", vars(), kText, sink), "[]");
  EXPECT_FALSE(sink.has_errors()) << sink.to_string();
}

TEST(ExpandVariables, NounAgreesWithTheNumber) {
  DiagnosticSink sink;
  YAML::Node v = YAML::Load("un: 1\nzero: 0\ndemi: '1,5'\ndeux: 2\nmille: \"1\u202F672,5\"\n");
  EXPECT_EQ(expand_variables("{un|terril repéré|terrils repérés}", v, kText, sink), "1 terril repéré");
  EXPECT_EQ(expand_variables("{zero|terril|terrils}", v, kText, sink), "0 terril");
  EXPECT_EQ(expand_variables("{demi|hectare|hectares}", v, kText, sink), "1,5 hectare");
  EXPECT_EQ(expand_variables("{deux|terril|terrils}", v, kText, sink), "2 terrils");
  EXPECT_EQ(expand_variables("{mille|hectare|hectares}", v, kText, sink), "1\u202F672,5 hectares");
  EXPECT_FALSE(sink.has_errors()) << sink.to_string();
}

TEST(ExpandVariables, NounFormsNeedANumberAndTwoForms) {
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("{epci|a|b}", vars(), kText, sink), "{epci|a|b}");
  EXPECT_EQ(expand_variables("{chiffres.communes|commune}", vars(), kText, sink), "{chiffres.communes|commune}");
  ASSERT_EQ(sink.error_count(), 2) << sink.to_string();
  EXPECT_NE(sink.all()[0].message.find("not a number"), std::string::npos) << sink.to_string();
  EXPECT_NE(sink.all()[1].message.find("needs two forms"), std::string::npos) << sink.to_string();
}

TEST(ExpandVariables, BracesEscape) {
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("{{epci}} vaut {epci}", vars(), kText, sink), "{epci} vaut CA de Lens - Liévin");
  EXPECT_EQ(expand_variables("a {{ b }} c", vars(), kText, sink), "a { b } c");
  EXPECT_EQ(expand_variables("a } b", vars(), kText, sink), "a } b");
  EXPECT_FALSE(sink.has_errors()) << sink.to_string();
}

TEST(ExpandVariables, UnknownVariableWithHint) {
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("{epcii} et {chiffres.comunes}", vars(), kText, sink), "{epcii} et {chiffres.comunes}");
  ASSERT_EQ(sink.error_count(), 2);
  EXPECT_EQ(sink.all()[0].span, kText);
  EXPECT_NE(sink.all()[0].message.find("unknown variable 'epcii'"), std::string::npos) << sink.to_string();
  EXPECT_NE(sink.all()[0].message.find("did you mean 'epci'?"), std::string::npos) << sink.to_string();
  EXPECT_NE(sink.all()[1].message.find("did you mean 'chiffres.communes'?"), std::string::npos) << sink.to_string();
}

TEST(ExpandVariables, UnknownVariableWithoutCloseMatchListsThem) {
  DiagnosticSink sink;
  expand_variables("{population}", vars(), kText, sink);
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_NE(sink.all()[0].message.find("the variables are: epci, siren, chiffres.communes"), std::string::npos)
      << sink.to_string();
  DiagnosticSink none;
  expand_variables("{x}", YAML::Node(), kText, none);
  ASSERT_EQ(none.error_count(), 1);
  EXPECT_NE(none.all()[0].message.find("no variables are defined"), std::string::npos) << none.to_string();
}

TEST(ExpandVariables, GroupIsNotAValue) {
  DiagnosticSink sink;
  expand_variables("{chiffres}", vars(), kText, sink);
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_NE(sink.all()[0].message.find("chiffres.communes"), std::string::npos) << sink.to_string();
}

TEST(ExpandVariables, MalformedPlaceholders) {
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("a {epci", vars(), kText, sink), "a {epci");
  EXPECT_EQ(expand_variables("{ epci }", vars(), kText, sink), "{ epci }");
  EXPECT_EQ(expand_variables("{}", vars(), kText, sink), "{}");
  EXPECT_EQ(sink.error_count(), 3) << sink.to_string();
  EXPECT_NE(sink.all()[0].message.find("unclosed"), std::string::npos);
  EXPECT_NE(sink.all()[1].message.find("not a variable"), std::string::npos);
}

TEST(ExpandVariables, WorksOnMergedVariables) {
  auto m = merged("variables:\n  epci: CA de Lens - Liévin\n");
  DiagnosticSink sink;
  EXPECT_EQ(expand_variables("Bienvenue dans la {epci}", m.node["variables"], kText, sink),
            "Bienvenue dans la CA de Lens - Liévin");
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace plaquette::variants
