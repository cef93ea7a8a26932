// Setting one chosen line: Pango shapes the line's text (plus the hyphen when the line was
// broken inside a word) and the word spaces are widened or narrowed to fill the measure.
#pragma once
#include "core/color.hpp"
#include "model/document.hpp"
#include "text/paragraph_items.hpp"
#include "text/styled_text.hpp"
#include "text/typesetter.hpp"

namespace plaquette::text {

struct LineRequest {
  size_t begin = 0, end = 0;  // byte range of the block's text
  bool hyphen = false;        // end the line with '-'
  double width = 0;           // the measure
  bool justify = false;       // fill the measure by adjusting word spaces
  model::Align align = model::Align::Left;
  ItemOptions spacing;        // how word spaces and letters share the adjustment (as when breaking)
};

SetLine set_line(PangoContext* context, const PangoFontDescription* desc, const StyledBlock& block,
                 const LineRequest& request, const SwatchTable& swatches);

}  // namespace plaquette::text
