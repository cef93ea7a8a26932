// End to end: the three-panel leaflet (content/depliant.yaml on templates/depliant-3-volets.yaml),
// the same texts and styles as the brochure on a second template, built by the real CLI.
#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <vector>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

// Built once for the whole suite, and shared by its test processes: the leaflet.
class Leaflet : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto shared = test::shared_build("leaflet", "content/depliant.yaml -o '{dir}/depliant.pdf'");
    dir_ = new fs::path(shared.dir);
    pdf_ = new std::string((*dir_ / "depliant.pdf").string());
    run_ = new test::Run(shared.run);
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete pdf_;
    delete run_;
  }
  static std::string screen() { return (*dir_ / "depliant-screen.pdf").string(); }
  static fs::path* dir_;
  static std::string* pdf_;
  static test::Run* run_;
};
fs::path* Leaflet::dir_ = nullptr;
std::string* Leaflet::pdf_ = nullptr;
test::Run* Leaflet::run_ = nullptr;

}  // namespace

// Every block fits: a "does not fit" is an error, and the build would stop.
TEST_F(Leaflet, BuildSucceeds) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  EXPECT_TRUE(fs::exists(*pdf_));
  EXPECT_TRUE(fs::exists(screen()));
}

// Two pages, the outside and the inside of the sheet; the screen PDF is the A4 landscape trim.
TEST_F(Leaflet, TwoA4LandscapePages) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  for (const std::string& pdf : {*pdf_, screen()}) {
    std::smatch m;
    std::string info = test::tool("pdfinfo '" + pdf + "'");
    ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) << info;
    EXPECT_EQ(std::stoi(m[1]), 2) << pdf;
  }
  std::string info = test::tool("pdfinfo -f 1 -l 2 '" + screen() + "'");
  std::regex size_re(R"(Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts)");
  int pages = 0;
  for (auto it = std::sregex_iterator(info.begin(), info.end(), size_re); it != std::sregex_iterator(); ++it) {
    ++pages;
    EXPECT_NEAR(std::stod((*it)[1]), 841.89, 0.05) << info;
    EXPECT_NEAR(std::stod((*it)[2]), 595.28, 0.05) << info;
  }
  EXPECT_EQ(pages, 2) << info;
}

// The print PDF: the A4 landscape trim on both pages, 3 mm of bleed around it.
TEST_F(Leaflet, PrintTrimBoxIsA4Landscape) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string boxes = test::tool("pdfinfo -box -f 1 -l 2 '" + *pdf_ + "'");
  std::regex trim_re(R"(Page\s+\d+ TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))");
  std::regex bleed_re(R"(Page\s+\d+ BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))");
  std::vector<std::array<double, 4>> trims, bleeds;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), trim_re); it != std::sregex_iterator(); ++it)
    trims.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), bleed_re); it != std::sregex_iterator(); ++it)
    bleeds.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  ASSERT_EQ(trims.size(), 2u) << boxes;
  ASSERT_EQ(bleeds.size(), 2u) << boxes;
  const double bleed = 3 * 72 / 25.4;
  for (size_t i = 0; i < trims.size(); ++i) {
    EXPECT_NEAR(trims[i][2] - trims[i][0], 841.89, 0.05) << i;
    EXPECT_NEAR(trims[i][3] - trims[i][1], 595.28, 0.05) << i;
    EXPECT_NEAR(trims[i][0] - bleeds[i][0], bleed, 0.05) << i;
    EXPECT_NEAR(bleeds[i][3] - trims[i][3], bleed, 0.05) << i;
  }
}

// The brochure's texts, on the new template: the title (cover) and the contact (back panel).
TEST_F(Leaflet, SameTextsAsTheBrochure) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string info = test::tool("pdfinfo '" + *pdf_ + "'");
  EXPECT_NE(info.find("Title:           La Trame verte et bleue du Bassin minier"), std::string::npos) << info;
  std::string text = test::squash(test::tool("pdftotext -enc UTF-8 '" + *pdf_ + "' -"));
  EXPECT_NE(text.find("La Trame verte et bleue du Bassin minier"), std::string::npos) << text;
  EXPECT_NE(text.find("62590 Oignies"), std::string::npos) << text;
  EXPECT_NE(text.find("www.missionbassinminier.org"), std::string::npos) << text;
}
