// A text block: the story flows through the frame's columns; text that does not fit is an
// error naming the page, the frame and how much is left over, never a silent cut (in draft
// mode a warning, and the overflow is marked on the page).
#include <fmt/format.h>

#include "core/units.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

namespace {

// InDesign's overset mark: a small red square with a plus sign at the frame's bottom-right.
void mark_overflow(PageContext& pc, const Rect& frame, const Span& span) {
  const double side = mm_to_pt(3.5);
  const Rect box{frame.right() - side, frame.bottom() - side, side, side};
  const Paint red{"", Rgb{0.85, 0.1, 0.1}, 1.0};
  const Paint white{"", Rgb{1, 1, 1}, 1.0};
  pc.out.items.push_back(scene::make_rect_path(box, red, std::nullopt, span));
  const double c = side / 2, arm = side * 0.3;
  scene::Stroke plus;
  plus.paint = white;
  plus.width = 0.8;
  plus.cap = scene::LineCap::Butt;
  pc.out.items.push_back(scene::make_line_path({box.x + c - arm, box.y + c}, {box.x + c + arm, box.y + c}, plus, span));
  pc.out.items.push_back(scene::make_line_path({box.x + c, box.y + c - arm}, {box.x + c, box.y + c + arm}, plus, span));
}

}  // namespace

void layout_text_block(const Engines& e, PageContext& pc, const model::TextBlock& block) {
  ResolvedFrame f = resolve_placement(block.at, pc.master);
  Rect area = f.rect;
  if (block.background) {
    pc.out.items.push_back(scene::make_rect_path(f.rect, paint_of(e.doc, *block.background), std::nullopt, block.span));
    area = f.rect.inset(block.padding);
  }
  auto columns = text::split_columns(area, f.columns, f.gutter);
  auto flow = e.typesetter.flow(block.paragraphs, columns);
  for (auto& it : flow.items) pc.out.items.push_back(std::move(it));
  pc.stats.add(flow.stats);
  for (const auto& h : flow.headings)
    pc.out.bookmarks.push_back({e.typesetter.plain_text(block.paragraphs[h.paragraph]),
                                e.typesetter.style(block.paragraphs[h.paragraph].style).outline_level, h.at});
  if (flow.overflow) {
    const auto& first = block.paragraphs[flow.overflow->paragraph];
    std::string where = block.at.frame.empty() ? "its box" : fmt::format("frame '{}'", block.at.frame);
    std::string message =
        fmt::format("text does not fit {} on page {}: {} line{} left over from this paragraph on; "
                    "shorten the text, or give the block more room",
                    where, pc.number, flow.overflow->lines_left, flow.overflow->lines_left > 1 ? "s" : "");
    const Span at = first.span.known() ? first.span : block.span;
    if (e.draft) {
      e.sink.warning(at, message + " (draft: the overflow is marked on the page)");
      mark_overflow(pc, area, block.span);
    } else {
      e.sink.error(at, message);
    }
  }
}

}  // namespace plaquette::layout
