// A master's decorations: colour bands, rules and short texts such as the folio.
#include <fmt/format.h>

#include "core/units.hpp"
#include "layout/bleed.hpp"
#include "layout/page_context.hpp"

namespace plaquette::layout {

namespace {
std::string expand(const std::string& text, int page_number) {
  std::string out = text;
  const std::string key = "{page}";
  for (size_t pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos))
    out.replace(pos, key.size(), std::to_string(page_number));
  return out;
}
}  // namespace

void layout_master_items(const Engines& e, PageContext& pc) {
  for (const auto& item : pc.master.items) {
    if (auto* box = std::get_if<model::MasterBox>(&item)) {
      const Rect r = extend_into_bleed(box->rect, pc.out.trim, pc.out.bleed);
      pc.out.items.push_back(scene::make_rect_path(r, paint_of(e.doc, box->fill, box->opacity), std::nullopt, box->span));
    } else if (auto* rule = std::get_if<model::MasterRule>(&item)) {
      scene::Stroke stroke;
      stroke.paint = paint_of(e.doc, rule->stroke);
      stroke.width = rule->width;
      stroke.cap = scene::LineCap::Butt;
      pc.out.items.push_back(scene::make_line_path(rule->from, rule->to, stroke, rule->span));
    } else if (auto* text = std::get_if<model::MasterText>(&item)) {
      model::Paragraph p{text->style, expand(text->text, pc.number), text->span};
      auto flow = e.typesetter.flow({p}, {text->rect});
      if (flow.overflow)
        e.sink.error(text->span, fmt::format("master text '{}' does not fit its {}x{} box on page {}", p.text,
                                             format_mm(text->rect.width), format_mm(text->rect.height), pc.number));
      for (auto& it : flow.items) pc.out.items.push_back(std::move(it));
    }
  }
}

}  // namespace plaquette::layout
