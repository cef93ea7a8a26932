#include <stdexcept>

#include "layout/page_context.hpp"

namespace plaquette::layout {

ResolvedFrame resolve_placement(const model::Placement& at, const model::Master& master) {
  ResolvedFrame r;
  if (at.rect) {
    r.rect = *at.rect;
  } else {
    const model::FrameSlot* slot = nullptr;
    for (const auto& f : master.frames)
      if (f.id == at.frame) slot = &f;
    if (!slot)
      throw InputError(at.span, "frame '" + at.frame + "' is not a frame of master '" + master.name + "'" +
                                    did_you_mean(at.frame, [&] {
                                      std::vector<std::string> ids;
                                      for (const auto& f : master.frames) ids.push_back(f.id);
                                      return ids;
                                    }()));
    r.rect = slot->rect;
    r.columns = slot->columns;
    r.gutter = slot->gutter;
    // Edge overrides move one edge and keep the opposite one where it was.
    double left = at.left.value_or(r.rect.x), right = at.right.value_or(r.rect.right());
    double top = at.top.value_or(r.rect.y), bottom = at.bottom.value_or(r.rect.bottom());
    r.rect = {left, top, right - left, bottom - top};
  }
  if (at.columns) r.columns = *at.columns;
  if (at.gutter) r.gutter = *at.gutter;
  if (r.rect.empty())
    throw InputError(at.span, "this block's area is empty (check top/bottom/left/right against the frame)");
  return r;
}

Paint paint_of(const model::Document& doc, const std::string& swatch, double alpha) {
  auto it = doc.tmpl.swatches.find(swatch);
  if (it == doc.tmpl.swatches.end()) throw InputError(Span{}, "unknown colour '" + swatch + "'");
  return Paint{swatch, it->second.rgb, alpha};
}

}  // namespace plaquette::layout
