#include "text/paragraph_items.hpp"

#include <glib.h>

#include <algorithm>

#include "text/pango_text.hpp"

namespace plaquette::text {

namespace {

constexpr gunichar kNoBreakSpace = 0x00A0;
constexpr gunichar kLineSeparator = 0x2028;  // a forced line break in the text
constexpr gunichar kNarrowNoBreakSpace = 0x202F;

bool is_space(gunichar c) { return c == ' ' || c == '\t'; }
bool is_hyphen(gunichar c) { return c == '-' || c == 0x2010; }

// Advance of the character starting at each byte (0 elsewhere), in points.
std::vector<double> advances(PangoLayout* layout, const std::string& text) {
  std::vector<double> adv(text.size() + 1, 0.0);
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
    if (!run) continue;
    const int n = run->item->num_chars;
    std::vector<int> widths(static_cast<size_t>(n));
    pango_glyph_item_get_logical_widths(run, text.c_str(), widths.data());
    const char* p = text.c_str() + run->item->offset;
    for (int i = 0; i < n; ++i) {
      adv[static_cast<size_t>(p - text.c_str())] += static_cast<double>(widths[static_cast<size_t>(i)]) / PANGO_SCALE;
      p = g_utf8_next_char(p);
    }
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  return adv;
}

}  // namespace

std::vector<BreakItem> paragraph_items(PangoContext* context, const PangoFontDescription* desc,
                                       const StyledBlock& block, const std::vector<size_t>& hyphen_points,
                                       const ItemOptions& options) {
  // Measured with each forced break replaced by a zero-width space of the same length, so that
  // Pango keeps one line and byte offsets stay the same.
  std::string measured = block.text;
  for (size_t at = measured.find("\u2028"); at != std::string::npos; at = measured.find("\u2028", at + 3))
    measured.replace(at, 3, "\u200B");
  AttrListHandle attrs = attrs_for(block, 0, block.text.size(), false);
  LayoutHandle layout = unwrapped_layout(context, desc, measured, attrs.get());
  const std::vector<double> adv = advances(layout.get(), measured);
  int n_attrs = 0;
  const PangoLogAttr* log = pango_layout_get_log_attrs_readonly(layout.get(), &n_attrs);

  std::vector<BreakItem> items;
  const size_t npos = static_cast<size_t>(-1);
  size_t box_begin = npos;
  double box_width = 0, box_stretch = 0, box_shrink = 0;
  const std::string& text = block.text;
  const char* base = text.c_str();
  // A box wider than any line: break opportunities inside it, after the punctuation of a URL
  // (/ . - _ ? & = #) when the pieces between them all fit a line, else between any two
  // characters too (never between a character and its combining marks: Pango's cursor
  // positions), dearer. No hyphen is drawn at such a break.
  auto is_url_break = [](gunichar before) {
    return before == '/' || before == '.' || before == '-' || before == '_' || before == '?' || before == '&' ||
           before == '=' || before == '#';
  };
  auto punctuation_suffices = [&](size_t from, size_t to) {
    double piece = 0;
    bool any = false;
    gunichar before = 0;
    for (const char* p = base + from; p < base + to; p = g_utf8_next_char(p)) {
      if (p > base + from && is_url_break(before)) {
        if (piece > options.emergency_width) return false;
        piece = 0;
        any = true;
      }
      piece += adv[static_cast<size_t>(p - base)];
      before = g_utf8_get_char(p);
    }
    return any && piece <= options.emergency_width;
  };
  auto split_wide_box = [&](size_t from, size_t to) {
    const bool punctuation_only = punctuation_suffices(from, to);
    size_t piece = from;
    double w = 0, st = 0, sh = 0;
    auto emit = [&](size_t at) {
      if (at <= piece) return;
      BreakItem box = BreakItem::box(w, piece, at);
      box.stretch = st;
      box.shrink = sh;
      items.push_back(box);
      piece = at;
      w = st = sh = 0;
    };
    gunichar before = 0;
    int k = static_cast<int>(g_utf8_pointer_to_offset(base, base + from));
    for (const char* p = base + from; p < base + to; p = g_utf8_next_char(p), ++k) {
      const size_t b = static_cast<size_t>(p - base);
      const bool url = is_url_break(before);
      if (b > piece && k < n_attrs && log[k].is_cursor_position && (url || !punctuation_only)) {
        emit(b);
        items.push_back(BreakItem::pen(0, url ? options.url_break_penalty : options.emergency_penalty, false, b));
      }
      w += adv[b];
      if (options.justified) {
        const double em = segment_at(block, b).size;
        st += options.letter_stretch * em;
        sh += options.letter_shrink * em;
      }
      before = g_utf8_get_char(p);
    }
    emit(to);
  };
  auto flush_box = [&](size_t at) {
    if (box_begin == npos) return;
    if (options.emergency_width > 0 && box_width > options.emergency_width) {
      split_wide_box(box_begin, at);
      box_begin = npos;
      box_width = box_stretch = box_shrink = 0;
      return;
    }
    BreakItem box = BreakItem::box(box_width, box_begin, at);
    box.stretch = box_stretch;
    box.shrink = box_shrink;
    items.push_back(box);
    box_begin = npos;
    box_width = box_stretch = box_shrink = 0;
  };
  auto glue = [&](double w, size_t b, size_t e) {
    const double st = options.justified ? w * options.stretch : 0, sh = options.justified ? w * options.shrink : 0;
    return BreakItem::glue(w, st, sh, b, e);
  };

  gunichar prev = 0;
  int ci = 0;
  for (const char* p = base; p < base + text.size(); p = g_utf8_next_char(p), ++ci) {
    const size_t b = static_cast<size_t>(p - base);
    const size_t nb = static_cast<size_t>(g_utf8_next_char(p) - base);
    const gunichar c = g_utf8_get_char(p);
    if (is_space(c)) {
      flush_box(b);
      if (is_space(prev) && !items.empty() && items.back().type == BreakItemType::Glue && items.back().end == b) {
        BreakItem merged = glue(items.back().width + adv[b], items.back().begin, nb);
        items.back() = merged;  // several spaces typed: one space's worth of glue, wider
      } else {
        items.push_back(glue(adv[b], b, nb));
      }
    } else if (c == kNoBreakSpace) {
      flush_box(b);
      // A fixed space (before a colon, after a number): no break, and no stretch either, as
      // the line setter keeps it with the glyph before it.
      items.push_back(BreakItem::pen(0, kInfinitePenalty, false, b));
      items.push_back(BreakItem::glue(adv[b], 0, 0, b, nb));
    } else if (c == kLineSeparator) {
      flush_box(b);
      items.push_back(BreakItem::glue(0, kFill, 0, b, nb));
      items.push_back(BreakItem::pen(0, -kInfinitePenalty, false, b));
    } else {
      const bool after_space = is_space(prev) || prev == kNoBreakSpace || prev == kNarrowNoBreakSpace || prev == 0;
      if (!after_space && std::binary_search(hyphen_points.begin(), hyphen_points.end(), b) &&
          segment_at(block, b).hyphenate) {
        flush_box(b);
        const double hyphen = text_width(context, desc, segment_at(block, b - 1), "-");
        items.push_back(BreakItem::pen(hyphen, options.hyphen_penalty, true, b));
      } else if (!after_space && prev != kLineSeparator && ci < n_attrs && log[ci].is_line_break &&
                 (segment_at(block, b).hyphenate || segment_at(block, b - 1).hyphenate)) {
        // (inside a no-hyphen span, such as a name or an address, not even at its own hyphens)
        flush_box(b);  // after an explicit hyphen, a slash, a dash: a break without a new hyphen
        items.push_back(BreakItem::pen(0, is_hyphen(prev) ? options.hyphen_penalty : options.other_break_penalty,
                                       is_hyphen(prev), b));
      }
      if (box_begin == npos) box_begin = b;
      box_width += adv[b];
      if (options.justified) {
        const double em = segment_at(block, b).size;
        box_stretch += options.letter_stretch * em;
        box_shrink += options.letter_shrink * em;
      }
    }
    prev = c;
  }
  flush_box(text.size());
  items.push_back(BreakItem::glue(0, kFill, 0, text.size(), text.size()));
  items.push_back(BreakItem::pen(0, -kInfinitePenalty, false, text.size()));
  return items;
}

}  // namespace plaquette::text
