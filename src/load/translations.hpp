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
// n counting from 1 the paragraphs of the file's text blocks in reading order. The document's
// title, subtitle, subject and keywords are "document.title"... (keywords: one text, comma-separated).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/context.hpp"
#include "load/load.hpp"

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
};

struct TranslationReport {
  std::string language;          // "" or French: nothing was translated
  std::string file;              // the translation file as displayed ("" when none was read)
  std::vector<TextUnit> units;   // every text, in reading order
  std::vector<std::string> unknown;  // ids of the file that match no text (obsolete?)
};

// Translates content trees, file by file, into the language of the document. Used by the loader
// between a variant's overrides and the expansion of variables, so that translations may use
// {epci.nom} too.
class Translator {
 public:
  Translator(LoadContext& ctx, bool list_each) : ctx_(ctx), list_each_(list_each) {}

  // Reads the language from the main file's `document.language` (after `forced` replaced it when
  // not empty) and, unless it is French, its translation file. False after an error.
  bool prepare(YAML::Node root, const std::string& forced, std::vector<std::string>& file_order);

  bool active() const { return active_; }
  const std::string& language() const { return report_.language; }

  // Replaces the texts of `tree` (a content file: pages, and document for the main one) that have
  // a translation; `stem` names its automatic ids, `display` its diagnostics.
  void translate(YAML::Node tree, const std::string& stem, const std::string& display);

  // Once every file is translated: warnings for missing, stale and unknown translations (each
  // one when `list_each`, else one summary line), and a warning when the language has no
  // hyphenation dictionary installed. Returns the report.
  const TranslationReport& finish();

  const TranslationReport& report() const { return report_; }

 private:
  struct Entry {
    std::string hash;
    std::string text;
    Span span;
  };
  void unit(const std::string& id, YAML::Node value, const Span& span, const std::string& french);

  LoadContext& ctx_;
  bool list_each_;
  bool active_ = false;
  TranslationReport report_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, Span> seen_;  // ids already met, for duplicates
};

// The skeleton of a translation file for `report`: every text id with its French text and its
// fingerprint, and the existing translation (kept when stale, with a comment saying so).
std::string translation_skeleton(const TranslationReport& report);

}  // namespace plaquette::load
