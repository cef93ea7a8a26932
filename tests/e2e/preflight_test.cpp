// `plaquette check` as a print preflight: problems planted in a small project are reported with
// their page and YAML line, errors make it exit 1, and --json gives one parsable object.
#include <gtest/gtest.h>

#include <cairo.h>

#include <regex>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

// Line numbers matter: the assertions below name them.
const std::string kPlanted = std::string(test::kDocumentHead) + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: Un intertitre
          - minuscule: Un texte bien trop petit pour être lu.
      - {x: 100mm, y: 150mm, width: 80mm, height: 60mm, image: assets/images/minuscule.png, fit: fit}
      - {x: -2mm, y: 220mm, width: 40mm, height: 30mm, image: assets/images/minuscule.png, fit: fit}
      - {x: 3mm, y: 262mm, width: 60mm, height: 20mm, text: [Au bord de la page.]}
)";

// A 40 x 30 px PNG: drawn 80 mm wide it prints at 12 ppi.
void write_tiny_png(const fs::path& path) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 30);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.5, 0.3);
  cairo_paint(cr);
  cairo_destroy(cr);
  ASSERT_EQ(cairo_surface_write_to_png(s, path.c_str()), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
}

// The copied template gets a 5 pt style.
void add_tiny_style(const fs::path& dir) {
  auto tmpl = dir / "templates" / "plaquette-a4.yaml";
  std::string text = test::read_file(tmpl);
  auto pos = text.find("\nstyles:\n");
  ASSERT_NE(pos, std::string::npos);
  text.insert(pos + 9, "  minuscule:\n    based_on: corps\n    size: 5pt\n    leading: 6pt\n");
  test::write_file(tmpl, text);
}

fs::path planted_project() {
  auto dir = test::small_project("preflight", kPlanted);
  fs::create_directories(dir / "assets" / "images");
  write_tiny_png(dir / "assets" / "images" / "minuscule.png");
  add_tiny_style(dir);
  return dir;
}

bool has(const std::string& output, const std::string& pattern) {
  return std::regex_search(output, std::regex(pattern));
}

}  // namespace

TEST(Preflight, PlantedProblemsAreReportedWithPageAndLine) {
  auto dir = planted_project();
  auto r = test::plaquette("check '" + (dir / "content" / "plaquette.yaml").string() + "'");
  EXPECT_EQ(r.status, 1) << r.output;
  // The text-quality table is still there.
  EXPECT_NE(r.output.find("page  lines  hyphenated  loosest space"), std::string::npos) << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette\.yaml:12:\d+: error: page 1: image '[^']*assets/images/minuscule\.png' prints at 12 ppi: give a larger picture \(at least 150 ppi, 300 for best quality\) or make it smaller)"))
      << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette\.yaml:13:\d+: error: page 1: an image is cut by the trim: extend it to the bleed)"))
      << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette\.yaml:11:\d+: warning: page 1: text set at 5 pt is too small)")) << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette\.yaml:14:\d+: warning: page 1: text comes closer than 5mm to the page edge)"))
      << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette check: preflight: [1-9]\d* errors?, [1-9]\d* warnings?)")) << r.output;

  // A narrower safe margin lets the edge text pass.
  auto narrow = test::plaquette("check '" + (dir / "content" / "plaquette.yaml").string() + "' --safe-margin 2mm");
  EXPECT_FALSE(has(narrow.output, "closer than")) << narrow.output;
  EXPECT_EQ(test::plaquette("check '" + (dir / "content" / "plaquette.yaml").string() + "' --safe-margin cinq").status, 2);
}

TEST(Preflight, JsonIsOneObjectOnStdout) {
  auto dir = planted_project();
  std::string out;
  int status = test::run("cd '" + test::source_dir().string() + "' && ('" + test::binary().string() + "' check '" +
                             (dir / "content" / "plaquette.yaml").string() + "' --json 2>/dev/null)",
                         &out);
  EXPECT_NE(status, 0);
  // One object, nothing around it.
  EXPECT_TRUE(has(out, R"(^\{"pages":\[\{"page":1,"lines":\d+,"hyphenated":\d+,"loosest":[\d.]+,"space_p95":[\d.]+,"hyphenated_share":[\d.]+,"letter_spacing_permille":[\d.]+,"stranded":\d+,"fitness_jumps":\d+\}\],"findings":\[.*\],"ok":false\}\n$)"))
      << out;
  EXPECT_TRUE(has(out, R"(\{"severity":"error","page":1,"file":"[^"]*plaquette\.yaml","line":12,"column":\d+,"code":"image-resolution","message":"image '[^']*assets/images/minuscule\.png' prints at 12 ppi[^"]*"\})"))
      << out;
  EXPECT_TRUE(has(out, R"("line":13,"column":\d+,"code":"trim-cut")")) << out;
  EXPECT_TRUE(has(out, R"("severity":"warning","page":1,"file":"[^"]*","line":11,"column":\d+,"code":"small-text")")) << out;
}

TEST(Preflight, LayoutErrorsStillFailCheck) {
  std::string overflow = std::string(kPlanted);
  std::string words;
  for (int i = 0; i < 1000; ++i) words += "un mot de trop ";
  overflow.replace(overflow.find("Un intertitre"), 13, "\"" + words + "\"");
  auto dir = test::small_project("preflight-overflow", overflow);
  fs::create_directories(dir / "assets" / "images");
  write_tiny_png(dir / "assets" / "images" / "minuscule.png");
  add_tiny_style(dir);
  auto r = test::plaquette("check '" + (dir / "content" / "plaquette.yaml").string() + "'");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_TRUE(has(r.output, R"(plaquette\.yaml:10:\d+: error: text does not fit)")) << r.output;
  std::string out;
  test::run("('" + test::binary().string() + "' check '" + (dir / "content" / "plaquette.yaml").string() +
                "' --json 2>/dev/null)",
            &out);
  EXPECT_TRUE(has(out, R"(^\{"pages":\[\],"findings":\[\{"severity":"error","page":0,.*"code":"layout".*\],"ok":false\}\n$)"))
      << out;
}

TEST(Preflight, DefaultBrochurePasses) {
  auto r = test::plaquette("check");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("plaquette check: preflight: 0 errors"), std::string::npos) << r.output;
}
