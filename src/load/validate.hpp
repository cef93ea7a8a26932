// Checks that need the whole document: names used by the content and the template exist in the
// template, and placements make sense on their master page.
#pragma once
#include <vector>

#include "core/diag.hpp"
#include "load/context.hpp"
#include "model/document.hpp"

namespace plaquette::load {

void validate_document(const model::Document& doc, const std::vector<Reference>& refs, const TemplateStatus& status,
                       DiagnosticSink& sink);

}  // namespace plaquette::load
