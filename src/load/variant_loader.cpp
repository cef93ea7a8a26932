#include "load/variant_loader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/safe_name.hpp"
#include "figures/figures.hpp"
#include "model/language.hpp"
#include "variants/merge.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kVariantKeys = {"source", "layer", "id",        "name",   "where",
                                               "ids",    "variable", "overrides", "figures", "languages"};
const std::vector<std::string> kFigureKinds = {"area_ha", "length_km", "points", "count", "share_pct"};
const std::vector<std::string> kFigureSourceKeys = {"source", "layer", "where"};

// A source of map data: a project file (never a URL or a file outside the project).
std::optional<std::string> map_source(MapReader& m, LoadContext& ctx) {
  auto written = m.text("source", Need::Required);
  if (!written) return std::nullopt;
  ResolvedPath r = resolve_project_path(ctx.root, *written, PathRule{PathKind::File, "map data", "assets/maps/"});
  if (!r.ok()) {
    m.reader().error(m.value_span("source"), r.error);
    return std::nullopt;
  }
  return *written;
}

std::string sql_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::optional<FigureDef> read_figure(const std::string& name, const YAML::Node& node, const Span& anchor,
                                     const NodeReader& reader, LoadContext& ctx) {
  MapReader m(node, reader, fmt::format("figure '{}'", name), anchor,
              "{area_ha: {source: assets/maps/bassin-minier.gpkg, layer: forets_bdforet_partiel}, decimals: 0}");
  if (!m.ok()) return std::nullopt;
  FigureDef def;
  def.name = name;
  def.span = anchor;
  bool ok = true;
  for (const auto& kind : kFigureKinds) {
    auto v = m.get(kind);
    if (!v) continue;
    if (!def.kind.empty()) {
      reader.error(m.key_span(kind), fmt::format("figure '{}' has both '{}' and '{}': give one measure", name,
                                                 def.kind, kind));
      ok = false;
      continue;
    }
    def.kind = kind;
    def.span = m.key_span(kind);
    MapReader s(*v, reader, fmt::format("'{}' of figure '{}'", kind, name), def.span,
                "{source: assets/maps/bassin-minier.gpkg, layer: communes}");
    if (!s.ok()) {
      ok = false;
      continue;
    }
    auto src = map_source(s, ctx);
    auto layer = s.text("layer", Need::Required);
    def.where = s.text("where").value_or("");
    s.finish(kFigureSourceKeys);
    if (!src || !layer) ok = false;
    def.source = src.value_or("");
    def.layer = layer.value_or("");
  }
  if (auto d = m.integer("decimals", Need::Optional, Range{0, 6, false, "between 0 and 6"})) def.decimals = *d;
  m.finish({"area_ha", "length_km", "points", "count", "share_pct", "decimals"});
  if (def.kind.empty() && ok) {
    reader.error(anchor, fmt::format("figure '{}' says nothing to measure: give one of area_ha, length_km, points, "
                                     "count or share_pct",
                                     name));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return def;
}

void expand_node(YAML::Node node, const YAML::Node& variables, const std::string& display, DiagnosticSink& sink) {
  if (node.IsScalar()) {
    const std::string text = node.Scalar();
    if (text.find('{') == std::string::npos && text.find('}') == std::string::npos) return;
    // "]{style}" is a character style of the inline markup: keep it as written.
    std::string guarded;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{' && i > 0 && text[i - 1] == ']' && (i + 1 >= text.size() || text[i + 1] != '{')) {
        size_t close = text.find('}', i);
        if (close != std::string::npos) {
          guarded += "{{" + text.substr(i + 1, close - i - 1) + "}}";
          i = close;
          continue;
        }
      }
      guarded += text[i];
    }
    const YAML::Mark mark = node.Mark();
    Span span{display, mark.is_null() ? 0 : mark.line + 1, mark.is_null() ? 0 : mark.column + 1};
    std::string out = variants::expand_variables(guarded, variables, span, sink);
    if (out != text) node = out;
    return;
  }
  if (node.IsSequence()) {
    for (size_t i = 0; i < node.size(); ++i) expand_node(node[i], variables, display, sink);
  } else if (node.IsMap()) {
    for (auto it = node.begin(); it != node.end(); ++it) expand_node(it->second, variables, display, sink);
  }
}

}  // namespace

std::optional<VariantSpec> read_variant_spec(const YAML::Node& node, const Span& anchor, const NodeReader& reader,
                                             LoadContext& ctx) {
  MapReader m(node, reader, "'variants'", anchor,
              "{source: assets/maps/bassin-minier.gpkg, layer: epci, id: siren, name: nom, where: \"...\"}");
  if (!m.ok()) return std::nullopt;
  VariantSpec spec;
  spec.span = anchor;
  const size_t errors = ctx.sink.error_count();
  spec.source = map_source(m, ctx).value_or("");
  spec.layer = m.text("layer", Need::Required).value_or("");
  spec.id_field = m.text("id", Need::Required).value_or("");
  spec.name_field = m.text("name", Need::Required).value_or("");
  spec.where = m.text("where").value_or("");
  if (auto list = m.list("ids", Need::Optional, "['246200364', '200072460']")) {
    for (size_t i = 0; i < list->size(); ++i)
      if (auto id = reader.text((*list)[i], fmt::format("id {} of 'ids'", i + 1))) {
        // Twice the same id would build one edition twice, two writers on one file.
        if (auto twin = std::find(spec.ids.begin(), spec.ids.end(), *id); twin != spec.ids.end()) {
          const Span& first = spec.id_spans[static_cast<size_t>(twin - spec.ids.begin())];
          reader.error((*list)[i], fmt::format("variant '{}' is listed twice in 'ids' (first at line {}): remove "
                                               "this one",
                                               *id, first.line));
          continue;
        }
        if (const std::string why = unsafe_name_reason(*id); !why.empty()) {
          reader.error((*list)[i], fmt::format("'{}' cannot be a variant id: it names the edition's files and {}",
                                               *id, why));
          continue;
        }
        spec.ids.push_back(*id);
        spec.id_spans.push_back(reader.span((*list)[i]));
      }
    if (!spec.where.empty())
      reader.error(m.key_span("ids"), "'variants' has both 'where' and 'ids': choose the variants one way");
  }
  spec.group = m.text("variable").value_or(spec.layer);
  if (auto dir = m.text("overrides")) {
    ResolvedPath r =
        resolve_project_path(ctx.root, *dir, PathRule{PathKind::Folder, "folder of variant files", "content/"});
    if (!r.ok())
      reader.error(m.value_span("overrides"), r.error);
    else {
      spec.overrides_written = *dir;
      spec.overrides_dir = r.path;
    }
  }
  if (auto figs = m.get("figures")) {
    MapReader f(*figs, reader, "'figures'", m.key_span("figures"), "{communes: {count: {source: ..., layer: communes}}}");
    if (f.ok())
      for (auto& e : f.entries())
        if (auto def = read_figure(e.key, e.value, reader.span(e.key_node), reader, ctx))
          spec.figures.push_back(std::move(*def));
  }
  if (auto langs = m.get("languages")) {
    MapReader l(*langs, reader, "'languages'", m.key_span("languages"), "{nl: ['246200364'], en: all}");
    if (l.ok())
      for (auto& e : l.entries()) {
        const Span at = reader.span(e.key_node);
        if (!is_language_tag(e.key) || model::is_french(e.key)) {
          reader.error(at, model::is_french(e.key)
                               ? fmt::format("'{}': every variant has its edition in French already; list other "
                                             "languages here (nl, en...)",
                                             e.key)
                               : fmt::format("'{}' is not a language code: use nl, en, de...", e.key));
          continue;
        }
        VariantSpec::Editions ed;
        ed.language = e.key;
        if (e.value.IsScalar() && e.value.Scalar() == "all") {
          ed.all = true;
        } else if (auto list = reader.list(e.value, fmt::format("languages.{}", e.key), "['246200364'] or all")) {
          for (size_t i = 0; i < list->size(); ++i)
            if (auto id = reader.text((*list)[i], fmt::format("id {} of 'languages.{}'", i + 1, e.key))) {
              if (std::find(ed.ids.begin(), ed.ids.end(), *id) != ed.ids.end()) {
                reader.error((*list)[i], fmt::format("variant '{}' is listed twice in 'languages.{}': remove this "
                                                     "one",
                                                     *id, e.key));
                continue;
              }
              ed.ids.push_back(*id);
              ed.id_spans.push_back(reader.span((*list)[i]));
            }
        }
        spec.languages.push_back(std::move(ed));
      }
  }
  m.finish(kVariantKeys);
  if (ctx.sink.error_count() != static_cast<int>(errors)) return std::nullopt;
  return spec;
}

std::string territory_filter(const VariantSpec& spec, const std::string& id) {
  if (!id.empty()) return fmt::format("{} = {}", spec.id_field, sql_quote(id));
  if (!spec.ids.empty()) {
    std::string list;
    for (const auto& i : spec.ids) list += (list.empty() ? "" : ", ") + sql_quote(i);
    return fmt::format("{} IN ({})", spec.id_field, list);
  }
  return spec.where;
}

namespace {

// Adds to each variant the other-language editions `spec.languages` asks for (an unknown id is an
// error at the id).
std::vector<VariantInfo> with_languages(std::vector<VariantInfo> variants, const VariantSpec& spec) {
  std::vector<std::string> known;
  for (const auto& v : variants) known.push_back(v.id);
  for (const auto& ed : spec.languages) {
    for (size_t i = 0; i < ed.ids.size(); ++i)
      if (std::find(known.begin(), known.end(), ed.ids[i]) == known.end())
        throw InputError(ed.id_spans[i], fmt::format("languages.{}: '{}' is none of the variants{}", ed.language,
                                                     ed.ids[i], did_you_mean(ed.ids[i], known)));
    for (auto& v : variants)
      if (ed.all || std::find(ed.ids.begin(), ed.ids.end(), v.id) != ed.ids.end()) v.languages.push_back(ed.language);
  }
  return variants;
}

}  // namespace

std::vector<VariantInfo> resolve_variants(const VariantSpec& spec, const fs::path& root, DiagnosticSink* sink) {
  auto read = figures::FigureEngine::read_fields(spec.source, spec.layer, territory_filter(spec, ""),
                                                 {spec.id_field, spec.name_field}, spec.span, root);
  if (sink)
    for (auto& w : read.warnings) sink->add(std::move(w));
  std::vector<VariantInfo> found;
  for (size_t k = 0; k < read.rows.size(); ++k) {
    auto& r = read.rows[k];
    if (r[0].empty()) continue;
    // The id names the edition's files (output/plaquette-<id>.pdf): never a path.
    if (const std::string why = unsafe_name_reason(r[0]); !why.empty())
      throw InputError(spec.span,
                       fmt::format("feature {} of layer '{}' has {} '{}', which cannot be a variant id: it names the "
                                   "edition's files and {}; use as `id` a field of plain codes (letters, digits, '-', "
                                   "'_', at most {} characters), such as a SIREN",
                                   read.ids[k], spec.layer, spec.id_field, r[0], why, kMaxSafeNameLength));
    if (std::any_of(found.begin(), found.end(), [&](const VariantInfo& v) { return v.id == r[0]; }))
      throw InputError(spec.span, fmt::format("two features of layer '{}' have {} '{}': a variant id must be unique",
                                              spec.layer, spec.id_field, r[0]));
    found.push_back({r[0], r[1], {}});
  }
  if (spec.ids.empty()) {
    if (found.empty())
      throw InputError(spec.span, fmt::format("no feature of layer '{}' of '{}' matches \"{}\": there is no variant",
                                              spec.layer, spec.source, spec.where));
    return with_languages(std::move(found), spec);
  }
  std::vector<VariantInfo> out;
  std::vector<std::string> known;
  for (const auto& v : found) known.push_back(v.id);
  for (size_t i = 0; i < spec.ids.size(); ++i) {
    const auto& id = spec.ids[i];
    auto it = std::find_if(found.begin(), found.end(), [&](const VariantInfo& v) { return v.id == id; });
    if (it == found.end())
      throw InputError(i < spec.id_spans.size() ? spec.id_spans[i] : spec.span,
                       fmt::format("variant '{}': no feature of layer '{}' has {} '{}'{}", id, spec.layer,
                                   spec.id_field, id, did_you_mean(id, known)));
    out.push_back(*it);
  }
  return with_languages(std::move(out), spec);
}

YAML::Node compute_figures(const VariantSpec& spec, const std::string& filter, const fs::path& root,
                           DiagnosticSink& sink) {
  YAML::Node out(YAML::NodeType::Map);
  if (spec.figures.empty()) return out;
  // A figure that cannot be computed is reported once; its uses stay quiet (kNotComputedTag).
  auto not_computed = [] {
    YAML::Node n("?");
    n.SetTag(variants::kNotComputedTag);
    return n;
  };
  std::optional<figures::FigureEngine> engine;
  try {
    engine.emplace(spec.source, spec.layer, filter, spec.span, root);
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    std::string names;
    for (const auto& f : spec.figures) names += (names.empty() ? "" : ", ") + f.name;
    sink.error(d.span, fmt::format("{}; so the figures ({}) cannot be computed", d.message, names));
    for (const auto& f : spec.figures) out[f.name] = not_computed();
    return out;
  }
  for (const auto& f : spec.figures) {
    try {
      double value = 0;
      if (f.kind == "area_ha")
        value = engine->area_ha(f.source, f.layer, f.where, f.span);
      else if (f.kind == "length_km")
        value = engine->length_km(f.source, f.layer, f.where, f.span);
      else if (f.kind == "points")
        value = static_cast<double>(engine->count_points(f.source, f.layer, f.where, f.span));
      else if (f.kind == "count")
        value = static_cast<double>(engine->count_features(f.source, f.layer, f.where, f.span));
      else if (f.kind == "share_pct") {
        const double total = engine->territory_area_ha();
        if (!(total > 0)) throw InputError(f.span, fmt::format("figure '{}': the territory has no area", f.name));
        value = 100.0 * engine->area_ha(f.source, f.layer, f.where, f.span) / total;
      }
      if (!std::isfinite(value))
        throw InputError(f.span, fmt::format("figure '{}' could not be computed (not a number)", f.name));
      out[f.name] = figures::format_fr(value, f.decimals);
    } catch (const InputError& e) {
      const auto& d = e.diagnostic();
      sink.error(d.span, fmt::format("figure '{}' cannot be computed for \"{}\": {}", f.name, filter, d.message));
      out[f.name] = not_computed();
    }
  }
  return out;
}

void expand_tree(YAML::Node node, const YAML::Node& variables, const std::string& display, DiagnosticSink& sink,
                 const std::vector<std::string>& skip) {
  if (!node.IsMap()) return expand_node(node, variables, display, sink);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    expand_node(it->second, variables, display, sink);
  }
}

}  // namespace plaquette::load
