#include "map/classify.hpp"

#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "map/generalise.hpp"
#include "map/layer_source.hpp"

namespace plaquette::map {

namespace {

using Kind = model::Classification::Kind;

std::string class_name(const model::Classification& cl, const model::StyleClass& c, size_t i) {
  switch (cl.kind) {
    case Kind::Categorized: return fmt::format("class '{}'", c.value);
    case Kind::Graduated: return fmt::format("class {} ({:g} to {:g})", i + 1, c.min, c.max);
    case Kind::Rules: return fmt::format("rule {}", i + 1);
    case Kind::None: break;
  }
  return "class";
}

// Graduated: min <= v < max, the last class including its max.
std::optional<size_t> graduated_class(const model::Classification& cl, double v) {
  for (size_t i = 0; i < cl.classes.size(); ++i) {
    const auto& c = cl.classes[i];
    const bool last = i + 1 == cl.classes.size();
    if (v >= c.min && (v < c.max || (last && v <= c.max))) return i;
  }
  return std::nullopt;
}

}  // namespace

std::string and_filters(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return fmt::format("({}) AND ({})", a, b);
}

std::vector<ClassPaint> plan_layer(const model::MapLayer& layer, const SwatchTable& swatches) {
  std::vector<ClassPaint> out;
  const auto& cl = layer.classify;
  if (cl.kind == Kind::None) {
    out.push_back({resolve_layer_paint(layer, swatches), layer.style, layer.legend, layer.span});
    return out;
  }
  for (size_t i = 0; i < cl.classes.size(); ++i) {
    const auto& c = cl.classes[i];
    const Span& at = c.span.known() ? c.span : layer.span;
    const std::string who = fmt::format("{} of map layer '{}'", class_name(cl, c, i), layer.layer);
    out.push_back({resolve_style_paint(c.style, at, who, swatches), c.style, c.in_legend ? c.label : "", at});
  }
  if (cl.other) {
    const Span& at = cl.other->span.known() ? cl.other->span : layer.span;
    out.push_back({resolve_style_paint(cl.other->style, at, fmt::format("'other' of map layer '{}'", layer.layer),
                                       swatches),
                   cl.other->style, cl.other->in_legend ? cl.other->label : "", at});
  }
  return out;
}

double widest_stroke(const std::vector<ClassPaint>& classes) {
  double w = 0;
  for (const auto& c : classes) w = std::max(w, c.paint.stroke_width());
  return w;
}

void read_classified(const model::MapLayer& layer, const LayerQuery& q, OgrSource& source, const Crs& crs,
                     TransformCache& transforms, ReadStats& stats,
                     const std::function<void(std::size_t, const Feature&)>& sink) {
  const auto& cl = layer.classify;
  const Span& cl_span = cl.span.known() ? cl.span : layer.span;
  switch (cl.kind) {
    case Kind::None:
      source.read_each(q, crs, transforms, &stats, [&](Feature& f) { sink(0, f); });
      break;
    case Kind::Categorized:
    case Kind::Graduated: {
      LayerQuery with_field = q;
      with_field.fields = {cl.field};
      with_field.fields_span = cl_span;
      // A value that is no number is reported once the read is over, so that an error of the
      // read itself still comes first.
      std::optional<std::string> not_a_number;
      source.read_each(with_field, crs, transforms, &stats, [&](Feature& f) {
        if (not_a_number) return;
        const auto& value = f.attributes.empty() ? std::nullopt : f.attributes[0];
        std::optional<size_t> k;
        if (cl.kind == Kind::Categorized) {
          if (value) {
            for (size_t i = 0; i < cl.classes.size() && !k; ++i)
              if (cl.classes[i].value == *value) k = i;
          }
          if (!k && cl.other) k = cl.classes.size();
        } else if (value) {
          char* end = nullptr;
          const double v = std::strtod(value->c_str(), &end);
          if (end == value->c_str() || *end != '\0') {
            not_a_number = *value;
            return;
          }
          k = graduated_class(cl, v);
        }
        if (k) sink(*k, f);
      });
      if (not_a_number) {
        throw InputError(cl_span, fmt::format("graduated classes need a numeric field, but field '{}' of layer "
                                              "'{}' holds '{}': classify by 'classes' (categories) instead, or "
                                              "choose a numeric field",
                                              cl.field, layer.layer, *not_a_number));
      }
      break;
    }
    case Kind::Rules: {
      std::set<long long> matched;
      for (size_t i = 0; i < cl.classes.size(); ++i) {
        const auto& c = cl.classes[i];
        LayerQuery rq = q;
        rq.where = and_filters(q.where, c.where);
        rq.span = c.span.known() ? c.span : q.span;
        // With `other`, its read of the whole layer counts the invalid geometries, each once.
        source.read_each(rq, crs, transforms, cl.other ? nullptr : &stats, [&](Feature& f) {
          if (cl.other) matched.insert(f.fid);
          sink(i, f);
        });
      }
      if (cl.other) {
        // What no rule took, NULL attributes included: a "NOT (rule OR rule...)" filter would
        // leave out features whose fields are NULL (SQL logic), so features are told apart by id.
        source.read_each(q, crs, transforms, &stats, [&](Feature& f) {
          if (!matched.contains(f.fid)) sink(cl.classes.size(), f);
        });
      }
      break;
    }
  }
}

scene::Item focus_veil(const model::MapSpec& spec, const Paint& veil, const Viewport& viewport, SourceCache& sources,
                       const Crs& crs, TransformCache& transforms, MapStats& stats) {
  const model::FocusSpec& focus = *spec.focus;
  const Span& span = focus.span.known() ? focus.span : spec.span;
  const model::MapLayer* layer = nullptr;
  std::vector<std::string> names;
  for (const auto& l : spec.layers) {
    names.push_back(l.layer);
    if (!layer && l.layer == focus.layer) layer = &l;
  }
  if (!layer) {
    throw InputError(span, fmt::format("'focus' uses layer '{}', which is not one of this map's layers{}", focus.layer,
                                       did_you_mean(focus.layer, names)));
  }
  LayerQuery q = layer_query(*layer);
  q.where = and_filters(layer->where, focus.where);
  q.span = span;
  const Rect& frame = viewport.frame;
  const double pad = 2.0;
  const Rect clip{frame.x - pad, frame.y - pad, frame.width + 2 * pad, frame.height + 2 * pad};
  q.window = viewport.ground.grown(pad / viewport.scale);

  scene::Path path;
  path.subpaths.push_back(
      {{{clip.x, clip.y}, {clip.right(), clip.y}, {clip.right(), clip.bottom()}, {clip.x, clip.bottom()}}, true});
  bool any = false;
  std::vector<Point> page;
  LayerQuery all = q;
  all.window.reset();
  open_layer_source(sources, *layer).read_each(q, crs, transforms, nullptr, [&](Feature& f) {
    any = true;
    for (const Part& part : f.parts) {
      if (!part.closed) continue;
      page.clear();
      for (GroundPoint g : part.points) page.push_back(viewport.to_page(g));
      generalise_part_in(page, true, clip, kPrintTolerance, path.subpaths);
    }
  });
  if (!any && open_layer_source(sources, *layer).envelope(all, crs, transforms).empty()) {
    throw InputError(span, fmt::format("'focus' selects no feature of layer '{}'{}: check its `where`", focus.layer,
                                       focus.where.empty() ? "" : fmt::format(" with \"{}\"", focus.where)));
  }
  path.fill = veil;
  ++stats.paths;
  for (const auto& s : path.subpaths) stats.vertices += s.points.size();
  return scene::Item{std::move(path), span};
}

}  // namespace plaquette::map
