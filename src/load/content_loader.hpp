// The content files: the main one (document, template, include, pages) and included ones (pages).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "load/context.hpp"
#include "load/yaml_reader.hpp"
#include "model/document.hpp"

namespace plaquette::load {

// A project file named by a content file (its template, an include), already checked and resolved.
struct FileRef {
  std::string written;   // as in the YAML, relative to the project root
  std::string resolved;  // absolute
  Span span;             // where it is written
};

struct ContentFile {
  model::Metadata meta;
  std::optional<FileRef> template_file;  // nullopt when missing or refused (already reported)
  std::vector<FileRef> includes;         // only those that could be resolved
  std::vector<model::Page> pages;
};

// The main content file.
ContentFile load_content(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx);
// An included file: only `pages:`.
std::vector<model::Page> load_included(const YAML::Node& root, const NodeReader& reader, LoadContext& ctx);
// A `pages:` list (page_loader.cpp).
std::vector<model::Page> load_pages(const YAML::Node& list, const NodeReader& reader, LoadContext& ctx);

}  // namespace plaquette::load
