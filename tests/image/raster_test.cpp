// PNG and JPEG decoding: sizes, pixel values, kept bytes and mime.
#include <gtest/gtest.h>

#include <cstdlib>

#include "image/fixtures.hpp"
#include "image/image.hpp"
#include "support/test_paths.hpp"

namespace plaquette {
namespace {

using test::Bytes;
using test::channels;

const Span kSpan{"content/plaquette.yaml", 12, 9};

std::shared_ptr<const scene::RasterImage> raster_of(const image::LoadedImage& loaded) {
  auto* p = std::get_if<std::shared_ptr<const scene::RasterImage>>(&loaded.source);
  if (!p) return nullptr;
  return *p;
}

// Each channel within `tolerance` of the expected value: JPEG is lossy, even on flat colours.
void expect_near_rgb(std::uint32_t pixel, int r, int g, int b, int tolerance, const char* where) {
  auto c = channels(pixel);
  EXPECT_EQ(c.a, 255) << where;
  EXPECT_NEAR(c.r, r, tolerance) << where;
  EXPECT_NEAR(c.g, g, tolerance) << where;
  EXPECT_NEAR(c.b, b, tolerance) << where;
}

class RasterTest : public ::testing::Test {
 protected:
  std::filesystem::path dir = test::make_temp_dir("image-raster");
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string write(const std::string& name, const Bytes& bytes) {
    auto p = dir / name;
    test::write_bytes(p, bytes);
    return p.string();
  }
};

TEST_F(RasterTest, PngDecodesToPremultipliedArgb) {
  // Row 0: opaque red, half-transparent green (premultiplied: 0x80 green under 0x80 alpha), clear.
  // Row 1: white, blue, an arbitrary opaque colour.
  const std::uint32_t px[2][3] = {{0xffff0000, 0x80008000, 0x00000000}, {0xffffffff, 0xff0000ff, 0xff102030}};
  Bytes png = test::png_bytes(3, 2, [&](int x, int y) { return px[y][x]; });
  auto path = write("palette.png", png);

  auto loaded = image::load_image(path, kSpan);
  auto img = raster_of(loaded);
  ASSERT_TRUE(img);
  EXPECT_EQ(loaded.pixels, (Size{3, 2}));
  EXPECT_EQ(img->width, 3);
  EXPECT_EQ(img->height, 2);
  EXPECT_EQ(img->stride, cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, 3));
  ASSERT_EQ(img->pixels.size(), size_t(img->stride) * 2);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 3; ++x) EXPECT_EQ(test::argb_at(*img, x, y), px[y][x]) << "pixel " << x << "," << y;
  EXPECT_EQ(img->mime, "image/png");
  EXPECT_EQ(img->encoded, png);
}

TEST_F(RasterTest, OpaquePngGetsFullAlpha) {
  // An RGB PNG (no alpha channel): Cairo decodes it as RGB24, whose fourth byte is unspecified;
  // the renderer expects ARGB32, so alpha must come out as 255.
  Bytes png = test::png_bytes(4, 4, [](int x, int y) { return 0x00204060u + unsigned(x + 4 * y); }, CAIRO_FORMAT_RGB24);
  auto img = raster_of(image::load_image(write("opaque.png", png), kSpan));
  ASSERT_TRUE(img);
  for (int y = 0; y < 4; ++y)
    for (int x = 0; x < 4; ++x) EXPECT_EQ(test::argb_at(*img, x, y), 0xff204060u + unsigned(x + 4 * y));
}

TEST_F(RasterTest, RgbJpegDecodesAndKeepsItsBytes) {
  // 33×17: not a multiple of the 8-pixel block, to catch size and stride mistakes.
  test::JpegSpec spec{.width = 33, .height = 17};
  Bytes jpeg = test::jpeg_bytes(spec, [](int x, int, unsigned char* p) {
    bool left = x < 16;
    p[0] = left ? 220 : 20, p[1] = left ? 30 : 110, p[2] = left ? 40 : 200;
  });
  auto path = write("photo.jpg", jpeg);

  auto loaded = image::load_image(path, kSpan);
  auto img = raster_of(loaded);
  ASSERT_TRUE(img);
  EXPECT_EQ(loaded.pixels, (Size{33, 17}));
  EXPECT_EQ(img->width, 33);
  EXPECT_EQ(img->height, 17);
  EXPECT_EQ(img->stride, cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, 33));
  ASSERT_EQ(img->pixels.size(), size_t(img->stride) * 17);
  expect_near_rgb(test::argb_at(*img, 3, 8), 220, 30, 40, 6, "left");
  expect_near_rgb(test::argb_at(*img, 28, 16), 20, 110, 200, 6, "right, last row");
  EXPECT_EQ(img->mime, "image/jpeg");
  EXPECT_EQ(img->encoded, jpeg) << "the PDF must embed the JPEG as it is";
}

TEST_F(RasterTest, GrayscaleJpeg) {
  test::JpegSpec spec{.width = 24, .height = 10, .input = JCS_GRAYSCALE};
  Bytes jpeg = test::jpeg_bytes(spec, [](int x, int, unsigned char* p) { p[0] = x < 8 ? 0x30 : 0xd0; });
  auto img = raster_of(image::load_image(write("gris.jpg", jpeg), kSpan));
  ASSERT_TRUE(img);
  EXPECT_EQ(img->width, 24);
  EXPECT_EQ(img->height, 10);
  expect_near_rgb(test::argb_at(*img, 2, 5), 0x30, 0x30, 0x30, 4, "dark");
  expect_near_rgb(test::argb_at(*img, 20, 5), 0xd0, 0xd0, 0xd0, 4, "light");
  auto c = channels(test::argb_at(*img, 20, 5));
  EXPECT_TRUE(c.r == c.g && c.g == c.b) << "grey must stay neutral";
  EXPECT_EQ(img->encoded, jpeg);
}

// Three bands of ink, top to bottom: red (M+Y), cyan, black.
void cmyk_bands(int y, unsigned char* p, bool inverted) {
  unsigned char ink[4] = {0, 255, 255, 0};
  if (y >= 8) ink[0] = 255, ink[1] = 0, ink[2] = 0;
  if (y >= 16) ink[0] = 0, ink[2] = 0, ink[3] = 255;
  for (int i = 0; i < 4; ++i) p[i] = inverted ? 255 - ink[i] : ink[i];
}

void expect_cmyk_bands(const scene::RasterImage& img) {
  EXPECT_EQ(img.width, 16);
  EXPECT_EQ(img.height, 24);
  expect_near_rgb(test::argb_at(img, 8, 3), 255, 0, 0, 8, "red band");
  expect_near_rgb(test::argb_at(img, 8, 12), 0, 255, 255, 8, "cyan band");
  expect_near_rgb(test::argb_at(img, 8, 20), 0, 0, 0, 8, "black band");
}

TEST_F(RasterTest, AdobeCmykJpegIsReadInverted) {
  // As Photoshop writes them: Adobe APP14 marker, samples stored as 255 − ink.
  test::JpegSpec spec{.width = 16, .height = 24, .input = JCS_CMYK, .stored = JCS_CMYK, .adobe_marker = true};
  Bytes jpeg = test::jpeg_bytes(spec, [](int, int y, unsigned char* p) { cmyk_bands(y, p, true); });
  auto img = raster_of(image::load_image(write("cmyk-adobe.jpg", jpeg), kSpan));
  ASSERT_TRUE(img);
  expect_cmyk_bands(*img);
  EXPECT_EQ(img->mime, "image/jpeg");
  EXPECT_EQ(img->encoded, jpeg);
}

TEST_F(RasterTest, YcckJpegIsReadAsAdobeCmyk) {
  // YCCK (Adobe transform 2) is what Photoshop writes by default for CMYK; libjpeg turns it back
  // into the inverted CMYK samples.
  test::JpegSpec spec{.width = 16, .height = 24, .input = JCS_CMYK, .stored = JCS_YCCK, .adobe_marker = true};
  Bytes jpeg = test::jpeg_bytes(spec, [](int, int y, unsigned char* p) { cmyk_bands(y, p, true); });
  auto img = raster_of(image::load_image(write("ycck.jpg", jpeg), kSpan));
  ASSERT_TRUE(img);
  expect_cmyk_bands(*img);
}

TEST_F(RasterTest, CmykJpegWithoutAdobeMarkerStoresInkDirectly) {
  test::JpegSpec spec{.width = 16, .height = 24, .input = JCS_CMYK, .stored = JCS_CMYK, .adobe_marker = false};
  Bytes jpeg = test::jpeg_bytes(spec, [](int, int y, unsigned char* p) { cmyk_bands(y, p, false); });
  auto img = raster_of(image::load_image(write("cmyk-plain.jpg", jpeg), kSpan));
  ASSERT_TRUE(img);
  expect_cmyk_bands(*img);
}

TEST_F(RasterTest, KindComesFromTheBytesNotTheName) {
  Bytes png = test::png_bytes(2, 2, [](int, int) { return 0xff00ff00u; });
  auto img = raster_of(image::load_image(write("vraiment-un-png.jpg", png), kSpan));
  ASSERT_TRUE(img);
  EXPECT_EQ(img->mime, "image/png");
  EXPECT_EQ(test::argb_at(*img, 1, 1), 0xff00ff00u);

  Bytes jpeg = test::jpeg_bytes({.width = 8, .height = 8}, [](int, int, unsigned char* p) { p[0] = p[1] = p[2] = 128; });
  auto img2 = raster_of(image::load_image(write("sans-extension", jpeg), kSpan));
  ASSERT_TRUE(img2);
  EXPECT_EQ(img2->mime, "image/jpeg");
}

TEST_F(RasterTest, UniqueIdNamesTheFile) {
  Bytes png = test::png_bytes(2, 2, [](int, int) { return 0xff000000u; });
  auto a = write("a.png", png);
  auto b = write("b.png", png);
  auto id_a = raster_of(image::load_image(a, kSpan))->unique_id;
  EXPECT_FALSE(id_a.empty());
  EXPECT_EQ(raster_of(image::load_image(a, kSpan))->unique_id, id_a) << "stable for the same file";
  EXPECT_NE(raster_of(image::load_image(b, kSpan))->unique_id, id_a) << "same pixels, other file";
  EXPECT_NE(id_a.find(a), std::string::npos);
}

}  // namespace
}  // namespace plaquette
