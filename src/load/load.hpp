// load: YAML files → model::Document, with every problem reported as file:line:col.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "model/document.hpp"

namespace plaquette::load {

struct LoadOptions {
  // The project root: every path in the YAML is relative to it and must stay inside it.
  // Empty: walk up from the content file to the first directory that has a templates/ folder
  // (falling back to the content file's own directory).
  std::string root;
  // The variant to build (its id, e.g. an EPCI's SIREN), declared by the content file's
  // `variants:`; empty: the base brochure.
  std::string variant;
  // The language of the edition (--lang nl): replaces `document.language`. Unless it is French,
  // the texts come from content/translations/<language>.yaml (translations.hpp) where translated.
  std::string language;
  // Warn once per missing, stale or unknown translation (`check`); else one summary warning.
  bool list_translations = false;
};

// One variant of the brochure: its id (file names, --variant) and its name (title, messages).
struct VariantInfo {
  std::string id;
  std::string name;
  // Editions in other languages built besides the variant's own (`variants: languages:`), e.g. {"nl"}.
  std::vector<std::string> languages;
};

// The variants the content file declares or generates from map data (`variants:`), in order;
// an empty list when it has none; nullopt after reporting an error to `sink`. `declared_at`, when
// given, receives where the `variants:` key is (for messages about a variant asked for by id).
std::optional<std::vector<VariantInfo>> list_variants(const std::string& content_path, const LoadOptions& options,
                                                      DiagnosticSink& sink, Span* declared_at = nullptr);

// Loads the content file, its includes and its template. Every problem found goes to `sink`
// (the loader keeps going to report as many as it can); returns nullopt when there was an error.
std::optional<model::Document> load_document(const std::string& content_path, const LoadOptions& options,
                                             DiagnosticSink& sink);

// The skeleton of content/translations/<options.language>.yaml for the content file: every text
// id with its French text, its fingerprint and the current translation, to give a translator.
// nullopt after reporting an error (or when the language is French: nothing to translate).
std::optional<std::string> translation_skeleton(const std::string& content_path, const LoadOptions& options,
                                                DiagnosticSink& sink);

}  // namespace plaquette::load
