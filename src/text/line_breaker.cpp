// Knuth & Plass, "Breaking paragraphs into lines" (1981), with TeX's fitness classes,
// flagged (hyphen) demerits and a hard limit on consecutive hyphenated lines.
#include "text/line_breaker.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace plaquette::text {

namespace {

constexpr double kHuge = std::numeric_limits<double>::infinity();

bool is_forced(const BreakItem& it) { return it.type == BreakItemType::Penalty && it.penalty <= -kInfinitePenalty; }

// Whether a word space (glue of some width, not the paragraph's final fill) lies in [from, to).
bool has_glue(const std::vector<BreakItem>& items, size_t from, size_t to) {
  for (size_t i = from; i < to && i < items.size(); ++i)
    if (items[i].type == BreakItemType::Glue && items[i].width > 0) return true;
  return false;
}

// Can the line end at item i?
bool legal_break(const std::vector<BreakItem>& items, size_t i) {
  const BreakItem& it = items[i];
  if (it.type == BreakItemType::Penalty) return it.penalty < kInfinitePenalty;
  if (it.type == BreakItemType::Glue) return i > 0 && items[i - 1].type == BreakItemType::Box;
  return false;
}

// Running totals so a line's width, stretch and shrink are two subtractions: glue (word
// spaces) and boxes (letter spacing, a last resort) apart.
struct Sums {
  std::vector<double> w, y, z, ly, lz;
  explicit Sums(const std::vector<BreakItem>& items)
      : w(items.size() + 1), y(items.size() + 1), z(items.size() + 1), ly(items.size() + 1), lz(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      const BreakItem& it = items[i];
      const bool glue = it.type == BreakItemType::Glue, box = it.type == BreakItemType::Box;
      w[i + 1] = w[i] + (glue || box ? it.width : 0);
      y[i + 1] = y[i] + (glue ? it.stretch : 0);
      z[i + 1] = z[i] + (glue ? it.shrink : 0);
      ly[i + 1] = ly[i] + (box ? it.stretch : 0);
      lz[i + 1] = lz[i] + (box ? it.shrink : 0);
    }
  }
};

double ratio(const std::vector<BreakItem>& items, const Sums& s, size_t start, size_t end, double width, double ragged,
             double threshold) {
  double natural = s.w[end] - s.w[std::min(start, end)];
  if (items[end].type == BreakItemType::Penalty) natural += items[end].width;
  if (start > end) natural = items[end].type == BreakItemType::Penalty ? items[end].width : 0;
  const bool in_order = start <= end;
  const double stretch = (in_order ? s.y[end] - s.y[start] : 0) + ragged;
  const double shrink = in_order ? s.z[end] - s.z[start] : 0;
  const double letters_stretch = in_order ? s.ly[end] - s.ly[start] : 0;
  const double letters_shrink = in_order ? s.lz[end] - s.lz[start] : 0;
  if (natural < width) {
    const double need = width - natural;
    const double rest = need - letter_share(need, stretch, letters_stretch, threshold);
    if (stretch > 0) return rest / stretch;
    return rest <= 1e-9 ? threshold : kHuge;  // no word space: letters alone, or nothing
  }
  if (natural > width) {
    const double need = width - natural;
    const double rest = need - letter_share(need, shrink, letters_shrink, threshold);
    if (shrink > 0) return rest / shrink;
    return rest >= -1e-9 ? -1 : -kHuge;
  }
  return 0;
}

int fitness_class(double r) {
  if (r < -0.5) return 0;  // tight
  if (r <= 0.5) return 1;  // decent
  if (r <= 1.0) return 2;  // loose
  return 3;                // very loose
}

struct Node {
  size_t position = 0;  // item index of the break (unused for the start node)
  size_t start = 0;     // first item of the line after this break
  size_t line = 0;      // number of lines ended so far
  int fitness = 1;
  int hyphens = 0;      // consecutive hyphenated lines ending here
  double ratio = 0;
  double demerits = 0;
  int previous = -1;    // index into the node store
  bool flagged = false;
  bool hyphen_added = false;  // the line ends inside a word, with a hyphen the setter adds
};

std::optional<std::vector<LineBreak>> try_total_fit(const std::vector<BreakItem>& items, const BreakParams& p,
                                                     double tolerance, bool allow_stranded, int max_hyphens,
                                                     bool last_pass) {
  const Sums sums(items);
  std::vector<Node> store;
  store.push_back(Node{});
  std::vector<int> active{0};
  const size_t distinct_lines = std::max<size_t>(p.line_widths.size(), 1);

  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b)) continue;
    const BreakItem& brk = items[b];
    const bool flagged = brk.type == BreakItemType::Penalty && brk.flagged;
    // Best new node per (fitness class, line class, hyphen run).
    std::map<std::tuple<int, size_t, int>, Node> best;
    std::vector<int> still_active;
    for (int ai : active) {
      const Node& a = store[static_cast<size_t>(ai)];
      const double r = ratio(items, sums, a.start, b, p.widths_at(a.line), p.ragged_stretch, p.letter_threshold);
      bool keep = !(r < -1 || is_forced(brk));
      double badness = 0;
      bool feasible = std::isfinite(r) && r >= -1 && r <= tolerance;
      if (r < -1 && last_pass) {  // overfull, kept only so that the paragraph can always be set
        feasible = true;
        badness = 1e8;
      } else if (!std::isfinite(r) && r > 0 && last_pass) {  // nothing to stretch: underfull but settable
        feasible = true;
        badness = 1e6;  // a short line (a piece of a URL) rather than one that runs into the margin
      } else if (feasible) {
        badness = 100 * std::pow(std::abs(r), 3);
      }
      const int hyphens = flagged ? a.hyphens + 1 : 0;
      if (flagged && hyphens > max_hyphens && !last_pass) feasible = false;
      // A paragraph (or forced line) ending on a lone syllable after a hyphen the hyphenator
      // added ("compé-/tents."): the last line holds no word space. (After a compound's own
      // hyphen the last line is a word: "Pas-de-/Calais.".)
      const bool stranded = is_forced(brk) && a.hyphen_added && ai != 0 && !has_glue(items, a.start, b);
      if (stranded && !allow_stranded) feasible = false;
      if (feasible) {
        double d = std::pow(p.line_penalty + badness, 2);
        if (brk.type == BreakItemType::Penalty) {
          if (brk.penalty >= 0) d += brk.penalty * brk.penalty;
          else if (brk.penalty > -kInfinitePenalty) d -= brk.penalty * brk.penalty;
        }
        if (flagged && a.flagged) d += p.flagged_demerits;
        if (is_forced(brk) && a.flagged) d += p.final_hyphen_demerits;
        if (stranded) d += 1e9;
        const int fit = fitness_class(r);
        if (ai != 0 && std::abs(fit - a.fitness) > 1) d += p.fitness_demerits;
        // Last pass only: as good as forbidden, taken only when nothing else can end the paragraph.
        if (flagged && hyphens > max_hyphens) d += 1e30;
        Node n;
        n.position = b;
        n.start = line_start_after(items, b);
        n.line = a.line + 1;
        n.fitness = fit;
        n.hyphens = hyphens;
        n.ratio = std::isfinite(r) ? r : 0;
        n.demerits = a.demerits + d;
        n.previous = ai;
        n.flagged = flagged;
        n.hyphen_added = flagged && brk.width > 0;
        auto key = std::make_tuple(fit, std::min(n.line, distinct_lines), hyphens);
        auto it = best.find(key);
        if (it == best.end() || n.demerits < it->second.demerits) best[key] = n;
      }
      if (keep) still_active.push_back(ai);
    }
    for (auto& [key, n] : best) {
      store.push_back(n);
      still_active.push_back(static_cast<int>(store.size() - 1));
    }
    active = std::move(still_active);
    if (active.empty()) return std::nullopt;  // nothing can reach the end at this tolerance
  }

  // The paragraph ends at its final forced break: the best node there.
  int winner = -1;
  for (int ai : active) {
    const Node& n = store[static_cast<size_t>(ai)];
    if (n.position + 1 != items.size() || ai == 0) continue;
    if (winner < 0 || n.demerits < store[static_cast<size_t>(winner)].demerits) winner = ai;
  }
  if (winner < 0) return std::nullopt;
  std::vector<LineBreak> out;
  for (int i = winner; i > 0; i = store[static_cast<size_t>(i)].previous) {
    const Node& n = store[static_cast<size_t>(i)];
    out.push_back({n.position, n.ratio, n.flagged});
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

double letter_share(double need, double space_give, double letter_give, double letter_threshold) {
  if (letter_give <= 0) return 0;
  if (need > 0) {
    const double beyond = need - letter_threshold * space_give;  // what spaces would give past the threshold
    return beyond > 0 ? std::min(beyond, letter_give) : 0;
  }
  if (need < 0) {
    const double beyond = -need - space_give;  // spaces shrink to their limit (ratio -1) first
    return beyond > 0 ? -std::min(beyond, letter_give) : 0;
  }
  return 0;
}

size_t line_start_after(const std::vector<BreakItem>& items, size_t brk) {
  size_t i = brk + 1;
  while (i < items.size() && items[i].type != BreakItemType::Box && !is_forced(items[i])) ++i;
  return i;
}

double adjustment_ratio(const std::vector<BreakItem>& items, size_t start, size_t end, double width,
                        double ragged_stretch, double letter_threshold) {
  const Sums sums(items);
  const double r = ratio(items, sums, start, end, width, ragged_stretch, letter_threshold);
  return std::isfinite(r) ? r : 0;
}

std::vector<LineBreak> total_fit(const std::vector<BreakItem>& items, const BreakParams& params) {
  if (items.empty()) return {};
  // TeX's passes — the requested tolerance, a looser one, then an emergency pass that always
  // ends — with one in between: word spaces up to twice their width (ratio 2) before a paragraph
  // may end on a lone syllable after a hyphen, which the first passes refuse.
  struct Pass {
    double tolerance;
    bool allow_stranded;
  };
  // (1.98, not 2: the setter rounds to Pango units, and `check` holds spaces to 2.00 at most.)
  const double loose = std::max(params.tolerance, 1.98);
  const Pass passes[] = {{params.tolerance, false}, {loose, false}, {loose, true},
                         {std::max(params.tolerance, 4.0), true}, {kHuge, true}};
  for (size_t i = 0; i < std::size(passes); ++i)
    if (auto breaks = try_total_fit(items, params, passes[i].tolerance, passes[i].allow_stranded,
                                    params.max_consecutive_flagged, i + 1 == std::size(passes)))
      return *breaks;
  return first_fit(items, params);  // not reached: the last pass always succeeds
}

std::vector<LineBreak> first_fit(const std::vector<BreakItem>& items, const BreakParams& params) {
  std::vector<LineBreak> out;
  if (items.empty()) return out;
  const Sums sums(items);
  size_t start = 0, line = 0;
  int hyphens = 0;
  constexpr size_t kNone = static_cast<size_t>(-1);
  size_t candidate = kNone;  // last break where the line still fit
  auto emit = [&](size_t b) {
    const bool flagged = items[b].type == BreakItemType::Penalty && items[b].flagged;
    double r = ratio(items, sums, start, b, params.widths_at(line), params.ragged_stretch, params.letter_threshold);
    out.push_back({b, std::isfinite(r) ? r : 0, flagged});
    hyphens = flagged ? hyphens + 1 : 0;
    start = line_start_after(items, b);
    ++line;
    candidate = kNone;
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b)) continue;
    const bool flagged = items[b].type == BreakItemType::Penalty && items[b].flagged;
    const double r = ratio(items, sums, start, b, params.widths_at(line), params.ragged_stretch, params.letter_threshold);
    if (r < -1) {  // this break would overfill the line: end it at the last one that fitted
      if (candidate != kNone) {
        const size_t c = candidate;
        emit(c);
        b = c;  // look again from the new line's start
        continue;
      }
      emit(b);  // a single word wider than the line: overfull, but set
      continue;
    }
    if (is_forced(items[b])) {
      emit(b);
      continue;
    }
    if (!(flagged && hyphens >= params.max_consecutive_flagged)) candidate = b;
  }
  return out;
}

}  // namespace plaquette::text
