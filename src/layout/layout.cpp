// layout_document: the fonts are checked once, then each page gets its master's decorations
// and its blocks in order. An error in one block is reported and the other blocks go on, so
// that one run shows the user every problem.
#include "layout/layout.hpp"

#include <glib.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>

#include <fmt/format.h>

#include "layout/page_context.hpp"
#include "text/font_set.hpp"

namespace plaquette::layout {

namespace {

// A story that still does not fit after this many added pages has a problem pages cannot solve.
constexpr int kMaxAddedPages = 50;

// Without an edition date in the content, SOURCE_DATE_EPOCH (the reproducible-builds convention)
// dates the PDF, so that a rebuild gives the same bytes; otherwise a fixed date does.
std::string date_from_environment() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return {};
  char* end = nullptr;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || seconds < 0) return {};
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

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

namespace {

// "U+1F600 (😀)"
std::string code_point(char32_t c) {
  char utf8[8] = {};
  g_unichar_to_utf8(static_cast<gunichar>(c), utf8);
  return fmt::format("U+{:04X} ({})", static_cast<uint32_t>(c), utf8);
}

// Characters no project font has would print as boxes: an error (a warning in a draft).
void report_missing_characters(const std::vector<text::MissingCharacters>& missing, bool draft, DiagnosticSink& sink) {
  for (const auto& m : missing) {
    std::string list;
    for (size_t i = 0; i < m.chars.size() && i < 8; ++i) list += (i ? ", " : "") + code_point(m.chars[i]);
    if (m.chars.size() > 8) list += fmt::format(" and {} more", m.chars.size() - 8);
    std::string message = fmt::format(
        "no font of the project has {} {}: style '{}' is set in '{}', and they would print as empty boxes; remove "
        "them, or add a font that has them to the fonts folder and use it in a character style",
        m.chars.size() == 1 ? "the character" : "the characters", list, m.style, m.family);
    if (draft)
      sink.warning(m.span, std::move(message));
    else
      sink.error(m.span, std::move(message));
  }
}

}  // namespace

std::optional<scene::Document> layout_document(const model::Document& doc, DiagnosticSink& sink,
                                               const LayoutOptions& options, LayoutReport* report) {
  namespace fs = std::filesystem;
  fs::path fonts_dir = fs::path(doc.project_root) / doc.tmpl.fonts_dir;
  std::shared_ptr<text::FontSet> fonts = options.fonts;
  try {
    if (!fonts) fonts = std::make_shared<text::FontSet>(fonts_dir.string(), doc.tmpl.span);
  } catch (const InputError& err) {
    sink.add(err.diagnostic());
    return std::nullopt;
  }
  if (!check_fonts(doc, *fonts, sink)) return std::nullopt;

  text::Typesetter typesetter(*fonts, doc.tmpl);
  image::ImageCache own_images;
  image::ImageCache& images = options.images ? *options.images : own_images;
  StoryTable stories;
  Engines engines{doc, options.draft, stories, typesetter, images, sink};

  scene::Document out;
  out.title = doc.meta.title;
  out.author = doc.meta.author;
  out.subject = doc.meta.subject;
  out.keywords = join_keywords(doc.meta.keywords);
  out.language = doc.meta.language;
  out.date = doc.meta.date.empty() ? date_from_environment() : doc.meta.date;
  for (const auto& [name, swatch] : doc.tmpl.swatches) out.swatches.push_back(swatch);
  out.output_profile = (fs::path(doc.project_root) / doc.tmpl.output_profile).string();
  out.resources.push_back(fonts);  // glyph runs reference its fonts until rendering is done

  // Pages added for stories (add_pages) live here, beside the document's own pages.
  std::deque<model::Page> added;
  int number = 0;
  auto lay_out_page = [&](const model::Page& page) -> bool {
    ++number;
    auto master = doc.tmpl.masters.find(page.master);
    if (master == doc.tmpl.masters.end()) {
      sink.error(page.span, fmt::format("unknown master '{}'", page.master));
      return false;
    }
    scene::Page sp;
    sp.trim = doc.tmpl.page;
    sp.bleed = doc.tmpl.bleed;
    sp.slug = doc.tmpl.slug;
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
    if (report)
      report->pages.push_back({number, pc.stats.lines, pc.stats.hyphenated, pc.stats.loosest, pc.stats.space_p95(),
                               pc.stats.letter_spacing * 1000, pc.stats.stranded, pc.stats.fitness_jumps});
    out.pages.push_back(std::move(sp));
    return true;
  };

  for (const auto& page : doc.pages) {
    if (!lay_out_page(page)) continue;
    // A story that asks for pages and stopped on this page goes on, page after page.
    for (auto& [name, story] : stories) {
      const model::TextBlock& origin = *story.origin;
      if (origin.add_pages.empty() || story.done || story.page != number) continue;
      if (!doc.tmpl.masters.count(origin.add_pages)) {
        std::vector<std::string> names;
        for (const auto& [m, master] : doc.tmpl.masters) names.push_back(m);
        sink.error(origin.add_pages_span, fmt::format("unknown master '{}'{}", origin.add_pages,
                                                      did_you_mean(origin.add_pages, names)));
        story.done = true;
        continue;
      }
      for (int extra = 0; !story.done && extra < kMaxAddedPages; ++extra) {
        model::Page more;
        more.master = origin.add_pages;
        more.span = origin.add_pages_span;
        model::TextBlock rest;
        rest.at.frame = story.frame;
        rest.continues = name;
        rest.continues_span = origin.add_pages_span;
        rest.span = origin.add_pages_span;
        more.blocks.push_back(std::move(rest));
        added.push_back(std::move(more));
        const size_t before = story.next.paragraph * 100000 + story.next.line;
        lay_out_page(added.back());
        if (!story.done && story.next.paragraph * 100000 + story.next.line == before) break;  // no progress
      }
    }
  }
  // Stories with text left after their last frame.
  for (const auto& [name, story] : stories) {
    if (story.done) continue;
    const std::string where = story.frame.empty() ? "its box" : fmt::format("frame '{}'", story.frame);
    report_overflow(engines, story.span,
                    fmt::format("story '{}' does not fit: {}{} line{} left over after {} on page {}; add a block "
                                "'continue: {}' on a later page, or 'add_pages: <master>' to the story's first block",
                                name, story.lines_estimated ? "about " : "", story.lines_left, story.lines_left > 1 ? "s" : "", where, story.page, name),
                    nullptr, Rect{}, story.span);
  }
  report_missing_characters(typesetter.missing_characters(), options.draft, sink);
  if (sink.has_errors()) return std::nullopt;
  return out;
}

}  // namespace plaquette::layout
