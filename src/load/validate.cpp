#include "load/validate.hpp"

#include <fmt/format.h>

#include "core/units.hpp"
#include "load/rect_reader.hpp"

namespace plaquette::load {

namespace {

template <class Map>
std::vector<std::string> names_of(const Map& m) {
  std::vector<std::string> names;
  for (const auto& [name, _] : m) names.push_back(name);
  return names;
}

std::vector<std::string> frame_ids(const model::Master& master) {
  std::vector<std::string> ids;
  for (const auto& f : master.frames) ids.push_back(f.id);
  return ids;
}

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out.empty() ? "none" : out;
}

// " (did you mean 'x'?)", or ": <what> are a, b, c" when no name is close.
std::string hint(const std::string& name, const std::vector<std::string>& names, const std::string& what) {
  std::string h = did_you_mean(name, names);
  return h.empty() ? fmt::format(": {} are {}", what, listing(names)) : h;
}

void check_reference(const Reference& r, const model::Template& t, const TemplateStatus& st, DiagnosticSink& sink) {
  using K = Reference::Kind;
  switch (r.kind) {
    case K::Swatch: {
      if (!st.swatches_known || t.swatches.count(r.name)) return;
      if (!r.implied_by.empty())
        sink.error(r.span, fmt::format("{} uses the colour '{}', which the template's swatches do not define: add "
                                       "it to swatches",
                                       r.implied_by, r.name));
      else
        sink.error(r.span, fmt::format("unknown colour '{}'{}", r.name,
                                       hint(r.name, names_of(t.swatches), "the template's colours")));
      return;
    }
    case K::Style: {
      if (!st.styles_known || t.styles.count(r.name)) return;
      if (!r.implied_by.empty())
        sink.error(r.span, fmt::format("{} uses the style '{}', which the template does not define: add it to the "
                                       "template's styles",
                                       r.implied_by, r.name));
      else
        sink.error(r.span, fmt::format("unknown style '{}'{}", r.name,
                                       hint(r.name, names_of(t.styles), "the template's styles")));
      return;
    }
    case K::CharStyle: {
      if (!st.char_styles_known || t.char_styles.count(r.name)) return;
      if (t.char_styles.empty())
        sink.error(r.span, fmt::format("unknown character style '{}': the template defines no character styles "
                                       "(add them under 'character_styles:')",
                                       r.name));
      else
        sink.error(r.span, fmt::format("unknown character style '{}'{}", r.name,
                                       hint(r.name, names_of(t.char_styles), "the template's character styles")));
      return;
    }
    case K::Master: {
      if (!st.masters_known || t.masters.count(r.name)) return;
      sink.error(r.span, fmt::format("unknown master page '{}'{}", r.name,
                                     hint(r.name, names_of(t.masters), "the template's master pages")));
      return;
    }
    case K::Frame: {
      // An unknown master was reported already; its frames cannot be checked.
      if (!st.masters_known || r.master.empty() || st.masters_with_unknown_frames.count(r.master)) return;
      auto m = t.masters.find(r.master);
      if (m == t.masters.end()) return;
      for (const auto& f : m->second.frames)
        if (f.id == r.name) return;
      sink.error(r.span, fmt::format("unknown frame '{}' in master page '{}'{}", r.name, r.master,
                                     hint(r.name, frame_ids(m->second), "its frames")));
      return;
    }
  }
}

const model::Placement& placement_of(const model::Block& b) {
  return std::visit([](const auto& block) -> const model::Placement& { return block.at; }, b);
}

// The same geometry layout will compute, checked here so that every bad block is reported at once.
void check_placement(const model::Placement& at, const model::Master& master, const model::Template& t,
                     bool page_known, DiagnosticSink& sink) {
  Rect area;
  int columns = 1;
  double gutter = 0;
  if (at.rect) {
    area = *at.rect;
  } else {
    const model::FrameSlot* slot = nullptr;
    for (const auto& f : master.frames)
      if (f.id == at.frame) slot = &f;
    if (!slot || slot->rect.empty()) return;  // unknown frame (reported) or broken frame (reported)
    area = slot->rect;
    columns = slot->columns;
    gutter = slot->gutter;
    double left = at.left.value_or(area.x), right = at.right.value_or(area.right());
    double top = at.top.value_or(area.y), bottom = at.bottom.value_or(area.bottom());
    area = Rect{left, top, right - left, bottom - top};
    if (area.empty()) {
      sink.error(at.span, fmt::format("top, bottom, left and right leave this block no room in frame '{}' ({}): "
                                      "check them against the frame",
                                      at.frame, describe_rect(slot->rect)));
      return;
    }
  }
  columns = at.columns.value_or(columns);
  gutter = at.gutter.value_or(gutter);
  if (columns > 1 && gutter * (columns - 1) >= area.width)
    sink.error(at.span, fmt::format("this block is {} wide: {} columns with a {} gutter leave no room for text; "
                                    "reduce 'columns' or 'gutter'",
                                    format_mm(area.width), columns, format_mm(gutter)));
  Rect page{-t.bleed, -t.bleed, t.page.width + 2 * t.bleed, t.page.height + 2 * t.bleed};
  if (page_known && !page.contains(area))
    sink.error(at.span, fmt::format("this block ({}) goes outside the page ({} × {}, bleed {}): check its position "
                                    "and size",
                                    describe_rect(area), format_mm(t.page.width), format_mm(t.page.height),
                                    format_mm(t.bleed)));
}

}  // namespace

void validate_document(const model::Document& doc, const std::vector<Reference>& refs, const TemplateStatus& status,
                       DiagnosticSink& sink) {
  for (const auto& r : refs) check_reference(r, doc.tmpl, status, sink);
  if (!status.masters_known) return;
  for (const auto& page : doc.pages) {
    auto m = doc.tmpl.masters.find(page.master);
    if (m == doc.tmpl.masters.end() || status.masters_with_unknown_frames.count(page.master)) continue;
    for (const auto& block : page.blocks)
      check_placement(placement_of(block), m->second, doc.tmpl, status.page_known, sink);
  }
}

}  // namespace plaquette::load
