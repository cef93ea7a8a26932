// End to end: the default brochure is built by the real CLI and checked with poppler-utils.
#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

// Built once for the whole suite, and shared by its test processes: the default brochure.
class Brochure : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto shared = test::shared_build("brochure", "content/plaquette.yaml -o '{dir}/plaquette.pdf'");
    dir_ = new fs::path(shared.dir);
    pdf_ = new std::string((*dir_ / "plaquette.pdf").string());
    run_ = new test::Run(shared.run);
  }
  static void TearDownTestSuite() {
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
  // The screen PDF is the A4 trim; the print PDF is the sheet around it (bleed and slug).
  std::string screen = test::tool("pdfinfo '" + (dir_->string() + "/plaquette-screen.pdf") + "'");
  EXPECT_TRUE(std::regex_search(screen, std::regex(R"(Page size:\s+595\.2\d+ x 841\.8\d+ pts \(A4\))"))) << screen;
  EXPECT_NE(info.find("Title:           La Trame verte et bleue du Bassin minier"), std::string::npos) << info;
}

// Every page of the print PDF: the A4 trim 3 mm inside the bleed box, crop marks in the slug.
TEST_F(Brochure, PrintBoxesOnEveryPage) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  std::string boxes = test::tool("pdfinfo -box -f 1 -l 99 '" + *pdf_ + "'");
  std::regex trim_re(R"(Page\s+\d+ TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))");
  std::regex bleed_re(R"(Page\s+\d+ BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+))");
  std::vector<std::array<double, 4>> trims, bleeds;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), trim_re); it != std::sregex_iterator(); ++it)
    trims.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), bleed_re); it != std::sregex_iterator(); ++it)
    bleeds.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  ASSERT_GE(trims.size(), 9u) << boxes;
  ASSERT_EQ(trims.size(), bleeds.size());
  const double bleed = 3 * 72 / 25.4;
  for (size_t i = 0; i < trims.size(); ++i) {
    EXPECT_NEAR(trims[i][2] - trims[i][0], 595.28, 0.05) << i;
    EXPECT_NEAR(trims[i][3] - trims[i][1], 841.89, 0.05) << i;
    EXPECT_NEAR(trims[i][0] - bleeds[i][0], bleed, 0.05) << i;
    EXPECT_NEAR(bleeds[i][2] - trims[i][2], bleed, 0.05) << i;
  }
  // PDF/X refuses annotations on the page: the links live in the screen PDF only.
  EXPECT_EQ(test::tool("qpdf --json '" + *pdf_ + "'").find("/Annots"), std::string::npos);
  EXPECT_NE(test::tool("qpdf --json '" + dir_->string() + "/plaquette-screen.pdf'").find("/Annots"), std::string::npos);
}

// Swatches are written back as their exact CMYK in the print PDF: black text is 0 0 0 100.
TEST_F(Brochure, SwatchesAreExactCmykInThePrintPdf) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  const std::string qdf = (*dir_ / "qdf.pdf").string();
  test::tool("qpdf --qdf --object-streams=disable '" + *pdf_ + "' '" + qdf + "'");
  const std::string raw = test::read_file(qdf);
  EXPECT_NE(raw.find("0 0 0 1 k"), std::string::npos);
  EXPECT_EQ(raw.find("0.113725 0.113725 0.105882 rg"), std::string::npos) << "black text left in RGB";
  // Photos reach the press as CMYK JPEGs (converted through the output profile).
  const std::string images = test::tool("pdfimages -list '" + *pdf_ + "'");
  EXPECT_EQ(images.find(" rgb "), std::string::npos) << images;
  EXPECT_NE(images.find(" cmyk "), std::string::npos) << images;
}

// The print PDF identifies itself as PDF/X-4 and holds no RGB colour at all.
TEST_F(Brochure, PrintPdfIsPdfX4WithoutRgb) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  const std::string info = test::tool("pdfinfo '" + *pdf_ + "'");
  EXPECT_NE(info.find("PDF subtype:    PDF/X-4"), std::string::npos) << info;
  EXPECT_NE(info.find("PDF version:     1.6"), std::string::npos) << info;
  EXPECT_NE(test::tool("qpdf --check '" + *pdf_ + "'").find("No syntax or stream encoding errors"), std::string::npos);
  const std::string qdf = (*dir_ / "qdf-x4.pdf").string();
  test::tool("qpdf --qdf --object-streams=disable '" + *pdf_ + "' '" + qdf + "'");
  const std::string raw = test::read_file(qdf);
  EXPECT_EQ(raw.find("/DeviceRGB"), std::string::npos);
  EXPECT_FALSE(std::regex_search(raw, std::regex(R"(\d\s+r[gG]\s)"))) << "an RGB colour operator is left";
  EXPECT_NE(raw.find("/OutputIntents"), std::string::npos);
  EXPECT_NE(raw.find("/GTS_PDFX"), std::string::npos);
}

// Same inputs, same bytes: the print and the screen PDFs rebuild identically.
TEST_F(Brochure, RebuildIsByteIdentical) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  const std::string again = (*dir_ / "again.pdf").string();
  auto r = test::plaquette("build content/plaquette.yaml -o '" + again + "'");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_TRUE(test::read_file(again) == test::read_file(*pdf_));
  EXPECT_TRUE(test::read_file((*dir_ / "again-screen.pdf").string()) ==
              test::read_file((*dir_ / "plaquette-screen.pdf").string()));
}

// The screen PDF is light: photos at 150 ppi at their placed size; the print PDF keeps them whole.
TEST_F(Brochure, ScreenPdfPhotosAre150Ppi) {
  ASSERT_EQ(run_->status, 0) << run_->output;
  const std::string list = test::tool("pdfimages -list '" + dir_->string() + "/plaquette-screen.pdf'");
  std::regex row(R"(^\s*\d+\s+\d+\s+image\s+\d+\s+\d+\s+\w+\s+\d+\s+\d+\s+\w+\s+\w+\s+\d+\s+\d+\s+(\d+)\s+(\d+))");
  int rows = 0;
  std::istringstream in(list);
  std::string line;
  std::set<int> ppis;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    ++rows;
    ppis.insert(std::stoi(m[1]));
  }
  EXPECT_GE(rows, 3) << list;
  EXPECT_EQ(ppis.count(150), 1u) << list;  // the largest use of each photo is at 150 ppi
  EXPECT_LT(fs::file_size(dir_->string() + "/plaquette-screen.pdf"), fs::file_size(*pdf_) / 3);
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
    EXPECT_EQ(m[2], "yes") << "not a subset: " << line;
    EXPECT_EQ(m[3], "yes") << "no ToUnicode map: " << line;
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
