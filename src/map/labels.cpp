// Labels: candidate boxes per feature (pole of inaccessibility for areas, positions around points,
// the middle of the longest visible stretch of lines), greedy placement, glyph runs with a halo.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "map/furniture.hpp"
#include "map/generalise.hpp"
#include "map/style.hpp"

namespace plaquette::map {

namespace {

constexpr double kPointGap = 1.5;  // pt between a point marker and its label

double ring_area(const std::vector<Point>& r) {
  double a = 0;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) a += (r[j].x + r[i].x) * (r[j].y - r[i].y);
  return std::fabs(a) / 2;
}

bool inside(Point p, const std::vector<Point>& ring) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
        p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
      in = !in;
  return in;
}

// The outer ring with the largest visible area and the holes inside it, in page points.
std::vector<std::vector<Point>> largest_ring_set(const Feature& f, const Viewport& vp) {
  std::vector<std::vector<Point>> rings;
  for (const auto& part : f.parts) {
    if (!part.closed) continue;
    std::vector<Point> r;
    r.reserve(part.points.size());
    for (auto p : part.points) r.push_back(vp.to_page(p));
    simplify_distance(r, true, 0.3);
    if (r.size() >= 3) rings.push_back(std::move(r));
  }
  if (rings.size() <= 1) return rings;
  // A ring is a hole when it lies inside an odd number of other rings.
  std::vector<bool> hole(rings.size(), false);
  for (size_t i = 0; i < rings.size(); ++i) {
    int depth = 0;
    for (size_t j = 0; j < rings.size(); ++j)
      if (i != j && inside(rings[i][0], rings[j])) ++depth;
    hole[i] = depth % 2 == 1;
  }
  size_t best = rings.size();
  double best_area = -1;
  for (size_t i = 0; i < rings.size(); ++i) {
    if (hole[i]) continue;
    auto visible = clip_ring(rings[i], vp.frame);
    double a = visible.size() >= 3 ? ring_area(visible) : 0;
    if (a > best_area) {
      best_area = a;
      best = i;
    }
  }
  if (best == rings.size()) return rings;
  std::vector<std::vector<Point>> set{rings[best]};
  for (size_t i = 0; i < rings.size(); ++i)
    if (hole[i] && inside(rings[i][0], rings[best])) set.push_back(rings[i]);
  return set;
}

// Boxes of a w × h text (halo included) whose centre is `c`, then nudged up and down.
void centred_boxes(Point c, double w, double h, std::vector<Rect>& out) {
  for (double dy : {0.0, -0.6, 0.6}) out.push_back({c.x - w / 2, c.y - h / 2 + dy * h, w, h});
}

}  // namespace

void draw_labels(const FurnitureContext& c, Obstacles& obstacles, std::vector<scene::Item>& out,
                 std::vector<PlacedLabel>& placed, std::vector<Diagnostic>& warnings) {
  if (!c.text || c.spec.labels.empty()) return;
  const Viewport& vp = c.viewport;

  struct Setting {
    TextSetter::Line line;
    double halo = 0;
    std::optional<Paint> halo_paint;
    Span span;
  };
  std::vector<std::vector<LabelFeature>> features(c.spec.labels.size());
  std::vector<LabelCandidates> candidates;
  std::vector<Setting> settings;  // one per candidate
  std::vector<Point> origins;     // baseline origin relative to the box's top-left, per candidate

  // Point markers of the labelled layers are obstacles from the start.
  for (size_t li = 0; li < c.spec.labels.size(); ++li) {
    const auto& labels = c.spec.labels[li];
    auto layer = std::find_if(c.spec.layers.begin(), c.spec.layers.end(),
                              [&](const model::MapLayer& l) { return l.layer == labels.layer; });
    if (layer == c.spec.layers.end())
      throw InputError(labels.span, fmt::format("the labels use layer '{}', which is not one of this map's layers",
                                                labels.layer));
    std::optional<Paint> halo_paint;
    if (!labels.halo.empty() && labels.halo != "none" && labels.halo_width > 0)
      halo_paint = swatch_paint(labels.halo, 1.0, c.swatches, labels.span, "label halo");
    const double halo = halo_paint ? labels.halo_width : 0;
    const double marker = layer->style.marker ? layer->style.marker->size : 5.67;

    features[li] = read_label_features(*layer, labels, vp.ground, c.crs, c.transforms, warnings);
    for (const auto& f : features[li])
      for (auto gp : f.geometry.points) {
        Point p = vp.to_page(gp);
        obstacles.add({p.x - marker / 2, p.y - marker / 2, marker, marker});
      }

    for (const auto& f : features[li]) {
      Setting s{c.text->set_line(labels.style, f.text), halo, halo_paint, labels.span};
      const double w = s.line.width + 2 * halo;
      const double h = s.line.ascent + s.line.descent + 2 * halo;
      const Point origin{halo, halo + s.line.ascent};
      LabelCandidates cand;
      cand.text = f.text;
      cand.priority = f.priority;
      cand.owner = li;
      if (!f.geometry.points.empty()) {
        // A point: eight positions around the marker, right first (the cartographer's habit).
        for (auto gp : f.geometry.points) {
          Point p = vp.to_page(gp);
          const double r = marker / 2 + kPointGap;
          const double mid = p.y - h / 2;
          cand.boxes.push_back({p.x + r, mid, w, h});
          cand.boxes.push_back({p.x - r - w, mid, w, h});
          cand.boxes.push_back({p.x + r * 0.7, p.y - r * 0.7 - h, w, h});
          cand.boxes.push_back({p.x + r * 0.7, p.y + r * 0.7, w, h});
          cand.boxes.push_back({p.x - w / 2, p.y - r - h, w, h});
          cand.boxes.push_back({p.x - w / 2, p.y + r, w, h});
          cand.boxes.push_back({p.x - r * 0.7 - w, p.y - r * 0.7 - h, w, h});
          cand.boxes.push_back({p.x - r * 0.7 - w, p.y + r * 0.7, w, h});
        }
      } else if (std::any_of(f.geometry.parts.begin(), f.geometry.parts.end(), [](const Part& p) { return p.closed; })) {
        auto rings = largest_ring_set(f.geometry, vp);
        Pole pole = pole_of_inaccessibility(rings, vp.frame, 0.5);
        if (pole.found) centred_boxes(pole.at, w, h, cand.boxes);
      } else {
        // Lines: the middle of the longest stretch inside the frame.
        std::vector<Point> best;
        double best_len = 0;
        for (const auto& part : f.geometry.parts) {
          std::vector<Point> line;
          for (auto gp : part.points) line.push_back(vp.to_page(gp));
          for (auto& piece : clip_line(line, vp.frame)) {
            double len = 0;
            for (size_t i = 1; i < piece.size(); ++i) len += std::hypot(piece[i].x - piece[i - 1].x, piece[i].y - piece[i - 1].y);
            if (len > best_len) {
              best_len = len;
              best = piece;
            }
          }
        }
        if (best.size() >= 2) {
          double half = best_len / 2, run = 0;
          Point mid = best.front();
          for (size_t i = 1; i < best.size(); ++i) {
            double seg = std::hypot(best[i].x - best[i - 1].x, best[i].y - best[i - 1].y);
            if (run + seg >= half && seg > 0) {
              double t = (half - run) / seg;
              mid = {best[i - 1].x + t * (best[i].x - best[i - 1].x), best[i - 1].y + t * (best[i].y - best[i - 1].y)};
              break;
            }
            run += seg;
          }
          // Beside the line rather than on it: above, then below, then centred.
          cand.boxes.push_back({mid.x - w / 2, mid.y - h - 1, w, h});
          cand.boxes.push_back({mid.x - w / 2, mid.y + 1, w, h});
          cand.boxes.push_back({mid.x - w / 2, mid.y - h / 2, w, h});
        }
      }
      if (cand.boxes.empty()) continue;
      candidates.push_back(std::move(cand));
      settings.push_back(std::move(s));
      origins.push_back(origin);
    }
  }

  for (const auto& p : place_labels(candidates, obstacles)) {
    const Rect& box = candidates[p.candidate].boxes[p.box];
    const Setting& s = settings[p.candidate];
    const Point o{box.x + origins[p.candidate].x, box.y + origins[p.candidate].y};
    for (auto run : s.line.runs) {
      run.origin = {run.origin.x + o.x, run.origin.y + o.y};
      if (s.halo_paint) {
        scene::Stroke halo;
        halo.paint = *s.halo_paint;
        halo.width = 2 * s.halo;
        halo.join = scene::LineJoin::Round;
        halo.cap = scene::LineCap::Round;
        run.halo = halo;
      }
      out.push_back(scene::Item{std::move(run), s.span});
    }
    placed.push_back({candidates[p.candidate].text, box});
  }
}

}  // namespace plaquette::map
