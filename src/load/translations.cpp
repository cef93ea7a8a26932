#include "load/translations.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <sstream>
#include <filesystem>

#include <fmt/format.h>

#include "load/yaml_reader.hpp"
#include "model/language.hpp"

namespace plaquette::load {

namespace {

const char* const kTranslationsDir = "content/translations";
const std::vector<std::string> kVariantKeys = {"variables", "texts"};

// Whether `s` has a letter outside {placeholders}: "{page}" has nothing to translate.
bool has_words(const std::string& s) {
  int depth = 0;
  for (unsigned char c : s) {
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (depth > 0) --depth;
    } else if (depth == 0 && (std::isalpha(c) || c >= 0x80)) {
      return true;
    }
  }
  return false;
}

void collect_nodes(const YAML::Node& n, std::vector<YAML::Node>& out) {
  out.push_back(n);
  if (n.IsMap()) {
    for (auto it = n.begin(); it != n.end(); ++it) collect_nodes(it->second, out);
  } else if (n.IsSequence()) {
    for (const auto& c : n) collect_nodes(c, out);
  }
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string section_name(const std::string& variant) {
  return variant.empty() ? "variables" : fmt::format("variants: {}: variables", variant);
}

// Whether `n` exists and is of type `t` (a missing key of a const node is an invalid node, whose
// type cannot be asked).
bool is(const YAML::Node& n, YAML::NodeType::value t) { return n.IsDefined() && n.Type() == t; }

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string language_name(const std::string& lang) {
  const std::string base = lang.substr(0, 2);
  if (base == "nl") return "Dutch";
  if (base == "en") return "English";
  if (base == "de") return "German";
  return "'" + lang + "'";
}

std::string debian_package(const std::string& lang) {
  const std::string base = lang.substr(0, 2);
  if (base == "nl") return "hyphen-nl";
  if (base == "en") return lang == "en-GB" || lang == "en_GB" ? "hyphen-en-gb" : "hyphen-en-us";
  if (base == "de") return "hyphen-de";
  return "the hyphen-" + base + " package, if there is one";
}

}  // namespace

std::string source_hash(std::string_view french) {
  std::uint32_t h = 2166136261u;
  bool pending_space = false, started = false;
  auto feed = [&](unsigned char c) {
    h ^= c;
    h *= 16777619u;
  };
  for (char c : french) {
    if (is_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) feed(' ');
    pending_space = false;
    started = true;
    feed(static_cast<unsigned char>(c));
  }
  return fmt::format("{:08x}", h);
}

std::string text_id_stem(const std::string& written) { return std::filesystem::path(written).stem().string(); }

bool Translator::prepare(YAML::Node root, const std::string& forced, std::vector<std::string>& file_order) {
  DiagnosticSink& sink = ctx_.sink;
  if (!forced.empty() && !is_language_tag(forced)) {
    sink.error(Span{"--lang", 0, 0}, fmt::format("'{}' is not a language code: use nl, en, fr...", forced));
    return false;
  }
  const YAML::Node& c = root;
  if (!c.IsMap() || !is(c["document"], YAML::NodeType::Map)) return true;  // the content loader reports it
  if (!forced.empty()) {
    YAML::Node doc = root["document"];
    doc["language"] = forced;
  }
  std::string lang = "fr";
  if (is(c["document"]["language"], YAML::NodeType::Scalar)) lang = c["document"]["language"].Scalar();
  if (model::is_french(lang) || !is_language_tag(lang)) return true;  // a bad tag: the content loader says so
  active_ = true;
  report_.language = lang;

  const std::string written = std::string(kTranslationsDir) + "/" + lang + ".yaml";
  const std::filesystem::path path = ctx_.root / written;
  const std::string display = ctx_.display(path, written);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {  // not a regular file (a FIFO...): parse_yaml_file says so
    sink.warning(Span{display, 0, 0},
                 fmt::format("no translation file for language '{}': every text stays French; "
                             "`plaquette translations --lang {}` writes one to fill",
                             lang, lang));
    return true;
  }
  report_.file = display;
  file_order.push_back(display);
  auto node = parse_yaml_file(path, display, sink);
  if (!node) return false;
  if (node->IsNull()) return true;
  NodeReader reader(display, sink);
  if (!node->IsMap()) {
    reader.error(*node, "a translation file must be a mapping: text id → {source_hash: ..., text: ...}");
    return false;
  }
  for (auto it = node->begin(); it != node->end(); ++it) {
    if (!it->first.IsScalar()) {
      reader.error(it->first, "a text id must be a plain text, like 02-pourquoi#3");
      continue;
    }
    const std::string key = it->first.Scalar();
    if (key == "variables") {
      if (variables_span_.line) {
        reader.error(it->first, "'variables' appears twice in this file");
      } else if (!it->second.IsMap() && !it->second.IsNull()) {
        reader.error(it->second, "'variables' must be a mapping of the content's variables in this language, e.g. "
                                 "{epci: {nom: het Mijnbekken}}");
      } else {
        variables_ = it->second;
        variables_span_ = reader.span(it->first);
        report_.variables = it->second;
      }
      continue;
    }
    if (key == "variants") {
      if (variants_span_.line) {
        reader.error(it->first, "'variants' appears twice in this file");
        continue;
      }
      variants_span_ = reader.span(it->first);
      read_variants(it->second, reader);
      continue;
    }
    read_entry(it->first, it->second, reader, entries_, "");
  }
  report_.top_entries = entries_;
  // Mistakes in the entries are errors, but the load goes on to report the others too.
  return true;
}

void Translator::read_entry(const YAML::Node& key, const YAML::Node& v, const NodeReader& reader,
                            std::map<std::string, Entry>& into, const std::string& where) {
  if (!key.IsScalar()) {
    reader.error(key, "a text id must be a plain text, like 02-pourquoi#3");
    return;
  }
  const std::string id = key.Scalar();
  Entry e;
  e.span = reader.span(key);
  if (v.IsScalar()) {
    e.text = v.Scalar();  // no fingerprint: reported as stale
  } else if (v.IsMap()) {
    for (auto k = v.begin(); k != v.end(); ++k) {
      const std::string name = k->first.IsScalar() ? k->first.Scalar() : std::string();
      if (name == "text" || name == "source_hash" || name == "source") {
        if (!k->second.IsScalar() && !k->second.IsNull()) {
          if (name != "source") reader.error(k->second, fmt::format("'{}' of '{}' must be a text", name, id));
          continue;
        }
        const std::string value = k->second.IsNull() ? "" : k->second.Scalar();
        (name == "text" ? e.text : name == "source_hash" ? e.hash : e.source) = value;
      } else {
        reader.error(k->first, fmt::format("unknown key '{}' in the translation of '{}'{}: only source_hash, "
                                           "source and text{}",
                                           name, id, where, did_you_mean(name, {"source_hash", "source", "text"})));
      }
    }
  } else if (!v.IsNull()) {
    reader.error(v, fmt::format("the translation of '{}'{} must be {{source_hash: ..., text: ...}}", id, where));
    return;
  }
  if (id == "variables" || id == "variants") {
    reader.error(key, fmt::format("'{}' is a reserved key, not a text id: write it at the top of the file", id));
    return;
  }
  if (into.count(id)) {
    reader.error(key, fmt::format("'{}' is translated twice{}", id, where.empty() ? " in this file" : where));
    return;
  }
  into.emplace(id, std::move(e));
}

void Translator::read_variants(const YAML::Node& node, const NodeReader& reader) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    reader.error(node, "'variants' must be a mapping: variant id → {variables: ..., texts: ...}, e.g. "
                       "{\"245901160\": {variables: {epci: {nom: Valenciennes Métropole}}}}");
    return;
  }
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (!it->first.IsScalar()) {
      reader.error(it->first, "a variant id must be a plain text, like \"245901160\"");
      continue;
    }
    const std::string id = it->first.Scalar();
    if (!seen.insert(id).second) {
      reader.error(it->first, fmt::format("variant '{}' appears twice in 'variants'", id));
      continue;
    }
    variant_ids_.emplace_back(id, reader.span(it->first));
    TranslationReport::VariantSection section;
    section.id = id;
    const YAML::Node v = it->second;  // a copy: `it->second` lives in a temporary proxy
    if (!v.IsNull() && !v.IsMap()) {
      reader.error(v, fmt::format("variant '{}' of 'variants' must be a mapping: {{variables: ..., texts: ...}}", id));
      continue;
    }
    std::map<std::string, Entry> texts;
    const std::string where = fmt::format(" for variant '{}'", id);
    if (v.IsMap()) {
      for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string key = k->first.IsScalar() ? k->first.Scalar() : std::string();
        if (key == "variables") {
          if (!k->second.IsMap() && !k->second.IsNull())
            reader.error(k->second, fmt::format("'variables' of variant '{}' must be a mapping, e.g. {{epci: {{nom: "
                                                "Valenciennes Métropole}}}}",
                                                id));
          else
            section.variables = k->second;
        } else if (key == "texts") {
          if (k->second.IsNull()) continue;
          if (!k->second.IsMap()) {
            reader.error(k->second, fmt::format("'texts' of variant '{}' must be a mapping: text id → "
                                                "{{source_hash: ..., text: ...}}",
                                                id));
            continue;
          }
          for (auto t = k->second.begin(); t != k->second.end(); ++t) {
            const size_t before = texts.size();
            read_entry(t->first, t->second, reader, texts, where);
            if (texts.size() > before) section.texts.emplace_back(t->first.Scalar(), texts.at(t->first.Scalar()));
          }
        } else {
          std::string hint = did_you_mean(key, kVariantKeys);
          reader.error(k->first, fmt::format("unknown key '{}' in variant '{}' of 'variants'{}: a variant takes "
                                             "variables and texts",
                                             key, id, hint));
        }
      }
    }
    if (id == variant_) {
      variant_entries_ = texts;
      if (section.variables.IsDefined() && !section.variables.IsNull()) variant_variables_[id] = section.variables;
    }
    report_.variants.push_back(std::move(section));
  }
}

void Translator::set_variant_file(const std::string& display, const YAML::Node& tree) {
  variant_file_ = display;
  variant_nodes_.clear();
  collect_nodes(tree, variant_nodes_);
}

bool Translator::from_variant_file(const YAML::Node& node) const {
  for (const auto& n : variant_nodes_)
    if (n.is(node)) return true;
  return false;
}

void Translator::unit(const std::string& id, YAML::Node value, Span span, const std::string& french,
                      const YAML::Node* origin) {
  const bool from_variant = !variant_file_.empty() && from_variant_file(origin ? *origin : value);
  if (from_variant) span = NodeReader(variant_file_, ctx_.sink).span(origin ? *origin : value);
  if (id == "variables" || id == "variants") {
    ctx_.sink.error(span, fmt::format("'{}' is reserved in translation files and cannot be a text id: choose "
                                      "another id",
                                      id));
    return;
  }
  if (auto it = seen_.find(id); it != seen_.end()) {
    ctx_.sink.error(span, fmt::format("text id '{}' is used twice (also at {}:{}): ids must be unique", id,
                                      it->second.file, it->second.line));
    return;
  }
  seen_.emplace(id, span);
  TextUnit u;
  u.id = id;
  u.french = french;
  u.hash = source_hash(french);
  u.span = span;
  u.in_variant = from_variant;
  // The variant's own translation first, then the file's top-level one.
  const Entry* e = nullptr;
  if (auto v = variant_entries_.find(id); v != variant_entries_.end()) {
    u.in_variant = true;
    if (!v->second.text.empty()) e = &v->second;
  }
  if (!e)
    if (auto t = entries_.find(id); t != entries_.end() && !t->second.text.empty()) e = &t->second;
  if (e) {
    u.translation = e->text;
    u.used_hash = e->hash;
    u.status = e->hash == u.hash ? TranslationStatus::Translated : TranslationStatus::Stale;
    // A stale translation is still used: closer to the truth than French in a Dutch brochure.
    if (active_) value = u.translation;
  }
  report_.units.push_back(std::move(u));
}

void Translator::translate_map(YAML::Node map, const std::string& prefix, const NodeReader& reader) {
  // A human-readable text of the map: `parent[key]` when it is a non-empty text.
  auto text_at = [&](YAML::Node parent, const char* key, const std::string& id) {
    const YAML::Node& pc = parent;
    if (!pc.IsMap()) return;
    const YAML::Node& v = pc[key];
    if (is(v, YAML::NodeType::Scalar) && !v.Scalar().empty()) unit(id, parent[key], reader.span(v), v.Scalar());
  };
  const YAML::Node& mc = map;
  if (is(mc["legend"], YAML::NodeType::Map)) text_at(map["legend"], "title", prefix + ".legend.title");
  if (is(mc["layers"], YAML::NodeType::Sequence)) {
    size_t i = 0;
    for (auto layer : map["layers"]) {
      ++i;
      const YAML::Node& lc = layer;
      if (!lc.IsMap()) continue;
      const std::string lid = fmt::format("{}.layer{}", prefix, i);
      text_at(layer, "legend", lid + ".legend");
      if (!is(lc["classify"], YAML::NodeType::Map)) continue;
      YAML::Node cl = layer["classify"];
      const YAML::Node& cc = cl;
      if (is(cc["rules"], YAML::NodeType::Sequence)) {
        size_t j = 0;
        for (auto rule : cl["rules"]) text_at(rule, "label", fmt::format("{}.rule{}.label", lid, ++j));
      }
      if (is(cc["classes"], YAML::NodeType::Map)) {
        size_t j = 0;
        YAML::Node classes = cl["classes"];
        for (auto c = classes.begin(); c != classes.end(); ++c)
          text_at(c->second, "label", fmt::format("{}.class{}.label", lid, ++j));
      }
      if (is(cc["labels"], YAML::NodeType::Sequence)) {
        size_t j = 0;
        for (auto label : cl["labels"]) {
          ++j;
          const YAML::Node& l = label;
          if (l.IsScalar() && !l.Scalar().empty())
            unit(fmt::format("{}.label{}", lid, j), label, reader.span(l), l.Scalar());
        }
      }
      if (is(cc["other"], YAML::NodeType::Map)) text_at(cl["other"], "label", lid + ".other.label");
    }
  }
  text_at(map, "source_note", prefix + ".source_note");
}

void Translator::translate(YAML::Node tree, const std::string& stem, const std::string& display) {
  NodeReader reader(display, ctx_.sink);
  const YAML::Node& c = tree;
  if (!c.IsMap()) return;
  if (is(c["document"], YAML::NodeType::Map)) {
    YAML::Node doc = tree["document"];
    for (const char* key : {"title", "subtitle", "subject"}) {
      const YAML::Node& v = static_cast<const YAML::Node&>(doc)[key];
      if (is(v, YAML::NodeType::Scalar)) unit(fmt::format("document.{}", key), doc[key], reader.span(v), v.Scalar());
    }
    const YAML::Node& kw = static_cast<const YAML::Node&>(doc)["keywords"];
    if (is(kw, YAML::NodeType::Sequence)) {
      std::string joined;
      bool scalars = true;
      for (const auto& k : kw) {
        if (!k.IsScalar()) scalars = false;
        else joined += (joined.empty() ? "" : ", ") + k.Scalar();
      }
      if (scalars) {
        YAML::Node holder(joined);
        unit("document.keywords", holder, reader.span(kw), joined, &kw);
        if (active_ && holder.Scalar() != joined) {
          YAML::Node list(YAML::NodeType::Sequence);
          std::string item;
          auto push = [&] {
            size_t a = 0, b = item.size();
            while (a < b && is_space(item[a])) ++a;
            while (b > a && is_space(item[b - 1])) --b;
            if (b > a) list.push_back(item.substr(a, b - a));
            item.clear();
          };
          for (char ch : holder.Scalar()) {
            if (ch == ',') push();
            else item += ch;
          }
          push();
          doc["keywords"] = list;
        }
      }
    }
  }
  if (!is(c["pages"], YAML::NodeType::Sequence)) return;
  size_t n = 0, images = 0, maps = 0;
  for (auto page : tree["pages"]) {
    const YAML::Node& pc = page;
    if (!pc.IsMap() || !is(pc["blocks"], YAML::NodeType::Sequence)) continue;
    for (auto block : page["blocks"]) {
      const YAML::Node& bc = block;
      if (!bc.IsMap()) continue;
      if (bc["image"].IsDefined()) {
        // Images count whether they have a caption or not: adding one does not shift the others.
        ++images;
        const YAML::Node& cap = bc["caption"];
        if (is(cap, YAML::NodeType::Scalar) && !cap.Scalar().empty())
          unit(fmt::format("{}#image{}.caption", stem, images), block["caption"], reader.span(cap), cap.Scalar());
      }
      if (bc["map"].IsDefined()) {
        ++maps;
        if (is(bc["map"], YAML::NodeType::Map)) translate_map(block["map"], fmt::format("{}#map{}", stem, maps), reader);
      }
      if (!is(bc["text"], YAML::NodeType::Sequence)) continue;
      for (auto item : block["text"]) {
        ++n;
        const YAML::Node& ic = item;
        std::string id = fmt::format("{}#{}", stem, n);
        if (ic.IsScalar()) {
          unit(id, item, reader.span(ic), ic.Scalar());
        } else if (ic.IsMap() && (ic["text"].IsDefined() || ic["style"].IsDefined() || ic["id"].IsDefined())) {
          if (is(ic["id"], YAML::NodeType::Scalar)) id = ic["id"].Scalar();
          if (is(ic["text"], YAML::NodeType::Scalar)) unit(id, item["text"], reader.span(ic["text"]), ic["text"].Scalar());
        } else if (ic.IsMap() && ic.size() == 1) {
          auto e = item.begin();
          if (e->second.IsScalar()) unit(id, e->second, reader.span(e->first), e->second.Scalar());
        }
      }
    }
  }
}

void Translator::translate_template(YAML::Node tree, const std::string& stem, const std::string& display) {
  NodeReader reader(display, ctx_.sink);
  const YAML::Node& c = tree;
  if (!c.IsMap() || !is(c["masters"], YAML::NodeType::Map)) return;
  YAML::Node masters = tree["masters"];
  for (auto m = masters.begin(); m != masters.end(); ++m) {
    if (!m->first.IsScalar() || !m->second.IsMap()) continue;
    const YAML::Node mc = m->second;  // a copy: `m->second` lives in a temporary proxy
    if (!is(mc["items"], YAML::NodeType::Sequence)) continue;
    size_t n = 0;
    for (auto item : m->second["items"]) {
      const YAML::Node& ic = item;
      if (!ic.IsMap() || !is(ic["text"], YAML::NodeType::Map)) continue;
      ++n;
      YAML::Node text = item["text"];
      const YAML::Node& tc = text;
      const YAML::Node& v = tc["text"];
      if (is(v, YAML::NodeType::Scalar) && has_words(v.Scalar()))
        unit(fmt::format("{}#{}.text{}", stem, m->first.Scalar(), n), text["text"], reader.span(v), v.Scalar());
    }
  }
}

void Translator::overlay(YAML::Node base, const YAML::Node& over, const std::string& prefix,
                         const NodeReader& reader) {
  const std::string section = section_name(variant_section_);
  if (over.IsNull()) return;
  if (!over.IsMap()) {
    reader.error(over, fmt::format("'{}' must be a mapping of variables, e.g. {{{}: {{nom: ...}}}}",
                                   prefix.empty() ? section : prefix, prefix.empty() ? "epci" : "nom"));
    return;
  }
  const YAML::Node& cb = base;
  std::vector<std::string> names;
  for (auto it = cb.begin(); it != cb.end(); ++it)
    if (it->first.IsScalar()) names.push_back(it->first.Scalar());
  for (auto it = over.begin(); it != over.end(); ++it) {
    if (!it->first.IsScalar()) {
      reader.error(it->first, "a variable's name must be a plain word, like nom");
      continue;
    }
    const std::string key = it->first.Scalar();
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    if (prefix.empty() && key == "chiffres") {
      reader.error(it->first, "the figures {chiffres.*} are computed from the data and are not translated: choose "
                              "their words in the text, e.g. {chiffres.terrils|mijnsteenberg|mijnsteenbergen}");
      continue;
    }
    if (prefix.empty() && key == "variante") {
      reader.error(it->first, "{variante.*} holds the variant's id and territory filter, which are not translated");
      continue;
    }
    const YAML::Node& b = cb[key];
    if (!b.IsDefined()) {
      std::string hint = did_you_mean(key, names);
      unused_.emplace_back(reader.span(it->first),
                           fmt::format("unknown variable '{}' in '{}'{}: this edition has no such variable{}; it is "
                                       "not used",
                                       name, section, hint,
                                       hint.empty() && !names.empty() ? fmt::format(" (there: {})", join(names)) : ""));
      continue;
    }
    const YAML::Node v = it->second;  // a copy: `it->second` lives in a temporary proxy
    if (b.IsMap()) {
      if (v.IsMap()) {
        overlay(base[key], v, name, reader);
      } else if (!v.IsNull()) {
        std::vector<std::string> members;
        for (auto m = b.begin(); m != b.end(); ++m)
          if (m->first.IsScalar()) members.push_back(m->first.Scalar());
        reader.error(v, fmt::format("'{}' is a group of variables ({}): give its members, e.g. {}: {{{}: ...}}", name,
                                    join(members), key, members.empty() ? "nom" : members.front()));
      }
      continue;
    }
    if (v.IsNull()) continue;
    if (!v.IsScalar()) {
      reader.error(v, fmt::format("variable '{}' must be a text (it is one in the content)", name));
      continue;
    }
    if (v.Scalar().empty()) continue;  // "" keeps the French value (reported as untranslated)
    base[key] = v.Scalar();
  }
}

void Translator::untranslated(const YAML::Node& french, const YAML::Node& given, const std::string& prefix,
                              const std::string& variant, const NodeReader& french_reader) {
  if (!french.IsMap()) return;
  for (auto it = french.begin(); it != french.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string key = it->first.Scalar();
    if (prefix.empty() && (key == "chiffres" || key == "variante")) continue;
    const std::string name = prefix.empty() ? key : prefix + "." + key;
    YAML::Node g(YAML::NodeType::Undefined);
    if (given.IsDefined() && given.IsMap())
      for (auto k = given.begin(); k != given.end(); ++k)
        if (k->first.IsScalar() && k->first.Scalar() == key) g = k->second;
    if (it->second.IsMap()) {
      untranslated(it->second, g, name, variant, french_reader);
    } else if (it->second.IsScalar() && has_words(it->second.Scalar())) {
      if (!(g.IsDefined() && g.IsScalar() && !g.Scalar().empty()))
        report_.untranslated_variables.push_back(
            {name, it->second.Scalar(), variant, french_reader.span(it->second)});
    }
  }
}

YAML::Node Translator::base_variables(const YAML::Node& base, const std::string& base_display) {
  YAML::Node out = YAML::Clone(base);
  if (!active_) return out;
  NodeReader reader(report_.file, ctx_.sink);
  variant_section_.clear();
  if (variables_.IsDefined()) overlay(out, variables_, "", reader);
  untranslated(base, variables_, "", "", NodeReader(base_display, ctx_.sink));
  return out;
}

YAML::Node Translator::variant_variables(const YAML::Node& vars, const YAML::Node& overrides,
                                         const std::string& over_display) {
  YAML::Node out = YAML::Clone(vars);
  if (!active_ || variant_.empty()) return out;
  NodeReader reader(report_.file, ctx_.sink);
  variant_section_ = variant_;
  YAML::Node given(YAML::NodeType::Undefined);
  if (auto it = variant_variables_.find(variant_); it != variant_variables_.end()) {
    given = it->second;
    overlay(out, given, "", reader);
  }
  if (overrides.IsDefined() && overrides.IsMap())
    untranslated(overrides, given, "", variant_, NodeReader(over_display, ctx_.sink));
  variant_section_.clear();
  return out;
}

void Translator::check_variants(const std::vector<std::string>& ids, bool declared) {
  if (!active_ || variant_ids_.empty()) return;
  if (!declared) {
    unused_.emplace_back(variants_span_, "'variants' is not used: this content file declares no variants");
    return;
  }
  for (const auto& [id, span] : variant_ids_) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    std::string hint = did_you_mean(id, ids);
    unused_.emplace_back(span, fmt::format("unknown variant '{}' in 'variants'{}: the content's variants are {}; it "
                                           "is not used",
                                           id, hint, join(ids)));
  }
}

void Translator::check_no_variables() {
  if (!active_) return;
  if (variables_.IsDefined())
    unused_.emplace_back(variables_span_, "'variables' is not used: this content file defines no variables");
  check_variants({}, false);
}

const TranslationReport& Translator::finish() {
  if (!active_) return report_;
  DiagnosticSink& sink = ctx_.sink;
  const std::string lang = report_.language;
  for (const auto& [id, e] : entries_)
    if (!seen_.count(id)) report_.unknown.push_back(id);
  std::vector<std::string> unknown_in_variant;
  for (const auto& [id, e] : variant_entries_)
    if (!seen_.count(id)) unknown_in_variant.push_back(id);
  size_t missing = 0, stale = 0;
  for (const auto& u : report_.units) {
    if (u.status == TranslationStatus::Missing) {
      ++missing;
      if (list_each_)
        sink.warning(u.span, fmt::format("missing translation ({}) for {}{}: the French text is kept", lang, u.id,
                                         u.in_variant ? fmt::format(" (variant {})", variant_) : ""));
    } else if (u.status == TranslationStatus::Stale) {
      ++stale;
      if (list_each_)
        sink.warning(u.span, fmt::format("stale translation ({}) for {}: the French text changed since it was "
                                         "translated (source_hash {} in {}{}, {} now)",
                                         lang, u.id, u.used_hash.empty() ? "missing" : u.used_hash, report_.file,
                                         variant_entries_.count(u.id) && !variant_entries_.at(u.id).text.empty()
                                             ? fmt::format(" under variants: {}", variant_)
                                             : "",
                                         u.hash));
    }
  }
  for (const auto& v : report_.untranslated_variables)
    if (list_each_)
      sink.warning(v.span, fmt::format("variable '{}' has no {} value: '{}' is used; give it under '{}' in {}", v.name,
                                       language_name(lang), v.french, section_name(v.variant),
                                       report_.file.empty() ? std::string(kTranslationsDir) + "/" + lang + ".yaml"
                                                            : report_.file));
  for (const auto& id : report_.unknown)
    if (list_each_)
      sink.warning(entries_.at(id).span,
                   fmt::format("translation ({}) of an unknown text id '{}': the text was removed or its id changed",
                               lang, id));
  for (const auto& id : unknown_in_variant)
    if (list_each_)
      sink.warning(variant_entries_.at(id).span,
                   fmt::format("translation ({}) of an unknown text id '{}' for variant {}: the text was removed or "
                               "its id changed",
                               lang, id, variant_));
  for (const auto& [span, message] : unused_)
    if (list_each_) sink.warning(span, fmt::format("translation ({}): {}", lang, message));
  const size_t unknown = report_.unknown.size() + unknown_in_variant.size() + unused_.size();
  const size_t variables = report_.untranslated_variables.size();
  if (!list_each_ && (missing || stale || unknown || variables)) {
    sink.warning(Span{report_.file.empty() ? std::string(kTranslationsDir) + "/" + lang + ".yaml" : report_.file, 0, 0},
                 fmt::format("{} of {} texts have no {} translation (kept in French), {} translation{} stale, {} "
                             "for unknown ids, variables or variants{}: `plaquette check --lang {}` lists them",
                             missing, report_.units.size(), language_name(lang), stale, stale == 1 ? " is" : "s are",
                             unknown,
                             variables ? fmt::format(", {} variable{} no {} value", variables,
                                                     variables == 1 ? " has" : "s have", language_name(lang))
                                       : "",
                             lang));
  }
  const std::string dic = model::hyphenation_dictionary(lang);
  std::error_code ec;
  if (dic.empty() || !std::filesystem::is_regular_file(dic, ec))
    sink.warning(Span{report_.file.empty() ? std::string(kTranslationsDir) : report_.file, 0, 0},
                 fmt::format("no hyphenation dictionary for language '{}'{}: its text will not be hyphenated "
                             "(on Debian, install {})",
                             lang, dic.empty() ? "" : " (" + dic + ")", debian_package(lang)));
  return report_;
}

namespace {

// Every line of `text` indented by `n` spaces.
std::string indent(const std::string& text, size_t n) {
  std::string out, pad(n, ' ');
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += (line.empty() ? "" : pad) + line + "\n";
  return out;
}

// One entry of a translation file: "id:\n  source_hash: ...\n  source: ...\n  text: ...\n".
std::string entry_yaml(const std::string& id, const std::string& hash, const std::string& source,
                       const std::string& text, bool with_source) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap << YAML::Key << id << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "source_hash" << YAML::Value << YAML::DoubleQuoted << hash;
  if (with_source) out << YAML::Key << "source" << YAML::Value << source;
  out << YAML::Key << "text" << YAML::Value << text;
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string unit_yaml(const TextUnit& u) {
  std::string out;
  // On its own line, before the entry it is about (an emitted comment would end the previous one).
  if (u.status == TranslationStatus::Stale)
    out += "# stale: the French text changed since this translation; update `text`\n";
  return out + entry_yaml(u.id, u.hash, u.french, u.translation, true);
}

std::string node_yaml(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << node;
  return std::string(out.c_str()) + "\n";
}

// `vars` (a clone) with "" for every untranslated variable of `variant` it lacks.
YAML::Node with_untranslated(const YAML::Node& given, const TranslationReport& report, const std::string& variant) {
  YAML::Node vars = given.IsDefined() && given.IsMap() ? YAML::Clone(given) : YAML::Node(YAML::NodeType::Map);
  for (const auto& v : report.untranslated_variables) {
    if (v.variant != variant) continue;
    std::vector<std::string> parts;
    std::string part;
    for (char c : v.name + ".") {
      if (c == '.') {
        parts.push_back(part);
        part.clear();
      } else {
        part += c;
      }
    }
    YAML::Node at = vars;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      const YAML::Node& ac = at;
      if (!ac[parts[i]].IsDefined() || !ac[parts[i]].IsMap()) at[parts[i]] = YAML::Node(YAML::NodeType::Map);
      at.reset(at[parts[i]]);
    }
    const YAML::Node& ac = at;
    if (!ac[parts.back()].IsDefined() || ac[parts.back()].IsNull()) at[parts.back()] = "";
  }
  return vars;
}

}  // namespace

std::string translation_skeleton(const TranslationReport& report) {
  const std::string& lang = report.language;
  std::string out = fmt::format(
      "# Translation ({}) of the brochure, by text id. Fill or correct `text`; keep `source_hash`, the\n"
      "# fingerprint of the French `source` it translates (a changed French text makes it stale).\n"
      "# Written by `plaquette translations --lang {}`; `plaquette check --lang {}` lists what is missing.\n"
      "# `variables:` gives the content's variables in this language (\"\" keeps the French value);\n"
      "# `variants:` what differs for one variant: its variables and its own texts.\n",
      lang, lang, lang);

  YAML::Node variables = with_untranslated(report.variables, report, "");
  if (variables.size() > 0) out += fmt::format("variables:\n{}", indent(node_yaml(variables), 2));

  // The variants of the file, in its order, then the one built if the file has none for it yet.
  std::vector<TranslationReport::VariantSection> sections = report.variants;
  const bool built_in_file = std::any_of(sections.begin(), sections.end(),
                                         [&](const auto& s) { return s.id == report.variant; });
  if (!report.variant.empty() && !built_in_file) {
    const bool needed =
        std::any_of(report.units.begin(), report.units.end(), [](const TextUnit& u) { return u.in_variant; }) ||
        std::any_of(report.untranslated_variables.begin(), report.untranslated_variables.end(),
                    [&](const UntranslatedVariable& v) { return v.variant == report.variant; });
    if (needed) sections.push_back({report.variant, YAML::Node(), {}});
  }
  if (!sections.empty()) {
    out += "variants:\n";
    for (const auto& s : sections) {
      std::string body;
      YAML::Node vars = s.id == report.variant ? with_untranslated(s.variables, report, s.id) : s.variables;
      if (vars.IsDefined() && vars.IsMap() && vars.size() > 0) body += fmt::format("variables:\n{}", indent(node_yaml(vars), 2));
      std::string texts;
      if (s.id == report.variant) {
        for (const auto& u : report.units)
          if (u.in_variant) texts += unit_yaml(u);
      } else {
        for (const auto& [id, e] : s.texts) texts += entry_yaml(id, e.hash, e.source, e.text, !e.source.empty());
      }
      if (!texts.empty()) body += fmt::format("texts:\n{}", indent(texts, 2));
      YAML::Emitter key;
      key << YAML::DoubleQuoted << s.id;
      out += fmt::format("  {}:{}", key.c_str(), body.empty() ? " {}\n" : "\n");
      out += indent(body, 4);
    }
  }

  for (const auto& u : report.units) {
    if (u.in_variant && !report.variant.empty()) {
      // The variant's own text: the top-level entry (the base edition's) is kept as it is.
      if (auto e = report.top_entries.find(u.id); e != report.top_entries.end())
        out += entry_yaml(u.id, e->second.hash, e->second.source, e->second.text, !e->second.source.empty());
      continue;
    }
    out += unit_yaml(u);
  }
  return out;
}

}  // namespace plaquette::load
