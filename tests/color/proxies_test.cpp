// Screen proxies of CMYK swatches through the FOGRA39 profile.
#include <gtest/gtest.h>

#include "color/proxies.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;

namespace {

std::string profile() { return (test::source_dir() / "assets/color/FOGRA39L.icc").string(); }

TEST(ScreenProxy, PaperIsWhiteAndFullBlackIsDark) {
  color::CmykToScreen to_screen(profile());
  const Rgb paper = to_screen(Cmyk{0, 0, 0, 0});
  EXPECT_GT(paper.r, 0.97);
  EXPECT_GT(paper.g, 0.97);
  EXPECT_GT(paper.b, 0.97);
  const Rgb black = to_screen(Cmyk{0, 0, 0, 100});
  EXPECT_LT(black.r, 0.25);  // K100 alone prints a deep grey-black, not RGB 0
  EXPECT_NEAR(black.r, black.g, 0.05);
}

TEST(ScreenProxy, CyanLooksCyan) {
  color::CmykToScreen to_screen(profile());
  const Rgb cyan = to_screen(Cmyk{100, 0, 0, 0});
  EXPECT_LT(cyan.r, 0.2);
  EXPECT_GT(cyan.b, 0.75);
  EXPECT_GT(cyan.b, cyan.g);
}

TEST(ScreenProxy, OnlySwatchesWithoutRgbAreReplaced) {
  model::Document doc;
  doc.project_root = test::source_dir().string();
  doc.tmpl.swatches["cmjn"] = Swatch{"cmjn", Cmyk{100, 0, 0, 0}, Rgb{0.5, 0.5, 0.5}, false, {}};
  doc.tmpl.swatches["hex"] = Swatch{"hex", Cmyk{100, 0, 0, 0}, Rgb{0.1, 0.2, 0.3}, true, {}};
  color::apply_screen_proxies(doc);
  EXPECT_LT(doc.tmpl.swatches["cmjn"].rgb.r, 0.2);
  EXPECT_EQ(doc.tmpl.swatches["hex"].rgb, (Rgb{0.1, 0.2, 0.3}));
}

TEST(ScreenProxy, MissingProfileIsAnError) {
  EXPECT_THROW(color::CmykToScreen("/nonexistent/profile.icc"), std::runtime_error);
}

}  // namespace
