// The template file: page format, swatches, paragraph and character styles, master pages.
#pragma once
#include <optional>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/document.hpp"

namespace plaquette::load {

struct LoadedTemplate {
  model::Template tmpl;
  TemplateStatus status;
};

// Reads a parsed template file. Problems go to the sink; what could be read is returned all the
// same, with `status` telling which sections are trustworthy enough to check names against.
LoadedTemplate load_template(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx);

// The sections, each in its own file. Each returns false when the section itself is unusable
// (not a mapping), so that names are not checked against it.
bool load_swatches(MapReader& section, SwatchTable& out);
// Paragraph and character styles. A style may be `based_on` another of its section: it inherits
// every key it does not set itself. Unknown parents and cycles are reported at the 'based_on' value.
bool load_styles(MapReader& section, std::map<std::string, model::ParagraphStyle>& out, LoadContext& ctx);
bool load_char_styles(MapReader& section, std::map<std::string, model::CharacterStyle>& out, LoadContext& ctx);
bool load_masters(MapReader& section, const model::Template& tmpl, bool page_known,
                  std::map<std::string, model::Master>& out, TemplateStatus& status, LoadContext& ctx);

}  // namespace plaquette::load
