// Map furniture: legend, scale bar, north arrow and locator, each in a corner of the frame on a
// light backing. Pieces sharing a corner are stacked away from it.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/units.hpp"
#include "map/extent.hpp"
#include "map/furniture.hpp"
#include "map/generalise.hpp"
#include "map/style.hpp"

namespace plaquette::map {

namespace {

constexpr double kEdge = mm_to_pt(2.5);  // from the frame edge to a piece of furniture
constexpr double kStackGap = mm_to_pt(2);
constexpr double kPad = mm_to_pt(1.2);    // inside a backing

Paint named_or(const SwatchTable& swatches, const std::string& name, Rgb fallback, double alpha = 1.0) {
  auto it = swatches.find(name);
  if (it != swatches.end()) return Paint{it->first, it->second.rgb, alpha};
  return Paint{"", fallback, alpha};
}
Paint ink(const SwatchTable& s) { return named_or(s, "noir", {0.11, 0.11, 0.11}); }
Paint paper(const SwatchTable& s, double alpha = 1.0) { return named_or(s, "blanc", {1, 1, 1}, alpha); }

scene::Stroke stroke_of(Paint p, double width, scene::LineJoin join = scene::LineJoin::Miter) {
  scene::Stroke s;
  s.paint = p;
  s.width = width;
  s.join = join;
  s.cap = scene::LineCap::Butt;
  return s;
}

scene::Item polygon(std::vector<Point> pts, std::optional<Paint> fill, std::optional<scene::Stroke> stroke,
                    const Span& span) {
  scene::Path p;
  p.subpaths.push_back({std::move(pts), true});
  p.fill = fill;
  p.stroke = stroke;
  return scene::Item{std::move(p), span};
}

std::vector<Point> circle(Point c, double r, int n = 24) {
  std::vector<Point> pts;
  for (int i = 0; i < n; ++i) {
    double a = 2 * M_PI * i / n;
    pts.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  return pts;
}

// Places one set line with its baseline's left end at `origin`.
void put_line(const TextSetter::Line& line, Point origin, const Span& span, std::vector<scene::Item>& out) {
  for (auto run : line.runs) {
    run.origin = {run.origin.x + origin.x, run.origin.y + origin.y};
    out.push_back(scene::Item{std::move(run), span});
  }
}

TextSetter::Line set(const TextSetter* text, const std::string& style, const std::string& s) {
  if (!text || s.empty()) return {};
  return text->set_line(style, s);
}

class CornerStack {
 public:
  CornerStack(const Rect& frame, const std::vector<Rect>& reserved) : frame_(frame) {
    for (const auto& r : reserved) {  // the source note sits in the bottom-left corner
      double used = frame.bottom() - r.y - kEdge + kStackGap;
      offset_[static_cast<int>(model::Corner::BottomLeft)] =
          std::max(offset_[static_cast<int>(model::Corner::BottomLeft)], used);
    }
  }
  Rect place(model::Corner corner, double w, double h) {
    double& off = offset_[static_cast<int>(corner)];
    const bool left = corner == model::Corner::TopLeft || corner == model::Corner::BottomLeft;
    const bool top = corner == model::Corner::TopLeft || corner == model::Corner::TopRight;
    Rect r{left ? frame_.x + kEdge : frame_.right() - kEdge - w,
           top ? frame_.y + kEdge + off : frame_.bottom() - kEdge - off - h, w, h};
    off += h + kStackGap;
    return r;
  }

 private:
  Rect frame_;
  double offset_[4] = {0, 0, 0, 0};
};

// ---- legend ------------------------------------------------------------------------------------

constexpr double kSwatchW = 14, kSwatchH = 8;

void draw_swatch(const LegendEntry& e, const Rect& r, const SwatchTable& sw, const Span& span,
                 std::vector<scene::Item>& out) {
  const auto& st = e.style;
  auto fill = [&]() -> std::optional<Paint> {
    if (!st.fill || *st.fill == "none") return std::nullopt;
    return swatch_paint(*st.fill, st.fill_opacity, sw, span, "legend entry '" + e.label + "'");
  };
  auto line = [&](double max_width) -> std::optional<scene::Stroke> {
    if (!st.stroke || *st.stroke == "none") return std::nullopt;
    scene::Stroke s = stroke_of(swatch_paint(*st.stroke, st.stroke_opacity, sw, span, "legend entry '" + e.label + "'"),
                                std::min(st.stroke_width, max_width), scene::LineJoin::Round);
    s.dash = st.dash;
    return s;
  };
  switch (e.kind) {
    case LegendEntry::Kind::Area: {
      scene::Group g;
      g.clip = r;
      g.children.push_back(scene::make_rect_path(r, fill(), std::nullopt, span));
      if (st.pattern) {
        const auto& pat = *st.pattern;
        Paint pc = swatch_paint(pat.color, 1.0, sw, span, "legend pattern");
        const double step = std::max(pat.spacing, 1.0);
        if (pat.kind == model::FillPattern::Kind::Hatch) {
          const double a = pat.angle * M_PI / 180, L = r.width + r.height;
          const Point c{r.x + r.width / 2, r.y + r.height / 2};
          const Point d{std::cos(a), -std::sin(a)}, n{-d.y, d.x};
          for (double k = -L; k <= L; k += step)
            g.children.push_back(scene::make_line_path({c.x + n.x * k - d.x * L, c.y + n.y * k - d.y * L},
                                                       {c.x + n.x * k + d.x * L, c.y + n.y * k + d.y * L},
                                                       stroke_of(pc, pat.width), span));
        } else {
          for (double y = r.y + step / 2; y < r.bottom(); y += step)
            for (double x = r.x + step / 2; x < r.right(); x += step)
              g.children.push_back(polygon(circle({x, y}, pat.width / 2, 8), pc, std::nullopt, span));
        }
      }
      if (auto s = line(1.5)) {
        s->join = scene::LineJoin::Miter;
        g.children.push_back(scene::make_rect_path(r.inset(s->width / 2), std::nullopt, s, span));
      }
      out.push_back(scene::Item{std::move(g), span});
      break;
    }
    case LegendEntry::Kind::Line: {
      const double y = r.y + r.height / 2;
      if (st.casing) {
        scene::Stroke cs = stroke_of(swatch_paint(st.casing->stroke, 1.0, sw, span, "legend casing"),
                                     std::min(st.casing->width, r.height), scene::LineJoin::Round);
        out.push_back(scene::make_line_path({r.x, y}, {r.right(), y}, cs, span));
      }
      if (auto s = line(r.height)) out.push_back(scene::make_line_path({r.x, y}, {r.right(), y}, *s, span));
      break;
    }
    case LegendEntry::Kind::Point: {
      const double size = std::min(st.marker ? st.marker->size : 5.67, r.height);
      const Point c{r.x + r.width / 2, r.y + r.height / 2};
      std::optional<Paint> f = fill();
      if (!f && !st.stroke) f = ink(sw);
      const auto shape = st.marker ? st.marker->shape : model::Marker::Shape::Circle;
      std::vector<Point> pts;
      if (shape == model::Marker::Shape::Square)
        pts = {{c.x - size / 2, c.y - size / 2}, {c.x + size / 2, c.y - size / 2}, {c.x + size / 2, c.y + size / 2},
               {c.x - size / 2, c.y + size / 2}};
      else if (shape == model::Marker::Shape::Triangle)
        pts = {{c.x, c.y - size / 2}, {c.x + size / 2, c.y + size / 2}, {c.x - size / 2, c.y + size / 2}};
      else
        pts = circle(c, size / 2);
      out.push_back(polygon(std::move(pts), f, line(1.0), span));
      break;
    }
  }
}

std::optional<Rect> draw_legend(const FurnitureContext& c, CornerStack& stack, std::vector<scene::Item>& out) {
  const auto& spec = *c.spec.legend;
  if (c.legend.empty() && spec.title.empty()) return std::nullopt;
  const auto title = set(c.text, spec.title_style, spec.title);
  std::vector<TextSetter::Line> labels;
  for (const auto& e : c.legend) labels.push_back(set(c.text, spec.style, e.label));

  const int cols = std::max(1, std::min<int>(spec.columns, std::max<size_t>(c.legend.size(), 1)));
  const size_t rows = (c.legend.size() + cols - 1) / cols;
  double text_h = 0;
  for (const auto& l : labels) text_h = std::max(text_h, l.ascent + l.descent);
  const double row_h = std::max(kSwatchH, text_h) + 2.5;
  const double gap = 4, col_gap = 8;
  std::vector<double> col_w(cols, kSwatchW);
  for (size_t i = 0; i < labels.size(); ++i)
    col_w[i / rows] = std::max(col_w[i / rows], kSwatchW + gap + labels[i].width);
  double body_w = (cols - 1) * col_gap;
  for (double w : col_w) body_w += w;
  const double title_h = spec.title.empty() || !c.text ? 0 : title.ascent + title.descent + 3;
  const double w = 2 * kPad + std::max(body_w, title.width);
  const double h = 2 * kPad + title_h + rows * row_h - (rows ? 2.5 : 0);
  const Rect box = stack.place(spec.position, w, h);

  if (!spec.background.empty() && spec.background != "none")
    out.push_back(scene::make_rect_path(box, swatch_paint(spec.background, 1.0, c.swatches, spec.span, "legend background"),
                                        std::nullopt, spec.span));
  if (title_h > 0) put_line(title, {box.x + kPad, box.y + kPad + title.ascent}, spec.span, out);
  double x = box.x + kPad;
  for (int col = 0; col < cols; ++col) {
    for (size_t r = 0; r < rows; ++r) {
      const size_t i = col * rows + r;
      if (i >= c.legend.size()) break;
      const double top = box.y + kPad + title_h + r * row_h;
      const double cell_h = row_h - 2.5;
      draw_swatch(c.legend[i], {x, top + (cell_h - kSwatchH) / 2, kSwatchW, kSwatchH}, c.swatches, spec.span, out);
      const auto& l = labels[i];
      put_line(l, {x + kSwatchW + gap, top + (cell_h - (l.ascent + l.descent)) / 2 + l.ascent}, spec.span, out);
    }
    x += col_w[col] + col_gap;
  }
  return box;
}

// ---- scale bar ---------------------------------------------------------------------------------

std::optional<Rect> draw_scale_bar(const FurnitureContext& c, CornerStack& stack, std::vector<scene::Item>& out) {
  const auto& spec = *c.spec.scale_bar;
  const double pt_per_metre = c.viewport.scale / c.crs.metres_per_unit();
  const double metres = round_ground_length(spec.max_width / pt_per_metre);
  if (metres <= 0) return std::nullopt;
  const double length = metres * pt_per_metre;
  const double lead = metres / std::pow(10.0, std::floor(std::log10(metres) + 1e-9));
  const int segments = std::lround(lead) == 2 ? 4 : 2;

  const auto zero = set(c.text, spec.style, "0");
  const auto end = set(c.text, spec.style, format_ground_length(metres));
  const double bar_h = 3.0;
  const double text_h = c.text ? std::max(zero.ascent + zero.descent, end.ascent + end.descent) + 1.5 : 0;
  const double left = zero.width / 2, right = end.width / 2;
  const Rect box = stack.place(spec.position, left + length + right + 2 * kPad, text_h + bar_h + 2 * kPad);
  out.push_back(scene::make_rect_path(box, paper(c.swatches, 0.85), std::nullopt, spec.span));

  const double x0 = box.x + kPad + left, y = box.y + kPad + text_h;
  const Paint black = ink(c.swatches), white = paper(c.swatches);
  for (int i = 0; i < segments; ++i) {
    Rect seg{x0 + length * i / segments, y, length / segments, bar_h};
    out.push_back(scene::make_rect_path(seg, i % 2 == 0 ? black : white, std::nullopt, spec.span));
  }
  out.push_back(scene::make_rect_path({x0, y, length, bar_h}, std::nullopt, stroke_of(black, 0.4), spec.span));
  if (c.text) {
    const double baseline = y - 1.5 - zero.descent;
    put_line(zero, {x0 - zero.width / 2, baseline}, spec.span, out);
    put_line(end, {x0 + length - end.width / 2, y - 1.5 - end.descent}, spec.span, out);
  }
  return box;
}

// ---- north arrow -------------------------------------------------------------------------------

std::optional<Rect> draw_north_arrow(const FurnitureContext& c, CornerStack& stack, std::vector<scene::Item>& out) {
  const auto& spec = *c.spec.north_arrow;
  const auto n = set(c.text, "legende-carte-titre", "N");
  const double s = spec.size, aw = s * 0.5;
  const double n_h = c.text ? n.ascent + n.descent + 1 : 0;
  const double w = std::max(aw, n.width) + 2 * kPad;
  const Rect box = stack.place(spec.position, w, n_h + s + 2 * kPad);
  out.push_back(scene::make_rect_path(box, paper(c.swatches, 0.85), std::nullopt, spec.span));
  const double cx = box.x + box.width / 2, top = box.y + kPad + n_h, bottom = top + s;
  const Point tip{cx, top}, bl{cx - aw / 2, bottom}, br{cx + aw / 2, bottom}, notch{cx, bottom - s * 0.28};
  const Paint black = ink(c.swatches);
  out.push_back(polygon({tip, bl, notch}, black, std::nullopt, spec.span));
  out.push_back(polygon({tip, notch, br}, paper(c.swatches), std::nullopt, spec.span));
  out.push_back(polygon({tip, bl, notch, br}, std::nullopt, stroke_of(black, 0.5), spec.span));
  if (c.text) put_line(n, {cx - n.width / 2, box.y + kPad + n.ascent}, spec.span, out);
  return box;
}

// ---- locator -----------------------------------------------------------------------------------

std::optional<Rect> draw_locator(const FurnitureContext& c, CornerStack& stack, std::vector<scene::Item>& out) {
  const auto& spec = *c.spec.locator;
  const Span& span = spec.span;
  const Paint fill = swatch_paint(spec.fill, 1.0, c.swatches, span, "locator fill");
  std::optional<scene::Stroke> line;
  if (!spec.stroke.empty() && spec.stroke != "none")
    line = stroke_of(swatch_paint(spec.stroke, 1.0, c.swatches, span, "locator stroke"), 0.3, scene::LineJoin::Round);
  const Paint extent_paint = swatch_paint(spec.extent_stroke, 1.0, c.swatches, span, "locator extent outline");

  std::string source = spec.resolved.empty() ? spec.source : spec.resolved;
  std::string shown = spec.source;
  if (source.empty() && !c.spec.layers.empty()) {
    const auto& first = c.spec.layers.front();
    source = first.resolved.empty() ? first.source : first.resolved;
    shown = first.source;
  }
  auto features = c.sources.open(source, shown, span).read(LayerQuery{spec.layer, "", std::nullopt, span}, c.crs,
                                                           c.transforms);
  Bbox all;
  for (const auto& f : features) all.expand(f.bbox());
  const Bbox& main = c.viewport.ground;
  all.expand(main);
  all = all.grown(std::max(all.width(), all.height()) * 0.03);

  const double iw = spec.width - 2 * kPad;
  const double ih = std::min(iw * 1.5, iw * all.height() / all.width());
  const Rect box = stack.place(spec.position, spec.width, ih + 2 * kPad);
  const Rect inner{box.x + kPad, box.y + kPad, iw, ih};
  const Viewport vp = make_viewport(fit_to_aspect(all, iw / ih), inner);

  out.push_back(scene::make_rect_path(box, paper(c.swatches), stroke_of(ink(c.swatches), 0.3), span));
  scene::Group g;
  g.clip = inner;
  scene::Path strokes;
  strokes.stroke = line;
  for (const auto& f : features) {
    scene::Path p;
    p.fill = fill;
    for (const auto& part : f.parts) {
      std::vector<Point> pts;
      for (auto gp : part.points) pts.push_back(vp.to_page(gp));
      simplify_distance(pts, part.closed, 0.4);
      if (pts.size() < 2) continue;
      if (part.closed) p.subpaths.push_back({pts, true});
      strokes.subpaths.push_back({std::move(pts), part.closed});
    }
    if (!p.subpaths.empty()) g.children.push_back(scene::Item{std::move(p), span});
  }
  if (line && !strokes.subpaths.empty()) g.children.push_back(scene::Item{std::move(strokes), span});
  const Point a = vp.to_page({main.xmin, main.ymax}), b = vp.to_page({main.xmax, main.ymin});
  g.children.push_back(scene::make_rect_path({a.x, a.y, std::max(b.x - a.x, 1.0), std::max(b.y - a.y, 1.0)},
                                             std::nullopt, stroke_of(extent_paint, 0.8), span));
  out.push_back(scene::Item{std::move(g), span});
  return box;
}

}  // namespace

std::vector<Rect> draw_furniture(const FurnitureContext& c, const std::vector<Rect>& reserved,
                                 std::vector<scene::Item>& out) {
  CornerStack stack(c.viewport.frame, reserved);
  std::vector<Rect> boxes;
  auto keep = [&](std::optional<Rect> r) {
    if (r) boxes.push_back(*r);
  };
  // The locator first (its corner is usually free), then the legend, then the small pieces.
  if (c.spec.locator) keep(draw_locator(c, stack, out));
  if (c.spec.legend) keep(draw_legend(c, stack, out));
  if (c.spec.north_arrow) keep(draw_north_arrow(c, stack, out));
  if (c.spec.scale_bar) keep(draw_scale_bar(c, stack, out));
  return boxes;
}

}  // namespace plaquette::map
