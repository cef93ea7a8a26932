// Choosing where the lines of a paragraph break, over TeX's boxes, glue and penalties.
// total_fit is the Knuth–Plass algorithm (the paragraph's breaks are chosen together, to
// minimise the sum of the lines' demerits); first_fit fills one line at a time, as word
// processors do. Both work on widths only: measuring (Pango) and setting are done elsewhere.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

namespace plaquette::text {

enum class BreakItemType { Box, Glue, Penalty };

inline constexpr double kInfinitePenalty = 10000;  // a penalty this high forbids a break
inline constexpr double kFill = 1e6;               // stretch of the glue that ends a paragraph

struct BreakItem {
  BreakItemType type = BreakItemType::Box;
  double width = 0;    // natural width (for a penalty: what is added if the line breaks here, e.g. "-")
  double stretch = 0;  // glue; for a box, the letter spacing it may take (a last resort, see BreakParams)
  double shrink = 0;
  double penalty = 0;  // penalty only; <= -kInfinitePenalty forces a break, >= kInfinitePenalty forbids it
  bool flagged = false;  // penalty only: a break here ends the line with a hyphen
  size_t begin = 0;    // byte range of the text this item stands for
  size_t end = 0;

  static BreakItem box(double w, size_t b, size_t e) { return {BreakItemType::Box, w, 0, 0, 0, false, b, e}; }
  static BreakItem glue(double w, double stretch, double shrink, size_t b, size_t e) {
    return {BreakItemType::Glue, w, stretch, shrink, 0, false, b, e};
  }
  static BreakItem pen(double w, double p, bool flagged, size_t at) {
    return {BreakItemType::Penalty, w, 0, 0, p, flagged, at, at};
  }
};

struct BreakParams {
  std::vector<double> line_widths;  // width of line 1, 2, ...; the last value repeats
  double tolerance = 2.0;           // largest adjustment ratio a line may have (1 = all the stretch)
  double line_penalty = 10;         // TeX's \linepenalty: favours fewer lines
  double flagged_demerits = 3000;   // two hyphenated lines in a row
  double fitness_demerits = 10000;  // a line two fitness classes from its neighbour (TeX's \adjdemerits)
  double final_hyphen_demerits = 5000;  // the second-to-last line hyphenated (TeX's \finalhyphendemerits)
  // Letter spacing (the boxes' stretch and shrink) is a last resort: a line takes it only for
  // what its word spaces cannot give within this adjustment ratio.
  double letter_threshold = 1.6;
  int max_consecutive_flagged = 2;  // hard limit on hyphenated lines in a row
  double ragged_stretch = 0;        // stretch added at each line end (ragged text: no glue stretch)
  double widths_at(size_t line) const {
    if (line_widths.empty()) return 0;
    return line < line_widths.size() ? line_widths[line] : line_widths.back();
  }
};

struct LineBreak {
  size_t item = 0;      // index of the glue or penalty where the line ends
  double ratio = 0;     // adjustment ratio of the line: >0 stretched, <0 shrunk
  bool hyphen = false;  // the line ends at a flagged penalty
};

// Knuth–Plass. The items must end with a forced break (penalty <= -kInfinitePenalty).
// Tries the tolerance, then looser passes; the last pass always succeeds (a line that cannot
// fit becomes overfull rather than the paragraph being lost).
std::vector<LineBreak> total_fit(const std::vector<BreakItem>& items, const BreakParams& params);

// One line at a time: each line takes as much as fits (shrinking spaces if needed).
std::vector<LineBreak> first_fit(const std::vector<BreakItem>& items, const BreakParams& params);

// The adjustment ratio of the line from item `start` (first item of the line) to the break at
// `end`: how much of the word spaces' stretch (or shrink) the line uses to reach `width`, once
// letter spacing has taken what it may beyond `letter_threshold`.
double adjustment_ratio(const std::vector<BreakItem>& items, size_t start, size_t end, double width,
                        double ragged_stretch = 0, double letter_threshold = 1.6);

// How a line's adjustment is shared: word spaces first, up to `letter_threshold` times their
// stretch (or all their shrink), then letters up to their own limit, then word spaces again.
// `need` > 0 widens, < 0 narrows. Returns the amount given to letters (same sign as need).
double letter_share(double need, double space_give, double letter_give, double letter_threshold);

// First item of the line that follows a break at `brk`: glue and penalties after it are dropped.
size_t line_start_after(const std::vector<BreakItem>& items, size_t brk);

}  // namespace plaquette::text
