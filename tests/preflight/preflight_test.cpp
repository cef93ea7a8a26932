// The preflight rules, each on a small scene built by hand: an A4 page (595 x 842 pt) with a
// 3 mm bleed, items placed where each rule should (or should not) fire.
#include <gtest/gtest.h>

#include <pango/pangocairo.h>

#include "core/units.hpp"
#include "preflight/preflight.hpp"

using namespace plaquette;
using preflight::Finding;

namespace {

const Paint kInk{"noir", Rgb{0.1, 0.1, 0.1}, 1.0};
const double kBleed = mm_to_pt(3);

Span at(int line) { return Span{"content/essai.yaml", line, 3}; }

scene::Document page_with(std::vector<scene::Item> items) {
  scene::Document doc;
  scene::Page page;
  page.trim = Size{595, 842};
  page.bleed = kBleed;
  page.items = std::move(items);
  doc.pages.push_back(std::move(page));
  return doc;
}

std::vector<Finding> only(const std::vector<Finding>& all, const std::string& code) {
  std::vector<Finding> out;
  for (const auto& f : all)
    if (f.code == code) out.push_back(f);
  return out;
}

// A raster image of w x h pixels drawn into `dest`.
scene::Item image(int w, int h, Rect dest, int line) {
  auto img = std::make_shared<scene::RasterImage>();
  img->width = w;
  img->height = h;
  img->path = "assets/images/x.jpg";
  return scene::Item{scene::Image{std::shared_ptr<const scene::RasterImage>(img), dest, std::nullopt}, at(line)};
}

// One glyph run of `text` in DejaVu Sans at `size` pt (absolute size, 72 dpi: points), baseline at `origin`.
scene::Item glyphs(const std::string& text, double size, Point origin, int line, Paint paint = kInk) {
  PangoFontMap* map = pango_cairo_font_map_new();
  PangoContext* context = pango_font_map_create_context(map);
  pango_cairo_context_set_resolution(context, 72.0);
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* desc = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(desc, size * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_layout_set_text(layout, text.c_str(), -1);
  PangoLayoutLine* l = pango_layout_get_line_readonly(layout, 0);
  auto* run = static_cast<PangoGlyphItem*>(l->runs->data);
  scene::GlyphRun g;
  g.text = std::make_shared<const std::string>(text);
  g.glyphs = std::shared_ptr<PangoGlyphItem>(pango_glyph_item_copy(run), pango_glyph_item_free);
  g.origin = origin;
  g.paint = paint;
  pango_font_description_free(desc);
  g_object_unref(layout);
  g_object_unref(context);
  g_object_unref(map);  // the glyph item's font keeps what it needs alive
  return scene::Item{std::move(g), at(line)};
}

scene::Item box(Rect r, int line, Paint fill = kInk) { return scene::make_rect_path(r, fill, std::nullopt, at(line)); }

}  // namespace

TEST(Preflight, CleanPageHasNoFinding) {
  auto doc = page_with({box({100, 100, 200, 100}, 1), glyphs("Bonjour", 10, {100, 300}, 2),
                        image(3000, 2000, {100, 400, 200, 133}, 3)});
  EXPECT_TRUE(preflight::preflight(doc).empty());
}

TEST(Preflight, ImageResolutionWarningAndError) {
  // 1000 px over 4 in = 250 ppi (warning); 500 px over 4 in = 125 ppi (error).
  auto doc = page_with({image(1000, 1000, {100, 100, 288, 288}, 4), image(500, 500, {100, 450, 288, 288}, 9)});
  auto f = only(preflight::preflight(doc), "image-resolution");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].span.line, 4);
  EXPECT_EQ(f[0].page, 1);
  EXPECT_NE(f[0].message.find("image 'assets/images/x.jpg' prints at 250 ppi"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].severity, Severity::Error);
  EXPECT_NE(f[1].message.find("125 ppi"), std::string::npos) << f[1].message;
  EXPECT_NE(f[1].message.find("at least 150 ppi"), std::string::npos) << f[1].message;
  // The lower of the two directions counts (an image stretched one way).
  auto stretched = page_with({image(3000, 500, {100, 100, 288, 288}, 1)});
  EXPECT_EQ(only(preflight::preflight(stretched), "image-resolution").size(), 1u);
}

TEST(Preflight, TextInTheSafeMarginIsAWarning) {
  // 3 mm from the left edge: inside the page, outside the 5 mm safe area.
  auto doc = page_with({glyphs("Bord", 10, {mm_to_pt(3), 300}, 7), glyphs("Milieu", 10, {200, 300}, 8)});
  auto f = preflight::preflight(doc);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "safe-area");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].span.line, 7);
  EXPECT_NE(f[0].message.find("5mm"), std::string::npos) << f[0].message;
  // A narrower margin accepts it.
  preflight::PreflightOptions options;
  options.safe_margin = mm_to_pt(2);
  EXPECT_TRUE(preflight::preflight(doc, options).empty());
}

TEST(Preflight, CutByTheTrimUnlessItReachesTheBleed) {
  auto doc = page_with({
      box({-5, 100, 100, 50}, 1),                          // crosses the left edge, stops 5 pt out: cut
      box({-kBleed, 200, 100, 50}, 2),                     // reaches the bleed: fine
      box({-kBleed - 2, -kBleed - 2, 600 + 2 * kBleed, 30}, 3),  // full-width band beyond the bleed: fine
      box({500, 800, 95, 42}, 4),                          // ends exactly on the trim: fine
      box({500, 700, 97, 20}, 5),                          // 2 pt past the right edge: cut
      box({-50, 300, 40, 40}, 6),                          // wholly outside the page: nothing printed
      glyphs("Coupé", 10, {-6, 400}, 7),                   // text across the edge: cut
  });
  auto f = preflight::preflight(doc);
  std::vector<int> cut;
  for (const auto& x : only(f, "trim-cut")) {
    EXPECT_EQ(x.severity, Severity::Error);
    cut.push_back(x.span.line);
  }
  EXPECT_EQ(cut, (std::vector<int>{1, 5, 7}));
  EXPECT_NE(only(f, "trim-cut")[0].message.find("extend it to the bleed"), std::string::npos);
  EXPECT_TRUE(only(f, "safe-area").empty()) << "cut text is reported once, as cut";
}

TEST(Preflight, ClipDecidesWhatIsCut) {
  // A map-like group: children run far beyond the page, the clip ends inside it or at the bleed.
  scene::Group inside{Rect{100, 100, 200, 200}, {}};
  inside.children.push_back(box({-100, -100, 900, 900}, 1));
  scene::Group bleeding{Rect{-kBleed, 400, 300, 200}, {}};
  bleeding.children.push_back(box({-100, 350, 900, 400}, 2));
  scene::Group short_of_it{Rect{-2, 650, 300, 100}, {}};
  short_of_it.children.push_back(box({-100, 600, 900, 400}, 3));
  auto doc = page_with({scene::Item{inside, at(10)}, scene::Item{bleeding, at(11)}, scene::Item{short_of_it, at(12)}});
  auto f = only(preflight::preflight(doc), "trim-cut");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.line, 3);
}

TEST(Preflight, Hairlines) {
  scene::Stroke thin{kInk, 0.1};
  scene::Stroke none{kInk, 0};
  scene::Stroke fine{kInk, 0.25};
  auto doc = page_with({scene::make_line_path({100, 100}, {200, 100}, thin, at(1)),
                        scene::make_line_path({100, 110}, {200, 110}, thin, at(1)),  // same item: once
                        scene::make_line_path({100, 120}, {200, 120}, none, at(2)),
                        scene::make_line_path({100, 130}, {200, 130}, fine, at(3))});
  auto f = only(preflight::preflight(doc), "hairline");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].span.line, 1);
  EXPECT_NE(f[0].message.find("0.1 pt"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].severity, Severity::Error);
  EXPECT_EQ(f[1].span.line, 2);
}

TEST(Preflight, SmallText) {
  auto doc = page_with({glyphs("minuscule", 5, {100, 100}, 1), glyphs("lisible", 6, {100, 200}, 2),
                        glyphs("courant", 10, {100, 300}, 3)});
  auto f = only(preflight::preflight(doc), "small-text");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].span.line, 1);
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_NE(f[0].message.find("5 pt"), std::string::npos) << f[0].message;
}

TEST(Preflight, ColoursNotFromTheSwatches) {
  scene::Stroke loose{Paint{"", Rgb{0, 0, 1}, 1.0}, 1.0};
  auto doc = page_with({box({100, 100, 50, 50}, 1, Paint{"", Rgb{1, 0, 0}, 1.0}),
                        scene::make_line_path({100, 200}, {200, 200}, loose, at(2)),
                        glyphs("rouge", 10, {100, 300}, 3, Paint{"", Rgb{1, 0, 0}, 1.0}),
                        box({100, 400, 50, 50}, 4)});
  auto f = only(preflight::preflight(doc), "colour-not-swatch");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].span.line, 1);
  EXPECT_NE(f[0].message.find("#ff0000"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[1].span.line, 2);
  EXPECT_EQ(f[2].span.line, 3);
}

TEST(Preflight, PagesAreNumberedAndFormatted) {
  auto doc = page_with({});
  scene::Page second = doc.pages[0];
  second.items.push_back(scene::make_line_path({100, 100}, {200, 100}, scene::Stroke{kInk, 0}, at(5)));
  doc.pages.push_back(second);
  auto f = preflight::preflight(doc);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].page, 2);
  EXPECT_EQ(preflight::format_finding(f[0]).rfind("content/essai.yaml:5:3: error: page 2: line of 0 pt", 0), 0u)
      << preflight::format_finding(f[0]);
}
