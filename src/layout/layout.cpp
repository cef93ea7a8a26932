// layout_document: the fonts are checked once, then each page gets its master's decorations
// and its blocks in order. An error in one block is reported and the other blocks go on, so
// that one run shows the user every problem.
#include "layout/layout.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "layout/page_context.hpp"
#include "text/font_set.hpp"

namespace plaquette::layout {

namespace {

std::string join_keywords(const std::vector<std::string>& k) { return fmt::format("{}", fmt::join(k, ", ")); }

// Every style must resolve to a real face of the project fonts: no silent substitution.
bool check_fonts(const model::Document& doc, const text::FontSet& fonts, DiagnosticSink& sink) {
  bool ok = true;
  for (const auto& [name, style] : doc.tmpl.styles) {
    if (auto problem = fonts.check(style)) {
      sink.error(style.span, *problem);
      ok = false;
    }
  }
  return ok;
}

void layout_block(const Engines& e, PageContext& pc, const model::Block& block) {
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, model::TextBlock>) layout_text_block(e, pc, b);
        else if constexpr (std::is_same_v<T, model::ImageBlock>) layout_image_block(e, pc, b);
        else if constexpr (std::is_same_v<T, model::MapBlock>) layout_map_block(e, pc, b);
        else if constexpr (std::is_same_v<T, model::BoxBlock>) layout_box_block(e, pc, b);
        else if constexpr (std::is_same_v<T, model::RuleBlock>) layout_rule_block(e, pc, b);
      },
      block);
}

}  // namespace

std::optional<scene::Document> layout_document(const model::Document& doc, DiagnosticSink& sink,
                                               const LayoutOptions& options, LayoutReport* report) {
  namespace fs = std::filesystem;
  fs::path fonts_dir = fs::path(doc.project_root) / doc.tmpl.fonts_dir;
  std::shared_ptr<text::FontSet> fonts;
  try {
    fonts = std::make_shared<text::FontSet>(fonts_dir.string(), doc.tmpl.span);
  } catch (const InputError& err) {
    sink.add(err.diagnostic());
    return std::nullopt;
  }
  if (!check_fonts(doc, *fonts, sink)) return std::nullopt;

  text::Typesetter typesetter(*fonts, doc.tmpl);
  image::ImageCache images;
  Engines engines{doc, options.draft, typesetter, images, sink};

  scene::Document out;
  out.title = doc.meta.title;
  out.author = doc.meta.author;
  out.subject = doc.meta.subject;
  out.keywords = join_keywords(doc.meta.keywords);
  out.language = doc.meta.language;
  out.date = doc.meta.date;
  out.resources.push_back(fonts);  // glyph runs reference its fonts until rendering is done

  int number = 0;
  for (const auto& page : doc.pages) {
    ++number;
    auto master = doc.tmpl.masters.find(page.master);
    if (master == doc.tmpl.masters.end()) {
      sink.error(page.span, fmt::format("unknown master '{}'", page.master));
      continue;
    }
    scene::Page sp;
    sp.trim = doc.tmpl.page;
    sp.bleed = doc.tmpl.bleed;
    sp.label = std::to_string(number);
    PageContext pc{page, master->second, number, sp};
    try {
      layout_master_items(engines, pc);
    } catch (const InputError& err) {
      sink.add(err.diagnostic());
    }
    for (const auto& block : page.blocks) {
      try {
        layout_block(engines, pc, block);
      } catch (const InputError& err) {
        sink.add(err.diagnostic());
      }
    }
    if (report) report->pages.push_back({number, pc.stats.lines, pc.stats.hyphenated, pc.stats.loosest});
    out.pages.push_back(std::move(sp));
  }
  if (sink.has_errors()) return std::nullopt;
  return out;
}

}  // namespace plaquette::layout
