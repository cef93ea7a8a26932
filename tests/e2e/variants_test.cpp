// One brochure per EPCI, end to end: `build --variant ID` on the real brochure, `build --all` on a
// small two-variant project where one variant is broken.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "e2e/e2e_fixture.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

TEST(Variants, OneVariantOfTheRealBrochure) {
  auto dir = test::make_temp_dir("variant-lens");
  auto pdf = dir / "plaquette.pdf";
  auto r = test::plaquette("build --variant 246200364 -o '" + pdf.string() + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  const auto written = dir / "plaquette-246200364.pdf";
  EXPECT_NE(r.output.find("246200364 CA de Lens - Liévin: " + written.string() + " (12 pages)"), std::string::npos)
      << r.output;
  ASSERT_TRUE(fs::exists(written));
  EXPECT_TRUE(fs::exists(dir / "plaquette-246200364-screen.pdf"));
  EXPECT_FALSE(fs::exists(pdf));
  const std::string text = test::squash(test::tool("pdftotext -f 3 -l 3 '" + written.string() + "' -"));
  EXPECT_NE(text.find("Lens"), std::string::npos) << text;
  EXPECT_NE(text.find("36 communes"), std::string::npos) << text;
  const std::string info = test::tool("pdfinfo '" + written.string() + "'");
  EXPECT_NE(info.find("La Trame verte et bleue du Bassin minier — CA de Lens - Liévin"), std::string::npos) << info;
}

TEST(Variants, UnknownVariantIsBadInput) {
  auto r = test::plaquette("build --variant 246200365 -o /tmp/plaquette-never.pdf");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("unknown variant '246200365' (did you mean '246200364'?)"), std::string::npos) << r.output;
}

TEST(Variants, AllWithOneBrokenVariant) {
  auto dir = test::small_project("variants-all", test::kTwoVariants);
  fs::create_directories(dir / "assets" / "maps");
  fs::copy_file(test::source_dir() / "assets/maps/bassin-minier.gpkg", dir / "assets/maps/bassin-minier.gpkg");
  test::write_file(dir / "content/variants/246200299.yaml", "document:\n  titre: Hénin-Carvin\n");
  auto content = dir / "content" / "plaquette.yaml";
  auto pdf = dir / "output" / "plaquette.pdf";
  auto r = test::plaquette("build --all -j 2 '" + content.string() + "' -o '" + pdf.string() + "'");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(content/variants/246200299\.yaml:2:3: error: .*'titre')")))
      << r.output;
  EXPECT_NE(r.output.find("246200299 CA d'Hénin-Carvin: FAILED"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("1 edition built, 1 failed"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "output/plaquette-246200299.pdf"));
  const auto lens = dir / "output/plaquette-246200364.pdf";
  ASSERT_TRUE(fs::exists(lens)) << r.output;
  const std::string text = test::squash(test::tool("pdftotext '" + lens.string() + "' -"));
  EXPECT_NE(text.find("CA de Lens - Liévin"), std::string::npos) << text;
  EXPECT_NE(text.find("36 communes."), std::string::npos) << text;
  // The base brochure of the same project: the base variables, the basin's figure.
  auto base = test::plaquette("build '" + content.string() + "' -o '" + pdf.string() + "'");
  ASSERT_EQ(base.status, 0) << base.output;
  EXPECT_NE(test::squash(test::tool("pdftotext '" + pdf.string() + "' -")).find("Bassin minier"), std::string::npos);
}

}  // namespace
}  // namespace plaquette
