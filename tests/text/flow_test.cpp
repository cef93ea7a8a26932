#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "text/text_fixture.hpp"

using namespace plaquette;

namespace {

struct TextFixture : ::testing::Test {
  std::shared_ptr<text::FontSet> fonts = test::project_fonts();
  model::Template tmpl = test::make_template();
  text::Typesetter ts{*fonts, tmpl};

  model::Paragraph para(const std::string& style, const std::string& text) { return {style, text, {}}; }

  // A body paragraph that sets in exactly `lines` lines at `width`.
  model::Paragraph lines_of(size_t lines, double width) {
    for (int n = 1; n < 400; ++n) {
      auto p = para("corps", test::words(n));
      auto got = ts.set(p, width).lines.size();
      if (got == lines) return p;
      if (got > lines) break;
    }
    ADD_FAILURE() << "no paragraph of " << lines << " lines";
    return {};
  }

};

}  // namespace

TEST_F(TextFixture, LinesStayInsideTheColumnWidth) {
  auto set = ts.set(para("corps", test::words(120)), 200);
  ASSERT_GT(set.lines.size(), 5u);
  for (const auto& line : set.lines) EXPECT_LE(line.right, 200.01);
  // Justified: every line but the last is filled to the width.
  for (size_t i = 0; i + 1 < set.lines.size(); ++i) EXPECT_NEAR(set.lines[i].right, 200, 0.5);
}

TEST_F(TextFixture, BaselinesFollowTheLeading) {
  auto r = ts.flow({para("corps", test::words(80))}, {Rect{0, 0, 200, 1000}});
  ASSERT_FALSE(r.overflow);
  std::vector<double> ys;
  for (const auto& item : r.items) {
    double y = std::get<scene::GlyphRun>(item.kind).origin.y;
    if (ys.empty() || std::abs(ys.back() - y) > 0.01) ys.push_back(y);
  }
  ASSERT_GT(ys.size(), 3u);
  for (size_t i = 1; i < ys.size(); ++i) EXPECT_NEAR(ys[i] - ys[i - 1], 12.0, 1e-6);
}

TEST_F(TextFixture, OverflowCountsTheLinesLeft) {
  // 5 lines of room (60pt / 12pt leading) for a paragraph that needs many more.
  auto full = ts.set(para("corps", test::words(150)), 150);
  auto r = ts.flow({para("corps", test::words(150))}, {Rect{0, 0, 150, 60}});
  ASSERT_TRUE(r.overflow);
  EXPECT_EQ(r.overflow->paragraph, 0u);
  EXPECT_EQ(r.overflow->lines_left, full.lines.size() - 5);
}

TEST_F(TextFixture, TextFlowsIntoTheNextColumn) {
  auto cols = text::split_columns(Rect{0, 0, 310, 120}, 2, 10);
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_DOUBLE_EQ(cols[1].x, 160);
  EXPECT_DOUBLE_EQ(cols[0].width, 150);
  auto r = ts.flow({lines_of(15, cols[0].width)}, cols);  // 10 lines a column
  EXPECT_FALSE(r.overflow);
  EXPECT_EQ(r.columns_used, 2u);
  bool second = false;
  for (const auto& item : r.items) {
    const auto& run = std::get<scene::GlyphRun>(item.kind);
    EXPECT_LE(run.origin.y, 120.0);
    if (run.origin.x >= 160) second = true;
  }
  EXPECT_TRUE(second);
}

TEST_F(TextFixture, NoOrphanAtTheBottomOfAColumn) {
  // A first paragraph leaves room for exactly one more line: the second paragraph must not
  // leave a single line there; it starts in the next column.
  auto cols = text::split_columns(Rect{0, 0, 310, 5 * 12.0}, 2, 10);
  auto first = lines_of(4, cols[0].width);
  auto n_first = ts.set(first, cols[0].width).lines.size();
  ASSERT_EQ(n_first, 4u);
  double room_after = 60 - 12.0 * n_first;
  ASSERT_GE(room_after, 12.0);
  auto r = ts.flow({first, lines_of(5, cols[0].width)}, cols);
  size_t first_col_lines = 0;
  std::vector<double> ys;
  for (const auto& item : r.items) {
    const auto& run = std::get<scene::GlyphRun>(item.kind);
    if (run.origin.x < 160 && (ys.empty() || std::abs(ys.back() - run.origin.y) > 0.01)) ys.push_back(run.origin.y);
  }
  first_col_lines = ys.size();
  // Either the first column holds only paragraph 1, or at least 2 lines of paragraph 2.
  EXPECT_TRUE(first_col_lines == n_first || first_col_lines >= n_first + 2) << first_col_lines;
}

TEST_F(TextFixture, NoWidowAtTheTopOfAColumn) {
  auto cols = text::split_columns(Rect{0, 0, 310, 6 * 12.0}, 2, 10);
  // Find a paragraph of exactly 7 lines: 6 fit in column 1, which would leave a widow.
  model::Paragraph p = lines_of(7, cols[0].width);
  ASSERT_EQ(ts.set(p, cols[0].width).lines.size(), 7u);
  auto r = ts.flow({p}, cols);
  ASSERT_FALSE(r.overflow);
  std::vector<double> second_col;
  for (const auto& item : r.items) {
    const auto& run = std::get<scene::GlyphRun>(item.kind);
    if (run.origin.x >= 160 && (second_col.empty() || std::abs(second_col.back() - run.origin.y) > 0.01))
      second_col.push_back(run.origin.y);
  }
  EXPECT_EQ(second_col.size(), 2u);  // 5 + 2, not 6 + 1
}

TEST_F(TextFixture, HeadingKeepsWithNextParagraph) {
  auto cols = text::split_columns(Rect{0, 0, 310, 6 * 12.0}, 2, 10);
  // Paragraph 1 fills 4 lines; the heading would fit at the bottom but not with 2 lines after it.
  model::Paragraph p1 = lines_of(4, cols[0].width);
  auto r = ts.flow({p1, para("titre", "Les terrils"), lines_of(3, cols[0].width)}, cols);
  ASSERT_FALSE(r.overflow);
  // The heading's run is in the second column.
  bool heading_in_second = false;
  for (const auto& item : r.items) {
    const auto& run = std::get<scene::GlyphRun>(item.kind);
    if (run.text && *run.text == "Les terrils") heading_in_second = run.origin.x >= 160;
  }
  EXPECT_TRUE(heading_in_second);
}

TEST_F(TextFixture, UppercaseStyleSetsCapitals) {
  tmpl.styles["sur"] = test::make_style("sur", "Lato", 9, 11, 700);
  tmpl.styles["sur"].uppercase = true;
  auto set = ts.set(para("sur", "les milieux"), 300);
  ASSERT_FALSE(set.lines.empty());
  ASSERT_FALSE(set.lines[0].runs.empty());
  EXPECT_EQ(*set.lines[0].runs[0].text, "LES MILIEUX");
}

namespace {

struct Linked : TextFixture {};

// Count the baselines placed (one per line: the first run of each line sits at x == column x).
size_t lines_placed(const text::FlowResult& r) {
  std::set<std::pair<double, double>> lines;
  for (const auto& item : r.items)
    if (const auto* run = std::get_if<scene::GlyphRun>(&item.kind)) lines.insert({std::round(run->origin.y * 10), 0});
  return lines.size();
}

}  // namespace

TEST_F(Linked, AStoryResumesWhereItStopped) {
  auto p = para("corps", test::words(150));
  const size_t total = ts.set(p, 150).lines.size();
  auto first = ts.flow({p}, {Rect{0, 0, 150, 60}});  // 5 lines
  ASSERT_TRUE(first.overflow);
  EXPECT_EQ(first.overflow->line, 5u);
  auto rest = ts.flow({p}, {Rect{0, 0, 150, 1000}}, {first.overflow->paragraph, first.overflow->line});
  EXPECT_FALSE(rest.overflow);
  EXPECT_EQ(lines_placed(first) + lines_placed(rest), total);
}

TEST_F(Linked, KeepTogetherMovesTheWholeParagraph) {
  tmpl.styles["bloc"] = tmpl.styles["corps"];
  tmpl.styles["bloc"].name = "bloc";
  tmpl.styles["bloc"].keep_together = true;
  auto cols = text::split_columns(Rect{0, 0, 310, 120}, 2, 10);  // 10 lines a column
  auto opening = lines_of(6, cols[0].width);
  auto together = para("bloc", lines_of(6, cols[0].width).text);
  auto r = ts.flow({opening, together}, cols);
  EXPECT_FALSE(r.overflow);
  // Only 4 lines were left in the first column: the 6-line paragraph starts the second one.
  size_t in_second = 0;
  for (const auto& item : r.items)
    if (const auto* run = std::get_if<scene::GlyphRun>(&item.kind); run && run->origin.x >= 160) ++in_second;
  EXPECT_GT(in_second, 0u);
  for (const auto& item : r.items)
    if (const auto* run = std::get_if<scene::GlyphRun>(&item.kind); run && run->origin.x < 160)
      EXPECT_LT(run->origin.y, 6 * 12.0 + 1);
}
