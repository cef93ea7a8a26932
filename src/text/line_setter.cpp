#include "text/line_setter.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "text/line_breaker.hpp"
#include "text/pango_text.hpp"

namespace plaquette::text {

namespace {

void free_glyph_item(PangoGlyphItem* gi) { pango_glyph_item_free(gi); }

bool stretchable(const std::string& text, size_t at) {
  if (text[at] == ' ') return true;
  return text.compare(at, 2, "\u00A0") == 0;
}

// A no-break space joins the cluster of the glyph before it ("«\u202F", "e\u202F"). Cairo then
// writes the pair as ActualText, so that text extraction keeps the space's identity instead of
// normalising it to a plain space.
void keep_fixed_spaces_in_text(const std::string& text, PangoGlyphItem& run) {
  PangoGlyphString* gs = run.glyphs;
  for (int g = 1; g < gs->num_glyphs; ++g) {
    const size_t at = static_cast<size_t>(run.item->offset + gs->log_clusters[g]);
    const bool fixed_space = text.compare(at, 3, "\u202F") == 0 || text.compare(at, 2, "\u00A0") == 0;
    if (!fixed_space || gs->log_clusters[g - 1] == gs->log_clusters[g]) continue;
    gs->log_clusters[g] = gs->log_clusters[g - 1];
  }
}

}  // namespace

SetLine set_line(PangoContext* context, const PangoFontDescription* desc, const StyledBlock& block,
                 const LineRequest& rq, const SwatchTable& swatches) {
  std::string text = block.text.substr(rq.begin, rq.end - rq.begin);
  if (rq.hyphen) text += '-';
  AttrListHandle attrs = attrs_for(block, rq.begin, rq.end, rq.hyphen);
  LayoutHandle layout = unwrapped_layout(context, desc, text, attrs.get());
  PangoLayoutLine* pl = pango_layout_get_line_readonly(layout.get(), 0);

  SetLine line;
  line.hyphenated = rq.hyphen;
  PangoRectangle logical;
  pango_layout_line_get_extents(pl, nullptr, &logical);
  // Pango's line extents are relative to the baseline: y is minus the ascent.
  line.ascent = -static_cast<double>(logical.y) / PANGO_SCALE;
  line.descent = static_cast<double>(logical.y + logical.height) / PANGO_SCALE;
  if (text.empty()) {  // an empty line keeps its font's height
    PangoRectangle empty;
    pango_layout_get_extents(layout.get(), nullptr, &empty);
    const int baseline = pango_layout_get_baseline(layout.get());
    line.ascent = static_cast<double>(baseline - empty.y) / PANGO_SCALE;
    line.descent = static_cast<double>(empty.y + empty.height - baseline) / PANGO_SCALE;
    return line;
  }

  // Copies of the runs, which we may widen, in visual order.
  std::vector<std::shared_ptr<PangoGlyphItem>> runs;
  int natural = 0;
  for (GSList* l = pl->runs; l; l = l->next) {
    auto* run = static_cast<PangoGlyphItem*>(l->data);
    runs.emplace_back(pango_glyph_item_copy(run), free_glyph_item);
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      natural += run->glyphs->glyphs[g].geometry.width;
      // No font of the project has this character: Pango draws a box with its code point.
      const PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
        const char32_t c = static_cast<char32_t>(glyph & ~PANGO_GLYPH_UNKNOWN_FLAG);
        // (U+FFFD stands for bytes of data that were not text: reported where they were read)
        if (c >= 0x20 && c != 0xFFFD && std::find(line.missing.begin(), line.missing.end(), c) == line.missing.end())
          line.missing.push_back(c);
      }
    }
    keep_fixed_spaces_in_text(text, *runs.back());
  }

  int total = natural;
  if (rq.justify) {
    // Each glyph that starts a cluster takes a share of the difference, as the line breaker
    // assumed (letter_share): word spaces first, by their stretch (or shrink); letters only for
    // what the spaces cannot give within the threshold, by the letter spacing allowed; the rest
    // to the spaces again. The last glyph takes none, so that the line ends on the measure.
    struct Slot {
      PangoGlyphInfo* glyph;
      double weight;
      bool space;
    };
    const int extra = static_cast<int>(std::lround(rq.width * PANGO_SCALE)) - natural;
    std::vector<Slot> slots;
    double space_width = 0;
    for (auto& run : runs) {
      PangoGlyphString* gs = run->glyphs;
      const TextSegment& seg = segment_at(block, rq.begin + static_cast<size_t>(run->item->offset));
      for (int g = 0; g < gs->num_glyphs; ++g) {
        const bool cluster_start = g == 0 || gs->log_clusters[g] != gs->log_clusters[g - 1];
        if (!cluster_start) continue;
        const size_t at = static_cast<size_t>(run->item->offset + gs->log_clusters[g]);
        const double w = gs->glyphs[g].geometry.width;
        if (stretchable(text, at)) {
          space_width += w;
          slots.push_back({&gs->glyphs[g], w * (extra >= 0 ? rq.spacing.stretch : rq.spacing.shrink), true});
        } else {
          const double em = seg.size * PANGO_SCALE;
          slots.push_back({&gs->glyphs[g], em * (extra >= 0 ? rq.spacing.letter_stretch : rq.spacing.letter_shrink), false});
        }
      }
    }
    if (!slots.empty()) slots.pop_back();  // the last glyph stays where it is
    double space_weights = 0, letter_weights = 0;
    for (const auto& sl : slots) (sl.space ? space_weights : letter_weights) += sl.weight;
    const double to_letters_wanted =
        letter_share(static_cast<double>(extra), space_weights, letter_weights, rq.spacing.letter_threshold);
    // Without word spaces, letters can give no more than their limit: the line stays short.
    // Truncated: rounding must never take letters past their ceiling.
    const int to_letters = static_cast<int>(to_letters_wanted);
    const int to_spaces_total = space_weights > 0 ? extra - to_letters : 0;
    int given = 0, to_spaces = 0, to_letters_given = 0;
    // Each group's amount spread over its slots by their weights (rounding carried along).
    auto spread = [&](bool space, double weights, int amount, int& group_given) {
      if (weights <= 0 || amount == 0) return;
      double cumulative = 0;
      for (auto& sl : slots) {
        if (sl.space != space) continue;
        cumulative += sl.weight;
        const int share = static_cast<int>(std::lround(amount * cumulative / weights)) - group_given;
        sl.glyph->geometry.width += share;
        group_given += share;
      }
    };
    spread(true, space_weights, to_spaces_total, to_spaces);
    spread(false, letter_weights, to_letters, to_letters_given);
    given = to_spaces + to_letters_given;
    if (space_weights > 0 || letter_weights > 0) {
      total = natural + given;
      line.justified = true;
      line.spacing = space_width > 0 ? (space_width + to_spaces) / space_width : 1.0;
      // Per character, in ems (the letters' weights are em × the allowed spacing).
      const double per_em = rq.spacing.letter_stretch > 0 && extra >= 0   ? rq.spacing.letter_stretch
                            : rq.spacing.letter_shrink > 0 && extra < 0 ? rq.spacing.letter_shrink
                                                                        : 0;
      line.letter_spacing = letter_weights > 0 ? to_letters_given / letter_weights * per_em : 0;
    }
  }

  double offset = 0;
  if (!rq.justify) {
    if (rq.align == model::Align::Center) offset = (rq.width - static_cast<double>(total) / PANGO_SCALE) / 2;
    if (rq.align == model::Align::Right) offset = rq.width - static_cast<double>(total) / PANGO_SCALE;
  }
  auto shared_text = std::make_shared<const std::string>(text);
  double x = offset;
  for (auto& run : runs) {
    int w = 0;
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) w += run->glyphs->glyphs[g].geometry.width;
    const double width = static_cast<double>(w) / PANGO_SCALE;
    size_t at = rq.begin + static_cast<size_t>(run->item->offset);
    const TextSegment& seg = segment_at(block, std::min(at, rq.end > rq.begin ? rq.end - 1 : rq.begin));
    scene::GlyphRun gr;
    gr.text = shared_text;
    gr.glyphs = run;
    gr.origin = {x, 0.0};
    if (auto sw = swatches.find(seg.color); sw != swatches.end()) gr.paint = {sw->first, sw->second.rgb, 1.0};
    line.runs.push_back(std::move(gr));
    if (!seg.link.empty()) {
      if (!line.links.empty() && line.links.back().uri == seg.link && std::abs(line.links.back().x1 - x) < 0.01)
        line.links.back().x1 = x + width;
      else
        line.links.push_back({x, x + width, seg.link});
    }
    x += width;
  }
  line.right = x;
  return line;
}

}  // namespace plaquette::text
