// A text block: the story flows through the frame's columns; text that does not fit is an
// error naming the page, the frame and how much is left over, never a silent cut.
#include <fmt/format.h>

#include "core/units.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

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
  if (flow.overflow) {
    const auto& first = block.paragraphs[flow.overflow->paragraph];
    std::string where = block.at.frame.empty() ? "its box" : fmt::format("frame '{}'", block.at.frame);
    e.sink.error(first.span.known() ? first.span : block.span,
                 fmt::format("text does not fit {} on page {}: {} line{} left over from this paragraph on; "
                             "shorten the text, or give the block more room",
                             where, pc.number, flow.overflow->lines_left, flow.overflow->lines_left > 1 ? "s" : ""));
  }
}

}  // namespace plaquette::layout
