#include "pdf/painter.hpp"

#include <hb.h>
#include <pango/pango.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "pdf/text_string.hpp"

namespace plaquette::pdf {

namespace {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

int join_code(scene::LineJoin j) {
  switch (j) {
    case scene::LineJoin::Miter: return 0;
    case scene::LineJoin::Round: return 1;
    case scene::LineJoin::Bevel: return 2;
  }
  return 1;
}

int cap_code(scene::LineCap c) {
  switch (c) {
    case scene::LineCap::Butt: return 0;
    case scene::LineCap::Round: return 1;
    case scene::LineCap::Square: return 2;
  }
  return 1;
}

void hex4(std::string& out, unsigned v) {
  static const char* digits = "0123456789ABCDEF";
  out += digits[(v >> 12) & 0xF];
  out += digits[(v >> 8) & 0xF];
  out += digits[(v >> 4) & 0xF];
  out += digits[v & 0xF];
}

}  // namespace

// ---- Resources ----------------------------------------------------------------------------

std::string Resources::font(const std::string& name, QPDFObjectHandle dict) {
  fonts_.emplace(name, dict);
  return "/" + name;
}

std::string Resources::xobject(QPDFObjectHandle object) {
  const QPDFObjGen og = object.getObjGen();
  if (auto it = xobject_names_.find(og); it != xobject_names_.end()) return it->second;
  const std::string name = fmt::format("X{}", xobjects_.size() + 1);
  xobjects_.emplace(name, object);
  xobject_names_.emplace(og, "/" + name);
  return "/" + name;
}

std::string Resources::opacity(double fill, double stroke) {
  const auto key = std::make_pair(fill, stroke);
  if (auto it = gstate_names_.find(key); it != gstate_names_.end()) return it->second;
  const std::string name = fmt::format("G{}", gstates_.size() + 1);
  std::string ca, cs;
  append_number(ca, fill, 4);
  append_number(cs, stroke, 4);
  gstates_.emplace(name, QPDFObjectHandle::parse(fmt::format("<< /Type /ExtGState /ca {} /CA {} >>", ca, cs)));
  gstate_names_.emplace(key, "/" + name);
  transparent_ = true;
  return "/" + name;
}

QPDFObjectHandle Resources::dictionary() const {
  QPDFObjectHandle d = QPDFObjectHandle::newDictionary();
  auto sub = [&](const char* key, const std::map<std::string, QPDFObjectHandle>& m) {
    if (m.empty()) return;
    QPDFObjectHandle s = QPDFObjectHandle::newDictionary();
    for (const auto& [name, obj] : m) s.replaceKey("/" + name, obj);
    d.replaceKey(key, s);
  };
  sub("/Font", fonts_);
  sub("/XObject", xobjects_);
  sub("/ExtGState", gstates_);
  return d;
}

// ---- Painter ------------------------------------------------------------------------------

void Painter::items(const std::vector<scene::Item>& items) {
  for (const auto& i : items) item(i);
}

void Painter::item(const scene::Item& item) {
  std::visit(Overloaded{[&](const scene::GlyphRun& r) { glyph_run(r); }, [&](const scene::Path& p) { path(p); },
                        [&](const scene::Image& i) { image(i); }, [&](const scene::Group& g) { group(g); },
                        [&](const scene::Link& l) { link(l); }},
             item.kind);
}

void Painter::alpha(double fill, double stroke) {
  if (fill >= 1.0 && stroke >= 1.0) return;
  out_.name(res_.opacity(std::min(fill, 1.0), std::min(stroke, 1.0))).op("gs");
}

void Painter::trace(const scene::Path& p) {
  for (const auto& sub : p.subpaths) {
    if (sub.points.empty()) continue;
    out_.move_to(sub.points[0]);
    for (size_t i = 1; i < sub.points.size(); ++i) out_.line_to(sub.points[i]);
    if (sub.closed) out_.close_path();
  }
}

void Painter::path(const scene::Path& p) {
  if (p.subpaths.empty() || (!p.fill && !p.stroke)) return;
  out_.save();
  alpha(p.fill ? p.fill->alpha : 1.0, p.stroke ? p.stroke->paint.alpha : 1.0);
  if (p.fill) ctx_.colours.fill(out_, *p.fill);
  if (p.stroke) {
    const auto& s = *p.stroke;
    ctx_.colours.stroke(out_, s.paint);
    out_.num(s.width).op("w");
    out_.integer(join_code(s.join)).op("j");
    out_.integer(cap_code(s.cap)).op("J");
    if (!s.dash.empty()) {
      out_.raw("[");
      for (double d : s.dash) out_.num(d);
      out_.raw("]").integer(0).op("d");
    }
  }
  trace(p);
  // Even-odd fill, as the previews: holes in polygons stay holes.
  out_.op(p.fill && p.stroke ? "B*" : p.fill ? "f*" : "S");
  out_.restore();
}

void Painter::glyph_run(const scene::GlyphRun& run) {
  if (!run.glyphs || !run.text || !run.glyphs->item || !run.glyphs->glyphs) return;
  PangoFont* font = run.glyphs->item->analysis.font;
  FontEmbedder::Face& face = ctx_.fonts.face(font);
  const std::string fname = res_.font(ctx_.fonts.resource(face), ctx_.fonts.dictionary(face));
  // The size the glyphs were shaped at, in points (the font map runs at 72 dpi).
  int x_scale = 0, y_scale = 0;
  hb_font_get_scale(pango_font_get_hb_font(font), &x_scale, &y_scale);
  const double size = static_cast<double>(x_scale) / PANGO_SCALE;
  if (!(size > 0)) return;

  const PangoGlyphString* gs = run.glyphs->glyphs;
  const PangoItem* pi = run.glyphs->item;
  const std::string& text = *run.text;

  // Clusters: runs of glyphs sharing a text position (a ligature stands for several characters; a
  // no-break space is merged into the character before it, so that its identity survives).
  struct Cluster {
    int first = 0, end = 0;
    std::string text;
    bool actual = false;  // its text goes in an ActualText span (the ToUnicode map cannot say it)
  };
  std::vector<Cluster> clusters;
  for (int g = 0; g < gs->num_glyphs;) {
    Cluster c;
    c.first = g;
    c.end = g + 1;
    while (c.end < gs->num_glyphs && gs->log_clusters[c.end] == gs->log_clusters[g]) ++c.end;
    const int start = pi->offset + gs->log_clusters[g];
    int stop = pi->offset + pi->length;
    for (int k = 0; k < gs->num_glyphs; ++k)
      if (gs->log_clusters[k] > gs->log_clusters[g]) stop = std::min(stop, pi->offset + gs->log_clusters[k]);
    if (start >= 0 && stop <= static_cast<int>(text.size()) && start < stop)
      c.text = text.substr(static_cast<size_t>(start), static_cast<size_t>(stop - start));
    // One glyph: its ToUnicode entry says its text, unless the glyph already stands for another
    // text elsewhere. Several glyphs: an ActualText span says the whole cluster's text.
    std::vector<unsigned> drawn;
    for (int k = c.first; k < c.end; ++k) {
      const unsigned glyph = gs->glyphs[k].glyph;
      if (glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG)) drawn.push_back(glyph);
    }
    if (drawn.size() == 1)
      c.actual = !ctx_.fonts.use(face, drawn.front(), c.text);
    else {
      for (unsigned glyph : drawn) ctx_.fonts.use(face, glyph, {});
      c.actual = !drawn.empty() && !c.text.empty();
    }
    clusters.push_back(std::move(c));
    g = clusters.back().end;
  }

  out_.save();
  alpha(run.paint.alpha, run.halo ? run.halo->paint.alpha : 1.0);
  ctx_.colours.fill(out_, run.paint);
  if (run.halo) {
    ctx_.colours.stroke(out_, run.halo->paint);
    out_.num(run.halo->width).op("w").integer(1).op("j").integer(1).op("J");
  }
  out_.op("BT");
  out_.name(fname).num(size, 3).op("Tf");
  // Halo: the run is shown twice, stroked (the halo, under) then filled. The stroked copy is an
  // artifact with an empty ActualText: text extraction and screen readers read the text once.
  const int passes = run.halo ? 2 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    const bool halo_pass = run.halo && pass == 0;
    if (run.halo) out_.integer(halo_pass ? 1 : 0).op("Tr");
    if (halo_pass) out_.name("/Artifact").raw("<< /ActualText () >>").op("BDC");
    double pen = 0;  // pen position along the baseline, points
    bool open = false, in_hex = false;
    double expected = 0;  // where the font's own advances put the pen since the last Tm
    std::string array;
    auto close_array = [&] {
      if (!open) return;
      if (in_hex) array += ">";
      array += "]";
      out_.raw(array).op("TJ");
      array.clear();
      open = in_hex = false;
    };
    auto add_glyph = [&](unsigned glyph) {
      if (!in_hex) array += "<";
      in_hex = true;
      hex4(array, glyph);
    };
    auto add_adjustment = [&](double thousandths) {
      if (in_hex) array += ">";
      in_hex = false;
      append_number(array, thousandths, 2);
    };
    auto start_at = [&](double x, double y) {
      close_array();
      out_.num(1, 0).num(0, 0).num(0, 0).num(-1, 0).num(run.origin.x + x).num(run.origin.y + y).op("Tm");
      expected = x;
    };
    for (const Cluster& c : clusters) {
      const bool span = c.actual && !halo_pass;
      if (span) {
        close_array();
        out_.name("/Span").raw("<< /ActualText <FEFF" + utf16be_hex(c.text) + "> >>").op("BDC");
      }
      for (int g = c.first; g < c.end; ++g) {
        const PangoGlyphInfo& gi = gs->glyphs[g];
        const double advance = static_cast<double>(gi.geometry.width) / PANGO_SCALE;
        const double dx = static_cast<double>(gi.geometry.x_offset) / PANGO_SCALE;
        const double dy = static_cast<double>(gi.geometry.y_offset) / PANGO_SCALE;
        const unsigned glyph = gi.glyph;
        const bool drawable = glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG);
        if (drawable) {
          const double font_advance = ctx_.fonts.advance_1000(face, glyph) * size / 1000;
          if (dx != 0 || dy != 0) {
            // A mark placed off the pen: its own text matrix, then back on the baseline.
            start_at(pen + dx, dy);
            std::string one = "<";
            hex4(one, glyph);
            out_.raw(one + ">").op("Tj");
            start_at(pen + advance, 0);
          } else {
            if (!open) {
              if (std::abs(expected - pen) > 0.0005 || g == 0) start_at(pen, 0);
              array = "[";
              open = true;
            } else if (std::abs(expected - pen) > 0.0005) {
              // TJ adjustment: thousandths of the size, subtracted from the pen.
              add_adjustment((expected - pen) * 1000 / size);
            }
            add_glyph(glyph);
            expected = pen + font_advance;
          }
        }
        pen += advance;
      }
      if (span) {
        close_array();
        out_.op("EMC");
      }
    }
    close_array();
    if (halo_pass) out_.op("EMC");
  }
  out_.op("ET");
  out_.restore();
}

void Painter::image(const scene::Image& im) {
  const Rect& d = im.dest;
  if (!(d.width > 0 && d.height > 0)) return;
  out_.save();
  if (im.clip) out_.rect(*im.clip).op("W").op("n");
  std::string name;
  if (auto* raster = std::get_if<std::shared_ptr<const scene::RasterImage>>(&im.source)) {
    if (!*raster) {
      out_.restore();
      return;
    }
    name = res_.xobject(ctx_.images.raster(**raster));
    if (ctx_.images.has_alpha(**raster)) res_.mark_transparent();
  } else if (auto* vector = std::get_if<std::shared_ptr<const scene::VectorImage>>(&im.source)) {
    if (!*vector) {
      out_.restore();
      return;
    }
    name = res_.xobject(ctx_.images.vector(**vector));
  }
  // The unit square of the picture onto its destination, top row at the top (y down here).
  out_.transform(d.width, 0, 0, -d.height, d.x, d.y + d.height);
  out_.name(name).op("Do");
  out_.restore();
}

void Painter::group(const scene::Group& g) {
  if (g.clip) {
    out_.save();
    out_.rect(*g.clip).op("W").op("n");
  }
  items(g.children);
  if (g.clip) out_.restore();
}

void Painter::link(const scene::Link& l) {
  if (links_) links_->push_back({l.area, l.uri});
}

}  // namespace plaquette::pdf
