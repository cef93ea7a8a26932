// Previews: reader spreads, the contact sheet, guides and the CMYK plates of a page.
#include <gtest/gtest.h>

#include <cairo.h>

#include <cstdint>
#include <cstring>

#include "render/preview.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;

namespace {

struct Png {
  int width = 0, height = 0;
  std::vector<uint32_t> pixels;
  unsigned at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x] & 0xffffff; }
};

Png read_png(const std::string& path) {
  Png out;
  cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
  EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS) << path;
  out.width = cairo_image_surface_get_width(s);
  out.height = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y)
    std::memcpy(&out.pixels[static_cast<size_t>(y) * out.width], data + static_cast<size_t>(y) * stride,
                static_cast<size_t>(out.width) * 4);
  cairo_surface_destroy(s);
  return out;
}

unsigned grey_of(unsigned rgb) { return rgb & 0xff; }

// A 100 × 100 pt page with a 10 pt bleed, a red background running into the bleed.
scene::Page bled_page() {
  scene::Page page;
  page.trim = {100, 100};
  page.bleed = 10;
  page.items.push_back(scene::make_rect_path({-10, -10, 120, 120}, Paint{"", Rgb{1, 0, 0}, 1}, std::nullopt));
  return page;
}

std::string temp_png(const std::string& name) { return (test::make_temp_dir("preview") / name).string(); }

}  // namespace

TEST(ReaderSpreads, CoverAloneThenPairsThenBackCoverAlone) {
  using S = render::Spread;
  EXPECT_TRUE(render::reader_spreads(0).empty());
  EXPECT_EQ(render::reader_spreads(1), (std::vector<S>{{std::nullopt, 0}}));
  EXPECT_EQ(render::reader_spreads(2), (std::vector<S>{{std::nullopt, 0}, {1, std::nullopt}}));
  EXPECT_EQ(render::reader_spreads(3), (std::vector<S>{{std::nullopt, 0}, {1, 2}}));
  EXPECT_EQ(render::reader_spreads(4), (std::vector<S>{{std::nullopt, 0}, {1, 2}, {3, std::nullopt}}));
  EXPECT_EQ(render::reader_spreads(5), (std::vector<S>{{std::nullopt, 0}, {1, 2}, {3, 4}}));
  auto twelve = render::reader_spreads(12);
  ASSERT_EQ(twelve.size(), 7u);
  EXPECT_EQ(twelve[5], (S{9, 10}));
  EXPECT_EQ(twelve[6], (S{11, std::nullopt}));
}

TEST(ContactSheet, FourColumnsOfThumbnailsWithLabels) {
  std::vector<scene::Page> pages(9, bled_page());
  for (auto& p : pages) p.trim = {100, 141};
  auto l = render::contact_sheet_layout(pages);
  EXPECT_EQ(l.columns, 4);
  EXPECT_EQ(l.rows, 3);
  EXPECT_EQ(l.thumb_width, 150);
  EXPECT_EQ(l.thumb_height, 212);  // 141 × 1.5, rounded
  EXPECT_EQ(l.width, 4 * 150 + 5 * l.gap);
  EXPECT_EQ(l.height, 3 * (212 + l.label_height) + 4 * l.gap);

  auto png = temp_png("sheet.png");
  render::write_contact_sheet(pages, png);
  Png img = read_png(png);
  EXPECT_EQ(img.width, l.width);
  EXPECT_EQ(img.height, l.height);
  EXPECT_EQ(img.at(2, 2), 0xe6e6e6u);                           // light grey table
  EXPECT_EQ(img.at(l.gap + 75, l.gap + 100), 0xff0000u);        // inside the first thumbnail
  EXPECT_EQ(img.at(l.width - 2, l.height - 2), 0xe6e6e6u);      // the empty last cells

  std::vector<scene::Page> two(2, bled_page());
  auto l2 = render::contact_sheet_layout(two);
  EXPECT_EQ(l2.columns, 2);
  EXPECT_EQ(l2.rows, 1);
}

TEST(Guides, CanvasGrowsByTheBleedAndLinesAreDrawn) {
  render::PreviewOptions plain;
  plain.dpi = 72;
  render::PreviewOptions guides = plain;
  guides.guides = true;
  const scene::Page page = bled_page();
  EXPECT_EQ(render::page_pixel_size(page, plain), (render::PixelSize{100, 100}));
  EXPECT_EQ(render::page_pixel_size(page, guides), (render::PixelSize{120, 120}));
  guides.dpi = 144;
  EXPECT_EQ(render::page_pixel_size(page, guides), (render::PixelSize{240, 240}));
  guides.dpi = 72;

  auto png = temp_png("g.png");
  render::write_page_png(page, png, guides);
  Png img = read_png(png);
  ASSERT_EQ(img.width, 120);
  ASSERT_EQ(img.height, 120);
  EXPECT_EQ(img.at(5, 60), 0xff0000u);   // the bleed shows the content that runs into it
  EXPECT_EQ(img.at(60, 60), 0xff0000u);  // the page
  // The trim line (magenta) crosses x = 10 and the safe-area line is 5 mm further in.
  EXPECT_NE(img.at(10, 60), 0xff0000u);
  int dashes = 0;  // the safe-area line is dashed: some of the pixels along it are not red
  for (int y = 40; y < 80; ++y) dashes += img.at(24, y) != 0xff0000u;
  EXPECT_GT(dashes, 10);
  EXPECT_LT(dashes, 40);
  EXPECT_EQ(img.at(10 + 7, 61), 0xff0000u);

  auto plain_png = temp_png("p.png");
  render::write_page_png(page, plain_png, plain);
  Png p = read_png(plain_png);
  EXPECT_EQ(p.width, 100);
  EXPECT_EQ(p.at(0, 50), 0xff0000u);  // no guide at the trim without --guides
}

TEST(Spreads, PagesSideBySideAtTheSpine) {
  std::vector<scene::Page> pages(4, bled_page());
  render::PreviewOptions o;
  o.dpi = 72;
  EXPECT_EQ(render::spread_pixel_size(pages, {std::nullopt, 0}, o), (render::PixelSize{100, 100}));
  EXPECT_EQ(render::spread_pixel_size(pages, {1, 2}, o), (render::PixelSize{200, 100}));
  EXPECT_EQ(render::spread_pixel_size(pages, {3, std::nullopt}, o), (render::PixelSize{100, 100}));
  o.guides = true;
  // The outer edges show the bleed; the spine does not.
  EXPECT_EQ(render::spread_pixel_size(pages, {1, 2}, o), (render::PixelSize{220, 120}));
  EXPECT_EQ(render::spread_pixel_size(pages, {std::nullopt, 0}, o), (render::PixelSize{120, 120}));

  pages[2].items.clear();  // the right-hand page is blank paper
  auto png = temp_png("s.png");
  o.guides = false;
  render::write_spread_png(pages, {1, 2}, png, o);
  Png img = read_png(png);
  ASSERT_EQ(img.width, 200);
  EXPECT_EQ(img.at(20, 50), 0xff0000u);   // left page
  EXPECT_EQ(img.at(180, 50), 0xffffffu);  // right page: its own content only, not the left's bleed
}

namespace {

scene::Document swatch_document() {
  scene::Document doc;
  doc.swatches.push_back({"cyan", Cmyk{100, 0, 0, 0}, Rgb{0, 0.6, 0.9}, {}});
  doc.swatches.push_back({"noir", Cmyk{0, 0, 0, 100}, Rgb{0.1, 0.1, 0.1}, {}});
  scene::Page page;
  page.trim = {100, 100};
  page.bleed = 10;
  page.items.push_back(scene::make_rect_path({10, 10, 30, 30}, Paint{"cyan", Rgb{0, 0.6, 0.9}, 1}, std::nullopt));
  // A swatch colour reaching the scene without its name (as in a map style): found by its proxy.
  page.items.push_back(scene::make_rect_path({60, 60, 30, 30}, Paint{"", Rgb{0.1, 0.1, 0.1}, 1}, std::nullopt));
  doc.pages.push_back(page);
  return doc;
}

}  // namespace

TEST(Separations, SwatchBoxesInkOnlyTheirPlates) {
  const scene::Document doc = swatch_document();
  auto dir = test::make_temp_dir("plates");
  render::PreviewOptions o;
  o.dpi = 72;
  auto written = render::write_separations(doc, 0, (dir / "page-01").string(), o);
  ASSERT_EQ(written.size(), 4u);
  EXPECT_EQ(written[0], (dir / "page-01-plate-c.png").string());
  Png c = read_png(written[0]), m = read_png(written[1]), y = read_png(written[2]), k = read_png(written[3]);
  ASSERT_EQ(c.width, 100);
  EXPECT_EQ(c.at(25, 25), 0x000000u);  // C 100: the cyan plate is black there
  EXPECT_EQ(m.at(25, 25), 0xffffffu);
  EXPECT_EQ(y.at(25, 25), 0xffffffu);
  EXPECT_EQ(k.at(25, 25), 0xffffffu);
  EXPECT_EQ(k.at(75, 75), 0x000000u);  // K 100 by its proxy
  EXPECT_EQ(c.at(75, 75), 0xffffffu);
  for (const Png* p : {&c, &m, &y, &k}) EXPECT_EQ(p->at(50, 5), 0xffffffu);  // paper: no ink

  o.guides = true;
  written = render::write_separations(doc, 0, (dir / "g").string(), o);
  EXPECT_EQ(read_png(written[0]).width, 120);
  EXPECT_THROW(render::write_separations(doc, 3, (dir / "x").string(), o), std::runtime_error);
}

TEST(Separations, PartialInkIsAGreyLevel) {
  scene::Document doc;
  doc.swatches.push_back({"vert", Cmyk{80, 0, 100, 20}, Rgb{0.2, 0.6, 0.2}, {}});
  render::PlateMaker maker(doc, 72);
  scene::Page page;
  page.trim = {10, 10};
  page.items.push_back(scene::make_rect_path({0, 0, 10, 10}, Paint{"vert", Rgb{0.2, 0.6, 0.2}, 1}, std::nullopt));
  auto plate = maker.plate_page(page, render::Plate::C);
  const auto& path = std::get<scene::Path>(plate.items[0].kind);
  EXPECT_NEAR(path.fill->rgb.r, 0.2, 1e-9);  // 80 % cyan → 20 % grey
  EXPECT_EQ(path.fill->swatch, "vert");
  auto k = maker.plate_page(page, render::Plate::K);
  EXPECT_NEAR(std::get<scene::Path>(k.items[0].kind).fill->rgb.g, 0.8, 1e-9);
}

TEST(Separations, ImagesGoThroughTheOutputProfile) {
  scene::Document doc;
  doc.output_profile = (test::source_dir() / "assets" / "color" / "FOGRA39L.icc").string();
  auto black = std::make_shared<scene::RasterImage>();
  black->width = black->height = 2;
  black->stride = 8;
  black->pixels.assign(16, 0);
  for (int i = 0; i < 4; ++i) black->pixels[i * 4 + 3] = 255;  // opaque black
  black->mime = "image/png";
  auto svg = std::make_shared<scene::VectorImage>();
  const std::string text =
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#000"/></svg>)";
  svg->data.assign(text.begin(), text.end());
  svg->width = svg->height = 10;
  scene::Page page;
  page.trim = {100, 100};
  page.items.push_back(scene::Item{scene::Image{black, Rect{0, 0, 40, 40}, std::nullopt}, {}});
  page.items.push_back(scene::Item{scene::Image{svg, Rect{60, 60, 40, 40}, std::nullopt}, {}});
  page.items.push_back(scene::make_rect_path({60, 0, 40, 40}, Paint{"", Rgb{1, 1, 1}, 1}, std::nullopt));
  doc.pages.push_back(page);
  auto dir = test::make_temp_dir("plates");
  render::PreviewOptions o;
  o.dpi = 72;
  auto written = render::write_separations(doc, 0, (dir / "p").string(), o);
  Png k = read_png(written[3]);
  EXPECT_LT(grey_of(k.at(20, 20)), 40u) << "black photo: heavy black ink";
  EXPECT_LT(grey_of(k.at(80, 80)), 40u) << "black SVG: heavy black ink";
  Png c = read_png(written[0]);
  EXPECT_LT(grey_of(c.at(20, 20)), 200u) << "a rich black through FOGRA39 has cyan too";
  EXPECT_EQ(k.at(80, 20), 0xffffffu) << "white paints no ink";
  EXPECT_EQ(k.at(50, 50), 0xffffffu);

  doc.output_profile = "/nonexistent.icc";
  EXPECT_THROW(render::write_separations(doc, 0, (dir / "q").string(), o), std::runtime_error);
}
