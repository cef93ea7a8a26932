#include <gtest/gtest.h>

#include "core/color.hpp"

namespace plaquette {
namespace {

TEST(CoreColor, ParsesSixDigitHex) {
  auto c = parse_hex_rgb("#1f6f3a");
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->r, 0x1f / 255.0);
  EXPECT_DOUBLE_EQ(c->g, 0x6f / 255.0);
  EXPECT_DOUBLE_EQ(c->b, 0x3a / 255.0);
  EXPECT_EQ(parse_hex_rgb("#1F6F3A"), c);  // case-insensitive
  EXPECT_EQ(parse_hex_rgb("#ffffff"), (Rgb{1, 1, 1}));
  EXPECT_EQ(parse_hex_rgb("#000000"), (Rgb{0, 0, 0}));
}

TEST(CoreColor, ParsesThreeDigitHex) {
  EXPECT_EQ(parse_hex_rgb("#abc"), parse_hex_rgb("#aabbcc"));
  EXPECT_EQ(parse_hex_rgb("#fff"), (Rgb{1, 1, 1}));
}

TEST(CoreColor, RefusesMalformedHex) {
  EXPECT_FALSE(parse_hex_rgb(""));
  EXPECT_FALSE(parse_hex_rgb("1f6f3a"));    // no #
  EXPECT_FALSE(parse_hex_rgb("#1f6f3"));    // 5 digits
  EXPECT_FALSE(parse_hex_rgb("#1f6f3a0"));  // 7 digits
  EXPECT_FALSE(parse_hex_rgb("#1g6f3a"));   // not hex
  EXPECT_FALSE(parse_hex_rgb("#xyz"));
}

TEST(CoreColor, NaiveCmykProxy) {
  EXPECT_EQ(cmyk_to_rgb_naive(Cmyk{0, 0, 0, 0}), (Rgb{1, 1, 1}));
  EXPECT_EQ(cmyk_to_rgb_naive(Cmyk{0, 0, 0, 100}), (Rgb{0, 0, 0}));
  EXPECT_EQ(cmyk_to_rgb_naive(Cmyk{100, 0, 0, 0}), (Rgb{0, 1, 1}));
  Rgb half = cmyk_to_rgb_naive(Cmyk{0, 0, 0, 50});
  EXPECT_DOUBLE_EQ(half.r, 0.5);
  EXPECT_DOUBLE_EQ(half.g, 0.5);
}

}  // namespace
}  // namespace plaquette
