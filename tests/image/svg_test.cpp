// SVG: kept as bytes, sized in CSS pixels from width/height or, failing that, the viewBox.
#include <gtest/gtest.h>

#include "image/fixtures.hpp"
#include "image/image.hpp"
#include "support/test_paths.hpp"

namespace plaquette {
namespace {

const Span kSpan{"content/plaquette.yaml", 30, 5};

class SvgTest : public ::testing::Test {
 protected:
  std::filesystem::path dir = test::make_temp_dir("image-svg");
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::shared_ptr<const scene::VectorImage> load(const std::string& name, const std::string& text,
                                                 Size* pixels = nullptr) {
    auto p = dir / name;
    test::write_file(p, text);
    auto loaded = image::load_image(p.string(), kSpan);
    if (pixels) *pixels = loaded.pixels;
    auto* v = std::get_if<std::shared_ptr<const scene::VectorImage>>(&loaded.source);
    return v ? *v : nullptr;
  }
};

TEST_F(SvgTest, PixelWidthAndHeight) {
  const std::string text =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      "\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\"><rect width=\"120\" height=\"80\"/></svg>\n";
  Size pixels;
  auto svg = load("rect.svg", text, &pixels);
  ASSERT_TRUE(svg);
  EXPECT_DOUBLE_EQ(svg->width, 120);
  EXPECT_DOUBLE_EQ(svg->height, 80);
  EXPECT_EQ(pixels, (Size{120, 80}));
  EXPECT_EQ(test::to_string(svg->data), text) << "the renderer draws from the original bytes";
  EXPECT_NE(svg->path.find("rect.svg"), std::string::npos);
}

TEST_F(SvgTest, PhysicalUnitsAreCssPixelsAt96Dpi) {
  auto svg = load("mm.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="25.4mm" height="72pt" viewBox="0 0 10 10"/>)");
  ASSERT_TRUE(svg);
  // librsvg computes in single precision; at the default 90 dpi these would be 90.
  EXPECT_NEAR(svg->width, 96, 1e-4);   // one inch
  EXPECT_NEAR(svg->height, 96, 1e-4);  // 72 pt = one inch
}

TEST_F(SvgTest, ViewBoxWhenNoSizeIsGiven) {
  auto svg = load("picto.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><circle cx="16" cy="16" r="10"/></svg>)");
  ASSERT_TRUE(svg);
  EXPECT_DOUBLE_EQ(svg->width, 64);
  EXPECT_DOUBLE_EQ(svg->height, 32);
}

TEST_F(SvgTest, ViewBoxWhenSizeIsAPercentage) {
  auto svg = load("pct.svg", R"(<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 600 340"/>)");
  ASSERT_TRUE(svg);
  EXPECT_DOUBLE_EQ(svg->width, 600);
  EXPECT_DOUBLE_EQ(svg->height, 340);
}

TEST_F(SvgTest, NoSizeAtAllIsAnError) {
  try {
    load("vague.svg", R"(<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>)");
    FAIL() << "an SVG without size or viewBox has no aspect ratio to place";
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().span, kSpan);
    EXPECT_NE(e.diagnostic().message.find("viewBox"), std::string::npos) << e.what();
  }
}

TEST_F(SvgTest, LeadingBomAndCommentsStillSniffAsSvg) {
  auto svg = load("bom.svg", "\xEF\xBB\xBF<!-- dessin -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 7\"/>");
  ASSERT_TRUE(svg);
  EXPECT_DOUBLE_EQ(svg->height, 7);
}

}  // namespace
}  // namespace plaquette
