#include "text/inline_markup.hpp"

#include <algorithm>
#include <optional>

namespace plaquette::text {
namespace {

constexpr std::string_view kLineSeparator = "\u2028";

// ---- byte-level character tests --------------------------------------------------------
// The source is UTF-8; markers are ASCII, so only the neighbours of a marker need a look, and
// only to tell spaces and letters apart.

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Multi-byte spaces authors (or the typography pass) may put next to a marker.
bool is_multibyte_space(std::string_view ch) {
  return ch == "\u00A0" || ch == "\u202F" || ch == "\u2028" || ch == "\u2009";
}

// The UTF-8 character that ends just before byte `i`, or that starts at byte `i`.
std::string_view char_before(std::string_view s, size_t i) {
  if (i == 0) return {};
  size_t b = i - 1;
  while (b > 0 && i - b < 4 && is_continuation(s[b])) --b;
  return s.substr(b, i - b);
}

std::string_view char_at(std::string_view s, size_t i) {
  if (i >= s.size()) return {};
  size_t e = i + 1;
  while (e < s.size() && e - i < 4 && is_continuation(s[e])) ++e;
  return s.substr(i, e - i);
}

// Start and end of the text count as spaces: a marker there can only open, or only close.
bool is_space(std::string_view ch) {
  return ch.empty() || (ch.size() == 1 && is_ascii_space(ch[0])) || is_multibyte_space(ch);
}

// Letters and digits, with the accented Latin letters (U+00C0 to U+027F: lead bytes C3 to C9).
// « » ’ … and other punctuation are not word characters.
bool is_word(std::string_view ch) {
  if (ch.empty()) return false;
  auto lead = static_cast<unsigned char>(ch[0]);
  if (ch.size() == 1) return is_ascii_alnum(ch[0]);
  return lead >= 0xC3 && lead <= 0xC9;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// ---- first pass: tokens with matched markers -------------------------------------------

enum class Marker { Bold, StarItalic, UnderscoreItalic, Bracket };

struct Token {
  enum class Type { Text, Open, Close };
  Type type = Type::Text;
  std::string text;  // Text: the characters; Open: the marker, shown if it stays unmatched
  SpanKind kind = SpanKind::Bold;
  std::string value;
  size_t opener = 0;  // Close: index of the matching Open token
};

struct Opener {
  size_t token;
  Marker marker;
  size_t offset;
};

std::string unclosed_message(Marker m) {
  switch (m) {
    case Marker::Bold: return "unclosed '**' (bold): close it, or write \\*\\* for literal asterisks";
    case Marker::StarItalic: return "unclosed '*' (italic): close it, or write \\* for a literal asterisk";
    case Marker::UnderscoreItalic: return "unclosed '_' (italic): close it, or write \\_ for a literal underscore";
    case Marker::Bracket: break;
  }
  return "'[' without '](url)' or ']{style}': write \\[ for a literal bracket";
}

// Markers are matched with a stack, as they come, so every span is known before any text is
// emitted; the second pass (emit) then only has to measure the output.
class Parser {
 public:
  explicit Parser(std::string_view source) : src_(source) {}

  MarkupResult run() {
    size_t i = 0;
    while (i < src_.size()) {
      char c = src_[i];
      if (c == '\\') i = backslash(i);
      else if (c == '\n' || c == '\r') i = newline(i);
      else if (c == '*') i = stars(i);
      else if (c == '_') i = underscore(i);
      else if (c == '[') i = open(i, Marker::Bracket, "[", SpanKind::Link, 1);
      else if (c == ']') i = close_bracket(i);
      else {
        literal(std::string_view(&src_[i], 1));
        ++i;
      }
    }
    while (!stack_.empty()) fail(stack_.size() - 1);
    return emit();
  }

 private:
  void literal(std::string_view s) {
    if (tokens_.empty() || tokens_.back().type != Token::Type::Text) tokens_.push_back({});
    tokens_.back().text += s;
  }

  size_t open(size_t i, Marker m, std::string_view marker, SpanKind kind, size_t width) {
    stack_.push_back({tokens_.size(), m, i});
    tokens_.push_back({Token::Type::Open, std::string(marker), kind, {}});
    return i + width;
  }

  // The opener at stack position k stays unmatched: its marker becomes text again.
  void fail(size_t k) {
    const auto& o = stack_[k];
    errors_.push_back({o.offset, unclosed_message(o.marker)});
    tokens_[o.token].type = Token::Type::Text;
    stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k));
  }

  // Closes the opener at stack position k; openers above it were never closed (spans nest,
  // they do not overlap).
  void close(size_t k, std::string value = {}) {
    while (stack_.size() > k + 1) fail(stack_.size() - 1);
    auto& opener = tokens_[stack_[k].token];
    opener.value = value;
    tokens_.push_back({Token::Type::Close, {}, opener.kind, std::move(value), stack_[k].token});
    stack_.pop_back();
  }

  // Topmost opener accepted by `fits`, not looking past a bracket: emphasis opened outside a
  // link cannot close inside it.
  template <class Fits>
  std::optional<size_t> find_opener(Fits fits) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (fits(stack_[k].marker)) return k;
      if (stack_[k].marker == Marker::Bracket) break;
    }
    return std::nullopt;
  }

  size_t backslash(size_t i) {
    char next = i + 1 < src_.size() ? src_[i + 1] : '\0';
    if (next == '*' || next == '_' || next == '[' || next == ']' || next == '\\') {
      literal(std::string_view(&src_[i + 1], 1));
      return i + 2;
    }
    if (next == '\n' || next == '\r') {
      literal(kLineSeparator);
      return skip_line_end(i + 1);
    }
    literal("\\");
    return i + 1;
  }

  // Past a newline ("\n", "\r\n" or "\r") and the next line's indentation.
  size_t skip_line_end(size_t i) const {
    if (src_[i] == '\r' && i + 1 < src_.size() && src_[i + 1] == '\n') ++i;
    ++i;
    while (i < src_.size() && (src_[i] == ' ' || src_[i] == '\t')) ++i;
    return i;
  }

  // YAML folded text: a newline is a space, but never doubles a space typed before it.
  size_t newline(size_t i) {
    if (i > 0 && !is_ascii_space(src_[i - 1])) literal(" ");
    return skip_line_end(i);
  }

  size_t stars(size_t i) {
    size_t n = 0;
    while (i + n < src_.size() && src_[i + n] == '*') ++n;
    auto before = char_before(src_, i);
    auto after = char_at(src_, i + n);
    bool can_open = !is_space(after);
    bool can_close = !is_space(before);
    // "5 * 3", "5*3" and "****" are not emphasis.
    bool arithmetic = before.size() == 1 && after.size() == 1 && is_digit(before[0]) && is_digit(after[0]);
    if (n > 3 || arithmetic) can_open = can_close = false;
    size_t at = i;
    size_t left = n;
    while (left > 0) {
      if (can_close) {
        // "**" closes the nearest bold even over an unclosed italic ("**a *b**" is bold with
        // a stray star); otherwise the nearest marker that the run can close.
        std::optional<size_t> k;
        if (left == 2) k = find_opener([](Marker m) { return m == Marker::Bold; });
        if (!k)
          k = find_opener([&](Marker m) { return m == Marker::StarItalic || (m == Marker::Bold && left >= 2); });
        if (k) {
          size_t width = stack_[*k].marker == Marker::Bold ? 2 : 1;
          close(*k);
          at += width;
          left -= width;
          continue;
        }
      }
      if (!can_open) break;
      if (left >= 2) open(at, Marker::Bold, "**", SpanKind::Bold, 2);
      else open(at, Marker::StarItalic, "*", SpanKind::Italic, 1);
      size_t width = left >= 2 ? 2 : 1;
      at += width;
      left -= width;
    }
    if (left > 0) literal(std::string(left, '*'));
    return i + n;
  }

  // '_' only at word boundaries, so snake_case and URLs stay literal; "___" is a fill-in line.
  size_t underscore(size_t i) {
    size_t n = 0;
    while (i + n < src_.size() && src_[i + n] == '_') ++n;
    if (n > 1) {
      literal(src_.substr(i, n));
      return i + n;
    }
    auto before = char_before(src_, i);
    auto after = char_at(src_, i + 1);
    bool can_open = !is_word(before) && !is_space(after);
    bool can_close = !is_space(before) && !is_word(after);
    if (can_close) {
      if (auto k = find_opener([](Marker m) { return m == Marker::UnderscoreItalic; })) {
        close(*k);
        return i + 1;
      }
    }
    if (can_open) return open(i, Marker::UnderscoreItalic, "_", SpanKind::Italic, 1);
    literal("_");
    return i + 1;
  }

  // End of the target "(...)" or "{...}" starting at `i`, on the same line; parentheses may
  // nest (Wikipedia URLs).
  std::optional<size_t> target_end(size_t i) const {
    char open_c = src_[i], close_c = open_c == '(' ? ')' : '}';
    int depth = 0;
    for (size_t j = i; j < src_.size() && src_[j] != '\n'; ++j) {
      if (src_[j] == open_c) ++depth;
      else if (src_[j] == close_c && --depth == 0) return j;
    }
    return std::nullopt;
  }

  size_t close_bracket(size_t i) {
    auto k = find_opener([](Marker m) { return m == Marker::Bracket; });
    char next = i + 1 < src_.size() ? src_[i + 1] : '\0';
    std::optional<size_t> end;
    if (k && (next == '(' || next == '{')) end = target_end(i + 1);
    if (!k || !end) {
      if (k) fail(*k);
      literal("]");
      return i + 1;
    }
    bool link = next == '(';
    auto value = trim(src_.substr(i + 2, *end - i - 2));
    auto& opener = tokens_[stack_[*k].token];
    opener.kind = link ? SpanKind::Link : SpanKind::CharStyle;
    if (value.empty()) {
      // The text stays, unstyled; the error says what is missing.
      errors_.push_back({i + 1, link ? "empty link URL in '[...]()'" : "empty character style name in '[...]{}'"});
      while (stack_.size() > *k + 1) fail(stack_.size() - 1);
      opener.type = Token::Type::Text;
      opener.text.clear();
      stack_.pop_back();
    } else {
      close(*k, std::string(value));
    }
    return *end + 1;
  }

  MarkupResult emit() {
    MarkupResult r;
    auto& out = r.inline_text;
    std::vector<size_t> start(tokens_.size(), 0);
    // Spans come out in closing order; sorted by start, the outer one first. Two spans over
    // the same bytes keep the order of their openers, so the outer one still comes first.
    std::vector<std::pair<size_t, InlineSpan>> spans;  // opener token, span
    for (size_t t = 0; t < tokens_.size(); ++t) {
      const auto& tok = tokens_[t];
      if (tok.type == Token::Type::Text) out.text += tok.text;
      else if (tok.type == Token::Type::Open) start[t] = out.text.size();
      else if (start[tok.opener] < out.text.size())  // an empty span styles nothing
        spans.push_back({tok.opener, {start[tok.opener], out.text.size(), tok.kind, tok.value}});
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
      if (a.second.start != b.second.start) return a.second.start < b.second.start;
      if (a.second.end != b.second.end) return a.second.end > b.second.end;
      return a.first < b.first;
    });
    for (auto& s : spans) out.spans.push_back(std::move(s.second));
    r.errors = std::move(errors_);
    std::stable_sort(r.errors.begin(), r.errors.end(),
                     [](const MarkupError& a, const MarkupError& b) { return a.offset < b.offset; });
    return r;
  }

  std::string_view src_;
  std::vector<Token> tokens_;
  std::vector<Opener> stack_;
  std::vector<MarkupError> errors_;
};

// Trailing blank space of a YAML block ("|" keeps the final newline) would become a trailing
// space; a forced break at the very end breaks nothing. Both go.
std::string_view strip_end(std::string_view s) {
  bool had_newline = false;
  while (!s.empty() && is_ascii_space(s.back())) {
    had_newline = had_newline || s.back() == '\n' || s.back() == '\r';
    s.remove_suffix(1);
  }
  size_t backslashes = 0;
  while (backslashes < s.size() && s[s.size() - 1 - backslashes] == '\\') ++backslashes;
  if (had_newline && backslashes % 2 == 1) s.remove_suffix(1);
  return s;
}

}  // namespace

MarkupResult parse_inline_markup(std::string_view source) { return Parser(strip_end(source)).run(); }

// ---- blocks ----------------------------------------------------------------------------

namespace {

struct Line {
  size_t begin = 0, end = 0;  // without the newline (nor a '\r' before it)
};

struct ItemMarker {
  BlockKind kind;
  int number = 0;
  size_t content = 0;  // where the item's text starts
};

// "- ", "• ", "12. ", "3) " after optional indentation (the space may be the line's end).
std::optional<ItemMarker> item_marker(std::string_view s, Line line) {
  size_t p = line.begin;
  while (p < line.end && (s[p] == ' ' || s[p] == '\t')) ++p;
  auto rest = s.substr(p, line.end - p);
  auto after_marker = [&](size_t len) -> std::optional<size_t> {
    if (len == rest.size()) return p + len;
    if (rest[len] != ' ' && rest[len] != '\t') return std::nullopt;
    size_t q = p + len;
    while (q < line.end && (s[q] == ' ' || s[q] == '\t')) ++q;
    return q;
  };
  if (rest.starts_with("-") || rest.starts_with("\u2022")) {
    if (auto c = after_marker(rest[0] == '-' ? 1 : 3)) return ItemMarker{BlockKind::Bullet, 0, *c};
    return std::nullopt;
  }
  // 1 to 3 digits: "2012. Les mines..." starting a line is a sentence, not item 2012.
  size_t digits = 0;
  while (digits < rest.size() && digits < 4 && is_digit(rest[digits])) ++digits;
  if (digits == 0 || digits > 3 || digits == rest.size() || (rest[digits] != '.' && rest[digits] != ')'))
    return std::nullopt;
  if (auto c = after_marker(digits + 1)) return ItemMarker{BlockKind::Numbered, std::stoi(std::string(rest.substr(0, digits))), *c};
  return std::nullopt;
}

bool is_blank(std::string_view s, Line line) {
  for (size_t p = line.begin; p < line.end; ++p)
    if (!is_ascii_space(s[p])) return false;
  return true;
}

}  // namespace

std::vector<TextBlockItem> split_blocks(std::string_view source) {
  std::vector<TextBlockItem> blocks;
  std::optional<TextBlockItem> current;
  size_t current_end = 0;
  auto finish = [&] {
    if (!current) return;
    auto text = source.substr(current->source_offset, current_end - current->source_offset);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    current->source = std::string(text);
    blocks.push_back(std::move(*current));
    current.reset();
  };
  size_t pos = 0;
  while (pos <= source.size()) {
    size_t nl = source.find('\n', pos);
    Line line{pos, nl == std::string_view::npos ? source.size() : nl};
    if (line.end > line.begin && source[line.end - 1] == '\r') --line.end;
    if (is_blank(source, line)) {
      finish();  // a blank line ends a paragraph and a list
    } else if (auto m = item_marker(source, line)) {
      finish();
      current = TextBlockItem{m->kind, m->number, {}, m->content};
      current_end = line.end;
    } else if (current) {
      current_end = line.end;  // continuation of a paragraph or of an item
    } else {
      size_t p = line.begin;
      while (is_ascii_space(source[p])) ++p;
      current = TextBlockItem{BlockKind::Paragraph, 0, {}, p};
      current_end = line.end;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  finish();
  return blocks;
}

}  // namespace plaquette::text
