// The renderer draws scene items on PDF and PNG surfaces from the same code.
#include <gtest/gtest.h>

#include <cairo.h>

#include <regex>

#include "render/render.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;

namespace {

scene::Page square_page() {
  scene::Page page;
  page.trim = {100, 100};
  page.items.push_back(scene::make_rect_path({25, 25, 50, 50}, Paint{"rouge", Rgb{1, 0, 0}, 1}, std::nullopt));
  return page;
}

// Reads pixel (x, y) of a PNG as 0xRRGGBB.
unsigned pixel(const std::string& png, int x, int y) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  const unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  unsigned v = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4) & 0xffffff;
  cairo_surface_destroy(s);
  return v;
}

}  // namespace

TEST(Render, PngScalesWithDpiAndDrawsPaths) {
  auto dir = test::make_temp_dir("render");
  auto png = (dir / "p.png").string();
  render::write_png(square_page(), png, 144);  // 2 pixels per point
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  EXPECT_EQ(cairo_image_surface_get_width(s), 200);
  EXPECT_EQ(cairo_image_surface_get_height(s), 200);
  cairo_surface_destroy(s);
  EXPECT_EQ(pixel(png, 100, 100), 0xff0000u);  // inside the square
  EXPECT_EQ(pixel(png, 10, 10), 0xffffffu);    // paper
}

TEST(Render, GroupClipHidesWhatIsOutside) {
  scene::Page page;
  page.trim = {100, 100};
  scene::Group g;
  g.clip = Rect{0, 0, 50, 100};
  g.children.push_back(scene::make_rect_path({0, 0, 100, 100}, Paint{"", Rgb{0, 0, 1}, 1}, std::nullopt));
  page.items.push_back(scene::Item{std::move(g), {}});
  auto png = (test::make_temp_dir("render") / "c.png").string();
  render::write_png(page, png, 72);
  EXPECT_EQ(pixel(png, 25, 50), 0x0000ffu);
  EXPECT_EQ(pixel(png, 75, 50), 0xffffffu);
}

TEST(Render, EvenOddFillKeepsHoles) {
  scene::Page page;
  page.trim = {100, 100};
  scene::Path p;
  p.subpaths.push_back({{{10, 10}, {90, 10}, {90, 90}, {10, 90}}, true});
  p.subpaths.push_back({{{40, 40}, {60, 40}, {60, 60}, {40, 60}}, true});
  p.fill = Paint{"", Rgb{0, 1, 0}, 1};
  page.items.push_back(scene::Item{std::move(p), {}});
  auto png = (test::make_temp_dir("render") / "h.png").string();
  render::write_png(page, png, 72);
  EXPECT_EQ(pixel(png, 20, 20), 0x00ff00u);
  EXPECT_EQ(pixel(png, 50, 50), 0xffffffu);
}

TEST(Render, PdfHasOnePagePerScenePageAndMetadata) {
  scene::Document doc;
  doc.title = "Titre « essai »";
  doc.author = "Mission Bassin Minier";
  doc.date = "2026-11-25";
  doc.pages = {square_page(), square_page(), square_page()};
  auto pdf = (test::make_temp_dir("render") / "d.pdf").string();
  render::write_pdf(doc, pdf);
  std::string out;
  ASSERT_EQ(test::run("pdfinfo " + pdf, &out), 0) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex(R"(Pages:\s+3\n)"))) << out;
  EXPECT_NE(out.find("Titre « essai »"), std::string::npos) << out;
  EXPECT_NE(out.find("100 x 100 pts"), std::string::npos) << out;
}

TEST(Render, PdfIsReproducible) {
  scene::Document doc;
  doc.title = "t";
  doc.date = "2026-11-25";
  doc.pages = {square_page()};
  auto dir = test::make_temp_dir("render");
  render::write_pdf(doc, (dir / "a.pdf").string());
  render::write_pdf(doc, (dir / "b.pdf").string());
  EXPECT_EQ(test::read_file(dir / "a.pdf"), test::read_file(dir / "b.pdf"));
}

TEST(Render, UnwritablePathThrows) {
  scene::Document doc;
  doc.pages = {square_page()};
  EXPECT_THROW(render::write_pdf(doc, "/nonexistent-dir/x.pdf"), std::runtime_error);
}
