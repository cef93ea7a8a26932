// A text block: the story flows through the frame's columns. Text that does not fit is an
// error naming the page, the frame and how much is left over, never a silent cut (in draft
// mode a warning, and the overflow is marked on the page) — unless the text is a named story,
// whose rest may go on in a later `continue:` frame or on added pages.
#include <fmt/format.h>

#include "core/units.hpp"
#include "layout/bleed.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

namespace {

// InDesign's overset mark: a small red square with a plus sign at the frame's bottom-right.
void mark_overflow(PageContext& pc, const Rect& frame, const Span& span) {
  const double side = mm_to_pt(3.5);
  const Rect box{frame.right() - side, frame.bottom() - side, side, side};
  pc.out.items.push_back(scene::make_rect_path(box, Paint{"", Rgb{0.85, 0.1, 0.1}, 1.0}, std::nullopt, span));
  const double c = side / 2, arm = side * 0.3;
  scene::Stroke plus;
  plus.paint = Paint{"", Rgb{1, 1, 1}, 1.0};
  plus.width = 0.8;
  plus.cap = scene::LineCap::Butt;
  pc.out.items.push_back(scene::make_line_path({box.x + c - arm, box.y + c}, {box.x + c + arm, box.y + c}, plus, span));
  pc.out.items.push_back(scene::make_line_path({box.x + c, box.y + c - arm}, {box.x + c, box.y + c + arm}, plus, span));
}

// Balanced columns: the shortest column height at which the text still fits, found by bisection,
// so that the columns end level (as InDesign's "balance columns") instead of the last one short.
std::vector<Rect> balanced_columns(const Engines& e, const std::vector<model::Paragraph>& paragraphs,
                                   std::vector<Rect> columns) {
  if (e.typesetter.flow(paragraphs, columns).overflow) return columns;  // does not fit anyway: reported later
  const double full = columns.front().height;
  auto fits = [&](double h) {
    auto trial = columns;
    for (auto& c : trial) c.height = h;
    return !e.typesetter.flow(paragraphs, trial).overflow;
  };
  double lo = 0, hi = full;
  for (int i = 0; i < 14 && hi - lo > 0.5; ++i) {  // half a point is finer than any leading
    const double mid = (lo + hi) / 2;
    (fits(mid) ? hi : lo) = mid;
  }
  for (auto& c : columns) c.height = hi;
  return columns;
}

std::string frame_name(const model::TextBlock& block) {
  return block.at.frame.empty() ? "its box" : fmt::format("frame '{}'", block.at.frame);
}

}  // namespace

void report_overflow(const Engines& e, const Span& at, const std::string& message, PageContext* pc, const Rect& area,
                     const Span& block_span) {
  if (e.draft) {
    e.sink.warning(at, message + " (draft: the overflow is marked on the page)");
    if (pc) mark_overflow(*pc, area, block_span);
  } else {
    e.sink.error(at, message);
  }
}

void layout_text_block(const Engines& e, PageContext& pc, const model::TextBlock& block) {
  // Which paragraphs, from where: the block's own, or the rest of a story begun earlier.
  const model::TextBlock* source = &block;
  text::FlowStart start;
  if (!block.continues.empty()) {
    auto it = e.stories.find(block.continues);
    if (it == e.stories.end()) {
      std::vector<std::string> names;
      for (const auto& [name, st] : e.stories) names.push_back(name);
      throw InputError(block.continues_span,
                       fmt::format("no text block before this one has 'story: {}'{}: a continued frame takes the "
                                   "rest of a story named on an earlier block",
                                   block.continues, did_you_mean(block.continues, names)));
    }
    if (it->second.done) return;  // everything was placed earlier: this frame stays empty
    source = it->second.origin;
    start = it->second.next;
  } else if (!block.story.empty() && e.stories.count(block.story)) {
    throw InputError(block.span, fmt::format("story '{}' is named twice: give this text another story name, or "
                                             "write 'continue: {}' to go on with the first one",
                                             block.story, block.story));
  }

  ResolvedFrame f = resolve_placement(block.at, pc.master);
  Rect area = f.rect;
  if (block.background) {
    const Rect backing = extend_into_bleed(f.rect, pc.out.trim, pc.out.bleed);
    pc.out.items.push_back(scene::make_rect_path(backing, paint_of(e.doc, *block.background), std::nullopt, block.span));
    area = f.rect.inset(block.padding);
  }
  auto columns = text::split_columns(area, f.columns, f.gutter);
  if (block.balance && f.columns > 1 && block.story.empty() && block.continues.empty())
    columns = balanced_columns(e, source->paragraphs, columns);
  auto flow = e.typesetter.flow(source->paragraphs, columns, start);
  for (auto& it : flow.items) pc.out.items.push_back(std::move(it));
  pc.stats.add(flow.stats);
  for (const auto& h : flow.headings)
    pc.out.bookmarks.push_back({e.typesetter.plain_text(source->paragraphs[h.paragraph]),
                                e.typesetter.style(source->paragraphs[h.paragraph].style).outline_level, h.at});

  const std::string story = block.continues.empty() ? block.story : block.continues;
  if (!story.empty()) {  // the rest (if any) waits for a continued frame; checked at the end
    StoryState& st = e.stories[story];
    st.origin = source;
    st.done = !flow.overflow;
    st.page = pc.number;
    st.frame = block.at.frame;
    st.span = block.span;
    if (flow.overflow) {
      st.next = {flow.overflow->paragraph, flow.overflow->line};
      st.lines_left = flow.overflow->lines_left;
      st.lines_estimated = flow.overflow->estimated;
    }
    return;
  }
  if (flow.overflow) {
    const auto& first = source->paragraphs[flow.overflow->paragraph];
    report_overflow(e, first.span.known() ? first.span : block.span,
                    fmt::format("text does not fit {} on page {}: {}{} line{} left over from this paragraph on; "
                                "shorten the text, or give the block more room",
                                frame_name(block), pc.number, flow.overflow->estimated ? "about " : "",
                                flow.overflow->lines_left,
                                flow.overflow->lines_left > 1 ? "s" : ""),
                    &pc, area, block.span);
  }
}

}  // namespace plaquette::layout
