// The load stage, start to finish: find the project root, read the content file, its template and
// its includes, then check the names they share. Each file is reported under its own name.
#include "load/load.hpp"

#include <algorithm>
#include <set>
#include <system_error>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "load/content_loader.hpp"
#include "load/context.hpp"
#include "load/paths.hpp"
#include "load/template_loader.hpp"
#include "load/validate.hpp"
#include "load/yaml_reader.hpp"

namespace plaquette::load {

namespace {

// The root as an absolute, canonical path (so that symbolic-link checks compare like with like),
// or nullopt after reporting why it is unusable.
std::optional<fs::path> project_root(const fs::path& content_abs, const LoadOptions& options, DiagnosticSink& sink) {
  std::error_code ec;
  fs::path root;
  if (!options.root.empty()) {
    root = fs::absolute(options.root, ec);
    if (ec || !fs::is_directory(root, ec)) {
      sink.error(Span{options.root, 0, 0}, "the project folder given with --root does not exist or is not a folder");
      return std::nullopt;
    }
  } else {
    root = find_project_root(content_abs);
  }
  fs::path canon = fs::weakly_canonical(root, ec);
  if (ec) {
    sink.error(Span{root.string(), 0, 0}, fmt::format("cannot use this project folder: {}", ec.message()));
    return std::nullopt;
  }
  return canon;
}

// Hands the diagnostics to the caller's sink in reading order: file by file (in the order the
// files were opened), then by line and column. Name checks run last but belong where the name is.
void forward_in_reading_order(const DiagnosticSink& from, const std::vector<std::string>& file_order,
                              DiagnosticSink& to) {
  auto rank = [&](const Span& s) {
    auto it = std::find(file_order.begin(), file_order.end(), s.file);
    return std::make_tuple(static_cast<size_t>(it - file_order.begin()), s.line, s.col);
  };
  std::vector<Diagnostic> all = from.all();
  std::stable_sort(all.begin(), all.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a.span) < rank(b.span); });
  for (auto& d : all) to.add(std::move(d));
}

std::optional<model::Document> load_all(const std::string& content_path, const LoadOptions& options,
                                        DiagnosticSink& sink, std::vector<std::string>& file_order) {
  std::error_code ec;
  fs::path content_abs = fs::absolute(content_path, ec).lexically_normal();
  const std::string content_display = display_path(content_abs, content_path);
  file_order.push_back(content_display);
  if (ec || !fs::is_regular_file(content_abs, ec)) {
    sink.error(Span{content_display, 0, 0},
               "content file not found: check the path given on the command line (for example "
               "content/plaquette.yaml)");
    return std::nullopt;
  }
  auto root = project_root(content_abs, options, sink);
  if (!root) return std::nullopt;

  LoadContext ctx{sink, *root, {}};
  auto content_node = parse_yaml_file(content_abs, content_display, sink);
  if (!content_node) return std::nullopt;
  NodeReader content_reader(content_display, sink);
  ContentFile content = load_content(*content_node, content_reader, ctx);

  model::Document doc;
  doc.project_root = root->string();
  doc.source_file = content_path;
  doc.meta = std::move(content.meta);

  TemplateStatus status;  // nothing known until the template is read
  if (content.template_file) {
    const FileRef& f = *content.template_file;
    std::string display = ctx.display(f.resolved, f.written);
    file_order.push_back(display);
    if (auto node = parse_yaml_file(f.resolved, display, sink)) {
      NodeReader reader(display, sink);
      LoadedTemplate t = load_template(*node, reader, ctx);
      doc.tmpl = std::move(t.tmpl);
      status = std::move(t.status);
    }
  }

  // Pages of the included files come first, in list order, then those of the main file.
  std::set<std::string> included;
  for (const FileRef& f : content.includes) {
    if (!included.insert(f.resolved).second)
      sink.warning(f.span, fmt::format("'{}' is included twice: its pages will appear twice", f.written));
    std::string display = ctx.display(f.resolved, f.written);
    file_order.push_back(display);
    if (auto node = parse_yaml_file(f.resolved, display, sink)) {
      NodeReader reader(display, sink);
      for (auto& page : load_included(*node, reader, ctx)) doc.pages.push_back(std::move(page));
    }
  }
  for (auto& page : content.pages) doc.pages.push_back(std::move(page));

  if (doc.pages.empty() && !sink.has_errors())
    sink.error(Span{content_display, 0, 0},
               "the document has no pages: add 'pages:' to this file, or files with pages to 'include:'");

  validate_document(doc, ctx.refs, status, sink);
  if (sink.has_errors()) return std::nullopt;
  return doc;
}

}  // namespace

std::optional<model::Document> load_document(const std::string& content_path, const LoadOptions& options,
                                             DiagnosticSink& sink) {
  // A sink of our own: the caller's may hold earlier errors (this call fails only for its own),
  // and ours is sorted into reading order before it is handed over.
  DiagnosticSink local;
  std::vector<std::string> file_order;
  auto doc = load_all(content_path, options, local, file_order);
  forward_in_reading_order(local, file_order, sink);
  return doc;
}

}  // namespace plaquette::load
