// Translations of the brochure: French is the reference; another language (nl, en...) comes from
// content/translations/<lang>.yaml, keyed by text id. Each entry keeps a fingerprint of the
// French text it was translated from, so that a translation made before the French changed is
// reported as stale.
//
//   01-couverture#2:
//     source_hash: 3f9a0c1e        # fingerprint of the French text (plaquette translations)
//     source: La Trame verte et bleue du Bassin minier   # for the translator; not read
//     text: De groene en blauwe netwerken van het Mijnbekken
//
// Text ids: a paragraph's explicit `id:` (long form {style, text, id}), else "<file stem>#<n>",
// n counting from 1 the paragraphs of the file's text blocks in reading order. The other texts of
// a content file are named after their block's rank among the file's blocks of that kind and the
// YAML keys that lead to them: "<stem>#image<k>.caption", "<stem>#map<k>.source_note",
// "<stem>#map<k>.legend.title", "<stem>#map<k>.layer<i>.legend" and, for a classified layer,
// "<stem>#map<k>.layer<i>.rule<j>.label", ".class<j>.label", ".label<j>" (graduated `labels`) and
// ".other.label" (only labels written in the content: a class named after its data value is not
// translated). A template's master texts are "<template stem>#<master>.text<n>" (n: rank among the
// master's texts; a text made only of placeholders such as "{page}" has nothing to translate).
// The document's title, subtitle, subject and keywords are "document.title"... (keywords: one
// text, comma-separated).
//
// Two top-level keys are reserved (they are not text ids):
//
//   variables:                 # the content's `variables:` in this language, laid over them
//     epci: {nom: het Mijnbekken}
//   variants:                  # per variant (id as in `variants:` of the content)
//     "245901160":
//       variables: {epci: {nom: Valenciennes Métropole}}   # over the variant's own variables
//       texts:                 # entries that replace the top-level ones in this variant's edition
//         document.subject: {source_hash: ..., text: ...}
//
// A translation gives variables the edition has, scalars over scalars; an empty value keeps the
// French one. As for text ids, a variable or a variant this content lacks is a warning (located,
// with a did-you-mean: the file serves every content file of the project); a malformed entry (a
// group given as a text, an unknown key in a variant) is an error. The figures ({chiffres.*}) and
// {variante.*} are data, not translated.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/context.hpp"
#include "load/load.hpp"
#include "load/yaml_reader.hpp"

namespace plaquette::load {

// The fingerprint of a French text: 8 hex digits (FNV-1a, 32 bits) of the text with its runs of
// white space made one space and its ends trimmed (re-wrapping a paragraph is not a change).
std::string source_hash(std::string_view french);

// "<file stem>" of a content file, as written ("content/pages/02-pourquoi.yaml" → "02-pourquoi").
std::string text_id_stem(const std::string& written);

// The translation of one text into the document's language.
enum class TranslationStatus { Translated, Missing, Stale };

struct TextUnit {
  std::string id;
  std::string french;       // before variables are expanded
  std::string hash;         // source_hash(french)
  std::string translation;  // from the file (also when stale)
  TranslationStatus status = TranslationStatus::Missing;
  Span span;                // where the French text is
  // The text belongs to the variant's edition: its French comes from the variant's override file,
  // or the file translates it under `variants: {<id>: {texts: ...}}`.
  bool in_variant = false;
  std::string used_hash;    // the source_hash of the entry used ("" when missing)
};

// One text entry of a translation file, as read.
struct TranslationEntry {
  std::string hash;
  std::string source;
  std::string text;
  Span span;
};

// One variable of the edition that the translation file does not give in its language.
struct UntranslatedVariable {
  std::string name;    // "epci.nom"
  std::string french;  // its value
  std::string variant; // "" : under `variables:`; else under `variants: <id>: variables:`
  Span span;           // where the French value is
};

struct TranslationReport {
  std::string language;          // "" or French: nothing was translated
  std::string file;              // the translation file as displayed ("" when none was read)
  std::string variant;           // the variant's id ("" for the base edition)
  std::vector<TextUnit> units;   // every text, in reading order
  std::vector<std::string> unknown;  // ids of the file that match no text (obsolete?)
  std::vector<UntranslatedVariable> untranslated_variables;
  // The file's reserved sections, for the skeleton. `variables`: the file's (null when none) with
  // the base's untranslated text variables added as ""; `variants`: by id, in the file's order.
  YAML::Node variables;
  struct VariantSection {
    std::string id;
    YAML::Node variables;  // null when none
    std::vector<std::pair<std::string, TranslationEntry>> texts;  // as read
  };
  std::vector<VariantSection> variants;
  std::map<std::string, TranslationEntry> top_entries;  // the file's top-level entries, as read
};

// Translates content trees, file by file, into the language of the document. Used by the loader
// between a variant's overrides and the expansion of variables, so that translations may use
// {epci.nom} too.
class Translator {
 public:
  Translator(LoadContext& ctx, bool list_each) : ctx_(ctx), list_each_(list_each) {}

  // The variant being built, before prepare(): its id; its entries under `variants:` then replace
  // the top-level ones.
  void set_variant(const std::string& id) { variant_ = report_.variant = id; }
  // The variant's override file (as displayed) and its tree: the texts it brings belong to the
  // variant's edition (and are reported in that file).
  void set_variant_file(const std::string& display, const YAML::Node& tree);

  // Reads the language from the main file's `document.language` (after `forced` replaced it when
  // not empty) and, unless it is French, its translation file. False after an error.
  bool prepare(YAML::Node root, const std::string& forced, std::vector<std::string>& file_order);

  bool active() const { return active_; }
  const std::string& language() const { return report_.language; }

  // Replaces the texts of `tree` (a content file: pages, and document for the main one) that have
  // a translation; `stem` names its automatic ids, `display` its diagnostics.
  void translate(YAML::Node tree, const std::string& stem, const std::string& display);

  // Replaces the master texts of a template tree (`masters:`); ids "<stem>#<master>.text<n>".
  void translate_template(YAML::Node tree, const std::string& stem, const std::string& display);

  // The edition's variables in its language: the file's `variables:` laid over `base` (the content's
  // `variables:`; `base_display` names its file, for the untranslated ones). Unknown variables,
  // groups given as texts and the like are errors at their place in the translation file.
  YAML::Node base_variables(const YAML::Node& base, const std::string& base_display);
  // The variant's `variants: {<id>: {variables: ...}}` laid over `vars` (its variables once its
  // override file's were merged); `overrides` (null when none) are the override file's own
  // variables, whose text values should be given here too.
  YAML::Node variant_variables(const YAML::Node& vars, const YAML::Node& overrides, const std::string& over_display);
  // Whether the file has a `variants:` section to check against the content's variants.
  bool has_variant_sections() const { return active_ && !variant_ids_.empty(); }
  // Warns about the variants of the file's `variants:` that are not among `ids` (did-you-mean), or
  // the whole section when the content declares no variants (`declared` false).
  void check_variants(const std::vector<std::string>& ids, bool declared);
  // The content has no `variables:` (nor variants): a `variables:` section is not used (warning).
  void check_no_variables();

  // Once every file is translated: warnings for missing, stale and unknown translations (each
  // one when `list_each`, else one summary line), and a warning when the language has no
  // hyphenation dictionary installed. Returns the report.
  const TranslationReport& finish();

  const TranslationReport& report() const { return report_; }

 private:
  using Entry = TranslationEntry;
  void unit(const std::string& id, YAML::Node value, Span span, const std::string& french,
            const YAML::Node* origin = nullptr);
  void translate_map(YAML::Node map, const std::string& prefix, const NodeReader& reader);
  bool from_variant_file(const YAML::Node& node) const;
  void read_entry(const YAML::Node& key, const YAML::Node& value, const NodeReader& reader,
                  std::map<std::string, Entry>& into, const std::string& where);
  void read_variants(const YAML::Node& node, const NodeReader& reader);
  void overlay(YAML::Node base, const YAML::Node& over, const std::string& path, const NodeReader& reader);
  void untranslated(const YAML::Node& french, const YAML::Node& given, const std::string& path,
                    const std::string& where, const NodeReader& french_reader);

  LoadContext& ctx_;
  bool list_each_;
  bool active_ = false;
  TranslationReport report_;
  std::map<std::string, Entry> entries_;          // top level
  std::map<std::string, Entry> variant_entries_;  // the variant's `texts:`
  std::map<std::string, Span> seen_;  // ids already met, for duplicates
  std::string variant_, variant_file_;
  std::string variant_section_;  // the variant whose `variables` overlay() reads ("" : the top-level ones)
  std::vector<YAML::Node> variant_nodes_;  // every node of the override file
  YAML::Node variables_{YAML::NodeType::Undefined};  // the file's `variables:` (undefined when none)
  Span variables_span_, variants_span_;   // their keys
  std::map<std::string, YAML::Node> variant_variables_;  // `variants: {<id>: {variables}}`
  // Variables and variants of the file this content does not have (the file serves every content
  // file of the project, like its text ids): warnings, each one when listing, else counted.
  std::vector<std::pair<Span, std::string>> unused_;
  std::vector<std::pair<std::string, Span>> variant_ids_;  // in the file's order
};

// The skeleton of a translation file for `report`: the file's `variables:` (with "" for each
// untranslated one) and `variants:`, then every text id with its French text and its fingerprint,
// and the existing translation (kept when stale, with a comment on the line before its entry). In
// a variant's report, the variant's own texts go under `variants: <id>: texts:` and the top-level
// entry of the same id is kept as read.
std::string translation_skeleton(const TranslationReport& report);

}  // namespace plaquette::load
