#include "load/content_loader.hpp"

#include <chrono>
#include <regex>

#include <fmt/format.h>

namespace plaquette::load {

namespace {

const std::vector<std::string> kContentKeys = {"document", "template", "include", "pages", "variables", "variants"};
const std::vector<std::string> kIncludedKeys = {"pages"};
const std::vector<std::string> kDocumentKeys = {"title",    "subtitle", "author", "subject",
                                                "keywords", "language", "date"};

// The edition date goes into the PDF metadata, which wants a real calendar date.
bool is_iso_date(const std::string& s) {
  static const std::regex form(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (!std::regex_match(s, m, form)) return false;
  std::chrono::year_month_day ymd{std::chrono::year{std::stoi(m[1])},
                                  std::chrono::month{static_cast<unsigned>(std::stoi(m[2]))},
                                  std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
  return ymd.ok();
}

model::Metadata load_metadata(MapReader& top) {
  model::Metadata meta;
  auto node = top.get("document", Need::Required);
  if (!node) return meta;
  meta.span = top.key_span("document");
  MapReader m(*node, top.reader(), "'document'", meta.span, "{title: La Trame verte et bleue}");
  if (!m.ok()) return meta;
  const NodeReader& reader = top.reader();

  meta.title = m.text("title", Need::Required).value_or("");
  meta.subtitle = m.text("subtitle").value_or("");
  meta.author = m.text("author").value_or("");
  meta.subject = m.text("subject").value_or("");
  if (auto list = m.list("keywords", Need::Optional, "[trame verte, biodiversité]")) {
    for (size_t i = 0; i < list->size(); ++i)
      if (auto k = reader.text((*list)[i], fmt::format("keyword {}", i + 1))) meta.keywords.push_back(*k);
  }
  if (auto lang = m.text("language")) {
    if (is_language_tag(*lang))
      meta.language = *lang;
    else
      reader.error(m.value_span("language"),
                   fmt::format("'language' must be a language code, like fr or en (got '{}')", *lang));
  }
  if (auto date = m.text("date")) {
    if (is_iso_date(*date))
      meta.date = *date;
    else
      reader.error(m.value_span("date"),
                   fmt::format("'date' must be a date written year-month-day, like 2026-11-25 (got '{}')", *date));
  }
  m.finish(kDocumentKeys);
  return meta;
}

std::optional<FileRef> resolve_file(const YAML::Node& node, std::string_view name, const NodeReader& reader,
                                    const PathRule& rule, LoadContext& ctx) {
  auto written = reader.text(node, name);
  if (!written) return std::nullopt;
  ResolvedPath r = resolve_project_path(ctx.root, *written, rule);
  if (!r.ok()) {
    reader.error(node, r.error);
    return std::nullopt;
  }
  return FileRef{*written, r.path, reader.span(node)};
}

}  // namespace

ContentFile load_content(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx) {
  ContentFile out;
  MapReader top(root, reader, "the content file", reader.span(root), "document: ... / template: ... / pages: ...");
  if (!top.ok()) return out;

  out.meta = load_metadata(top);
  if (auto node = top.get("template", Need::Required))
    out.template_file =
        resolve_file(*node, "'template'", reader, PathRule{PathKind::File, "template", "templates/"}, ctx);
  if (auto list = top.list("include", Need::Optional, "[content/pages/01-couverture.yaml]")) {
    for (const auto& item : *list)
      if (auto f = resolve_file(item, "an included file", reader,
                                PathRule{PathKind::File, "included file", "content/"}, ctx))
        out.includes.push_back(*f);
  }
  if (auto pages = top.get("pages")) out.pages = load_pages(*pages, reader, ctx);
  top.mark_read("variables");  // read by the variant loader (variant_loader.cpp)
  top.mark_read("variants");
  top.finish(kContentKeys);
  return out;
}

std::vector<model::Page> load_included(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx) {
  MapReader top(root, reader, "an included file", reader.span(root), "pages: [...]");
  if (!top.ok()) return {};
  std::vector<model::Page> pages;
  if (auto node = top.get("pages", Need::Required)) pages = load_pages(*node, reader, ctx);
  // An included file holds pages only; say so rather than "unknown key 'document'".
  for (const auto* e : top.unread()) {
    if (e->key == "document" || e->key == "template" || e->key == "include") {
      reader.error(e->key_node, fmt::format("'{}' belongs in the main content file: an included file only has "
                                            "'pages:'",
                                            e->key));
    } else {
      std::string hint = did_you_mean(e->key, kIncludedKeys);
      reader.error(e->key_node, fmt::format("unknown key '{}' in an included file{}", e->key,
                                            hint.empty() ? ": an included file only has 'pages:'" : hint));
    }
  }
  return pages;
}

}  // namespace plaquette::load
