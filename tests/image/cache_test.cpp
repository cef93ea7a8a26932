// ImageCache: one load per file, shared; failures are not remembered.
#include <gtest/gtest.h>

#include "image/fixtures.hpp"
#include "image/image.hpp"
#include "support/test_paths.hpp"

namespace plaquette {
namespace {

const Span kSpan{"content/plaquette.yaml", 3, 1};

TEST(ImageCache, LoadsEachFileOnce) {
  auto dir = test::make_temp_dir("image-cache");
  auto a = (dir / "a.png").string();
  auto b = (dir / "b.svg").string();
  test::write_bytes(a, test::png_bytes(2, 3, [](int, int) { return 0xff336699u; }));
  test::write_file(b, R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"/>)");

  image::ImageCache cache;
  const auto& first = cache.get(a, kSpan);
  // Changing the file proves the second get does not read it again.
  test::write_bytes(a, test::to_bytes("plus une image"));
  const auto& second = cache.get(a, kSpan);
  EXPECT_EQ(&first, &second);
  auto r1 = std::get<std::shared_ptr<const scene::RasterImage>>(first.source);
  auto r2 = std::get<std::shared_ptr<const scene::RasterImage>>(second.source);
  EXPECT_EQ(r1.get(), r2.get()) << "one RasterImage shared by every use";
  EXPECT_EQ(first.pixels, (Size{2, 3}));

  const auto& svg = cache.get(b, kSpan);
  EXPECT_TRUE(std::holds_alternative<std::shared_ptr<const scene::VectorImage>>(svg.source));
  EXPECT_EQ(svg.pixels, (Size{64, 64}));
  std::filesystem::remove_all(dir);
}

TEST(ImageCache, FailuresAreNotCached) {
  auto dir = test::make_temp_dir("image-cache-fail");
  auto path = (dir / "plus-tard.png").string();
  image::ImageCache cache;
  EXPECT_THROW(cache.get(path, kSpan), InputError);
  test::write_bytes(path, test::png_bytes(1, 1, [](int, int) { return 0xffffffffu; }));
  EXPECT_EQ(cache.get(path, kSpan).pixels, (Size{1, 1}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace plaquette
