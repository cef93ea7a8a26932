// The line breaker on synthetic paragraphs: words of known widths, so that the expected
// breaks can be worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "text/line_breaker.hpp"

namespace plaquette::text {
namespace {

constexpr double kSpace = 3, kStretch = 1.5, kShrink = 1;

// Words given as widths; "hyphen points" as (word index, width of the first part).
struct Builder {
  std::vector<BreakItem> items;
  size_t pos = 0;
  void word(double w) {
    if (!items.empty()) items.push_back(BreakItem::glue(kSpace, kStretch, kShrink, pos, pos + 1)), ++pos;
    items.push_back(BreakItem::box(w, pos, pos + 1));
    ++pos;
  }
  void hyphenated(double first, double second) {  // a word with one hyphenation point
    if (!items.empty()) items.push_back(BreakItem::glue(kSpace, kStretch, kShrink, pos, pos + 1)), ++pos;
    items.push_back(BreakItem::box(first, pos, pos + 1));
    items.push_back(BreakItem::pen(2, 50, true, pos + 1));
    items.push_back(BreakItem::box(second, pos + 1, pos + 2));
    pos += 2;
  }
  void forced() {
    items.push_back(BreakItem::glue(0, kFill, 0, pos, pos));
    items.push_back(BreakItem::pen(0, -kInfinitePenalty, false, pos));
  }
  std::vector<BreakItem> done() {
    forced();
    return items;
  }
};

double max_ratio(const std::vector<LineBreak>& breaks) {
  double m = 0;
  for (size_t i = 0; i + 1 < breaks.size(); ++i) m = std::max(m, breaks[i].ratio);  // last line is ragged
  return m;
}

TEST(LineBreaker, OneShortLine) {
  Builder b;
  b.word(10);
  b.word(10);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {100};
  auto breaks = total_fit(items, p);
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].item, items.size() - 1);
}

TEST(LineBreaker, EveryLineFitsItsWidth) {
  Builder b;
  for (int i = 0; i < 40; ++i) b.word(8 + (i * 7) % 13);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {60};
  for (auto breaks : {total_fit(items, p), first_fit(items, p)}) {
    size_t start = 0;
    for (const auto& brk : breaks) {
      EXPECT_GE(adjustment_ratio(items, start, brk.item, 60), -1.0) << "line ending at " << brk.item;
      start = line_start_after(items, brk.item);
    }
    EXPECT_EQ(breaks.back().item, items.size() - 1);
  }
}

// The classic case for total fit: first fit packs the first line full and leaves a very
// loose second line; total fit spreads the slack over both.
TEST(LineBreaker, TotalFitAvoidsTheLooseLineFirstFitLeaves) {
  Builder b;
  for (double w : {11.0, 10.0, 12.0, 16.0, 8.0, 8.0, 10.0, 29.0, 16.0, 18.0}) b.word(w);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {75};
  p.tolerance = 10;
  auto greedy = first_fit(items, p);
  auto best = total_fit(items, p);
  EXPECT_LT(max_ratio(best), max_ratio(greedy));
  size_t loose_best = 0, loose_greedy = 0;
  for (size_t i = 0; i + 1 < best.size(); ++i) loose_best += best[i].ratio > 1;
  for (size_t i = 0; i + 1 < greedy.size(); ++i) loose_greedy += greedy[i].ratio > 1;
  EXPECT_EQ(loose_best, 0u);
  EXPECT_EQ(loose_greedy, 1u);
  EXPECT_EQ(best.size(), greedy.size());  // same number of lines, better spread
}

TEST(LineBreaker, UsesAHyphenWhenItAvoidsALooseLine) {
  Builder b;
  b.word(30);
  b.word(30);
  b.hyphenated(10, 30);  // only its first part fits after the first two words
  b.word(20);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {80};
  auto breaks = total_fit(items, p);
  ASSERT_GE(breaks.size(), 2u);
  EXPECT_TRUE(breaks[0].hyphen);
  EXPECT_NEAR(breaks[0].ratio, (80.0 - 30 - 3 - 30 - 3 - 10 - 2) / (2 * kStretch), 1e-9);
}

TEST(LineBreaker, NeverMoreThanTheAllowedHyphensInARow) {
  Builder b;
  for (int i = 0; i < 30; ++i) b.hyphenated(14, 14);  // every word could be hyphenated
  auto items = b.done();
  for (int limit : {1, 2}) {
    BreakParams p;
    p.line_widths = {50};
    p.max_consecutive_flagged = limit;
    p.tolerance = 3;
    for (auto breaks : {total_fit(items, p), first_fit(items, p)}) {
      int run = 0;
      for (const auto& brk : breaks) {
        run = brk.hyphen ? run + 1 : 0;
        EXPECT_LE(run, limit);
      }
    }
  }
}

TEST(LineBreaker, ForcedBreakEndsALine) {
  Builder b;
  b.word(10);
  b.forced();
  b.word(10);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {200};
  auto breaks = total_fit(items, p);
  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_EQ(items[breaks[0].item].penalty, -kInfinitePenalty);
}

TEST(LineBreaker, AWordWiderThanTheLineIsStillSet) {
  Builder b;
  b.word(10);
  b.word(300);
  b.word(10);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {100};
  EXPECT_FALSE(total_fit(items, p).empty());
  EXPECT_FALSE(first_fit(items, p).empty());
  EXPECT_EQ(total_fit(items, p).back().item, items.size() - 1);
}

TEST(LineBreaker, FirstLineWidthDiffers) {
  Builder b;
  for (int i = 0; i < 6; ++i) b.word(20);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {50, 100};  // an indented first line
  auto breaks = first_fit(items, p);
  ASSERT_EQ(breaks.size(), 2u);
  // Two words (20 + 3 + 20) on the first line, the other four on the second.
  EXPECT_EQ(items[breaks[0].item].begin, 3u);
}

TEST(LineBreaker, RaggedStretchLetsUnstretchableLinesBreak) {
  std::vector<BreakItem> items;
  size_t pos = 0;
  for (int i = 0; i < 12; ++i) {
    if (i) items.push_back(BreakItem::glue(3, 0, 0, pos, pos + 1)), ++pos;
    items.push_back(BreakItem::box(17, pos, pos + 1)), ++pos;
  }
  items.push_back(BreakItem::glue(0, kFill, 0, pos, pos));
  items.push_back(BreakItem::pen(0, -kInfinitePenalty, false, pos));
  BreakParams p;
  p.line_widths = {70};
  p.ragged_stretch = 30;
  auto breaks = total_fit(items, p);
  EXPECT_EQ(breaks.size(), 4u);  // three words (57) per line
}

TEST(LineBreaker, LettersStretchOnlyPastTheThreshold) {
  // One line of two words and one space: 10 of stretch needed, the space gives 1.5 per unit of
  // ratio. Letters (boxes' stretch, 2 each) are a last resort: unused while the space alone stays
  // within the threshold, then they take what is beyond it, up to their limit.
  std::vector<BreakItem> items{BreakItem::box(40, 0, 1), BreakItem::glue(kSpace, kStretch, kShrink, 1, 2),
                               BreakItem::box(40, 2, 3), BreakItem::pen(0, -kInfinitePenalty, false, 3)};
  items[0].stretch = items[2].stretch = 2;
  // Width 85: need 2, spaces alone give it at ratio 1.33 < 1.6: no letter spacing.
  EXPECT_NEAR(adjustment_ratio(items, 0, 3, 85, 0, 1.6), 2 / kStretch, 1e-9);
  EXPECT_DOUBLE_EQ(letter_share(2, kStretch, 4, 1.6), 0);
  // Width 88: need 5; spaces give 1.6 × 1.5 = 2.4, letters the other 2.6 (of 4), ratio back to 1.6.
  EXPECT_NEAR(letter_share(5, kStretch, 4, 1.6), 2.6, 1e-9);
  EXPECT_NEAR(adjustment_ratio(items, 0, 3, 88, 0, 1.6), 1.6, 1e-9);
  // Width 95: need 12; letters give their 4, the spaces the remaining 8 (ratio 5.33).
  EXPECT_NEAR(adjustment_ratio(items, 0, 3, 95, 0, 1.6), 8 / kStretch, 1e-9);
  // Shrinking: spaces to their limit first (1), then letters.
  EXPECT_DOUBLE_EQ(letter_share(-0.5, kShrink, 1, 1.6), 0);
  EXPECT_NEAR(letter_share(-1.5, kShrink, 1, 1.6), -0.5, 1e-9);
}

TEST(LineBreaker, ALooserLineRatherThanALoneSyllable) {
  // Three words then one with a hyphenation point. Hyphenated, the first line is nearly natural
  // (ratio 0.1) but leaves "12" alone on the last line; unhyphenated, the first line stretches to
  // ratio 2 (spaces at twice their stretch), which the second pass accepts: that one is chosen.
  Builder b;
  for (int i = 0; i < 3; ++i) b.word(20);
  b.hyphenated(0.5, 12);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {71.9};
  auto breaks = total_fit(items, p);
  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_FALSE(breaks[0].hyphen);
  EXPECT_NEAR(breaks[0].ratio, 5.9 / 3, 1e-9);
}

TEST(LineBreaker, FinalHyphenIsDear) {
  // The same paragraph with and without TeX's final hyphen demerits: with them, the chosen breaks
  // never hyphenate the second-to-last line when another way exists.
  Builder b;
  for (int i = 0; i < 12; ++i) b.hyphenated(9, 9);
  auto items = b.done();
  BreakParams p;
  p.line_widths = {70};
  auto breaks = total_fit(items, p);
  ASSERT_GE(breaks.size(), 2u);
  EXPECT_FALSE(breaks[breaks.size() - 2].hyphen);
}

TEST(LineBreaker, AdjacentFitnessDemeritsAreTeXs) {
  BreakParams p;
  EXPECT_EQ(p.fitness_demerits, 10000);
  EXPECT_EQ(p.final_hyphen_demerits, 5000);
}

}  // namespace
}  // namespace plaquette::text
