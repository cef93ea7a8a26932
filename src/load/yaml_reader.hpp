// A thin typed reader over yaml-cpp nodes. yaml-cpp hands back untyped scalars and 0-based marks;
// this turns them into the values the model needs and, when a value is wrong, into a located
// diagnostic that says what to write instead. Private to the load library (yaml-cpp must not leak).
#pragma once
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diag.hpp"

namespace plaquette::load {

// The largest YAML file read (content, template, translations, variant files): far above any
// brochure's (a few tens of kilobytes), far below what would take long to parse.
inline constexpr size_t kMaxYamlFileBytes = 4 * 1024 * 1024;
// The longest text value (a title, a caption, a paragraph) in bytes.
inline constexpr size_t kMaxTextValueBytes = 100 * 1000;

// Parses one YAML file. Reports an unreadable file or a syntax error (at its line and column)
// and returns nullopt. `display` is the file name as messages show it.
std::optional<YAML::Node> parse_yaml_file(const std::filesystem::path& path, const std::string& display,
                                          DiagnosticSink& sink);

// The accepted interval of a number or length; `text` words it for the message ("between 0 and 1").
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  std::string text;
  bool contains(double v) const { return (min_exclusive ? v > min : v >= min) && v <= max; }
};

enum class Need { Optional, Required };

// "'12pt'", "a list", "a mapping", "nothing": what the user wrote, for "(got ...)" in messages.
std::string describe(const YAML::Node& node);

// Converts single nodes of one file, reporting to the sink. Every converter returns nullopt after
// reporting, so that callers can keep going with a default and find the next problem.
class NodeReader {
 public:
  NodeReader(std::string file, DiagnosticSink& sink) : file_(std::move(file)), sink_(&sink) {}

  const std::string& file() const { return file_; }
  DiagnosticSink& sink() const { return *sink_; }
  Span span(const YAML::Node& node) const;
  void error(const Span& where, std::string message) const { sink_->error(where, std::move(message)); }
  void error(const YAML::Node& node, std::string message) const { error(span(node), std::move(message)); }

  // `name` is how the value is called in messages, e.g. "'size'" or "item 2 of 'focus'".
  std::optional<std::string> text(const YAML::Node& n, std::string_view name) const;
  std::optional<double> number(const YAML::Node& n, std::string_view name, const Range& range = {}) const;
  std::optional<int> integer(const YAML::Node& n, std::string_view name, const Range& range = {}) const;
  std::optional<bool> boolean(const YAML::Node& n, std::string_view name) const;
  // A printed length with its unit (mm, cm, pt, in), in points.
  std::optional<double> length(const YAML::Node& n, std::string_view name, const Range& range = {},
                               std::string_view example = "12mm") const;
  // A distance on the ground (m, km), in metres.
  std::optional<double> ground_length(const YAML::Node& n, std::string_view name, const Range& range = {}) const;
  // The items of a list (a YAML sequence).
  std::optional<std::vector<YAML::Node>> list(const YAML::Node& n, std::string_view name,
                                              std::string_view example) const;
  // A list of exactly `count` numbers, e.g. cmyk: [82, 30, 90, 28].
  std::optional<std::vector<double>> numbers(const YAML::Node& n, std::string_view name, size_t count,
                                             const Range& range, std::string_view example) const;
  // A list of `count` lengths (any count when 0), e.g. from: [18mm, 282mm].
  std::optional<std::vector<double>> lengths(const YAML::Node& n, std::string_view name, size_t count,
                                             const Range& range, std::string_view example) const;
  // One of a fixed set of words, with a did-you-mean hint when it is none of them.
  std::optional<std::string> choice(const YAML::Node& n, std::string_view name,
                                    const std::vector<std::string>& choices) const;

 private:
  bool check_range(const YAML::Node& n, std::string_view name, double v, const Range& range) const;
  std::string file_;
  DiagnosticSink* sink_;
};

// Reads one YAML mapping. It reports, once, a node that is not a mapping and duplicate keys; it
// records which keys were read so that finish() can report every key nobody asked for (a typo,
// usually) with a did-you-mean among the allowed keys.
class MapReader {
 public:
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
    bool read = false;
  };

  // `what` names the mapping in messages ("style 'corps'", "the template"); `anchor` is where a
  // missing key is reported (the owning key, when there is one: more telling than the first child).
  // `example` shows what a mapping looks like when the user wrote something else.
  MapReader(const YAML::Node& node, const NodeReader& reader, std::string what, Span anchor = {},
            std::string_view example = {});

  bool ok() const { return ok_; }
  const NodeReader& reader() const { return *reader_; }
  const std::string& what() const { return what_; }
  const Span& anchor() const { return anchor_; }

  bool has(std::string_view key) const { return find(key) != nullptr; }
  // Present with nothing after the colon (yaml-cpp reads "rgb: #fff" unquoted as that: a comment).
  bool has_empty_value(std::string_view key) const;
  Span key_span(std::string_view key) const;
  Span value_span(std::string_view key) const;

  // The value of `key`, marked as read; nullopt when absent (reported when required) or empty
  // (always reported: an empty value is never what the user meant).
  std::optional<YAML::Node> get(std::string_view key, Need need = Need::Optional);
  void mark_read(std::string_view key);

  std::optional<std::string> text(std::string_view key, Need need = Need::Optional);
  std::optional<double> number(std::string_view key, Need need = Need::Optional, const Range& range = {});
  std::optional<int> integer(std::string_view key, Need need = Need::Optional, const Range& range = {});
  std::optional<bool> boolean(std::string_view key, Need need = Need::Optional);
  std::optional<double> length(std::string_view key, Need need = Need::Optional, const Range& range = {},
                               std::string_view example = "12mm");
  std::optional<double> ground_length(std::string_view key, Need need = Need::Optional, const Range& range = {});
  std::optional<std::vector<YAML::Node>> list(std::string_view key, Need need, std::string_view example);
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices,
                                    Need need = Need::Optional);

  // Every entry, in file order, all marked read: for mappings whose keys are names (swatches, frames).
  std::vector<Entry>& entries();
  // Entries nobody read yet.
  std::vector<const Entry*> unread() const;
  // Reports every unread key as unknown, hinting at the closest of `allowed`
  // (or listing them all when none is close).
  void finish(const std::vector<std::string>& allowed) const;
  // Reports that `key` is required and absent.
  void report_missing(std::string_view key) const;

 private:
  const Entry* find(std::string_view key) const;
  Entry* find(std::string_view key);
  const NodeReader* reader_;
  std::string what_;
  Span anchor_;
  bool ok_ = false;
  std::vector<Entry> entries_;
};

// A BCP 47 language code as the document and the styles accept it: fr, en, fr-FR, de-CH-1996.
bool is_language_tag(const std::string& s);

// "'size'" — how messages quote a key.
std::string quoted(std::string_view key);

}  // namespace plaquette::load
