#include <fmt/format.h>

#include "core/units.hpp"
#include "layout/bleed.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

namespace {
constexpr double kCaptionGap = 2.0 * 72.0 / 25.4;  // 2 mm between a picture and its caption
}

void layout_image_block(const Engines& e, PageContext& pc, const model::ImageBlock& block) {
  ResolvedFrame f = resolve_placement(block.at, pc.master);
  const image::LoadedImage& img = e.images.get(block.resolved, block.span);
  scene::Image si;
  si.source = img.source;
  // A picture filling its frame to the trim fills the bleed too (a fitted one keeps its frame).
  const Rect area = block.fit == model::ImageFit::Fill ? extend_into_bleed(f.rect, pc.out.trim, pc.out.bleed) : f.rect;
  si.dest = image::place_image(img.pixels, area, block.fit, block.focus);
  si.clip = area;
  pc.out.items.push_back(scene::Item{std::move(si), block.span});

  if (!block.caption.empty()) {
    model::Paragraph p{"legende", block.caption, block.span};
    auto set = e.typesetter.set(p, f.rect.width);
    double top = f.rect.bottom() + kCaptionGap;
    if (top + e.typesetter.height(set) > pc.out.trim.height)
      e.sink.error(block.span, fmt::format("the caption of this picture runs off page {}: move the picture up or "
                                           "shorten the caption", pc.number));
    e.typesetter.place(set, {f.rect.x, top}, pc.out.items);
  }
}

}  // namespace plaquette::layout
