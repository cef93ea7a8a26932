// A small Markdown subset for content strings, so that authors can set bold, italic, links,
// character styles, forced line breaks and lists from YAML without writing Pango markup.
// User text is never Pango markup: '<', '>' and '&' are plain characters here, and the spans
// are meant to become Pango attributes, not tags.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plaquette::text {

// ---- inline markup ---------------------------------------------------------------------

enum class SpanKind { Bold, Italic, Link, CharStyle };

// A styled byte range [start, end) of InlineText::text (the OUTPUT text, markers removed).
// `value` is the URL of a Link or the name of a CharStyle, empty otherwise.
struct InlineSpan {
  size_t start = 0, end = 0;
  SpanKind kind = SpanKind::Bold;
  std::string value;
};

struct InlineText {
  std::string text;
  std::vector<InlineSpan> spans;  // sorted by start, outer span first when two start together
};

struct MarkupError {
  size_t offset = 0;  // byte offset in the source string given to parse_inline_markup
  std::string message;
};

struct MarkupResult {
  InlineText inline_text;
  std::vector<MarkupError> errors;  // sorted by offset
};

// Parses
//   **gras**, *italique*, _italique_ (the underscore only at word boundaries, so snake_case
//   and URLs stay literal; a run of several underscores is literal too),
//   [texte](https://url) links, [texte]{nom-de-style} character-style spans,
//   a backslash at the end of a line: forced line break, U+2028 in the text,
//   other newlines: a space (YAML folded text), the next line's indentation dropped,
//   \*  \_  \[  \]  \\ : the literal character (any other backslash is literal).
// Spans nest (bold inside a link, italic inside bold); they do not overlap. A '*' with spaces
// on both sides ("5 * 3") or digits on both sides ("5*3") is literal, as is a run of 4 or more.
// Never throws: an unclosed ** * _, a '[' without "](url)" or "]{style}", an empty URL or style
// name are reported in `errors`; the offending marker is then kept as literal text (or, for an
// empty target, the brackets are dropped and the text kept unstyled).
MarkupResult parse_inline_markup(std::string_view source);

// ---- block structure -------------------------------------------------------------------

enum class BlockKind { Paragraph, Bullet, Numbered };

struct TextBlockItem {
  BlockKind kind = BlockKind::Paragraph;
  int number = 0;       // the number typed for a Numbered item, 0 otherwise
  std::string source;   // inline source of the block, marker removed; a contiguous piece of the input
  size_t source_offset = 0;  // where `source` starts in the input: add it to MarkupError::offset
};

// Splits a content string into paragraphs and list items. Lines starting (after optional
// indentation) with "- " or "• " are bullet items; lines starting with 1 to 3 digits then
// ". " or ") " are numbered items (number kept). An item continues on the following lines
// that do not start a new item; a blank line ends a list or a paragraph. A paragraph line
// directly followed by an item line ends the paragraph. Nested lists are not supported: an
// indented item is one more item of the same list. Lines inside a block keep their newlines
// and indentation in `source`; parse_inline_markup turns them into spaces.
std::vector<TextBlockItem> split_blocks(std::string_view source);

}  // namespace plaquette::text
