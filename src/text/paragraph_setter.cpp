// Setting one paragraph: Pango shapes and breaks it; we keep each line's glyph runs and metrics
// so that layout can place lines on its own baseline grid and render never re-runs Pango.
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include "text/typesetter.hpp"

namespace plaquette::text {

namespace {

PangoAlignment pango_alignment(model::Align a) {
  switch (a) {
    case model::Align::Center: return PANGO_ALIGN_CENTER;
    case model::Align::Right: return PANGO_ALIGN_RIGHT;
    default: return PANGO_ALIGN_LEFT;
  }
}

std::string upper(const std::string& s) {
  GCharHandle up(g_utf8_strup(s.c_str(), static_cast<gssize>(s.size())));
  return up ? std::string(up.get()) : s;
}

void free_glyph_item(PangoGlyphItem* gi) { pango_glyph_item_free(gi); }

}  // namespace

Typesetter::Typesetter(const FontSet& fonts, const model::Template& tmpl) : fonts_(fonts), tmpl_(tmpl) {}

const model::ParagraphStyle& Typesetter::style(const std::string& name) const {
  auto it = tmpl_.styles.find(name);
  if (it == tmpl_.styles.end()) throw InputError(Span{}, fmt::format("unknown style '{}'", name));
  return it->second;
}

SetParagraph Typesetter::set(const model::Paragraph& paragraph, double width) const {
  const model::ParagraphStyle& st = style(paragraph.style);
  SetParagraph out;
  out.style = &st;
  out.span = paragraph.span;

  Paint paint;
  if (auto sw = tmpl_.swatches.find(st.color); sw != tmpl_.swatches.end()) paint = {sw->first, sw->second.rgb, 1.0};

  auto text = std::make_shared<const std::string>(st.uppercase ? upper(paragraph.text) : paragraph.text);
  LayoutHandle layout(pango_layout_new(fonts_.context()));
  auto desc = fonts_.describe(st);
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_text(layout.get(), text->c_str(), static_cast<int>(text->size()));
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
  pango_layout_set_alignment(layout.get(), pango_alignment(st.align));
  pango_layout_set_justify(layout.get(), st.align == model::Align::Justify);
  pango_layout_set_indent(layout.get(), static_cast<int>(st.first_indent * PANGO_SCALE));

  AttrListHandle attrs(pango_attr_list_new());
  if (st.tracking != 0)
    pango_attr_list_insert(attrs.get(),
                           pango_attr_letter_spacing_new(static_cast<int>(st.tracking / 1000.0 * st.size * PANGO_SCALE)));
  pango_layout_set_attributes(layout.get(), attrs.get());

  // Line metrics first, then the runs, which we attach to their line by pointer.
  std::vector<PangoLayoutLine*> line_ptrs;
  std::vector<int> baselines;
  PangoLayoutIter* it = pango_layout_get_iter(layout.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    int baseline = pango_layout_iter_get_baseline(it);
    SetLine line;
    line.ascent = static_cast<double>(baseline - logical.y) / PANGO_SCALE;
    line.descent = static_cast<double>(logical.y + logical.height - baseline) / PANGO_SCALE;
    line.right = static_cast<double>(logical.x + logical.width) / PANGO_SCALE;
    out.lines.push_back(std::move(line));
    line_ptrs.push_back(pango_layout_iter_get_line_readonly(it));
    baselines.push_back(baseline);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);

  it = pango_layout_get_iter(layout.get());
  size_t li = 0;
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
    if (!run || run->glyphs->num_glyphs == 0) continue;
    PangoLayoutLine* lp = pango_layout_iter_get_line_readonly(it);
    while (li < line_ptrs.size() && line_ptrs[li] != lp) ++li;
    if (li == line_ptrs.size()) break;  // cannot happen: every run belongs to a line
    PangoRectangle logical;
    pango_layout_iter_get_run_extents(it, nullptr, &logical);
    scene::GlyphRun gr;
    gr.text = text;
    gr.glyphs = std::shared_ptr<PangoGlyphItem>(pango_glyph_item_copy(run), free_glyph_item);
    gr.origin = {static_cast<double>(logical.x) / PANGO_SCALE, 0.0};
    gr.paint = paint;
    out.lines[li].runs.push_back(std::move(gr));
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  // An empty paragraph still has one (empty) line: it keeps its vertical space.
  return out;
}

double Typesetter::height(const SetParagraph& p) const { return p.style->leading * static_cast<double>(p.lines.size()); }

void Typesetter::place(const SetParagraph& p, Point top_left, std::vector<scene::Item>& out) const {
  const double leading = p.style->leading;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const SetLine& line = p.lines[i];
    // Half-leading model: the line's ink box is centred in its leading-high line box.
    double baseline = top_left.y + leading * static_cast<double>(i) + (leading - (line.ascent + line.descent)) / 2 + line.ascent;
    for (const auto& run : line.runs) {
      scene::GlyphRun placed = run;
      placed.origin = {top_left.x + run.origin.x, baseline};
      out.push_back(scene::Item{std::move(placed), p.span});
    }
  }
}

std::vector<Rect> split_columns(const Rect& frame, int columns, double gutter) {
  std::vector<Rect> out;
  if (columns < 1) columns = 1;
  double w = (frame.width - gutter * (columns - 1)) / columns;
  for (int i = 0; i < columns; ++i) out.push_back({frame.x + i * (w + gutter), frame.y, w, frame.height});
  return out;
}

}  // namespace plaquette::text
