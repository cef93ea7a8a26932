// Flowing a story through columns: line boxes on a fixed leading, paragraph spacing,
// no orphans or widows, headings kept with what follows, and an exact count of what overflows.
#include <algorithm>
#include <cmath>

#include "text/typesetter.hpp"

namespace plaquette::text {

namespace {
constexpr size_t kMinLinesAtBreak = 2;  // orphans and widows: at least 2 lines each side of a break
constexpr double kEps = 0.01;           // points: absorbs rounding in frame sizes
}  // namespace

FlowResult Typesetter::flow(const std::vector<model::Paragraph>& paragraphs, const std::vector<Rect>& columns,
                            FlowStart start) const {
  FlowResult result;
  if (columns.empty() || start.paragraph >= paragraphs.size()) return result;

  size_t col = 0;
  double y = columns[0].y;
  bool at_top = true;           // nothing placed yet in this column: no space before
  double pending_after = 0;     // space after the previous paragraph, due before the next line
  result.columns_used = 1;

  auto next_column = [&]() -> bool {
    if (col + 1 >= columns.size()) return false;
    ++col;
    ++result.columns_used;
    y = columns[col].y;
    at_top = true;
    pending_after = 0;
    return true;
  };

  auto overflow_from = [&](size_t pi, size_t lines_left_in_current, size_t placed) {
    Overflow o;
    o.paragraph = pi;
    o.line = placed;
    o.lines_left = lines_left_in_current;
    // Counted exactly for the first paragraphs left over; past kExactOverflowBytes of text, the
    // rest is estimated from them, so that a pasted book reports its overflow in a moment.
    size_t bytes = 0, counted_bytes = 0, counted_lines = 0;
    for (size_t j = pi + 1; j < paragraphs.size(); ++j) {
      const size_t n = paragraphs[j].text.size();
      if (counted_bytes < kExactOverflowBytes) {
        const size_t lines = set(paragraphs[j], columns[col].width).lines.size();
        o.lines_left += lines;
        counted_lines += lines;
        counted_bytes += n;
      } else {
        bytes += n;
      }
    }
    if (bytes > 0) {
      const double per_byte = counted_bytes ? static_cast<double>(counted_lines) / static_cast<double>(counted_bytes) : 0;
      o.lines_left += static_cast<size_t>(std::ceil(per_byte * static_cast<double>(bytes)));
      o.estimated = true;
    }
    result.overflow = o;
  };

  for (size_t pi = start.paragraph; pi < paragraphs.size(); ++pi) {
    SetParagraph sp = set(paragraphs[pi], columns[col].width);
    const double leading = sp.style->leading;
    // Continuing a paragraph begun in another frame: its first lines are already placed there.
    size_t first = pi == start.paragraph ? std::min(start.line, sp.lines.size()) : 0;
    while (first < sp.lines.size()) {
      const double gap = at_top ? 0.0 : pending_after + (first == 0 ? sp.style->space_before : 0.0);
      const size_t remaining = sp.lines.size() - first;
      const double room = columns[col].bottom() + kEps - (y + gap);
      const size_t fit = room >= leading ? static_cast<size_t>(std::floor(room / leading)) : 0;

      size_t take = 0;
      if (fit >= remaining) {
        take = remaining;
        // A heading must not end a column: it needs the first lines of what it introduces.
        if (sp.style->keep_with_next && pi + 1 < paragraphs.size() && !at_top) {
          SetParagraph next = set(paragraphs[pi + 1], columns[col].width);
          double need = gap + remaining * leading + sp.style->space_after + next.style->space_before +
                        std::min(kMinLinesAtBreak, next.lines.size()) * next.style->leading;
          if (y + need > columns[col].bottom() + kEps) take = 0;
        }
      } else {
        take = fit;
        const bool starting = first == 0;
        if (starting && remaining <= 2 * kMinLinesAtBreak - 1) take = 0;       // too short to split
        if (starting && take < kMinLinesAtBreak) take = 0;                      // orphan
        if (take > 0 && remaining - take < kMinLinesAtBreak)                    // widow
          take = remaining >= kMinLinesAtBreak ? remaining - kMinLinesAtBreak : 0;
        if (starting && take < kMinLinesAtBreak) take = 0;
        if (sp.style->keep_with_next || sp.style->keep_together) take = 0;     // never split these
      }
      // In an empty column the rules cannot be honoured better elsewhere: place what fits.
      if (take == 0 && at_top) take = std::min(fit, remaining);

      if (take > 0) {
        SetParagraph part;
        part.style = sp.style;
        part.span = sp.span;
        part.lines.assign(sp.lines.begin() + static_cast<long>(first), sp.lines.begin() + static_cast<long>(first + take));
        place(part, {columns[col].x, y + gap}, result.items);
        for (const auto& l : part.lines) result.stats.add(l);
        if (first == 0 && sp.style->outline_level > 0) result.headings.push_back({pi, {columns[col].x, y + gap}});
        y += gap + static_cast<double>(take) * leading;
        result.bottom = y;
        first += take;
        at_top = false;
        pending_after = 0;
      }
      if (first < sp.lines.size()) {
        if (!next_column()) {
          overflow_from(pi, sp.lines.size() - first, first);
          return result;
        }
        if (std::abs(columns[col].width - columns[col - 1].width) > kEps && first == 0)
          sp = set(paragraphs[pi], columns[col].width);  // a column of another width: set again
      }
    }
    pending_after = sp.style->space_after;
  }
  return result;
}

}  // namespace plaquette::text
