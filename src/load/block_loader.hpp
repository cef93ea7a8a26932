// One block of a page: its kind (text, image, map, box, rule), its placement and its settings.
#pragma once
#include <optional>
#include <string>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/document.hpp"

namespace plaquette::load {

// `master` is the page's master ("" when unknown: frame names are then not checked).
std::optional<model::Block> load_block(const YAML::Node& node, const NodeReader& reader, const std::string& master,
                                       LoadContext& ctx);

// The placement keys of a block: `frame` (+ edge overrides) or x, y, width, height.
// `width_is_stroke`: for a rule placed in a frame, `width` is the rule's thickness, not the placement's.
model::Placement load_placement(MapReader& m, const std::string& master, bool width_is_stroke, LoadContext& ctx);

// The kind-specific keys (block_kinds.cpp). `at` is the placement already read; nullopt when the
// block cannot be drawn (problems reported).
std::optional<model::Block> load_text_block(MapReader& m, model::Placement at, LoadContext& ctx);
// `continue: story`: a frame where the rest of a named story flows (linked frames).
std::optional<model::Block> load_continue_block(MapReader& m, model::Placement at, LoadContext& ctx);
std::optional<model::Block> load_image_block(MapReader& m, model::Placement at, LoadContext& ctx);
std::optional<model::Block> load_map_block(MapReader& m, model::Placement at, LoadContext& ctx);
std::optional<model::Block> load_box_block(MapReader& m, model::Placement at, LoadContext& ctx);
std::optional<model::Block> load_rule_block(MapReader& m, model::Placement at, LoadContext& ctx);

}  // namespace plaquette::load
