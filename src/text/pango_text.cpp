#include "text/pango_text.hpp"

#include <fmt/format.h>

namespace plaquette::text {

namespace {

void insert(PangoAttrList* list, PangoAttribute* a, unsigned start, unsigned end) {
  a->start_index = start;
  a->end_index = end;
  pango_attr_list_insert(list, a);
}

}  // namespace

void insert_segment_attrs(PangoAttrList* list, const TextSegment& s, unsigned start, unsigned end) {
  if (start >= end) return;
  insert(list, pango_attr_family_new(s.family.c_str()), start, end);
  insert(list, pango_attr_weight_new(static_cast<PangoWeight>(s.weight)), start, end);
  insert(list, pango_attr_style_new(s.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL), start, end);
  insert(list, pango_attr_size_new_absolute(static_cast<int>(s.size * PANGO_SCALE)), start, end);
  if (s.tracking != 0)
    insert(list, pango_attr_letter_spacing_new(static_cast<int>(s.tracking / 1000.0 * s.size * PANGO_SCALE)), start,
           end);
  if (!s.features.empty())
    insert(list, pango_attr_font_features_new(fmt::format("{}", fmt::join(s.features, ", ")).c_str()), start, end);
  // The colour is drawn from the segment, not from Pango; a distinct value per colour makes
  // Pango end a run where the colour changes, so that each glyph run has one colour.
  const unsigned tag = static_cast<unsigned>(std::hash<std::string>{}(s.color) & 0xffff);
  insert(list, pango_attr_foreground_new(static_cast<guint16>(tag), 0, 0), start, end);
}

AttrListHandle attrs_for(const StyledBlock& block, size_t begin, size_t end, bool extra_hyphen) {
  AttrListHandle list(pango_attr_list_new());
  for (const auto& s : block.segments) {
    size_t a = std::max(s.begin, begin), b = std::min(s.end, end);
    if (extra_hyphen && s.end >= end && s.begin < end) b = end + 1;
    if (a >= b) continue;
    insert_segment_attrs(list.get(), s, static_cast<unsigned>(a - begin), static_cast<unsigned>(b - begin));
  }
  return list;
}

LayoutHandle unwrapped_layout(PangoContext* context, const PangoFontDescription* desc, const std::string& text,
                              PangoAttrList* attrs) {
  LayoutHandle layout(pango_layout_new(context));
  pango_layout_set_font_description(layout.get(), desc);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_width(layout.get(), -1);
  if (attrs) pango_layout_set_attributes(layout.get(), attrs);
  return layout;
}

double text_width(PangoContext* context, const PangoFontDescription* desc, const TextSegment& s,
                  const std::string& text) {
  AttrListHandle list(pango_attr_list_new());
  insert_segment_attrs(list.get(), s, 0, static_cast<unsigned>(text.size()));
  LayoutHandle layout = unwrapped_layout(context, desc, text, list.get());
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

}  // namespace plaquette::text
