// A block: find its one kind key, read its placement, hand the rest to the kind's reader, and
// report the keys nobody read, with the hint that fits (typo, or a key of another kind).
#include "load/block_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace plaquette::load {

namespace {

struct Kind {
  const char* key;
  const char* label;                       // for messages: "a text block"
  std::vector<std::string> own_keys;       // besides the placement keys and the kind key
  std::optional<model::Block> (*load)(MapReader&, model::Placement, LoadContext&);
};

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> k = {
      {"text", "text", {"background", "padding", "story", "add_pages", "balance"}, load_text_block},
      {"continue", "continued text", {"background", "padding"}, load_continue_block},
      {"image", "image", {"fit", "focus", "caption"}, load_image_block},
      {"map", "map", {}, load_map_block},
      {"box", "box", {"opacity"}, load_box_block},
      {"rule", "rule", {}, load_rule_block},
  };
  return k;
}

const std::vector<std::string> kPlacementKeys = {"frame", "x",     "y",       "width", "height", "top",
                                                 "bottom", "left", "right", "columns", "gutter"};

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const auto& k : kinds()) names.emplace_back(k.key);
  return names;
}

void report_unread(const MapReader& m, const Kind& kind) {
  std::vector<std::string> allowed = kPlacementKeys;
  allowed.emplace_back(kind.key);
  allowed.insert(allowed.end(), kind.own_keys.begin(), kind.own_keys.end());
  for (const auto* e : m.unread()) {
    const Kind* owner = nullptr;
    for (const auto& other : kinds())
      if (!owner && std::find(other.own_keys.begin(), other.own_keys.end(), e->key) != other.own_keys.end())
        owner = &other;
    if (owner) {
      m.reader().error(e->key_node, fmt::format("'{}' is for {} blocks, not {} blocks: remove it", e->key,
                                                owner->label, kind.label));
      continue;
    }
    std::string hint = did_you_mean(e->key, allowed);
    if (hint.empty()) {
      hint = ": the keys of a " + std::string(kind.label) + " block are ";
      for (size_t i = 0; i < allowed.size(); ++i) hint += (i ? ", " : "") + allowed[i];
    }
    m.reader().error(e->key_node, fmt::format("unknown key '{}' in a {} block{}", e->key, kind.label, hint));
  }
}

}  // namespace

std::optional<model::Block> load_block(const YAML::Node& node, const NodeReader& reader, const std::string& master,
                                       LoadContext& ctx) {
  MapReader m(node, reader, "a block", reader.span(node), "{frame: texte, text: [...]}");
  if (!m.ok()) return std::nullopt;

  std::vector<const MapReader::Entry*> kind_keys;
  for (const auto* e : m.unread())
    for (const auto& k : kinds())
      if (e->key == k.key) kind_keys.push_back(e);

  if (kind_keys.empty()) {
    // Without a kind the allowed keys are unknown: report only the missing kind, at a misspelt
    // kind key when there is one ("txt:"), otherwise at the block.
    for (const auto* e : m.unread()) {
      std::string hint = did_you_mean(e->key, kind_names());
      if (!hint.empty()) {
        reader.error(e->key_node, fmt::format("unknown key '{}' in a block{}: a block needs one of text, image, "
                                              "map, box or rule",
                                              e->key, hint));
        return std::nullopt;
      }
    }
    reader.error(m.anchor(), "this block has no content: give it one of text, image, map, box or rule");
    return std::nullopt;
  }
  if (kind_keys.size() > 1) {
    reader.error(kind_keys[1]->key_node,
                 fmt::format("a block has one kind only, but this one has '{}' and '{}': split it into two blocks",
                             kind_keys[0]->key, kind_keys[1]->key));
    return std::nullopt;
  }
  const Kind& kind = *std::find_if(kinds().begin(), kinds().end(),
                                   [&](const Kind& k) { return kind_keys[0]->key == k.key; });

  bool width_is_stroke = std::string_view(kind.key) == "rule" && m.has("frame");
  model::Placement at = load_placement(m, master, width_is_stroke, ctx);
  auto block = kind.load(m, std::move(at), ctx);
  report_unread(m, kind);
  return block;
}

}  // namespace plaquette::load
