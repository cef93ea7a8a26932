#include <cairo-pdf.h>

#include <fmt/format.h>

#include "render/cairo_handles.hpp"
#include "render/draw_items.hpp"
#include "render/render.hpp"

namespace plaquette::render {

namespace {

// Cairo writes a URI's bytes as they are: anything outside printable ASCII (and the quote that
// would end cairo's attribute string) is percent-encoded, as RFC 3986 asks.
std::string percent_encode(const std::string& uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7f || c == '\'' || c == '\\' || c == '"')
      out += fmt::format("%{:02X}", c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

void draw_link(cairo_t* cr, const scene::Link& link) {
  // Only the PDF surface knows links; on an image surface the tag is ignored.
  std::string attrs = fmt::format("rect=[{} {} {} {}] uri='{}'", link.area.x, link.area.y, link.area.width,
                                  link.area.height, percent_encode(link.uri));
  cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
  cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void draw_items(cairo_t* cr, const std::vector<scene::Item>& items) {
  for (const auto& item : items) {
    std::visit(
        [cr](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, scene::GlyphRun>) {
            draw_glyph_run(cr, k);
          } else if constexpr (std::is_same_v<T, scene::Path>) {
            draw_path(cr, k);
          } else if constexpr (std::is_same_v<T, scene::Image>) {
            draw_image(cr, k);
          } else if constexpr (std::is_same_v<T, scene::Link>) {
            draw_link(cr, k);
          } else if constexpr (std::is_same_v<T, scene::Group>) {
            SavedState saved(cr);
            if (k.clip) {
              cairo_rectangle(cr, k.clip->x, k.clip->y, k.clip->width, k.clip->height);
              cairo_clip(cr);
            }
            draw_items(cr, k.children);
          }
        },
        item.kind);
  }
}

void render_page(cairo_t* cr, const scene::Page& page) {
  SavedState saved(cr);
  draw_items(cr, page.items);
}

}  // namespace plaquette::render
