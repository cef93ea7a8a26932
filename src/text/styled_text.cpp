#include "text/styled_text.hpp"

#include <glib.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/diag.hpp"
#include "core/utf8.hpp"
#include "text/french_typography.hpp"

namespace plaquette::text {

namespace {

// Capitals letter by letter, so that span offsets can follow (g_utf8_strup may turn one
// letter into two, which would shift every offset after it).
void uppercase(InlineText& t) {
  std::string out;
  std::vector<size_t> map(t.text.size() + 1, 0);  // old byte offset -> new byte offset
  const char* p = t.text.c_str();
  const char* end = p + t.text.size();
  while (p < end) {
    const char* next = g_utf8_find_next_char(p, end);
    if (!next) next = end;
    for (const char* q = p; q < next; ++q) map[static_cast<size_t>(q - t.text.c_str())] = out.size();
    gunichar c = g_utf8_get_char_validated(p, next - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      out.append(p, next);
    } else {
      char buf[6];
      int n = g_unichar_to_utf8(g_unichar_toupper(c), buf);
      out.append(buf, static_cast<size_t>(n));
    }
    p = next;
  }
  map[t.text.size()] = out.size();
  for (auto& s : t.spans) {
    s.start = map[s.start];
    s.end = map[s.end];
  }
  t.text = std::move(out);
}

TextSegment base_segment(const model::ParagraphStyle& st) {
  TextSegment s;
  s.family = st.family;
  s.weight = st.weight;
  s.italic = st.italic;
  s.size = st.size;
  s.tracking = st.tracking;
  s.color = st.color;
  s.features = st.features;
  s.hyphenate = st.hyphenation.enabled;
  return s;
}

void apply_char_style(TextSegment& s, const model::CharacterStyle& cs) {
  if (cs.family) s.family = *cs.family;
  if (cs.weight) s.weight = *cs.weight;
  if (cs.italic) s.italic = *cs.italic;
  if (cs.size) s.size = *cs.size;
  if (cs.tracking) s.tracking = *cs.tracking;
  if (cs.color) s.color = *cs.color;
  if (cs.hyphenate) s.hyphenate = *cs.hyphenate;
  for (const auto& f : cs.features) s.features.push_back(f);
}

// The character style a link is set in, when the template defines one.
constexpr const char* kLinkStyle = "lien";

std::vector<TextSegment> flatten(const InlineText& t, const model::ParagraphStyle& st, const model::Template& tmpl,
                                 const model::Paragraph& paragraph) {
  for (const auto& span : t.spans) {
    if (span.kind != SpanKind::CharStyle || tmpl.char_styles.count(span.value)) continue;
    std::vector<std::string> names;
    for (const auto& [name, cs] : tmpl.char_styles) names.push_back(name);
    throw InputError(paragraph.span, fmt::format("unknown character style '{}'{}; the template defines: {}",
                                                 span.value, did_you_mean(span.value, names),
                                                 names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
  }
  std::vector<size_t> cuts{0, t.text.size()};
  for (const auto& span : t.spans) {
    cuts.push_back(span.start);
    cuts.push_back(span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<TextSegment> out;
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    TextSegment s = base_segment(st);
    s.begin = cuts[i];
    s.end = cuts[i + 1];
    // The link style first, so that a character style around a link can recolour it
    // ("[[site](https://...)]{lien-clair}" on a dark band); then the spans, outer first.
    for (const auto& span : t.spans)
      if (span.kind == SpanKind::Link && span.start <= s.begin && span.end >= s.end)
        if (auto it = tmpl.char_styles.find(kLinkStyle); it != tmpl.char_styles.end()) apply_char_style(s, it->second);
    for (const auto& span : t.spans) {  // outer spans first, so inner ones win
      if (span.start > s.begin || span.end < s.end) continue;
      switch (span.kind) {
        case SpanKind::Bold: s.weight = std::max(s.weight, 700); break;
        case SpanKind::Italic: s.italic = true; break;
        case SpanKind::Link:
          s.link = span.value;
          s.hyphenate = false;  // an address is never hyphenated
          break;
        case SpanKind::CharStyle: apply_char_style(s, tmpl.char_styles.at(span.value)); break;
      }
    }
    out.push_back(std::move(s));
  }
  if (out.empty()) {  // an empty paragraph still has its style (for its line height)
    out.push_back(base_segment(st));
  }
  return out;
}

}  // namespace

std::vector<StyledBlock> style_paragraph(const model::Paragraph& paragraph, const model::ParagraphStyle& style,
                                         const model::Template& tmpl, const std::string& language) {
  const bool french = language.rfind("fr", 0) == 0;
  std::vector<StyledBlock> out;
  // The last guard before Pango, which assumes valid UTF-8: text from data is checked (and
  // reported) where it enters; whatever still holds a stray byte gets U+FFFD here, never a crash.
  const bool clean = is_valid_utf8(paragraph.text) && paragraph.text.find('\0') == std::string::npos;
  const std::string valid = clean ? std::string{} : make_valid_utf8(paragraph.text);
  auto blocks = split_blocks(clean ? paragraph.text : valid);
  if (blocks.empty()) blocks.push_back(TextBlockItem{});
  for (const auto& item : blocks) {
    const std::string source = french ? apply_french_typography(item.source) : item.source;
    MarkupResult parsed = parse_inline_markup(source);
    if (!parsed.errors.empty())
      throw InputError(paragraph.span, fmt::format("in the text of this paragraph: {}", parsed.errors.front().message));
    if (style.uppercase) uppercase(parsed.inline_text);
    StyledBlock b;
    b.kind = item.kind;
    b.number = item.number;
    b.segments = flatten(parsed.inline_text, style, tmpl, paragraph);
    b.text = std::move(parsed.inline_text.text);
    out.push_back(std::move(b));
  }
  return out;
}

const TextSegment& segment_at(const StyledBlock& block, size_t at) {
  for (const auto& s : block.segments)
    if (at >= s.begin && at < s.end) return s;
  return block.segments.back();
}

}  // namespace plaquette::text
