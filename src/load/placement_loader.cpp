// Where a block goes: a frame of the page's master (whose edges may move for this page) or an
// explicit rectangle. The two are exclusive: mixing them is a mistake worth a clear message.
#include <fmt/format.h>

#include "load/block_loader.hpp"
#include "load/limits.hpp"
#include "load/rect_reader.hpp"

namespace plaquette::load {

namespace {
const char* const kEdges[] = {"top", "bottom", "left", "right"};
}

model::Placement load_placement(MapReader& m, const std::string& master, bool width_is_stroke, LoadContext& ctx) {
  const NodeReader& reader = m.reader();
  model::Placement at;
  at.span = m.anchor();

  std::vector<std::string> rect_keys = {"x", "y", "height"};
  if (!width_is_stroke) rect_keys.insert(rect_keys.begin() + 2, "width");

  if (m.has("frame")) {
    if (auto frame = m.text("frame", Need::Required)) {
      at.frame = *frame;
      if (!master.empty()) ctx.use(Reference::Kind::Frame, *frame, m.value_span("frame"), master);
    }
    for (const auto& k : rect_keys)
      if (m.has(k)) {
        m.mark_read(k);
        reader.error(m.key_span(k), fmt::format("'{}' cannot go with 'frame': place the block either in a frame "
                                                "or with x, y, width and height, not both",
                                                k));
      }
    auto edge = [&](const char* k) { return m.length(k, Need::Optional, limits::edge_offset(), "150mm"); };
    at.top = edge("top");
    at.bottom = edge("bottom");
    at.left = edge("left");
    at.right = edge("right");
  } else {
    bool any_rect = false;
    for (const auto& k : rect_keys) any_rect = any_rect || m.has(k);
    if (!any_rect) {
      reader.error(at.span, master.empty() ? std::string("this block has no place: give 'frame: name' (a frame of "
                                                         "the page's master) or x, y, width and height")
                                           : fmt::format("this block has no place: give 'frame: name' (a frame "
                                                         "of master page '{}') or x, y, width and height",
                                                         master));
    } else {
      at.rect = read_rect(m);
    }
    for (const char* k : kEdges)
      if (m.has(k)) {
        m.mark_read(k);
        reader.error(m.key_span(k), fmt::format("'{}' moves an edge of a master frame, so it needs 'frame'; for "
                                                "a block placed with x, y, width and height, change those instead",
                                                k));
      }
  }
  at.columns = m.integer("columns", Need::Optional, limits::columns());
  at.gutter = m.length("gutter", Need::Optional, limits::non_negative_length(), "5mm");
  return at;
}

}  // namespace plaquette::load
