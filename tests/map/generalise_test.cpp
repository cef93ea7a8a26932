// Generalisation to print resolution: distance-based simplification and clipping.
#include <gtest/gtest.h>

#include <cmath>

#include "map/generalise.hpp"

namespace plaquette::map {
namespace {

constexpr double kTol = kPrintTolerance;  // 0.1 mm in points

double ring_area(const std::vector<Point>& r) {
  double a = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const Point p = r[i], q = r[(i + 1) % r.size()];
    a += p.x * q.y - q.x * p.y;
  }
  return std::abs(a) / 2;
}

void expect_points_near(const std::vector<Point>& got, const std::vector<Point>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].x, want[i].x, 1e-9) << i;
    EXPECT_NEAR(got[i].y, want[i].y, 1e-9) << i;
  }
}

TEST(Generalise, ToleranceIsATenthOfAMillimetre) { EXPECT_NEAR(kTol, 72.0 / 254.0, 1e-12); }

TEST(Generalise, DropsVerticesCloserThanTolerance) {
  // A 10 pt line sampled every 0.05 pt: only every ~6th vertex survives, ends are exact.
  std::vector<Point> line;
  for (int i = 0; i <= 200; ++i) line.push_back({i * 0.05, 3.0});
  simplify_distance(line, false, kTol);
  ASSERT_GE(line.size(), 2u);
  EXPECT_LT(line.size(), 40u);
  EXPECT_EQ(line.front(), (Point{0, 3}));
  EXPECT_EQ(line.back(), (Point{10, 3}));
  for (size_t i = 1; i + 1 < line.size(); ++i) EXPECT_GE(std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y), kTol);
}

TEST(Generalise, KeepsVerticesFartherThanTolerance) {
  std::vector<Point> line{{0, 0}, {1, 0}, {1, 1}, {2, 1}};
  auto copy = line;
  simplify_distance(copy, false, kTol);
  EXPECT_EQ(copy, line);
}

TEST(Generalise, ShortLineKeepsBothEnds) {
  std::vector<Point> line{{0, 0}, {0.01, 0}, {0.02, 0}};
  simplify_distance(line, false, kTol);
  EXPECT_EQ(line, (std::vector<Point>{{0, 0}, {0.02, 0}}));
}

TEST(Generalise, RingStaysClosedAndLosesItsRepeatedVertex) {
  // A 10 pt square with a near-duplicate vertex and an explicit closing vertex.
  std::vector<Point> ring{{0, 0}, {10, 0}, {10.01, 0.01}, {10, 10}, {0, 10}, {0.05, 0.0}, {0, 0}};
  simplify_distance(ring, true, kTol);
  EXPECT_EQ(ring, (std::vector<Point>{{0, 0}, {10, 0}, {10, 10}, {0, 10}}));

  std::vector<scene::Subpath> out;
  generalise_part({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, true, Rect{-5, -5, 30, 30}, kTol, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].closed);
  EXPECT_EQ(out[0].points.size(), 4u);  // closed by the flag, not by a repeated vertex
}

TEST(Generalise, CollapsedRingIsDropped) {
  std::vector<Point> tiny{{0, 0}, {0.1, 0}, {0.1, 0.1}, {0, 0.1}};  // 0.035 mm square
  simplify_distance(tiny, true, kTol);
  EXPECT_TRUE(tiny.empty());
  std::vector<scene::Subpath> out;
  generalise_part({{0, 0}, {0.1, 0}, {0.1, 0.1}, {0, 0.1}}, true, Rect{-5, -5, 30, 30}, kTol, out);
  EXPECT_TRUE(out.empty());
  // A thin sliver: three distinct points, but two of them within tolerance → fewer than 3 left.
  std::vector<Point> sliver{{0, 0}, {20, 0}, {20, 0.1}};
  simplify_distance(sliver, true, kTol);
  EXPECT_TRUE(sliver.empty());
}

TEST(Generalise, ClipRingKeepsTheInsidePart) {
  // A 20 x 20 square half outside a 10 x 30 clip: the inside part is 10 x 20.
  auto r = clip_ring({{0, 0}, {20, 0}, {20, 20}, {0, 20}}, Rect{-5, -5, 15, 30});
  ASSERT_GE(r.size(), 3u);
  for (auto p : r) {
    EXPECT_GE(p.x, -5);
    EXPECT_LE(p.x, 10);
  }
  EXPECT_NEAR(ring_area(r), 200, 1e-9);
}

TEST(Generalise, ClipRingAroundTheClipBecomesTheClip) {
  auto r = clip_ring({{-100, -100}, {100, -100}, {100, 100}, {-100, 100}}, Rect{0, 0, 10, 5});
  EXPECT_NEAR(ring_area(r), 50, 1e-9);
}

TEST(Generalise, ClipLineSplitsIntoRunsInside) {
  // Goes in, out, and in again through a 10 x 10 clip.
  auto runs = clip_line({{-5, 5}, {5, 5}, {5, 20}, {8, 20}, {8, 5}, {15, 5}}, Rect{0, 0, 10, 10});
  ASSERT_EQ(runs.size(), 2u);
  expect_points_near(runs[0], {{0, 5}, {5, 5}, {5, 10}});
  expect_points_near(runs[1], {{8, 10}, {8, 5}, {10, 5}});
}

TEST(Generalise, PartsWhollyOutsideAreDropped) {
  std::vector<scene::Subpath> out;
  generalise_part({{100, 100}, {110, 100}, {110, 110}}, true, Rect{0, 0, 50, 50}, kTol, out);
  generalise_part({{100, 0}, {100, 40}}, false, Rect{0, 0, 50, 50}, kTol, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace plaquette::map
