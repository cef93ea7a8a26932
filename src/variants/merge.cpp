#include "variants/merge.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

namespace plaquette::variants {

namespace {

Span span_of(const std::string& file, const YAML::Node& node) {
  if (!node.IsDefined()) return Span{file, 0, 0};
  const YAML::Mark m = node.Mark();
  if (m.line < 0) return Span{file, 0, 0};
  return Span{file, m.line + 1, m.column + 1};
}

std::string describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return fmt::format("the value '{}'", n.Scalar());
    default: return "nothing";
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// "pages[carte].title": where a key sits, for messages.
std::string child_path(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string shown_path(const std::string& path) { return path.empty() ? "the top level" : fmt::format("'{}'", path); }

bool is_id_item(const YAML::Node& n) { return n.IsMap() && n["id"] && n["id"].IsScalar(); }

bool is_id_list(const YAML::Node& n) {
  if (!n.IsSequence()) return false;
  for (const auto& item : n)
    if (!is_id_item(item)) return false;
  return true;
}

class Merger {
 public:
  Merger(const std::string& file, DiagnosticSink& sink, const std::vector<std::string>& open_keys)
      : file_(file), sink_(sink), open_keys_(open_keys) {}

  YAML::Node value(const YAML::Node& base, const YAML::Node& over, const std::string& path, bool open) {
    if (over.IsMap()) {
      if (base.IsMap()) return map(base, over, path, open);
      if (open || !base.IsDefined() || base.IsNull()) return over;
      error(over, fmt::format("{} is {} in the base, a mapping here: a mapping can only replace a mapping "
                              "(write {} instead)",
                              shown_path(path), describe(base), base.IsSequence() ? "a list" : "a single value"));
      return base;
    }
    if (over.IsSequence() && base.IsSequence() && over.size() > 0 &&
        std::any_of(over.begin(), over.end(), [](const YAML::Node& i) { return is_id_item(i); }) &&
        is_id_list(base)) {
      return id_list(base, over, path, open);
    }
    return over;  // scalars, nulls, plain lists replace
  }

 private:
  bool is_open_key(const std::string& key) const {
    return std::find(open_keys_.begin(), open_keys_.end(), key) != open_keys_.end();
  }

  void error(const YAML::Node& at, std::string message) { sink_.error(span_of(file_, at), std::move(message)); }

  YAML::Node map(const YAML::Node& base, const YAML::Node& over, const std::string& path, bool open,
                 const std::vector<std::string>& skip = {}) {
    YAML::Node out(YAML::NodeType::Map);
    std::vector<std::string> base_keys;
    for (auto it = base.begin(); it != base.end(); ++it)
      if (it->first.IsScalar()) base_keys.push_back(it->first.Scalar());
    // Base keys in base order, each replaced by its merge with the override when there is one.
    for (auto it = base.begin(); it != base.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
      YAML::Node over_value = it->first.IsScalar() ? find(over, key) : YAML::Node(YAML::NodeType::Undefined);
      if (!over_value.IsDefined() || std::find(skip.begin(), skip.end(), key) != skip.end()) {
        out.force_insert(it->first, it->second);
      } else {
        out.force_insert(it->first, value(it->second, over_value, child_path(path, key), open || is_open_key(key)));
      }
    }
    // Then the override keys the base lacks.
    std::vector<std::string> seen;
    for (auto it = over.begin(); it != over.end(); ++it) {
      if (!it->first.IsScalar()) {
        error(it->first, fmt::format("a key in {} is {}: keys are plain words", shown_path(path), describe(it->first)));
        continue;
      }
      const std::string key = it->first.Scalar();
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        error(it->first, fmt::format("key '{}' appears twice in {}: only the first one is used", key, shown_path(path)));
        continue;
      }
      seen.push_back(key);
      if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
      if (std::find(base_keys.begin(), base_keys.end(), key) != base_keys.end()) continue;
      if (open) {
        out.force_insert(it->first, it->second);
        continue;
      }
      std::string hint = did_you_mean(key, base_keys);
      std::string keys = hint.empty() && !base_keys.empty() ? fmt::format("; the keys there are: {}", join(base_keys)) : "";
      error(it->first, fmt::format("unknown key '{}' in {}{}: a variant can only change what the base defines{}", key,
                                   shown_path(path), hint, keys));
    }
    return out;
  }

  static YAML::Node find(const YAML::Node& map, const std::string& key) {
    for (auto it = map.begin(); it != map.end(); ++it)
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    return YAML::Node(YAML::NodeType::Undefined);
  }

  // `key: true/false` of an override item, or nullopt after reporting a non-boolean.
  std::optional<bool> flag(const YAML::Node& item, const char* key, const std::string& path) {
    YAML::Node v = find(item, key);
    if (!v.IsDefined()) return false;
    bool b = false;
    if (v.IsScalar() && YAML::convert<bool>::decode(v, b)) return b;
    error(v, fmt::format("'{}' of item in {} must be true or false (got {})", key, shown_path(path), describe(v)));
    return std::nullopt;
  }

  YAML::Node id_list(const YAML::Node& base, const YAML::Node& over, const std::string& path, bool open) {
    std::vector<YAML::Node> items(base.begin(), base.end());
    std::vector<bool> removed(items.size(), false);
    std::vector<YAML::Node> added;
    auto ids = [&] {
      std::vector<std::string> out;
      for (size_t i = 0; i < items.size(); ++i)
        if (!removed[i]) out.push_back(items[i]["id"].Scalar());
      return out;
    };
    for (const YAML::Node& item : over) {
      if (!is_id_item(item)) {
        error(item, fmt::format("this item of {} has no `id`: in a list merged by id every item needs one, to say "
                                "which base item it changes (or write the whole list without ids to replace it)",
                                shown_path(path)));
        continue;
      }
      const std::string id = item["id"].Scalar();
      const std::string item_path = fmt::format("{}[{}]", path, id);
      const auto add = flag(item, "add", path);
      const auto remove = flag(item, "remove", path);
      if (!add || !remove) continue;
      auto found = std::find_if(items.begin(), items.end(), [&](const YAML::Node& n) { return n["id"].Scalar() == id; });
      const size_t index = static_cast<size_t>(found - items.begin());
      const bool exists = found != items.end() && !removed[index];
      if (*remove) {
        if (*add) {
          error(item, fmt::format("item '{}' of {} says both `add: true` and `remove: true`", id, shown_path(path)));
        } else if (!exists) {
          error(item["id"], fmt::format("no item '{}' to remove in {}{}", id, shown_path(path), did_you_mean(id, ids())));
        } else {
          if (item.size() > 2)
            error(item, fmt::format("item '{}' of {} is removed: it takes only `id` and `remove`", id, shown_path(path)));
          removed[index] = true;
        }
        continue;
      }
      if (*add) {
        if (exists) {
          error(find(item, "add"), fmt::format("item '{}' already exists in {}: drop `add: true` to change it", id,
                                               shown_path(path)));
          continue;
        }
        if (std::any_of(added.begin(), added.end(), [&](const YAML::Node& n) { return n["id"].Scalar() == id; })) {
          error(item["id"], fmt::format("item '{}' is added twice to {}", id, shown_path(path)));
          continue;
        }
        YAML::Node copy(YAML::NodeType::Map);
        for (auto it = item.begin(); it != item.end(); ++it)
          if (it->first.Scalar() != "add") copy.force_insert(it->first, it->second);
        added.push_back(copy);
        continue;
      }
      if (!exists) {
        std::string hint = did_you_mean(id, ids());
        error(item["id"], fmt::format("unknown id '{}' in {}{}; to add a new item write `add: true` in it", id,
                                      shown_path(path), hint));
        continue;
      }
      // reset(), never `=`: assigning a yaml-cpp node would overwrite the base item in place.
      items[index].reset(map(items[index], item, item_path, open, {"id", "add", "remove"}));
    }
    YAML::Node out(YAML::NodeType::Sequence);
    for (size_t i = 0; i < items.size(); ++i)
      if (!removed[i]) out.push_back(items[i]);
    for (const auto& n : added) out.push_back(n);
    return out;
  }

  const std::string& file_;
  DiagnosticSink& sink_;
  const std::vector<std::string>& open_keys_;
};

// "1 672,5" (spaces, no-break spaces or narrow no-break spaces between thousands, decimal comma)
// or "12.5" as a number; nullopt when it is not one.
std::optional<double> french_number(const std::string& text) {
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (text.compare(i, 2, "\xC2\xA0") == 0) {  // U+00A0
      ++i;
      continue;
    }
    if (text.compare(i, 3, "\xE2\x80\xAF") == 0) {  // U+202F
      i += 2;
      continue;
    }
    plain += text[i] == ',' ? '.' : text[i];
  }
  if (plain.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80;  // accented letters in names (UTF-8)
}

// Every dotted path to a scalar under `vars`, for did-you-mean hints.
void leaf_names(const YAML::Node& vars, const std::string& prefix, std::vector<std::string>& out) {
  for (auto it = vars.begin(); it != vars.end(); ++it) {
    if (!it->first.IsScalar()) continue;
    const std::string name = prefix.empty() ? it->first.Scalar() : prefix + "." + it->first.Scalar();
    if (it->second.IsMap())
      leaf_names(it->second, name, out);
    else
      out.push_back(name);
  }
}

}  // namespace

YAML::Node merge(const YAML::Node& base, const YAML::Node& overrides, const std::string& override_file,
                 DiagnosticSink& sink, const std::vector<std::string>& open_keys) {
  if (!overrides.IsDefined() || overrides.IsNull()) return base;  // an empty variant changes nothing
  if (base.IsMap() && !overrides.IsMap()) {
    sink.error(span_of(override_file, overrides),
               fmt::format("a variant must be a mapping of the keys it changes (got {}), e.g.\n  variables:\n    epci: "
                           "CA de Lens - Liévin",
                           describe(overrides)));
    return base;
  }
  Merger merger(override_file, sink, open_keys);
  return merger.value(base, overrides, "", false);
}

std::string expand_variables(const std::string& text, const YAML::Node& variables, const Span& span,
                             DiagnosticSink& sink) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      out += c;
      if (i + 1 < text.size() && text[i + 1] == '}') ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const size_t close = text.find('}', i + 1);
    if (close == std::string::npos) {
      sink.error(span, fmt::format("unclosed '{{' in \"{}\": write '{{{{' for a brace in the text", text));
      out += text.substr(i);
      break;
    }
    std::string name = text.substr(i + 1, close - i - 1);
    const std::string placeholder = text.substr(i, close - i + 1);
    i = close;
    // {chiffres.terrils|terril repéré|terrils repérés}: the number, then the noun that agrees with it.
    std::vector<std::string> forms;
    if (const size_t bar = name.find('|'); bar != std::string::npos) {
      size_t from = bar + 1;
      for (size_t next; (next = name.find('|', from)) != std::string::npos; from = next + 1)
        forms.push_back(name.substr(from, next - from));
      forms.push_back(name.substr(from));
      name.resize(bar);
      if (forms.size() != 2 || forms[0].empty() || forms[1].empty()) {
        sink.error(span, fmt::format("'{}' needs two forms after the variable, singular then plural: "
                                     "{{{}|terril|terrils}}",
                                     placeholder, name.empty() ? "chiffres.terrils" : name));
        out += placeholder;
        continue;
      }
    }
    const bool well_formed = !name.empty() && std::all_of(name.begin(), name.end(), is_name_char) &&
                             name.front() != '.' && name.back() != '.' && name.find("..") == std::string::npos;
    if (!well_formed) {
      sink.error(span, fmt::format("'{}' is not a variable: write {{name}} or {{group.name}} (letters, digits, _ "
                                   "and -), or '{{{{' for a brace in the text",
                                   placeholder));
      out += placeholder;
      continue;
    }
    YAML::Node node = variables.IsMap() ? variables : YAML::Node(YAML::NodeType::Undefined);
    size_t start = 0;
    while (node.IsDefined()) {
      const size_t dot = name.find('.', start);
      const std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      YAML::Node next(YAML::NodeType::Undefined);
      if (node.IsMap())
        for (auto it = node.begin(); it != node.end(); ++it)
          if (it->first.IsScalar() && it->first.Scalar() == part) next.reset(it->second);
      // reset(), never `=`: assigning a yaml-cpp node writes into the node it refers to.
      node.reset(next);
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    if (!node.IsDefined()) {
      std::vector<std::string> names;
      if (variables.IsMap()) leaf_names(variables, "", names);
      std::string hint = did_you_mean(name, names);
      if (hint.empty())
        hint = names.empty() ? "; no variables are defined (declare it in a 'variables:' section of the content "
                               "file, or write '{{' for a brace)"
                             : fmt::format("; the variables are: {}", join(names));
      sink.error(span, fmt::format("unknown variable '{}' in \"{}\"{}", name, text, hint));
      out += placeholder;
      continue;
    }
    if (node.Tag() == kNotComputedTag) {  // its error is reported already: one mistake, one message
      out += placeholder;
      continue;
    }
    if (node.IsMap() || node.IsSequence()) {
      std::vector<std::string> names;
      if (node.IsMap()) leaf_names(node, name, names);
      sink.error(span, fmt::format("variable '{}' is {}, not a single value{}", name, describe(node),
                                   names.empty() ? "" : fmt::format(": use one of {}", join(names))));
      out += placeholder;
      continue;
    }
    const std::string value = node.IsNull() ? "" : node.Scalar();
    if (!forms.empty()) {
      const std::optional<double> number = french_number(value);
      if (!number) {
        sink.error(span, fmt::format("'{}': variable '{}' is \"{}\", not a number, so it cannot choose between "
                                     "'{}' and '{}'",
                                     placeholder, name, value, forms[0], forms[1]));
        out += placeholder;
        continue;
      }
      // French: the singular below 2 (0 terril, 1 terril, 1,5 hectare), the plural from 2.
      out += value + " " + (std::abs(*number) < 2 ? forms[0] : forms[1]);
      continue;
    }
    out += value;
  }
  return out;
}

}  // namespace plaquette::variants
