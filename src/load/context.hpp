// What the loaders share while reading one document: the sink, the project root, and the names
// that files refer to. Names are checked once everything is read (validate.cpp), because the
// content file names its template before the template is read.
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "load/paths.hpp"

namespace plaquette::load {

// A use of a name defined by the template, with the place where it is written.
struct Reference {
  enum class Kind { Swatch, Style, CharStyle, Master, Frame };  // Style: paragraph; CharStyle: character
  Kind kind;
  std::string name;
  Span span;
  std::string master;  // Frame: the master page whose frames the name must be among
  // When the name is implied rather than written (plain paragraphs use 'corps'), what implies it,
  // e.g. "a paragraph without a style": the message then explains where the name comes from.
  std::string implied_by;
};

// What the template could define. A section that failed to load is not "known": checking names
// against it would only echo the first error (the "do not cascade" rule).
struct TemplateStatus {
  bool swatches_known = false;
  bool styles_known = false;
  bool char_styles_known = false;
  bool masters_known = false;
  bool page_known = false;
  std::set<std::string> masters_with_unknown_frames;
};

struct LoadContext {
  DiagnosticSink& sink;
  std::filesystem::path root;  // absolute and canonical
  std::vector<Reference> refs;

  void use(Reference::Kind kind, std::string name, Span span, std::string master = {},
           std::string implied_by = {}) {
    refs.push_back(Reference{kind, std::move(name), std::move(span), std::move(master), std::move(implied_by)});
  }

  // The display name of a project file reached by `written` (relative to the root).
  std::string display(const std::filesystem::path& resolved, const std::string& written) const {
    return display_path(resolved, (root / written).lexically_normal().string());
  }
};

}  // namespace plaquette::load
