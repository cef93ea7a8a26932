// place_image geometry: fit inside, fill with a focus point, never uncovering the frame.
#include <gtest/gtest.h>

#include "image/image.hpp"

namespace plaquette {
namespace {

using model::ImageFit;

void expect_rect(const Rect& got, const Rect& want) {
  EXPECT_NEAR(got.x, want.x, 1e-9);
  EXPECT_NEAR(got.y, want.y, 1e-9);
  EXPECT_NEAR(got.width, want.width, 1e-9);
  EXPECT_NEAR(got.height, want.height, 1e-9);
}

TEST(PlaceImage, FitWideImageIsCentredVertically) {
  expect_rect(image::place_image({200, 100}, {10, 20, 100, 100}, ImageFit::Fit, {0.5, 0.5}), {10, 45, 100, 50});
}

TEST(PlaceImage, FitTallImageIsCentredHorizontally) {
  expect_rect(image::place_image({100, 200}, {0, 0, 100, 100}, ImageFit::Fit, {0.5, 0.5}), {25, 0, 50, 100});
}

TEST(PlaceImage, FitIgnoresFocus) {
  expect_rect(image::place_image({200, 100}, {0, 0, 100, 100}, ImageFit::Fit, {0, 1}), {0, 25, 100, 50});
}

TEST(PlaceImage, FitScalesUpSmallImages) {
  expect_rect(image::place_image({10, 5}, {0, 0, 300, 300}, ImageFit::Fit, {0.5, 0.5}), {0, 75, 300, 150});
}

TEST(PlaceImage, FillCentredByDefault) {
  expect_rect(image::place_image({200, 100}, {0, 0, 100, 100}, ImageFit::Fill, {0.5, 0.5}), {-50, 0, 200, 100});
}

TEST(PlaceImage, FillFocusMovesTheCrop) {
  const Rect frame{0, 0, 100, 100};
  // The focus point goes to the frame's centre: 0.3 × 200 = 60 → x = 50 − 60.
  expect_rect(image::place_image({200, 100}, frame, ImageFit::Fill, {0.3, 0.5}), {-10, 0, 200, 100});
  // Near an edge it cannot be centred without uncovering the frame: the edge stops it.
  expect_rect(image::place_image({200, 100}, frame, ImageFit::Fill, {0.1, 0.5}), {0, 0, 200, 100});
  expect_rect(image::place_image({200, 100}, frame, ImageFit::Fill, {0.95, 0.5}), {-100, 0, 200, 100});
}

TEST(PlaceImage, FillFocusVertically) {
  // A tall image in a wide frame (a landscape cover keeping its sky or its foreground).
  const Rect frame{20, 30, 200, 100};
  expect_rect(image::place_image({100, 200}, frame, ImageFit::Fill, {0.5, 0.0}), {20, 30, 200, 400});
  expect_rect(image::place_image({100, 200}, frame, ImageFit::Fill, {0.5, 1.0}), {20, -270, 200, 400});
  expect_rect(image::place_image({100, 200}, frame, ImageFit::Fill, {0.5, 0.25}), {20, 30 + 50 - 100, 200, 400});
}

TEST(PlaceImage, FocusOutsideTheImageIsClamped) {
  expect_rect(image::place_image({200, 100}, {0, 0, 100, 100}, ImageFit::Fill, {-3, 7}),
              image::place_image({200, 100}, {0, 0, 100, 100}, ImageFit::Fill, {0, 1}));
}

TEST(PlaceImage, InvariantsOverManyShapes) {
  const Rect frame{12.5, 40, 170, 95};
  for (double w : {1.0, 30.0, 170.0, 640.0, 2480.0})
    for (double h : {1.0, 95.0, 333.0, 2150.0})
      for (double f : {0.0, 0.2, 0.5, 0.9, 1.0}) {
        Rect fit = image::place_image({w, h}, frame, ImageFit::Fit, {f, f});
        Rect fill = image::place_image({w, h}, frame, ImageFit::Fill, {f, 1 - f});
        SCOPED_TRACE(testing::Message() << w << "x" << h << " focus " << f);
        EXPECT_TRUE(frame.contains(fit, 1e-9)) << "fit stays inside";
        EXPECT_TRUE(fill.contains(frame, 1e-9)) << "fill covers";
        EXPECT_NEAR(fit.width / fit.height, w / h, 1e-9 * w / h);
        EXPECT_NEAR(fill.width / fill.height, w / h, 1e-9 * w / h);
        // Fit touches two opposite sides; fill matches the frame on one axis.
        EXPECT_TRUE(std::abs(fit.width - frame.width) < 1e-9 || std::abs(fit.height - frame.height) < 1e-9);
        EXPECT_TRUE(std::abs(fill.width - frame.width) < 1e-9 || std::abs(fill.height - frame.height) < 1e-9);
      }
}

TEST(PlaceImage, DegenerateInputsGiveTheFrame) {
  const Rect frame{1, 2, 3, 4};
  expect_rect(image::place_image({0, 10}, frame, ImageFit::Fill, {0.5, 0.5}), frame);
  expect_rect(image::place_image({10, 10}, {1, 2, 0, 4}, ImageFit::Fit, {0.5, 0.5}), {1, 2, 0, 4});
}

}  // namespace
}  // namespace plaquette
