// Variants of the brochure (one per EPCI): the `variants:` section of the main content file, the
// list of variants it declares or generates from map data, the per-variant override files and the
// variables ({epci.nom}, {chiffres.bois_ha}...) expanded in the content's texts.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/context.hpp"
#include "load/load.hpp"
#include "load/yaml_reader.hpp"

namespace plaquette::load {

// One computed figure: `name: {area_ha: {source, layer, where}, decimals: 0}`.
struct FigureDef {
  std::string name;
  std::string kind;  // area_ha, length_km, points, count, share_pct
  std::string source, layer, where;
  int decimals = 0;
  Span span;
};

struct VariantSpec {
  Span span;            // the `variants:` key
  std::string source;   // territories: the features of `layer` in `source`
  std::string layer;
  std::string id_field;
  std::string name_field;
  std::string where;              // generated: one variant per feature matching it
  std::vector<std::string> ids;   // declared: exactly these ids, in this order
  std::vector<Span> id_spans;     // where each of `ids` is written
  std::string group;              // variables group: {<group>.<id_field>}, {<group>.<name_field>}
  std::string overrides_written;  // folder of <id>.yaml override files ("" : none)
  fs::path overrides_dir;
  std::vector<FigureDef> figures;
  // `languages: {nl: ['246200364'], en: all}`: editions in other languages, besides French.
  struct Editions {
    std::string language;
    bool all = false;
    std::vector<std::string> ids;
    std::vector<Span> id_spans;
  };
  std::vector<Editions> languages;
};

// Reads `variants:` (reporting problems); nullopt when it is unusable.
std::optional<VariantSpec> read_variant_spec(const YAML::Node& node, const Span& anchor, const NodeReader& reader,
                                             LoadContext& ctx);

// The OGR filter that selects one variant's territory (id empty: every variant's territory).
std::string territory_filter(const VariantSpec& spec, const std::string& id);

// The variants, in order: read from the data (throws InputError at the spec's span). An id that
// is not a safe file name (core/safe_name.hpp: it becomes part of the PDF's name) is an error
// naming the feature and the field; names in the wrong encoding are cleaned and reported as
// warnings in `sink`, when given.
std::vector<VariantInfo> resolve_variants(const VariantSpec& spec, const fs::path& root,
                                          DiagnosticSink* sink = nullptr);

// Computes the figures of `spec` for the territory selected by `filter`, formatted the French way,
// into a map node {name: "1 234"}. A figure that cannot be computed is an error in `sink`
// (the figure is then left out, so that a placeholder naming it is reported too).
YAML::Node compute_figures(const VariantSpec& spec, const std::string& filter, const fs::path& root,
                           DiagnosticSink& sink);

// Replaces {a.b} placeholders in every text scalar of `node`, in place, skipping the top-level
// keys in `skip`. "]{style}" (a character style in inline markup) is not a placeholder.
void expand_tree(YAML::Node node, const YAML::Node& variables, const std::string& display, DiagnosticSink& sink,
                 const std::vector<std::string>& skip = {});

}  // namespace plaquette::load
