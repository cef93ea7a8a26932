#include "load/yaml_reader.hpp"

#include "core/regular_file.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/units.hpp"
#include "load/ground_length.hpp"

namespace plaquette::load {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// A plain number; the French decimal comma is accepted, as in lengths ("0,5").
std::optional<double> parse_number(std::string_view text) {
  std::string s = trim(text);
  if (s.empty()) return std::nullopt;
  for (char& c : s)
    if (c == ',') c = '.';
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  double v = 0;
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace

std::string quoted(std::string_view key) { return fmt::format("'{}'", key); }

bool is_language_tag(const std::string& s) {
  static const std::regex form(R"([a-z]{2,3}(-[A-Za-z0-9]{2,8})*)");
  return std::regex_match(s, form);
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "keys and values";
  std::string s = node.Scalar();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return fmt::format("'{}'", s);
}

std::optional<YAML::Node> parse_yaml_file(const std::filesystem::path& path, const std::string& display,
                                          DiagnosticSink& sink) {
  // Read the bytes ourselves: yaml-cpp's LoadFile says only "bad file" when it cannot open one,
  // and would block forever on a FIFO.
  std::string why;
  std::optional<std::string> bytes = read_regular_file(path, kMaxYamlFileBytes, why);
  if (!bytes) {
    sink.error(Span{display, 0, 0},
               why.rfind("is larger", 0) == 0
                   ? fmt::format("this file {}: a content file holds text and settings, not data; split it into "
                                 "several files with 'include:'",
                                 why)
               : why.rfind("is ", 0) == 0
                   ? fmt::format("this {}, not a file: plaquette reads only regular files", why.substr(3))
                   : fmt::format("cannot read this file ({}): check that it exists and that you may read it", why));
    return std::nullopt;
  }
  // yaml-cpp takes any bytes; Pango later would not. Say where the first bad byte is.
  if (const size_t bad = first_invalid_utf8(*bytes); bad != std::string::npos) {
    const TextPosition at = position_of(*bytes, bad);
    sink.error(Span{display, at.line, at.column},
               fmt::format("this file is not valid UTF-8 text (byte 0x{:02X}): save it as UTF-8 in your editor "
                           "(it was probably saved as Windows-1252 or ISO-8859-1)",
                           static_cast<unsigned char>((*bytes)[bad])));
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(*bytes);
    if (!root.IsDefined() || root.IsNull()) {
      sink.error(Span{display, 1, 1}, "this file is empty: it needs keys such as 'pages:'");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::ParserException& e) {
    // yaml-cpp marks are 0-based; a negative mark means "somewhere in the file".
    Span where{display, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0};
    // The commonest cause for writers: a text with ": " in it, which YAML reads as a new key.
    std::string extra = e.msg == YAML::ErrorMsg::MAP_VALUE
                            ? " (a text that contains ': ' must be written in quotes: \"...\")"
                            : "";
    sink.error(where, fmt::format("YAML syntax error: {}{}: check the indentation, colons, quotes and brackets "
                                  "here and on the line before",
                                  e.msg, extra));
  } catch (const YAML::Exception& e) {
    sink.error(Span{display, 0, 0}, fmt::format("cannot read this YAML file: {}", e.msg));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// NodeReader

Span NodeReader::span(const YAML::Node& node) const {
  if (!node.IsDefined()) return Span{file_, 0, 0};
  YAML::Mark m = node.Mark();
  if (m.line < 0) return Span{file_, 0, 0};
  return Span{file_, m.line + 1, m.column + 1};
}

bool NodeReader::check_range(const YAML::Node& n, std::string_view name, double v, const Range& range) const {
  if (range.contains(v)) return true;
  error(n, fmt::format("{} must be {} (got {})", name, range.text, describe(n)));
  return false;
}

std::optional<std::string> NodeReader::text(const YAML::Node& n, std::string_view name) const {
  if (n.IsNull()) {
    error(n, fmt::format("{} is empty: write a text", name));
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    error(n, fmt::format("{} must be a text, not {}", name, describe(n)));
    return std::nullopt;
  }
  if (n.Scalar().size() > kMaxTextValueBytes) {
    error(n, fmt::format("{} is {} bytes long, more than the {} a text may have: is it pasted data? Shorten it",
                         name, n.Scalar().size(), kMaxTextValueBytes));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<double> NodeReader::number(const YAML::Node& n, std::string_view name, const Range& range) const {
  std::optional<double> v = n.IsScalar() ? parse_number(n.Scalar()) : std::nullopt;
  if (!v) {
    error(n, fmt::format("{} must be a number, like 0.5 (got {})", name, describe(n)));
    return std::nullopt;
  }
  if (!check_range(n, name, *v, range)) return std::nullopt;
  return v;
}

std::optional<int> NodeReader::integer(const YAML::Node& n, std::string_view name, const Range& range) const {
  std::optional<double> v = n.IsScalar() ? parse_number(n.Scalar()) : std::nullopt;
  if (!v || *v != std::floor(*v) || std::fabs(*v) > 1e9) {
    error(n, fmt::format("{} must be a whole number, like 2 (got {})", name, describe(n)));
    return std::nullopt;
  }
  if (!check_range(n, name, *v, range)) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<bool> NodeReader::boolean(const YAML::Node& n, std::string_view name) const {
  if (n.IsScalar()) {
    std::string s = lower(trim(n.Scalar()));
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  error(n, fmt::format("{} must be true or false (got {})", name, describe(n)));
  return std::nullopt;
}

std::optional<double> NodeReader::length(const YAML::Node& n, std::string_view name, const Range& range,
                                         std::string_view example) const {
  if (!n.IsScalar()) {
    error(n, fmt::format("{} must be a length with a unit, like {} (got {})", name, example, describe(n)));
    return std::nullopt;
  }
  std::string why;
  std::optional<double> v = parse_length(n.Scalar(), &why);
  if (!v) {
    // With digits, the user wrote a number: parse_length says precisely what is wrong with the unit.
    // Without, "got 'big'" says more than "'big' has no number".
    if (has_digit(n.Scalar()))
      error(n, fmt::format("{} must be a length with a unit, like {}: {}", name, example, why));
    else
      error(n, fmt::format("{} must be a length with a unit, like {} (got {})", name, example, describe(n)));
    return std::nullopt;
  }
  if (!check_range(n, name, *v, range)) return std::nullopt;
  return v;
}

std::optional<double> NodeReader::ground_length(const YAML::Node& n, std::string_view name,
                                                const Range& range) const {
  std::string why = fmt::format("{} is not a distance", describe(n));
  std::optional<double> v = n.IsScalar() ? parse_ground_length(n.Scalar(), &why) : std::nullopt;
  if (!v) {
    error(n, fmt::format("{} must be a distance on the ground, like 2km or 500m: {}", name, why));
    return std::nullopt;
  }
  if (!check_range(n, name, *v, range)) return std::nullopt;
  return v;
}

std::optional<std::vector<YAML::Node>> NodeReader::list(const YAML::Node& n, std::string_view name,
                                                        std::string_view example) const {
  if (!n.IsSequence()) {
    error(n, fmt::format("{} must be a list, like {} (got {})", name, example, describe(n)));
    return std::nullopt;
  }
  std::vector<YAML::Node> items;
  for (const auto& item : n) items.push_back(item);
  return items;
}

std::optional<std::vector<double>> NodeReader::numbers(const YAML::Node& n, std::string_view name, size_t count,
                                                       const Range& range, std::string_view example) const {
  if (!n.IsSequence() || n.size() != count) {
    error(n, fmt::format("{} must be a list of {} numbers, like {} (got {})", name, count, example,
                         n.IsSequence() ? fmt::format("{} items", n.size()) : describe(n)));
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (size_t i = 0; i < n.size(); ++i) {
    auto v = number(n[i], fmt::format("item {} of {}", i + 1, name), range);
    ok = ok && v.has_value();
    out.push_back(v.value_or(0));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<double>> NodeReader::lengths(const YAML::Node& n, std::string_view name, size_t count,
                                                       const Range& range, std::string_view example) const {
  if (!n.IsSequence() || (count && n.size() != count)) {
    std::string how_many = count ? fmt::format("{} lengths", count) : "lengths";
    error(n, fmt::format("{} must be a list of {}, like {} (got {})", name, how_many, example,
                         n.IsSequence() ? fmt::format("{} items", n.size()) : describe(n)));
    return std::nullopt;
  }
  std::vector<double> out;
  bool ok = true;
  for (size_t i = 0; i < n.size(); ++i) {
    auto v = length(n[i], fmt::format("item {} of {}", i + 1, name), range);
    ok = ok && v.has_value();
    out.push_back(v.value_or(0));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> NodeReader::choice(const YAML::Node& n, std::string_view name,
                                              const std::vector<std::string>& choices) const {
  if (n.IsScalar()) {
    std::string s = trim(n.Scalar());
    if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
    std::string hint = did_you_mean(s, choices);
    if (!hint.empty()) {
      error(n, fmt::format("{} cannot be '{}'{}", name, s, hint));
      return std::nullopt;
    }
  }
  error(n, fmt::format("{} must be {} (got {})", name, join(choices), describe(n)));
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// MapReader

MapReader::MapReader(const YAML::Node& node, const NodeReader& reader, std::string what, Span anchor,
                     std::string_view example)
    : reader_(&reader), what_(std::move(what)), anchor_(anchor.known() ? anchor : reader.span(node)) {
  if (!node.IsMap()) {
    std::string like = example.empty() ? std::string{} : fmt::format(", like {}", example);
    reader.error(node.IsNull() ? anchor_ : reader.span(node),
                 fmt::format("{} must be written as 'key: value' lines{} (got {})", what_, like, describe(node)));
    return;
  }
  ok_ = true;
  for (const auto& pair : node) {
    // Copies: the iterator's pair is a temporary proxy, so references into it would dangle.
    YAML::Node key = pair.first;
    YAML::Node value = pair.second;
    if (!key.IsScalar()) {
      reader.error(key, fmt::format("a key in {} must be a plain word (got {})", what_, describe(key)));
      continue;
    }
    // yaml-cpp keeps both entries of a duplicated key and node[key] would silently pick one.
    if (const Entry* first = find(key.Scalar())) {
      reader.error(key, fmt::format("duplicate key '{}' in {} (first at line {}): keep only one", key.Scalar(),
                                    what_, reader.span(first->key_node).line));
      continue;
    }
    entries_.push_back(Entry{key.Scalar(), key, value});
  }
}

const MapReader::Entry* MapReader::find(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

MapReader::Entry* MapReader::find(std::string_view key) {
  for (auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

bool MapReader::has_empty_value(std::string_view key) const {
  const Entry* e = find(key);
  return e && e->value.IsNull();
}

Span MapReader::key_span(std::string_view key) const {
  const Entry* e = find(key);
  return e ? reader_->span(e->key_node) : anchor_;
}

Span MapReader::value_span(std::string_view key) const {
  const Entry* e = find(key);
  if (!e) return anchor_;
  // yaml-cpp places an empty value at the next token, which may be lines below: use the key.
  return e->value.IsNull() ? reader_->span(e->key_node) : reader_->span(e->value);
}

void MapReader::report_missing(std::string_view key) const {
  reader_->error(anchor_, fmt::format("missing required key '{}' in {}", key, what_));
}

void MapReader::mark_read(std::string_view key) {
  if (Entry* e = find(key)) e->read = true;
}

std::optional<YAML::Node> MapReader::get(std::string_view key, Need need) {
  Entry* e = find(key);
  if (!e) {
    if (ok_ && need == Need::Required) report_missing(key);
    return std::nullopt;
  }
  e->read = true;
  if (e->value.IsNull()) {
    reader_->error(e->key_node, fmt::format("'{}' has no value: write one after '{}:'{}", key, key,
                                            need == Need::Optional ? " or remove the line" : ""));
    return std::nullopt;
  }
  return e->value;
}

std::optional<std::string> MapReader::text(std::string_view key, Need need) {
  auto v = get(key, need);
  return v ? reader_->text(*v, quoted(key)) : std::nullopt;
}
std::optional<double> MapReader::number(std::string_view key, Need need, const Range& range) {
  auto v = get(key, need);
  return v ? reader_->number(*v, quoted(key), range) : std::nullopt;
}
std::optional<int> MapReader::integer(std::string_view key, Need need, const Range& range) {
  auto v = get(key, need);
  return v ? reader_->integer(*v, quoted(key), range) : std::nullopt;
}
std::optional<bool> MapReader::boolean(std::string_view key, Need need) {
  auto v = get(key, need);
  return v ? reader_->boolean(*v, quoted(key)) : std::nullopt;
}
std::optional<double> MapReader::length(std::string_view key, Need need, const Range& range,
                                        std::string_view example) {
  auto v = get(key, need);
  return v ? reader_->length(*v, quoted(key), range, example) : std::nullopt;
}
std::optional<double> MapReader::ground_length(std::string_view key, Need need, const Range& range) {
  auto v = get(key, need);
  return v ? reader_->ground_length(*v, quoted(key), range) : std::nullopt;
}
std::optional<std::vector<YAML::Node>> MapReader::list(std::string_view key, Need need, std::string_view example) {
  auto v = get(key, need);
  return v ? reader_->list(*v, quoted(key), example) : std::nullopt;
}
std::optional<std::string> MapReader::choice(std::string_view key, const std::vector<std::string>& choices,
                                             Need need) {
  auto v = get(key, need);
  return v ? reader_->choice(*v, quoted(key), choices) : std::nullopt;
}

std::vector<MapReader::Entry>& MapReader::entries() {
  for (auto& e : entries_) e.read = true;
  return entries_;
}

std::vector<const MapReader::Entry*> MapReader::unread() const {
  std::vector<const Entry*> out;
  for (const auto& e : entries_)
    if (!e.read) out.push_back(&e);
  return out;
}

void MapReader::finish(const std::vector<std::string>& allowed) const {
  for (const Entry* e : unread()) {
    std::string hint = did_you_mean(e->key, allowed);
    if (hint.empty()) hint = fmt::format(": the keys allowed here are {}", join(allowed));
    reader_->error(e->key_node, fmt::format("unknown key '{}' in {}{}", e->key, what_, hint));
  }
}

}  // namespace plaquette::load
