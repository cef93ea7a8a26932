// The command-line contract: exit codes, located diagnostics, and a failed build that never
// touches the previous good PDF.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

const std::string& kGood = test::kOnePageContent;

std::string with(const std::string& from, const std::string& to) {
  std::string s = kGood;
  auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos);
  s.replace(pos, from.size(), to);
  return s;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

struct BadCase {
  const char* name;
  std::string content;
  const char* expected;  // a regex the diagnostics must match
};

}  // namespace

TEST(Cli, HelpOnEverySubcommand) {
  EXPECT_EQ(test::plaquette("--help").status, 0);
  auto b = test::plaquette("build --help");
  EXPECT_EQ(b.status, 0);
  EXPECT_NE(b.output.find("--output"), std::string::npos);
  EXPECT_EQ(test::plaquette("preview --help").status, 0);
}

TEST(Cli, BadUsageExitsWith2) {
  EXPECT_EQ(test::plaquette("").status, 2);
  EXPECT_EQ(test::plaquette("frobnicate").status, 2);
  EXPECT_EQ(test::plaquette("build --bogus").status, 2);
  EXPECT_EQ(test::plaquette("preview --dpi abc").status, 2);
  EXPECT_EQ(test::plaquette("preview --dpi 5").status, 2);
}

TEST(Cli, MissingContentFileExitsWith1) {
  auto r = test::plaquette("build content/nope.yaml -o /tmp/plaquette-never.pdf");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("nope.yaml"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists("/tmp/plaquette-never.pdf"));
}

TEST(Cli, BadInputKeepsThePreviousPdfByteForByte) {
  auto dir = test::small_project("cli", kGood);
  auto content = dir / "content" / "plaquette.yaml";
  auto pdf = dir / "output" / "plaquette.pdf";
  auto good = test::plaquette("build '" + content.string() + "' -o '" + pdf.string() + "'");
  ASSERT_EQ(good.status, 0) << good.output;
  const std::string before = test::read_file(pdf);
  const auto screen = dir / "output" / "plaquette-screen.pdf";
  const std::string screen_before = test::read_file(screen);
  ASSERT_FALSE(before.empty());
  ASSERT_FALSE(screen_before.empty());

  const BadCase cases[] = {
      {"unknown style", with("- intertitre: Un", "- intertitr: Un"),
       R"(plaquette\.yaml:10:13: error: .*unknown style 'intertitr'.*did you mean 'intertitre')"},
      {"yaml syntax", with("pages:\n", "pages: [\n"), R"(plaquette\.yaml:\d+:\d+: error: )"},
      {"unknown master", with("master: deux-colonnes", "master: deux-colones"),
       R"(plaquette\.yaml:6:\d+: error: .*deux-colones.*did you mean 'deux-colonnes')"},
      {"missing image", with("      - frame: texte\n", "      - {frame: texte, image: assets/images/absente.jpg}\n      - frame: texte\n"),
       R"(plaquette\.yaml:8:\d+: error: .*absente\.jpg)"},
      {"path outside the project", with("      - frame: texte\n", "      - {frame: texte, image: ../../etc/passwd}\n      - frame: texte\n"),
       R"(plaquette\.yaml:8:\d+: error: .*outside)"},
      {"overflow", with("- Un paragraphe de texte courant.", "- \"" + repeat("un mot de trop ", 1000) + "\""),
       R"(plaquette\.yaml:11:\d+: error: text does not fit frame 'texte' on page 1: \d+ lines left over)"},
  };
  for (const auto& c : cases) {
    test::write_file(content, c.content);
    auto r = test::plaquette("build '" + content.string() + "' -o '" + pdf.string() + "'");
    EXPECT_EQ(r.status, 1) << c.name << "\n" << r.output;
    EXPECT_TRUE(std::regex_search(r.output, std::regex(c.expected))) << c.name << "\n" << r.output;
    EXPECT_EQ(test::read_file(pdf), before) << c.name << ": the previous PDF was changed";
    EXPECT_EQ(test::read_file(screen), screen_before) << c.name << ": the previous screen PDF was changed";
    // No temporary file is left beside the PDFs (the print PDF and its screen twin).
    EXPECT_EQ(std::distance(fs::directory_iterator(pdf.parent_path()), {}), 2) << c.name;
  }
}
