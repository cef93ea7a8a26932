// From styled text to the line breaker's boxes, glue and penalties. Widths come from one
// unwrapped Pango layout of the whole block, so kerning, ligatures and letter spacing count.
#pragma once
#include <vector>

#include <pango/pango.h>

#include "model/document.hpp"
#include "text/hyphenator.hpp"
#include "text/line_breaker.hpp"
#include "text/styled_text.hpp"

namespace plaquette::text {

struct ItemOptions {
  bool justified = true;        // glue may stretch and shrink; otherwise it is rigid (ragged text)
  double stretch = 0.5;         // of a space's width (TeX's usual values for text fonts)
  double shrink = 1.0 / 3.0;
  // Letter spacing a justified line may add or take per character, in ems: a last resort, taken
  // only for what word spaces cannot give within `letter_threshold` (the style's
  // max_letter_spacing; TeX has none, InDesign allows a few per cent of a space).
  double letter_stretch = 0.01;
  double letter_shrink = 0.003;
  double letter_threshold = 1.6;  // as BreakParams::letter_threshold
  double hyphen_penalty = 50;   // TeX's \hyphenpenalty and \exhyphenpenalty
  double other_break_penalty = 100;  // after a slash or a dash
  // A word wider than this (the narrowest line) may break anywhere as a last resort, as TeX's
  // emergency pass would rather than run into the margin: a URL after / . - _ ? & = #, any other
  // word between two letters. 0: no emergency breaks.
  double emergency_width = 0;
  double url_break_penalty = 500;
  double emergency_penalty = 5000;
};

// `hyphen_points`: byte offsets where a discretionary hyphen may go (from the Hyphenator).
std::vector<BreakItem> paragraph_items(PangoContext* context, const PangoFontDescription* desc,
                                       const StyledBlock& block, const std::vector<size_t>& hyphen_points,
                                       const ItemOptions& options);

}  // namespace plaquette::text
