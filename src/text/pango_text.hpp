// Pango objects made from styled text: attribute lists for a byte range and unwrapped layouts.
// User text is given to Pango as text plus attributes, never as markup, so '<' and '&' print
// as themselves.
#pragma once
#include <string>

#include "model/document.hpp"
#include "text/pango_handles.hpp"
#include "text/styled_text.hpp"

namespace plaquette::text {

// Attributes for block.text[begin, end), re-based at 0. When `extra_hyphen` is set, one more
// byte (the '-' ending a hyphenated line) takes the style of the last byte.
AttrListHandle attrs_for(const StyledBlock& block, size_t begin, size_t end, bool extra_hyphen);

// The attributes of one segment over [start, end) of a layout's text.
void insert_segment_attrs(PangoAttrList* list, const TextSegment& s, unsigned start, unsigned end);

// An unwrapped (single-line) layout of `text` in `style` with `attrs`.
LayoutHandle unwrapped_layout(PangoContext* context, const PangoFontDescription* desc, const std::string& text,
                              PangoAttrList* attrs);

// Width of `text` set like segment `s` (for a hyphen or a list marker).
double text_width(PangoContext* context, const PangoFontDescription* desc, const TextSegment& s,
                  const std::string& text);

}  // namespace plaquette::text
