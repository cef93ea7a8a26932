// `build --all` is incremental: each variant's inputs are fingerprinted in
// output/.plaquette-build/<id>.fingerprint; a rebuild redoes only the variants whose inputs changed
// (its own override file, or a file all variants share), and `--force` redoes them all.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e/e2e_fixture.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

struct Project {
  fs::path dir, content, pdf, lens, henin;
  test::Run build(const std::string& extra = "") const {
    return test::plaquette("build --all -j 2 " + extra + " '" + content.string() + "' -o '" + pdf.string() + "'");
  }
};

Project two_variant_project(const std::string& tag) {
  Project p;
  p.dir = test::small_project(tag, test::kTwoVariants);
  fs::create_directories(p.dir / "assets" / "maps");
  fs::copy_file(test::source_dir() / "assets/maps/bassin-minier.gpkg", p.dir / "assets/maps/bassin-minier.gpkg");
  test::write_file(p.dir / "content/variants/246200299.yaml", "variables:\n  epci: {nom: Hénin-Carvin}\n");
  test::write_file(p.dir / "content/variants/246200364.yaml", "variables:\n  epci: {nom: Lens-Liévin}\n");
  p.content = p.dir / "content" / "plaquette.yaml";
  p.pdf = p.dir / "output" / "plaquette.pdf";
  p.lens = p.dir / "output/plaquette-246200364.pdf";
  p.henin = p.dir / "output/plaquette-246200299.pdf";
  return p;
}

bool has(const test::Run& r, const std::string& s) { return r.output.find(s) != std::string::npos; }

TEST(Batch, RebuildRedoesOnlyTheChangedVariant) {
  const auto p = two_variant_project("batch-incremental");
  auto first = p.build();
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_TRUE(has(first, "2 editions built, 0 failed")) << first.output;
  ASSERT_TRUE(fs::exists(p.lens) && fs::exists(p.henin)) << first.output;
  EXPECT_TRUE(fs::exists(p.dir / "output/.plaquette-build/246200364.fingerprint"));

  // Nothing changed: nothing is rebuilt.
  auto again = p.build();
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_TRUE(has(again, "246200364 CA de Lens - Liévin: up to date")) << again.output;
  EXPECT_TRUE(has(again, "246200299 CA d'Hénin-Carvin: up to date")) << again.output;
  EXPECT_TRUE(has(again, "0 editions built, 0 failed, 2 up to date")) << again.output;

  // One override file changes: only its variant is rebuilt, the other PDF is not touched.
  const auto lens_time = fs::last_write_time(p.lens);
  const auto henin_time = fs::last_write_time(p.henin);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  test::write_file(p.dir / "content/variants/246200299.yaml", "variables:\n  epci: {nom: Hénin-Beaumont}\n");
  auto one = p.build();
  ASSERT_EQ(one.status, 0) << one.output;
  EXPECT_TRUE(has(one, "246200364 CA de Lens - Liévin: up to date")) << one.output;
  EXPECT_TRUE(has(one, "246200299 CA d'Hénin-Carvin: " + p.henin.string() + " (12 pages)") ||
              has(one, "246200299 CA d'Hénin-Carvin: " + p.henin.string()))
      << one.output;
  EXPECT_TRUE(has(one, "1 edition built, 0 failed, 1 up to date")) << one.output;
  EXPECT_EQ(fs::last_write_time(p.lens), lens_time);
  EXPECT_NE(fs::last_write_time(p.henin), henin_time);
  EXPECT_NE(test::squash(test::tool("pdftotext '" + p.henin.string() + "' -")).find("Hénin-Beaumont"),
            std::string::npos);

  // A shared file (the main content file) changes: both are rebuilt.
  test::write_file(p.content, test::kTwoVariants + "# edited\n");
  auto both = p.build();
  ASSERT_EQ(both.status, 0) << both.output;
  EXPECT_TRUE(has(both, "2 editions built, 0 failed")) << both.output;
  EXPECT_FALSE(has(both, "up to date")) << both.output;

  // --force rebuilds what is up to date; a deleted PDF is rebuilt.
  auto forced = p.build("--force");
  EXPECT_TRUE(has(forced, "2 editions built, 0 failed")) << forced.output;
  fs::remove(p.dir / "output/plaquette-246200364-screen.pdf");
  auto missing = p.build();
  EXPECT_TRUE(has(missing, "1 edition built, 0 failed, 1 up to date")) << missing.output;
  EXPECT_TRUE(fs::exists(p.dir / "output/plaquette-246200364-screen.pdf"));
}

TEST(Batch, FailedVariantIsRetriedAndLeavesTheOthersUpToDate) {
  const auto p = two_variant_project("batch-failed");
  test::write_file(p.dir / "content/variants/246200299.yaml", "document:\n  titre: Hénin-Carvin\n");
  auto first = p.build();
  EXPECT_EQ(first.status, 1) << first.output;
  EXPECT_TRUE(has(first, "1 edition built, 1 failed")) << first.output;
  EXPECT_FALSE(fs::exists(p.dir / "output/.plaquette-build/246200299.fingerprint"));
  // Still broken: it is tried again (never "up to date"), the good one is skipped.
  auto again = p.build();
  EXPECT_EQ(again.status, 1) << again.output;
  EXPECT_TRUE(has(again, "246200364 CA de Lens - Liévin: up to date")) << again.output;
  EXPECT_TRUE(has(again, "246200299 CA d'Hénin-Carvin: FAILED")) << again.output;
  // Fixed: built.
  test::write_file(p.dir / "content/variants/246200299.yaml", "document:\n  title: Hénin-Carvin\n");
  auto fixed = p.build();
  EXPECT_EQ(fixed.status, 0) << fixed.output;
  EXPECT_TRUE(has(fixed, "1 edition built, 0 failed, 1 up to date")) << fixed.output;
  EXPECT_TRUE(fs::exists(p.henin));
}

// `languages: {nl: [...]}`: a Dutch edition besides the French one, named -<id>-nl; a change to
// the Dutch translations rebuilds that edition only; the French typography stays French.
TEST(Batch, OtherLanguageEditionBesideTheFrenchOne) {
  auto p = two_variant_project("batch-languages");
  std::string content = test::kTwoVariants;
  content.replace(content.find("          - \"{chiffres.communes} communes.\""), 0,
                  "          - Qui vit sur un terril ?\n");
  content.replace(content.find("  overrides: content/variants"), 0, "  languages: {nl: ['246200364']}\n");
  test::write_file(p.content, content);
  auto first = p.build();
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_TRUE(has(first, "3 editions built, 0 failed")) << first.output;
  const fs::path nl = p.dir / "output/plaquette-246200364-nl.pdf";
  ASSERT_TRUE(fs::exists(nl) && fs::exists(p.dir / "output/plaquette-246200364-nl-screen.pdf")) << first.output;
  EXPECT_FALSE(fs::exists(p.dir / "output/plaquette-246200299-nl.pdf"));
  const std::string fr_text = test::squash(test::tool("pdftotext '" + p.lens.string() + "' -"));
  const std::string nl_text = test::squash(test::tool("pdftotext '" + nl.string() + "' -"));
  EXPECT_NE(fr_text.find("terril\u202F?"), std::string::npos) << fr_text;
  EXPECT_NE(nl_text.find("terril ?"), std::string::npos) << nl_text;  // as typed: no French spacing
  EXPECT_EQ(nl_text.find("terril\u202F?"), std::string::npos) << nl_text;

  // A Dutch translation file appears: the Dutch edition only is rebuilt.
  test::write_file(p.dir / "content/translations/nl.yaml", "{}\n");
  auto again = p.build();
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_TRUE(has(again, "1 edition built, 0 failed, 2 up to date")) << again.output;
  EXPECT_TRUE(has(again, "246200364-nl CA de Lens - Liévin: " + nl.string())) << again.output;

  // An id that is no variant is an error at the id.
  content.replace(content.find("['246200364']"), 13, "['246200365']");
  test::write_file(p.content, content);
  auto bad = p.build();
  EXPECT_EQ(bad.status, 1) << bad.output;
  EXPECT_TRUE(has(bad, "languages.nl: '246200365' is none of the variants (did you mean '246200364'?)")) << bad.output;
}

// --lang alone never replaces the French brochure: output/plaquette-nl.pdf.
TEST(Batch, LanguageEditionOfTheBaseGetsItsOwnName) {
  auto p = two_variant_project("base-language");
  test::Run r;
  r.status = test::run("cd '" + p.dir.string() + "' && '" + test::binary().string() + "' build --lang nl", &r.output);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(has(r, "output/plaquette-nl.pdf")) << r.output;
  EXPECT_FALSE(fs::exists(p.dir / "output/plaquette.pdf"));
}

}  // namespace
}  // namespace plaquette
