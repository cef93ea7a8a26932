// Layout geometry for a known template, built by hand (no loader): placements, master
// decorations, folios, flowed text staying in its frame, overflow reported with the page.
#include <gtest/gtest.h>

#include "core/units.hpp"
#include "layout/layout.hpp"
#include "layout/page_context.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;

namespace {

model::ParagraphStyle style(const std::string& name, const std::string& family, double size, double leading) {
  model::ParagraphStyle s;
  s.name = name;
  s.family = family;
  s.size = size;
  s.leading = leading;
  s.align = model::Align::Left;
  return s;
}

model::Document make_doc() {
  model::Document doc;
  doc.project_root = test::source_dir().string();
  doc.meta.title = "Essai";
  doc.meta.date = "2026-11-25";
  auto& t = doc.tmpl;
  t.page = {mm_to_pt(210), mm_to_pt(297)};
  t.fonts_dir = "assets/fonts";
  t.swatches["noir"] = Swatch{"noir", Cmyk{0, 0, 0, 100}, Rgb{0, 0, 0}, {}};
  t.swatches["vert"] = Swatch{"vert", Cmyk{80, 20, 90, 30}, Rgb{0.1, 0.4, 0.2}, {}};
  t.styles["corps"] = style("corps", "Linux Libertine O", 10, 12);
  t.styles["folio"] = style("folio", "Lato", 8, 10);
  model::Master m;
  m.name = "deux";
  m.frames.push_back({"texte", Rect{mm_to_pt(18), mm_to_pt(74), mm_to_pt(174), mm_to_pt(204)}, 2, mm_to_pt(7), {}});
  m.items.push_back(model::MasterBox{Rect{0, 0, mm_to_pt(210), mm_to_pt(6)}, "vert", 1.0, {}});
  m.items.push_back(model::MasterText{Rect{mm_to_pt(18), mm_to_pt(284), mm_to_pt(30), mm_to_pt(5)}, "folio", "p. {page}", {}});
  t.masters["deux"] = m;
  return doc;
}

model::TextBlock text_block(const std::string& text, int paragraphs) {
  model::TextBlock b;
  b.at.frame = "texte";
  for (int i = 0; i < paragraphs; ++i) b.paragraphs.push_back({"corps", text, {"content/p.yaml", 10 + i, 7}});
  return b;
}

std::vector<const scene::GlyphRun*> runs(const scene::Page& p) {
  std::vector<const scene::GlyphRun*> out;
  for (const auto& it : p.items)
    if (auto* r = std::get_if<scene::GlyphRun>(&it.kind)) out.push_back(r);
  return out;
}

const std::string kPara =
    "Les terrils, les boisements et les zones humides du Bassin minier forment un réseau de milieux "
    "que la Trame verte et bleue relie et protège.";

}  // namespace

TEST(Placement, FrameEdgesCanBeMovedForOnePage) {
  auto doc = make_doc();
  model::Placement at;
  at.frame = "texte";
  at.top = mm_to_pt(150);
  auto r = layout::resolve_placement(at, doc.tmpl.masters["deux"]);
  EXPECT_NEAR(r.rect.y, mm_to_pt(150), 1e-9);
  EXPECT_NEAR(r.rect.bottom(), mm_to_pt(278), 1e-9);  // the bottom edge stays
  EXPECT_NEAR(r.rect.x, mm_to_pt(18), 1e-9);
  EXPECT_EQ(r.columns, 2);
  at.columns = 1;
  EXPECT_EQ(layout::resolve_placement(at, doc.tmpl.masters["deux"]).columns, 1);
}

TEST(Placement, ExplicitRectangleAndEmptyArea) {
  auto doc = make_doc();
  model::Placement at;
  at.rect = Rect{10, 20, 30, 40};
  EXPECT_EQ(layout::resolve_placement(at, doc.tmpl.masters["deux"]).rect, (Rect{10, 20, 30, 40}));
  model::Placement bad;
  bad.frame = "texte";
  bad.top = mm_to_pt(290);  // below the bottom edge
  EXPECT_THROW(layout::resolve_placement(bad, doc.tmpl.masters["deux"]), InputError);
  model::Placement unknown;
  unknown.frame = "text";
  try {
    layout::resolve_placement(unknown, doc.tmpl.masters["deux"]);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'texte'"), std::string::npos) << e.what();
  }
}

TEST(Layout, PagesGetMasterItemsFolioAndTextInsideTheFrame) {
  auto doc = make_doc();
  for (int i = 0; i < 2; ++i) {
    model::Page page;
    page.master = "deux";
    page.blocks.push_back(text_block(kPara, 6));
    doc.pages.push_back(page);
  }
  DiagnosticSink sink;
  auto scene = layout::layout_document(doc, sink);
  ASSERT_TRUE(scene) << sink.to_string();
  ASSERT_EQ(scene->pages.size(), 2u);
  const auto& p2 = scene->pages[1];
  EXPECT_NEAR(p2.trim.width, 595.2756, 1e-3);
  EXPECT_EQ(p2.label, "2");
  // The master's band is the first item.
  ASSERT_TRUE(std::holds_alternative<scene::Path>(p2.items.front().kind));
  bool folio = false;
  const Rect frame{mm_to_pt(18), mm_to_pt(74), mm_to_pt(174), mm_to_pt(204)};
  for (const auto* r : runs(p2)) {
    if (*r->text == "p. 2") {
      folio = true;
    } else {  // every line of the story
      EXPECT_GE(r->origin.x, frame.x - 1e-6);
      EXPECT_LE(r->origin.x, frame.right());
      EXPECT_GT(r->origin.y, frame.y);
      EXPECT_LT(r->origin.y, frame.bottom());
    }
  }
  EXPECT_TRUE(folio);
  ASSERT_EQ(scene->resources.size(), 1u);  // the font set stays alive for rendering
}

TEST(Layout, OverflowIsAnErrorNamingPageAndLines) {
  auto doc = make_doc();
  model::Page page;
  page.master = "deux";
  page.blocks.push_back(text_block(kPara + " " + kPara + " " + kPara, 60));
  doc.pages.push_back(page);
  DiagnosticSink sink;
  auto scene = layout::layout_document(doc, sink);
  EXPECT_FALSE(scene);
  ASSERT_TRUE(sink.has_errors());
  const auto& d = sink.all().front();
  EXPECT_NE(d.message.find("does not fit frame 'texte' on page 1"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("lines left over"), std::string::npos) << d.message;
  EXPECT_EQ(d.span.file, "content/p.yaml");
  EXPECT_GT(d.span.line, 10);  // the first paragraph that did not fit, not the first of the block
}

TEST(Layout, UnknownFontIsReportedAtTheStyle) {
  auto doc = make_doc();
  doc.tmpl.styles["corps"].family = "Helvetica Neue";
  doc.tmpl.styles["corps"].span = {"templates/t.yaml", 12, 11};
  model::Page page;
  page.master = "deux";
  doc.pages.push_back(page);
  DiagnosticSink sink;
  EXPECT_FALSE(layout::layout_document(doc, sink));
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.all()[0].span.line, 12);
  EXPECT_NE(sink.all()[0].message.find("Helvetica Neue"), std::string::npos);
}

TEST(Layout, BackgroundAndPaddingInsetTheText) {
  auto doc = make_doc();
  model::Page page;
  page.master = "deux";
  model::TextBlock b;
  b.at.rect = Rect{100, 100, 200, 150};
  b.background = "vert";
  b.padding = 10;
  b.paragraphs.push_back({"corps", kPara, {}});
  page.blocks.push_back(b);
  doc.pages.push_back(page);
  DiagnosticSink sink;
  auto scene = layout::layout_document(doc, sink);
  ASSERT_TRUE(scene) << sink.to_string();
  for (const auto* r : runs(scene->pages[0]))
    if (*r->text == kPara) {
      EXPECT_GE(r->origin.x, 110 - 1e-6);
      EXPECT_GT(r->origin.y, 110);
    }
}

namespace {

// The lowest baseline of the runs left of `split` and right of it.
std::pair<double, double> column_bottoms(const scene::Page& page, double split, double frame_top) {
  double left = 0, right = 0;
  for (const auto* r : runs(page)) {
    if (r->origin.y < frame_top) continue;  // master texts above the frame
    if (r->origin.y > mm_to_pt(280)) continue;  // the folio
    (r->origin.x < split ? left : right) = std::max(r->origin.x < split ? left : right, r->origin.y);
  }
  return {left, right};
}

}  // namespace

TEST(Layout, BalancedColumnsEndLevel) {
  const double split = mm_to_pt(18 + 87);
  const double top = mm_to_pt(74);
  auto doc = make_doc();
  model::Page page;
  page.master = "deux";
  page.blocks.push_back(text_block(kPara + " " + kPara + " " + kPara + " " + kPara, 2));  // two long paragraphs
  doc.pages.push_back(page);
  DiagnosticSink sink;
  auto plain = layout::layout_document(doc, sink);
  ASSERT_TRUE(plain) << sink.to_string();
  auto [l0, r0] = column_bottoms(plain->pages[0], split, top);
  std::get<model::TextBlock>(doc.pages[0].blocks[0]).balance = true;
  auto balanced = layout::layout_document(doc, sink);
  ASSERT_TRUE(balanced) << sink.to_string();
  auto [l1, r1] = column_bottoms(balanced->pages[0], split, top);
  EXPECT_GT(l0 - r0, 24.0);              // unbalanced: the second column is much shorter
  EXPECT_LE(std::abs(l1 - r1), 12.0 + 0.01);  // balanced: within one line (the paragraphs can split)
  EXPECT_LT(l1, l0);                     // the first column gave lines to the second
}
