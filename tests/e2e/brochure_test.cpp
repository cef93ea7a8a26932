// End to end: the default brochure is built by the real CLI and checked with poppler-utils.
#include <gtest/gtest.h>

#include <regex>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

// Built once for the whole suite: the default brochure into a temp folder.
class Brochure : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(test::make_temp_dir("brochure"));
    pdf_ = new std::string((*dir_ / "plaquette.pdf").string());
    run_ = new test::Run(test::plaquette("build content/plaquette.yaml -o '" + *pdf_ + "'"));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete pdf_;
    delete run_;
  }
  static fs::path* dir_;
  static std::string* pdf_;
  static test::Run* run_;
};
fs::path* Brochure::dir_ = nullptr;
std::string* Brochure::pdf_ = nullptr;
test::Run* Brochure::run_ = nullptr;

}  // namespace

TEST_F(Brochure, BuildSucceeds) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  EXPECT_TRUE(fs::exists(*pdf_));
}

TEST_F(Brochure, CoverAndAtLeastEightA4Pages) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string info = test::tool("pdfinfo '" + *pdf_ + "'");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) << info;
  EXPECT_GE(std::stoi(m[1]), 9);
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595\.2\d+ x 841\.8\d+ pts \(A4\))"))) << info;
  EXPECT_NE(info.find("Title:           La Trame verte et bleue du Bassin minier"), std::string::npos) << info;
}

TEST_F(Brochure, EveryFontIsEmbeddedAndFromTheProject) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string fonts = test::tool("pdffonts '" + *pdf_ + "'");
  std::istringstream in(fonts);
  std::string line;
  int rows = 0;
  std::getline(in, line);  // header
  std::getline(in, line);  // dashes
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++rows;
    // name type encoding emb sub uni object ID: the "emb" column must say yes.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, std::regex(R"(\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)"))) << line;
    EXPECT_EQ(m[1], "yes") << "not embedded: " << line;
    EXPECT_TRUE(line.find("Lato") != std::string::npos || line.find("LinLibertine") != std::string::npos)
        << "a font from outside the project: " << line;
  }
  EXPECT_GE(rows, 3);
}

TEST_F(Brochure, TitleAndTextAreExtractable) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string text = test::squash(test::tool("pdftotext -enc UTF-8 '" + *pdf_ + "' -"));
  EXPECT_NE(text.find("La Trame verte et bleue du Bassin minier"), std::string::npos);
  EXPECT_NE(text.find("62590 Oignies"), std::string::npos);
  EXPECT_NE(text.find("Mission Bassin Minier"), std::string::npos);
  EXPECT_NE(text.find("corridors écologiques"), std::string::npos);
}

TEST_F(Brochure, JpegIsEmbeddedAsJpeg) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string list = test::tool("pdfimages -list '" + *pdf_ + "'");
  EXPECT_TRUE(std::regex_search(list, std::regex(R"(\bimage\s+\d+\s+\d+\s+\w+\s+\d+\s+\d+\s+jpeg\b)"))) << list;
}

TEST_F(Brochure, MapIsDrawnAsVectors) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  // The map page holds no raster image bigger than the pictures: the map is paths.
  std::string text = test::squash(test::tool("pdftotext -enc UTF-8 '" + *pdf_ + "' -"));
  EXPECT_NE(text.find("OpenStreetMap"), std::string::npos) << "the map's attribution is printed";
}

TEST(Preview, OnePngPerPage) {
  auto dir = test::make_temp_dir("preview");
  auto run = test::plaquette("preview content/plaquette.yaml -o '" + dir.string() + "' --dpi 20");
  ASSERT_EQ(run.status, 0) << run.output;
  auto pdf = dir / "x.pdf";
  ASSERT_EQ(test::plaquette("build -o '" + pdf.string() + "'").status, 0);
  std::smatch m;
  std::string info = test::tool("pdfinfo '" + pdf.string() + "'");
  ASSERT_TRUE(std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")));
  int pages = std::stoi(m[1]);
  for (int i = 1; i <= pages; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%02d.png", i);
    EXPECT_TRUE(fs::exists(dir / name)) << name;
  }
  char extra[32];
  std::snprintf(extra, sizeof extra, "page-%02d.png", pages + 1);
  EXPECT_FALSE(fs::exists(dir / extra));
}
