// A paragraph's text ready to set: the content string after the French typography pass and
// inline markup, cut into list items, each with flat style segments (what every byte is set
// in). Segments are plain data: Pango attributes are made from them per line.
#pragma once
#include <string>
#include <vector>

#include "model/document.hpp"
#include "text/inline_markup.hpp"

namespace plaquette::text {

// What a byte range of text is set in: the paragraph style with its spans applied.
struct TextSegment {
  size_t begin = 0, end = 0;  // byte range in StyledBlock::text
  std::string family;
  int weight = 400;
  bool italic = false;
  double size = 10;      // pt
  double tracking = 0;   // thousandths of an em
  std::string color;     // swatch
  std::vector<std::string> features;
  bool hyphenate = true;
  std::string link;      // URI when the range is a link
};

struct StyledBlock {
  BlockKind kind = BlockKind::Paragraph;
  int number = 0;  // numbered list items
  std::string text;
  std::vector<TextSegment> segments;  // cover text in order, without gaps
};

// Turns a content string into styled blocks. Errors (markup, unknown character style) are
// thrown as InputError at the paragraph's span: the message says what to fix.
std::vector<StyledBlock> style_paragraph(const model::Paragraph& paragraph, const model::ParagraphStyle& style,
                                         const model::Template& tmpl, const std::string& language);

// The segment holding byte `at` (the last one for at == text size).
const TextSegment& segment_at(const StyledBlock& block, size_t at);

}  // namespace plaquette::text
