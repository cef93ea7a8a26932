#include "load/translations.hpp"

#include <cstdint>
#include <filesystem>

#include <fmt/format.h>

#include "load/yaml_reader.hpp"
#include "model/language.hpp"

namespace plaquette::load {

namespace {

const char* const kTranslationsDir = "content/translations";

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
  if (!std::filesystem::is_regular_file(path, ec)) {
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
    const std::string id = it->first.Scalar();
    Entry e;
    e.span = reader.span(it->first);
    const YAML::Node& v = it->second;
    if (v.IsScalar()) {
      e.text = v.Scalar();  // no fingerprint: reported as stale
    } else if (v.IsMap()) {
      for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string key = k->first.Scalar();
        if (key == "text" || key == "source_hash") {
          if (!k->second.IsScalar() && !k->second.IsNull()) {
            reader.error(k->second, fmt::format("'{}' of '{}' must be a text", key, id));
            continue;
          }
          (key == "text" ? e.text : e.hash) = k->second.IsNull() ? "" : k->second.Scalar();
        } else if (key != "source") {
          reader.error(k->first, fmt::format("unknown key '{}' in the translation of '{}': only source_hash, "
                                             "source and text",
                                             key, id));
        }
      }
    } else if (!v.IsNull()) {
      reader.error(v, fmt::format("the translation of '{}' must be {{source_hash: ..., text: ...}}", id));
      continue;
    }
    if (entries_.count(id)) {
      reader.error(it->first, fmt::format("'{}' is translated twice in this file", id));
      continue;
    }
    entries_.emplace(id, std::move(e));
  }
  return !sink.has_errors();
}

void Translator::unit(const std::string& id, YAML::Node value, const Span& span, const std::string& french) {
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
  if (auto e = entries_.find(id); e != entries_.end() && !e->second.text.empty()) {
    u.translation = e->second.text;
    u.status = e->second.hash == u.hash ? TranslationStatus::Translated : TranslationStatus::Stale;
    // A stale translation is still used: closer to the truth than French in a Dutch brochure.
    if (active_) value = u.translation;
  }
  report_.units.push_back(std::move(u));
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
        unit("document.keywords", holder, reader.span(kw), joined);
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
  size_t n = 0;
  for (auto page : tree["pages"]) {
    const YAML::Node& pc = page;
    if (!pc.IsMap() || !is(pc["blocks"], YAML::NodeType::Sequence)) continue;
    for (auto block : page["blocks"]) {
      const YAML::Node& bc = block;
      if (!bc.IsMap() || !is(bc["text"], YAML::NodeType::Sequence)) continue;
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

const TranslationReport& Translator::finish() {
  if (!active_) return report_;
  DiagnosticSink& sink = ctx_.sink;
  const std::string lang = report_.language;
  for (const auto& [id, e] : entries_)
    if (!seen_.count(id)) report_.unknown.push_back(id);
  size_t missing = 0, stale = 0;
  for (const auto& u : report_.units) {
    if (u.status == TranslationStatus::Missing) {
      ++missing;
      if (list_each_)
        sink.warning(u.span, fmt::format("missing translation ({}) for {}: the French text is kept", lang, u.id));
    } else if (u.status == TranslationStatus::Stale) {
      ++stale;
      if (list_each_)
        sink.warning(u.span, fmt::format("stale translation ({}) for {}: the French text changed since it was "
                                         "translated (source_hash {} in {}, {} now)",
                                         lang, u.id, entries_.at(u.id).hash.empty() ? "missing" : entries_.at(u.id).hash,
                                         report_.file, u.hash));
    }
  }
  for (const auto& id : report_.unknown)
    if (list_each_)
      sink.warning(entries_.at(id).span,
                   fmt::format("translation ({}) of an unknown text id '{}': the text was removed or its id changed",
                               lang, id));
  if (!list_each_ && (missing || stale || !report_.unknown.empty())) {
    sink.warning(Span{report_.file.empty() ? std::string(kTranslationsDir) + "/" + lang + ".yaml" : report_.file, 0, 0},
                 fmt::format("{} of {} texts have no {} translation (kept in French), {} translation{} stale, {} "
                             "for unknown ids: `plaquette check --lang {}` lists them",
                             missing, report_.units.size(), language_name(lang), stale, stale == 1 ? " is" : "s are",
                             report_.unknown.size(), lang));
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

std::string translation_skeleton(const TranslationReport& report) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::Comment(fmt::format(
      "Translation ({}) of the brochure, by text id. Fill or correct `text`; keep `source_hash`, the\n"
      "fingerprint of the French `source` it translates (a changed French text makes it stale).\n"
      "Written by `plaquette translations --lang {}`; `plaquette check --lang {}` lists what is missing.",
      report.language, report.language, report.language));
  out << YAML::BeginMap;
  for (const auto& u : report.units) {
    if (u.status == TranslationStatus::Stale)
      out << YAML::Comment("stale: the French text changed since this translation; update `text`");
    out << YAML::Key << u.id << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "source_hash" << YAML::Value << YAML::DoubleQuoted << u.hash;
    out << YAML::Key << "source" << YAML::Value << u.french;
    out << YAML::Key << "text" << YAML::Value << u.translation;
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace plaquette::load
