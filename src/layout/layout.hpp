// layout: model::Document → scene::Document. The only stage that decides positions.
#pragma once
#include <optional>

#include "core/diag.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"

namespace plaquette::layout {

// Lays out every page: master decorations, then the page's blocks (text flowed through frame
// columns, images fitted, maps drawn). Problems (unknown fonts, text overflow, bad images or map
// data) go to `sink` with the YAML location; returns nullopt when there was an error.
std::optional<scene::Document> layout_document(const model::Document& doc, DiagnosticSink& sink);

}  // namespace plaquette::layout
