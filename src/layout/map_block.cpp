// A map inset: the map engine draws the ground; layout adds the source note, set as text
// in the map's bottom-left corner on a light backing so it stays legible over the map.
#include <cmath>
#include <limits>

#include "core/units.hpp"
#include "layout/page_context.hpp"
#include "map/map.hpp"

namespace plaquette::layout {

namespace {

// The map engine's short texts (labels, legend, scale), set by the typesetter on one line.
class MapTextSetter final : public map::TextSetter {
 public:
  MapTextSetter(const text::Typesetter& typesetter, Span span) : typesetter_(typesetter), span_(std::move(span)) {}

  Line set_line(const std::string& style, const std::string& text) const override {
    Line out;
    if (text.empty()) return out;
    // A measure far wider than any label: the text stays on one line.
    auto set = typesetter_.set(model::Paragraph{style, text, span_}, 1e6);
    if (set.lines.empty()) return out;
    const auto& line = set.lines.front();
    // Centred or right-aligned styles push the runs far right of the measure's start: bring
    // the text back so that its left end is at x = 0.
    double left = std::numeric_limits<double>::infinity();
    for (const auto& run : line.runs) left = std::min(left, run.origin.x);
    if (!std::isfinite(left)) left = 0;
    out.runs = line.runs;
    for (auto& run : out.runs) run.origin.x -= left;
    out.width = std::max(0.0, line.right - left);
    out.ascent = line.ascent;
    out.descent = line.descent;
    return out;
  }

 private:
  const text::Typesetter& typesetter_;
  Span span_;
};

}  // namespace

void layout_map_block(const Engines& e, PageContext& pc, const model::MapBlock& block) {
  ResolvedFrame f = resolve_placement(block.at, pc.master);
  MapTextSetter text(e.typesetter, block.map.span);
  map::MapResult result = map::draw_map(block.map, f.rect, e.doc.tmpl.swatches, &text);
  for (auto& w : result.warnings) e.sink.add(std::move(w));
  pc.out.items.push_back(std::move(result.group));

  if (!block.map.source_note.empty()) {
    const double pad = mm_to_pt(1.2);
    const double max_width = f.rect.width * 0.62;
    model::Paragraph p{block.map.source_note_style, block.map.source_note, block.map.span};
    auto set = e.typesetter.set(p, max_width - 2 * pad);
    double width = 0;  // the backing hugs the longest line
    for (const auto& line : set.lines) width = std::max(width, line.right);
    double h = e.typesetter.height(set);
    // Kept clear of the neat line (drawn on the frame edge) so the frame stays unbroken.
    const bool framed = !block.map.frame_stroke.empty() && block.map.frame_stroke != "none";
    const double inset = framed ? 0.75 : 0.0;
    Rect backing{f.rect.x + inset, f.rect.bottom() - inset - h - 2 * pad, width + 2 * pad, h + 2 * pad};
    // Paper: the template's "blanc" swatch when it has one (exact CMYK for the press).
    Paint paper{"", Rgb{1, 1, 1}, 0.85};
    if (auto it = e.doc.tmpl.swatches.find("blanc"); it != e.doc.tmpl.swatches.end()) paper = Paint{it->first, it->second.rgb, 0.85};
    pc.out.items.push_back(scene::make_rect_path(backing, paper, std::nullopt, block.span));
    e.typesetter.place(set, {backing.x + pad, backing.y + pad}, pc.out.items);
  }
}

}  // namespace plaquette::layout
