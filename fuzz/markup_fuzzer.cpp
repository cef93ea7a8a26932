// libFuzzer target: the inline markup parser and the block splitter (src/text/inline_markup.cpp).
// Besides crashes and sanitizer reports, checks what inline_markup.hpp promises:
//  - parse_inline_markup never throws; spans lie inside the output text, start <= end, sorted by
//    start; error offsets lie inside the source and are sorted;
//  - split_blocks returns contiguous pieces of the input (source == input.substr(offset, size)),
//    and parsing each block keeps the same promises.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "text/inline_markup.hpp"

namespace {

using namespace plaquette::text;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "markup_fuzzer: broken promise: %s\n", what);
  std::abort();
}

void check_parse(std::string_view source) {
  const MarkupResult r = parse_inline_markup(source);
  const auto& t = r.inline_text;
  size_t last_start = 0;
  for (const InlineSpan& s : t.spans) {
    if (s.start > s.end) fail("span start > end");
    if (s.end > t.text.size()) fail("span ends beyond the output text");
    if (s.start < last_start) fail("spans not sorted by start");
    last_start = s.start;
  }
  size_t last_offset = 0;
  for (const MarkupError& e : r.errors) {
    if (e.offset > source.size()) fail("error offset beyond the source");
    if (e.offset < last_offset) fail("errors not sorted by offset");
    if (e.message.empty()) fail("error without a message");
    last_offset = e.offset;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_parse(input);
  for (const TextBlockItem& b : split_blocks(input)) {
    if (b.source_offset > input.size() || b.source.size() > input.size() - b.source_offset)
      fail("block source outside the input");
    if (input.substr(b.source_offset, b.source.size()) != b.source) fail("block source is not a piece of the input");
    if (b.kind != BlockKind::Numbered && b.number != 0)
      fail("number set on a block that is not a numbered item");
    check_parse(b.source);
  }
  return 0;
}
