// The finish stage on small PDFs drawn with Cairo: boxes, language, exact CMYK swatches.
#include <gtest/gtest.h>

#include <cairo-pdf.h>

#include <regex>

#include "finish/finish_pdf.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

const Swatch kNoir{"noir", Cmyk{0, 0, 0, 100}, Rgb{29 / 255.0, 29 / 255.0, 27 / 255.0}, {}};
const Swatch kVert{"vert", Cmyk{82, 30, 90, 28}, Rgb{35 / 255.0, 99 / 255.0, 58 / 255.0}, {}};

// A one-page PDF (sheet 100 x 120 pt) with a black swatch fill, a green swatch stroke and a
// colour that is no swatch; and a link.
fs::path make_pdf(const fs::path& dir) {
  auto path = dir / "in.pdf";
  cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), 100, 120);
  cairo_t* cr = cairo_create(s);
  cairo_tag_begin(cr, "Document", nullptr);
  cairo_set_source_rgb(cr, kNoir.rgb.r, kNoir.rgb.g, kNoir.rgb.b);
  cairo_rectangle(cr, 10, 10, 20, 20);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, kVert.rgb.r, kVert.rgb.g, kVert.rgb.b);
  cairo_rectangle(cr, 40, 10, 20, 20);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.5, 0.25, 0.75);  // not a swatch
  cairo_rectangle(cr, 70, 10, 20, 20);
  cairo_fill(cr);
  cairo_tag_begin(cr, CAIRO_TAG_LINK, "rect=[10 50 30 10] uri='https://example.org'");
  cairo_tag_end(cr, CAIRO_TAG_LINK);
  cairo_tag_end(cr, "Document");
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return path;
}

std::string uncompressed(const fs::path& pdf) {
  auto out = pdf.parent_path() / "qdf.pdf";
  test::run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + out.string() + "'", nullptr);
  return test::read_file(out);
}

TEST(FinishPdf, SwatchesBecomeExactCmykAndOtherColoursStay) {
  auto dir = test::make_temp_dir("finish-cmyk");
  auto pdf = make_pdf(dir);
  auto report = finish::finish_pdf(pdf.string(), {"fr", std::nullopt, {kNoir, kVert}});
  EXPECT_EQ(report.cmyk_colours, 2u);
  EXPECT_EQ(report.rgb_left, 1u);  // the colour that is no swatch is counted, for the warning
  const std::string raw = uncompressed(pdf);
  EXPECT_NE(raw.find("0 0 0 1 k"), std::string::npos);           // black on the black plate alone
  EXPECT_NE(raw.find("0.82 0.3 0.9 0.28 K"), std::string::npos);  // a stroke keeps its operator case
  EXPECT_TRUE(std::regex_search(raw, std::regex(R"(0\.5 0\.25 0\.75 rg)")));  // not a swatch: untouched
  EXPECT_EQ(raw.find("0.113725 0.113725 0.105882 rg"), std::string::npos);
  EXPECT_NE(raw.find("/CS /DeviceCMYK"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FinishPdf, PrintBoxesAndNoAnnotations) {
  auto dir = test::make_temp_dir("finish-boxes");
  auto pdf = make_pdf(dir);
  finish::finish_pdf(pdf.string(), {"fr", finish::PrintBoxes{20, 8}, {}});
  std::string out;
  test::run("pdfinfo -box '" + pdf.string() + "'", &out);
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(TrimBox:\s+20\.00\s+20\.00\s+80\.00\s+100\.00)"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(BleedBox:\s+12\.00\s+12\.00\s+88\.00\s+108\.00)"))) << out;
  EXPECT_EQ(uncompressed(pdf).find("/Annots"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FinishPdf, ScreenKeepsLinksAndSetsTheLanguage) {
  auto dir = test::make_temp_dir("finish-screen");
  auto pdf = make_pdf(dir);
  finish::finish_pdf(pdf.string(), {"fr", std::nullopt, {}});
  const std::string raw = uncompressed(pdf);
  EXPECT_NE(raw.find("/Annots"), std::string::npos);
  EXPECT_NE(raw.find("/Lang (fr)"), std::string::npos);
  fs::remove_all(dir);
}

TEST(FinishPdf, SameInputSameBytes) {
  auto dir = test::make_temp_dir("finish-repro");
  auto a = make_pdf(dir);
  auto b = dir / "b.pdf";
  fs::copy_file(a, b);
  finish::finish_pdf(a.string(), {"fr", finish::PrintBoxes{20, 8}, {kNoir}});
  finish::finish_pdf(b.string(), {"fr", finish::PrintBoxes{20, 8}, {kNoir}});
  EXPECT_EQ(test::read_file(a), test::read_file(b));
  fs::remove_all(dir);
}

TEST(FinishPdf, NotAPdfIsAnErrorAndTheFileStays) {
  auto dir = test::make_temp_dir("finish-bad");
  auto bad = dir / "bad.pdf";
  test::write_file(bad, "not a pdf");
  EXPECT_THROW(finish::finish_pdf(bad.string(), {"fr", std::nullopt, {}}), std::runtime_error);
  EXPECT_EQ(test::read_file(bad), "not a pdf");
  EXPECT_FALSE(fs::exists(dir / "bad.pdf.finish"));
  fs::remove_all(dir);
}

}  // namespace
