// Extent fitting, scale and the ground-to-page mapping.
#include <gtest/gtest.h>

#include "map/extent.hpp"
#include "map/viewport.hpp"
#include "map_fixture.hpp"

namespace plaquette::map {
namespace {

TEST(Extent, FitWidensATallBoxForAWideFrame) {
  Bbox box{650000, 7000000, 660000, 7040000};  // 10 km x 40 km
  Bbox fit = fit_to_aspect(box, 2.0);
  EXPECT_TRUE(fit.contains(box));
  EXPECT_NEAR(fit.width() / fit.height(), 2.0, 1e-12);
  EXPECT_EQ(fit.ymin, box.ymin);  // the long side is untouched
  EXPECT_EQ(fit.ymax, box.ymax);
  EXPECT_NEAR((fit.xmin + fit.xmax) / 2, 655000, 1e-6);  // centred
  EXPECT_NEAR(fit.width(), 80000, 1e-6);
}

TEST(Extent, FitHeightensAWideBoxForATallFrame) {
  Bbox box{600000, 7000000, 780000, 7010000};
  Bbox fit = fit_to_aspect(box, 0.75);
  EXPECT_TRUE(fit.contains(box));
  EXPECT_NEAR(fit.width() / fit.height(), 0.75, 1e-12);
  EXPECT_EQ(fit.xmin, box.xmin);
  EXPECT_EQ(fit.xmax, box.xmax);
  EXPECT_NEAR(fit.height(), 240000, 1e-6);
}

TEST(Extent, FitKeepsABoxOfTheRightShape) {
  Bbox box{0, 0, 300, 200};
  Bbox fit = fit_to_aspect(box, 1.5);
  EXPECT_TRUE(fit.contains(box));
  EXPECT_NEAR(fit.width(), 300, 1e-9);
  EXPECT_NEAR(fit.height(), 200, 1e-9);
}

TEST(Extent, FitContainsAwkwardBoxes) {
  // Large Lambert-93 coordinates with odd sizes: rounding must never shave an edge off.
  for (double aspect : {0.3, 0.7071, 1.0, 1.45, 3.3}) {
    for (double w : {1.0, 123.456, 98765.4321}) {
      Bbox box{654321.987, 7012345.678, 654321.987 + w, 7012345.678 + w * 0.61};
      Bbox fit = fit_to_aspect(box, aspect);
      EXPECT_TRUE(fit.contains(box, 0.0)) << aspect << " " << w;
      EXPECT_NEAR(fit.width() / fit.height(), aspect, 1e-6);
    }
  }
}

TEST(Extent, ScaleDenominatorIsGroundOverPaper) {
  // 100 km across 200 mm of paper: 1:500 000.
  EXPECT_NEAR(scale_denominator(100000, mm_to_pt(200)), 500000, 1e-6);
  // 25 km across 174 mm.
  EXPECT_NEAR(scale_denominator(25000, mm_to_pt(174)), 25000 / 0.174, 1e-6);
  // A CRS in US survey feet.
  EXPECT_NEAR(scale_denominator(1000, mm_to_pt(100), 1200.0 / 3937.0), 1000 * 1200.0 / 3937.0 / 0.1, 1e-6);
}

TEST(Extent, ViewportMapsCornersAndFlipsY) {
  Bbox ground{650000, 7000000, 750000, 7050000};
  Rect frame{50, 100, 400, 200};
  Viewport v = make_viewport(ground, frame);
  EXPECT_DOUBLE_EQ(v.scale, 400.0 / 100000.0);
  auto tl = v.to_page({650000, 7050000});  // north-west corner → top left
  auto br = v.to_page({750000, 7000000});  // south-east corner → bottom right
  EXPECT_NEAR(tl.x, 50, 1e-9);
  EXPECT_NEAR(tl.y, 100, 1e-9);
  EXPECT_NEAR(br.x, 450, 1e-9);
  EXPECT_NEAR(br.y, 300, 1e-9);
  auto mid = v.to_page({700000, 7040000});
  EXPECT_NEAR(mid.x, 250, 1e-9);
  EXPECT_NEAR(mid.y, 140, 1e-9);  // 10 km below the top edge
}

TEST(Extent, DrawnExtentHasFrameAspectAndMatchingScale) {
  auto spec = testing::spec_with({testing::gpkg_layer("departements")});
  spec.extent.bbox = std::array<double, 4>{650000, 7000000, 760000, 7060000};
  auto r = draw_map(spec, testing::kFrame, testing::test_swatches());
  const double w = r.extent[2] - r.extent[0], h = r.extent[3] - r.extent[1];
  EXPECT_NEAR(w / h, testing::kFrame.width / testing::kFrame.height, 1e-9);
  EXPECT_LE(r.extent[0], 650000);
  EXPECT_LE(r.extent[1], 7000000);
  EXPECT_GE(r.extent[2], 760000);
  EXPECT_GE(r.extent[3], 7060000);
  EXPECT_NEAR(r.scale_denominator, w / 0.174, 1e-6);
}

TEST(Extent, MarginIsAddedAroundTheFeatures) {
  auto spec = testing::spec_with({testing::gpkg_layer("epci")});
  spec.extent.layer = "epci";
  spec.extent.where = "siren = '246200364'";
  auto tight = draw_map(spec, testing::kFrame, testing::test_swatches());
  spec.extent.margin = 2000;
  auto loose = draw_map(spec, testing::kFrame, testing::test_swatches());
  // The frame is wider than the EPCI, so the height is the binding side: +2 km top and bottom.
  EXPECT_NEAR((loose.extent[3] - loose.extent[1]) - (tight.extent[3] - tight.extent[1]), 4000, 1e-6);
}

}  // namespace
}  // namespace plaquette::map
