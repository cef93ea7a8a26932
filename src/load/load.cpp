// The load stage, start to finish: find the project root, read the content file, its template and
// its includes, then check the names they share. Each file is reported under its own name.
#include "load/load.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "load/content_loader.hpp"
#include "load/context.hpp"
#include "load/paths.hpp"
#include "load/template_loader.hpp"
#include "load/translations.hpp"
#include "core/regular_file.hpp"
#include "load/validate.hpp"
#include "load/variant_loader.hpp"
#include "load/yaml_reader.hpp"
#include "model/language.hpp"
#include "variants/merge.hpp"

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

// The span of a top-level key of the content file (for messages about a whole section).
Span top_key_span(const YAML::Node& root, const std::string& key, const NodeReader& reader) {
  if (root.IsMap())
    for (auto it = root.begin(); it != root.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == key) return reader.span(it->first);
  return reader.span(root);
}

// What a variant changes in the content: the override file's `files:` (by included file, as
// written in `include:`), the variables expanded in every text, and the title's addition.
struct VariantState {
  bool active = false;  // variables are expanded (the content has `variables:` or `variants:`)
  YAML::Node variables{YAML::NodeType::Map};
  struct FileOverride {
    YAML::Node node;
    std::string display;  // the override file
    Span span;            // the key naming the included file
  };
  std::map<std::string, FileOverride> files;
  std::string name;  // the variant's name, empty for the base brochure
};

std::optional<VariantSpec> read_spec(const YAML::Node& root, const std::string& display, LoadContext& ctx) {
  const YAML::Node& c = root;
  if (!c.IsMap() || !c["variants"].IsDefined()) return std::nullopt;
  NodeReader reader(display, ctx.sink);
  return read_variant_spec(c["variants"], top_key_span(root, "variants", reader), reader, ctx);
}

// Applies the variant asked for in `options` (or the base's variables) to the main file's tree.
// Returns false after reporting an error that stops the load.
// Chooses the language (the variant's overrides may have set it) and translates the main file.
bool translate_main(YAML::Node& root, const std::string& display, const LoadOptions& options,
                    std::vector<std::string>& file_order, Translator& tr) {
  if (!tr.prepare(root, options.language, file_order)) return false;
  if (tr.active()) tr.translate(root, text_id_stem(display), display);
  return true;
}

bool apply_variant(YAML::Node& root, const std::string& display, const LoadOptions& options, LoadContext& ctx,
                   std::vector<std::string>& file_order, VariantState& state, Translator& tr) {
  DiagnosticSink& sink = ctx.sink;
  const YAML::Node& c = root;
  if (!c.IsMap()) return true;  // load_content reports it
  const bool has_variants = c["variants"].IsDefined();
  const bool has_variables = c["variables"].IsDefined();
  NodeReader reader(display, sink);
  if (!has_variants) {
    if (!options.variant.empty()) {
      sink.error(Span{display, 0, 0}, fmt::format("variant '{}' asked for, but this content file declares no "
                                                  "variants: add a 'variants:' section",
                                                  options.variant));
      return false;
    }
    if (!has_variables) {
      if (!translate_main(root, display, options, file_order, tr)) return false;
      tr.check_no_variables();
      // No variables at all: a {name} in the text is still a placeholder, and an unknown one, not
      // text to print as it is (the included files are expanded the same way).
      state.active = true;
      state.variables = YAML::Node(YAML::NodeType::Map);
      expand_tree(root, state.variables, display, sink, {"variants", "variables"});
      return true;
    }
  }
  state.active = true;
  // The content's variables as written (their marks name them in messages about translations).
  YAML::Node base_variables(YAML::NodeType::Map);
  if (has_variables) {
    if (!c["variables"].IsMap()) {
      sink.error(top_key_span(root, "variables", reader), "'variables' must be a mapping, e.g. {epci: {nom: Bassin minier}}");
      return false;
    }
    base_variables = c["variables"];
    state.variables = YAML::Clone(c["variables"]);
  }
  std::optional<VariantSpec> spec;
  if (has_variants) {
    spec = read_spec(root, display, ctx);
    if (!spec) return false;
  }
  std::string filter;
  VariantInfo info;
  std::optional<std::vector<VariantInfo>> all;  // once resolved
  if (spec) {
    if (!options.variant.empty()) {
      try {
        all = resolve_variants(*spec, ctx.root, &sink);
      } catch (const InputError& e) {
        sink.add(e.diagnostic());
        return false;
      }
      auto it = std::find_if(all->begin(), all->end(), [&](const VariantInfo& v) { return v.id == options.variant; });
      if (it == all->end()) {
        std::vector<std::string> ids;
        std::string listed;
        for (const auto& v : *all) {
          ids.push_back(v.id);
          listed += fmt::format("{}{} ({})", listed.empty() ? "" : ", ", v.id, v.name);
        }
        sink.error(spec->span, fmt::format("unknown variant '{}'{}; the variants are: {}", options.variant,
                                           did_you_mean(options.variant, ids), listed));
        return false;
      }
      info = *it;
      for (const char* g : {spec->group.c_str(), "variante", "chiffres"}) {
        const YAML::Node& vars = state.variables;
        if (vars[g].IsDefined() && !vars[g].IsMap()) {
          sink.error(top_key_span(root, "variables", reader),
                     fmt::format("'variables.{}' must be a mapping: the variants fill it", g));
          return false;
        }
      }
      state.name = info.name;
    }
    if (options.variant.empty() && !spec->ids.empty()) {
      // The base edition covers every declared variant: an id missing from the data is an error
      // here too, not a territory silently smaller than the list says.
      try {
        all = resolve_variants(*spec, ctx.root, &sink);
      } catch (const InputError& e) {
        sink.add(e.diagnostic());
        return false;
      }
    }
    filter = territory_filter(*spec, info.id);
  }
  tr.set_variant(info.id);

  // The variant's own file: content/variants/<id>.yaml, when there is one. Its variables are laid
  // over the others once the language is known (a translation gives them in its language first).
  YAML::Node over_variables(YAML::NodeType::Undefined);  // the override file's `variables:`
  std::string over_variables_display;
  if (spec && !info.id.empty() && !spec->overrides_written.empty()) {
    fs::path path = spec->overrides_dir / (info.id + ".yaml");
    std::error_code ec;
    if (fs::exists(path, ec)) {  // not regular (a FIFO...): parse_yaml_file says so
      const std::string written = (fs::path(spec->overrides_written) / (info.id + ".yaml")).string();
      const std::string over_display = ctx.display(path, written);
      file_order.push_back(over_display);
      auto over = parse_yaml_file(path, over_display, sink);
      if (!over) return false;
      if (!over->IsNull()) {
        if (!over->IsMap()) {
          sink.error(NodeReader(over_display, sink).span(*over),
                     "a variant file must be a mapping: document:, variables:, files: ...");
          return false;
        }
        tr.set_variant_file(over_display, *over);
        YAML::Node rest(YAML::NodeType::Map);
        NodeReader over_reader(over_display, sink);
        for (auto it = over->begin(); it != over->end(); ++it) {
          const std::string key = it->first.Scalar();
          if (key == "variables") {
            over_variables = it->second;
            over_variables_display = over_display;
          } else if (key == "files") {
            if (!it->second.IsMap()) {
              sink.error(over_reader.span(it->second),
                         "'files' must be a mapping: included file (as in 'include:') → what changes in it");
              continue;
            }
            for (auto f = it->second.begin(); f != it->second.end(); ++f)
              state.files[f->first.Scalar()] = {f->second, over_display, over_reader.span(f->first)};
          } else if (key == "variants" || key == "template" || key == "include") {
            sink.error(over_reader.span(it->first),
                       fmt::format("a variant file cannot change '{}': only document:, pages:, variables: and files:",
                                   key));
          } else {
            rest[it->first] = it->second;
          }
        }
        if (rest.size() > 0) root.reset(variants::merge(root, rest, over_display, sink));
      }
    }
  }

  if (!translate_main(root, display, options, file_order, tr)) return false;
  if (tr.has_variant_sections()) {
    // The translation's `variants:` names variants of the content.
    std::vector<std::string> ids;
    if (spec && !all) {
      try {
        all = resolve_variants(*spec, ctx.root, &sink);
      } catch (const InputError& e) {
        sink.add(e.diagnostic());
        return false;
      }
    }
    if (all)
      for (const auto& v : *all) ids.push_back(v.id);
    tr.check_variants(ids, spec.has_value());
  }

  // The variables, layer by layer: the content's, in the edition's language; the variant's name and
  // id (from the data); its override file's; its own in the edition's language.
  if (tr.active()) state.variables = tr.base_variables(base_variables, display);
  if (spec) {
    if (!info.id.empty()) {
      state.variables[spec->group][spec->id_field] = info.id;
      state.variables[spec->group][spec->name_field] = info.name;
    }
    state.variables["variante"]["id"] = info.id;
    state.variables["variante"]["filtre"] = filter;
  }
  if (over_variables.IsDefined()) {
    YAML::Node a(YAML::NodeType::Map), b(YAML::NodeType::Map);
    a["variables"] = state.variables;
    b["variables"] = over_variables;
    state.variables = variants::merge(a, b, over_variables_display, sink)["variables"];
  }
  if (tr.active() && !info.id.empty())
    state.variables = tr.variant_variables(state.variables, over_variables, over_variables_display);
  if (spec) state.variables["chiffres"] = compute_figures(*spec, filter, ctx.root, sink);
  expand_tree(root, state.variables, display, sink, {"variants", "variables"});
  return true;
}

std::optional<model::Document> load_all(const std::string& content_path, const LoadOptions& options,
                                        DiagnosticSink& sink, std::vector<std::string>& file_order,
                                        TranslationReport* translations = nullptr) {
  std::error_code ec;
  fs::path content_abs = fs::absolute(content_path, ec).lexically_normal();
  const std::string content_display = display_path(content_abs, content_path);
  file_order.push_back(content_display);
  if (const std::string kind = irregular_file_kind(content_abs); ec || !kind.empty()) {
    sink.error(Span{content_display, 0, 0},
               kind == "does not exist" || ec
                   ? "content file not found: check the path given on the command line (for example "
                     "content/plaquette.yaml)"
                   : fmt::format("the content file {}, not a file: name a YAML file on the command line (for "
                                 "example content/plaquette.yaml)",
                                 kind));
    return std::nullopt;
  }
  auto root = project_root(content_abs, options, sink);
  if (!root) return std::nullopt;

  LoadContext ctx{sink, *root, {}};
  auto content_node = parse_yaml_file(content_abs, content_display, sink);
  if (!content_node) return std::nullopt;
  YAML::Node content_root = *content_node;
  VariantState variant;
  Translator tr(ctx, options.list_translations);
  if (!apply_variant(content_root, content_display, options, ctx, file_order, variant, tr)) return std::nullopt;
  NodeReader content_reader(content_display, sink);
  ContentFile content = load_content(content_root, content_reader, ctx);

  model::Document doc;
  doc.project_root = root->string();
  doc.source_file = content_path;
  doc.meta = std::move(content.meta);
  if (!variant.name.empty()) {
    // The variant shows in the PDF's title and keywords.
    doc.meta.title += " — " + variant.name;
    doc.meta.keywords.push_back(variant.name);
  }
  for (const auto& [written, over] : variant.files) {
    std::vector<std::string> names;
    for (const FileRef& f : content.includes) names.push_back(f.written);
    if (std::find(names.begin(), names.end(), written) == names.end())
      sink.error(over.span, fmt::format("'{}' is not one of the included files{}; 'files:' takes the paths "
                                        "written in 'include:'",
                                        written, did_you_mean(written, names)));
  }

  TemplateStatus status;  // nothing known until the template is read
  if (content.template_file) {
    const FileRef& f = *content.template_file;
    std::string display = ctx.display(f.resolved, f.written);
    file_order.push_back(display);
    if (auto node = parse_yaml_file(f.resolved, display, sink)) {
      NodeReader reader(display, sink);
      YAML::Node tree = *node;
      if (tr.active()) tr.translate_template(tree, text_id_stem(f.written), display);
      LoadedTemplate t = load_template(tree, reader, ctx);
      doc.tmpl = std::move(t.tmpl);
      status = std::move(t.status);
    }
  }
  if (tr.active()) {
    // Typography follows the edition's language: French styles take it (no French spacing, the
    // language's hyphenation dictionary); a style in another language keeps its own.
    for (auto& [name, st] : doc.tmpl.styles)
      if (model::is_french(st.language)) st.language = tr.language();
  }

  // Pages of the included files come first, in list order, then those of the main file.
  std::set<std::string> included;
  for (const FileRef& f : content.includes) {
    if (!included.insert(f.resolved).second)
      sink.warning(f.span, fmt::format("'{}' is included twice: its pages will appear twice", f.written));
    std::string display = ctx.display(f.resolved, f.written);
    file_order.push_back(display);
    if (auto node = parse_yaml_file(f.resolved, display, sink)) {
      YAML::Node tree = *node;
      if (auto over = variant.files.find(f.written); over != variant.files.end())
        tree.reset(variants::merge(tree, over->second.node, over->second.display, sink));
      if (tr.active()) tr.translate(tree, text_id_stem(f.written), display);
      if (variant.active) expand_tree(tree, variant.variables, display, sink);
      NodeReader reader(display, sink);
      for (auto& page : load_included(tree, reader, ctx)) doc.pages.push_back(std::move(page));
    }
  }
  for (auto& page : content.pages) doc.pages.push_back(std::move(page));
  tr.finish();
  if (translations) *translations = tr.report();

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

std::optional<std::vector<VariantInfo>> list_variants(const std::string& content_path, const LoadOptions& options,
                                                      DiagnosticSink& sink, Span* declared_at) {
  std::error_code ec;
  fs::path content_abs = fs::absolute(content_path, ec).lexically_normal();
  const std::string display = display_path(content_abs, content_path);
  if (ec || !fs::is_regular_file(content_abs, ec)) {
    sink.error(Span{display, 0, 0}, "content file not found: check the path given on the command line");
    return std::nullopt;
  }
  auto root = project_root(content_abs, options, sink);
  if (!root) return std::nullopt;
  auto node = parse_yaml_file(content_abs, display, sink);
  if (!node) return std::nullopt;
  DiagnosticSink local;
  LoadContext ctx{local, *root, {}};
  std::optional<std::vector<VariantInfo>> out;
  const YAML::Node& c = *node;
  if (declared_at) {
    *declared_at = Span{display, 0, 0};
    if (c.IsMap())
      for (const auto& kv : c)
        if (kv.first.IsScalar() && kv.first.Scalar() == "variants") *declared_at = NodeReader(display, local).span(kv.first);
  }
  if (!c.IsMap() || !c["variants"].IsDefined()) {
    out.emplace();
  } else if (auto spec = read_spec(*node, display, ctx)) {
    try {
      out = resolve_variants(*spec, *root);
    } catch (const InputError& e) {
      local.add(e.diagnostic());
    }
  }
  for (const auto& d : local.all()) sink.add(d);
  if (local.has_errors()) return std::nullopt;
  return out;
}

std::optional<std::string> translation_skeleton(const std::string& content_path, const LoadOptions& options,
                                                DiagnosticSink& sink) {
  DiagnosticSink local;
  std::vector<std::string> file_order;
  TranslationReport report;
  auto doc = load_all(content_path, options, local, file_order, &report);
  forward_in_reading_order(local, file_order, sink);
  if (!doc) return std::nullopt;
  if (report.language.empty()) {
    sink.error(Span{content_path, 0, 0}, "the edition is in French, the reference language: choose another "
                                         "with --lang nl (or en...)");
    return std::nullopt;
  }
  return translation_skeleton(report);
}

}  // namespace plaquette::load
