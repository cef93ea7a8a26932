#include "load/template_loader.hpp"

#include <fmt/format.h>

#include "load/limits.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kTopKeys = {"template", "swatches", "styles", "character_styles", "masters"};
const std::vector<std::string> kTemplateKeys = {"name", "page", "bleed", "slug", "fonts", "output_profile"};
const std::vector<std::string> kPageKeys = {"width", "height"};

// The `template:` header: name, page format, bleed, fonts folder. Returns whether the page
// format is known (frames are checked against it).
bool load_header(MapReader& top, model::Template& tmpl, LoadContext& ctx) {
  auto node = top.get("template", Need::Required);
  if (!node) return false;
  MapReader m(*node, top.reader(), "'template'", top.key_span("template"),
              "{name: plaquette-a4, page: {width: 210mm, height: 297mm}}");
  if (!m.ok()) return false;
  tmpl.span = top.key_span("template");
  tmpl.name = m.text("name", Need::Required).value_or("");

  bool page_known = false;
  if (auto page = m.get("page", Need::Required)) {
    MapReader p(*page, top.reader(), "'page'", m.key_span("page"), "{width: 210mm, height: 297mm}");
    if (p.ok()) {
      auto w = p.length("width", Need::Required, limits::size(), "210mm");
      auto h = p.length("height", Need::Required, limits::size(), "297mm");
      if (w && h) {
        tmpl.page = Size{*w, *h};
        page_known = true;
      }
      p.finish(kPageKeys);
    }
  }
  tmpl.bleed = m.length("bleed", Need::Optional, limits::non_negative_length(), "3mm").value_or(0);
  // The slug: paper beyond the bleed where the print PDF carries crop marks (none when 0).
  tmpl.slug = m.length("slug", Need::Optional, limits::non_negative_length(), "10mm").value_or(0);

  if (auto fonts = m.text("fonts")) {
    ResolvedPath r = resolve_project_path(ctx.root, *fonts, PathRule{PathKind::Folder, "fonts folder", "assets/"});
    if (r.ok())
      tmpl.fonts_dir = *fonts;
    else
      top.reader().error(m.value_span("fonts"), r.error);
  }
  if (auto profile = m.text("output_profile")) {
    ResolvedPath r =
        resolve_project_path(ctx.root, *profile, PathRule{PathKind::File, "colour profile", "assets/color/"});
    if (r.ok())
      tmpl.output_profile = *profile;
    else
      top.reader().error(m.value_span("output_profile"), r.error);
  }
  m.finish(kTemplateKeys);
  return page_known;
}

}  // namespace

LoadedTemplate load_template(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx) {
  LoadedTemplate out;
  MapReader top(root, reader, "the template", reader.span(root));
  if (!top.ok()) return out;

  out.status.page_known = load_header(top, out.tmpl, ctx);

  // Each section is required: without it every use of a name would fail anyway, and one
  // "missing key" says it better than fifty "unknown style" errors (which the status suppresses).
  if (auto node = top.get("swatches", Need::Required)) {
    MapReader m(*node, reader, "'swatches'", top.key_span("swatches"), "{noir: {cmyk: [0, 0, 0, 100]}}");
    out.status.swatches_known = m.ok() && load_swatches(m, out.tmpl.swatches);
  }
  if (auto node = top.get("styles", Need::Required)) {
    MapReader m(*node, reader, "'styles'", top.key_span("styles"), "{corps: {font: Lato, size: 10pt}}");
    out.status.styles_known = m.ok() && load_styles(m, out.tmpl.styles, ctx);
  }
  // Optional: a template without character styles defines none (and content naming one is told so).
  if (!top.has("character_styles")) {
    out.status.char_styles_known = true;
  } else if (auto node = top.get("character_styles")) {
    MapReader m(*node, reader, "'character_styles'", top.key_span("character_styles"),
                "{insecable: {hyphenate: false}}");
    out.status.char_styles_known = m.ok() && load_char_styles(m, out.tmpl.char_styles, ctx);
  }
  if (auto node = top.get("masters", Need::Required)) {
    MapReader m(*node, reader, "'masters'", top.key_span("masters"));
    out.status.masters_known =
        m.ok() && load_masters(m, out.tmpl, out.status.page_known, out.tmpl.masters, out.status, ctx);
  }
  top.finish(kTopKeys);
  return out;
}

}  // namespace plaquette::load
