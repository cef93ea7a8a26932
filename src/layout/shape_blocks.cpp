// Flat colour boxes and rules placed by the content.
#include "layout/bleed.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

void layout_box_block(const Engines& e, PageContext& pc, const model::BoxBlock& block) {
  ResolvedFrame f = resolve_placement(block.at, pc.master);
  const Rect r = extend_into_bleed(f.rect, pc.out.trim, pc.out.bleed);
  pc.out.items.push_back(scene::make_rect_path(r, paint_of(e.doc, block.fill, block.opacity), std::nullopt, block.span));
}

void layout_rule_block(const Engines& e, PageContext& pc, const model::RuleBlock& block) {
  ResolvedFrame f = resolve_placement(block.at, pc.master);
  scene::Stroke stroke;
  stroke.paint = paint_of(e.doc, block.stroke);
  stroke.width = block.width;
  stroke.cap = scene::LineCap::Butt;
  pc.out.items.push_back(scene::make_line_path({f.rect.x, f.rect.y}, {f.rect.right(), f.rect.y}, stroke, block.span));
}

}  // namespace plaquette::layout
