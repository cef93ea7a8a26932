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

// Can the line end at item i?
bool legal_break(const std::vector<BreakItem>& items, size_t i) {
  const BreakItem& it = items[i];
  if (it.type == BreakItemType::Penalty) return it.penalty < kInfinitePenalty;
  if (it.type == BreakItemType::Glue) return i > 0 && items[i - 1].type == BreakItemType::Box;
  return false;
}

// Running totals so a line's width, stretch and shrink are two subtractions.
struct Sums {
  std::vector<double> w, y, z;
  explicit Sums(const std::vector<BreakItem>& items) : w(items.size() + 1), y(items.size() + 1), z(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      const BreakItem& it = items[i];
      const bool counts = it.type != BreakItemType::Penalty;
      w[i + 1] = w[i] + (counts ? it.width : 0);
      // Boxes may stretch too: a little letter spacing, as InDesign's justification allows.
      y[i + 1] = y[i] + (counts ? it.stretch : 0);
      z[i + 1] = z[i] + (counts ? it.shrink : 0);
    }
  }
};

double ratio(const std::vector<BreakItem>& items, const Sums& s, size_t start, size_t end, double width, double ragged) {
  double natural = s.w[end] - s.w[std::min(start, end)];
  if (items[end].type == BreakItemType::Penalty) natural += items[end].width;
  if (start > end) natural = items[end].type == BreakItemType::Penalty ? items[end].width : 0;
  const double stretch = (start <= end ? s.y[end] - s.y[start] : 0) + ragged;
  const double shrink = start <= end ? s.z[end] - s.z[start] : 0;
  if (natural < width) return stretch > 0 ? (width - natural) / stretch : kHuge;
  if (natural > width) return shrink > 0 ? (width - natural) / shrink : -kHuge;
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
};

std::optional<std::vector<LineBreak>> try_total_fit(const std::vector<BreakItem>& items, const BreakParams& p,
                                                     double tolerance, bool last_pass) {
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
      const double r = ratio(items, sums, a.start, b, p.widths_at(a.line), p.ragged_stretch);
      bool keep = !(r < -1 || is_forced(brk));
      double badness = 0;
      bool feasible = r >= -1 && r <= tolerance;
      if (r < -1 && last_pass) {  // overfull, kept only so that the paragraph can always be set
        feasible = true;
        badness = 1e8;
      } else if (feasible) {
        badness = 100 * std::pow(std::abs(r), 3);
      }
      if (r > tolerance && last_pass && !std::isfinite(r)) {  // nothing to stretch: underfull but settable
        feasible = true;
        badness = 1e8;
      }
      const int hyphens = flagged ? a.hyphens + 1 : 0;
      if (flagged && hyphens > p.max_consecutive_flagged && !last_pass) feasible = false;
      if (feasible) {
        double d = std::pow(p.line_penalty + badness, 2);
        if (brk.type == BreakItemType::Penalty) {
          if (brk.penalty >= 0) d += brk.penalty * brk.penalty;
          else if (brk.penalty > -kInfinitePenalty) d -= brk.penalty * brk.penalty;
        }
        if (flagged && a.flagged) d += p.flagged_demerits;
        const int fit = fitness_class(r);
        if (ai != 0 && std::abs(fit - a.fitness) > 1) d += p.fitness_demerits;
        if (flagged && hyphens > p.max_consecutive_flagged) d += 1e9;  // last pass only
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

size_t line_start_after(const std::vector<BreakItem>& items, size_t brk) {
  size_t i = brk + 1;
  while (i < items.size() && items[i].type != BreakItemType::Box && !is_forced(items[i])) ++i;
  return i;
}

double adjustment_ratio(const std::vector<BreakItem>& items, size_t start, size_t end, double width,
                        double ragged_stretch) {
  const Sums sums(items);
  const double r = ratio(items, sums, start, end, width, ragged_stretch);
  return std::isfinite(r) ? r : 0;
}

std::vector<LineBreak> total_fit(const std::vector<BreakItem>& items, const BreakParams& params) {
  if (items.empty()) return {};
  // TeX's passes: the requested tolerance, a looser one, then an emergency pass that always ends.
  const double tolerances[] = {params.tolerance, std::max(params.tolerance, 4.0), kHuge};
  for (size_t pass = 0; pass < 3; ++pass)
    if (auto breaks = try_total_fit(items, params, tolerances[pass], pass == 2)) return *breaks;
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
    double r = ratio(items, sums, start, b, params.widths_at(line), params.ragged_stretch);
    out.push_back({b, std::isfinite(r) ? r : 0, flagged});
    hyphens = flagged ? hyphens + 1 : 0;
    start = line_start_after(items, b);
    ++line;
    candidate = kNone;
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b)) continue;
    const bool flagged = items[b].type == BreakItemType::Penalty && items[b].flagged;
    const double r = ratio(items, sums, start, b, params.widths_at(line), params.ragged_stretch);
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
