// Pages: a master page and the blocks drawn on it.
#include <fmt/format.h>

#include "load/block_loader.hpp"
#include "load/content_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kPageKeys = {"master", "blocks"};

std::optional<model::Page> load_page(const YAML::Node& node, size_t number, const NodeReader& reader,
                                     LoadContext& ctx) {
  MapReader m(node, reader, fmt::format("page {} of this file", number), reader.span(node),
              "{master: deux-colonnes, blocks: [...]}");
  if (!m.ok()) return std::nullopt;
  model::Page page;
  page.span = reader.span(node);
  if (auto master = m.text("master", Need::Required)) {
    page.master = *master;
    ctx.use(Reference::Kind::Master, *master, m.value_span("master"));
  }
  // Blocks are read even without a master, to report their own problems; their frame names
  // are then not checked (page.master is empty), which would only repeat the master's error.
  if (auto blocks = m.list("blocks", Need::Optional, "[{frame: texte, text: [...]}]")) {
    for (const auto& b : *blocks)
      if (auto block = load_block(b, reader, page.master, ctx)) page.blocks.push_back(std::move(*block));
  }
  m.finish(kPageKeys);
  return page;
}

}  // namespace

std::vector<model::Page> load_pages(const YAML::Node& list, const NodeReader& reader, LoadContext& ctx) {
  std::vector<model::Page> pages;
  auto items = reader.list(list, "'pages'", "[{master: deux-colonnes, blocks: [...]}]");
  if (!items) return pages;
  for (size_t i = 0; i < items->size(); ++i)
    if (auto page = load_page((*items)[i], i + 1, reader, ctx)) pages.push_back(std::move(*page));
  return pages;
}

}  // namespace plaquette::load
