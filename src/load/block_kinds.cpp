// The settings of each kind of block: paragraphs of a text, file of an image, colour of a box...
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "load/block_loader.hpp"
#include "load/limits.hpp"
#include "load/map_loader.hpp"

namespace plaquette::load {

namespace {

const std::string kDefaultStyle = "corps";    // plain paragraphs (reference: "une simple chaîne")
const std::string kCaptionStyle = "legende";  // image captions are set in this style by layout

// A paragraph within the documented limits (load/limits.hpp), or a located error: a pasted
// data dump must be refused before the typesetter spends minutes on it.
std::optional<model::Paragraph> within_limits(model::Paragraph p, const Span& at, size_t number,
                                              const NodeReader& reader) {
  size_t chars = 0, word = 0, longest = 0, longest_end = 0;
  for (size_t i = 0; i < p.text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(p.text[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: the same character
    ++chars;
    if (c == ' ' || c == '\t' || c == '\n') {
      word = 0;
    } else if (++word > longest) {
      longest = word;
      longest_end = i;
    }
  }
  if (chars > limits::kMaxParagraphChars) {
    reader.error(at, fmt::format("paragraph {} has {} characters, more than the {} a paragraph may have: split it "
                                 "into several paragraphs (one per '- ' line)",
                                 number, chars, limits::kMaxParagraphChars));
    return std::nullopt;
  }
  if (longest > limits::kMaxWordChars) {
    const size_t from = p.text.find_last_of(" \t\n", longest_end);
    std::string head = p.text.substr(from == std::string::npos ? 0 : from + 1, 40);
    while (!head.empty() && !is_valid_utf8(head)) head.pop_back();  // not cut inside a character
    reader.error(at, fmt::format("paragraph {} has a word of {} characters (\"{}...\"), more than the {} a word may "
                                 "have: put spaces in it, or shorten the link",
                                 number, longest, head, limits::kMaxWordChars));
    return std::nullopt;
  }
  return p;
}

std::optional<model::Paragraph> load_paragraph(const YAML::Node& node, size_t number, const NodeReader& reader,
                                               LoadContext& ctx) {
  Span span = reader.span(node);
  if (node.IsNull()) {
    reader.error(span, fmt::format("paragraph {} is empty: write a text after '- ' or remove the line", number));
    return std::nullopt;
  }
  if (node.IsScalar()) {
    ctx.use(Reference::Kind::Style, kDefaultStyle, span, {}, "a paragraph without a style");
    auto text = reader.text(node, fmt::format("paragraph {}", number));
    if (!text) return std::nullopt;
    return within_limits(model::Paragraph{kDefaultStyle, *text, span}, span, number, reader);
  }
  if (!node.IsMap()) {
    reader.error(span, fmt::format("paragraph {} must be a text, or 'style: text' (got {})", number, describe(node)));
    return std::nullopt;
  }
  MapReader m(node, reader, fmt::format("paragraph {}", number), span);
  if (!m.ok()) return std::nullopt;

  // Long form {style: s, text: t, id: i}: for texts that are easier to write that way, or that
  // carry a translation id that survives reordering.
  if (m.has("style") || m.has("text")) {
    model::Paragraph p{kDefaultStyle, {}, span};
    if (auto style = m.text("style")) {
      p.style = *style;
      ctx.use(Reference::Kind::Style, *style, m.value_span("style"));
    } else if (!m.has("style")) {
      ctx.use(Reference::Kind::Style, kDefaultStyle, span, {}, "a paragraph without a style");
    }
    auto text = m.text("text", Need::Required);
    m.text("id");  // the text's id for translations (translations.hpp), read there
    m.finish({"style", "text", "id"});
    if (!text) return std::nullopt;
    p.text = *text;
    return within_limits(std::move(p), m.value_span("text"), number, reader);
  }

  // Short form "- intertitre: Les terrils": the only key is the style.
  auto& entries = m.entries();
  if (entries.size() != 1) {
    reader.error(span, fmt::format("paragraph {} has {} styles ('{}', '{}'...): write one paragraph per '- ' line, "
                                   "like '- intertitre: Les terrils'",
                                   number, entries.size(), entries[0].key, entries[1].key));
    return std::nullopt;
  }
  const auto& e = entries.front();
  Span key_span = reader.span(e.key_node);
  ctx.use(Reference::Kind::Style, e.key, key_span);
  if (e.value.IsNull()) {
    reader.error(key_span, fmt::format("paragraph {} ('{}') has no text: write it after '{}:'", number, e.key, e.key));
    return std::nullopt;
  }
  auto text = reader.text(e.value, fmt::format("the text of paragraph {}", number));
  if (!text) return std::nullopt;
  return within_limits(model::Paragraph{e.key, *text, key_span}, reader.span(e.value), number, reader);
}

// The name of a swatch, recorded to be checked against the template.
std::optional<std::string> swatch(MapReader& m, std::string_view key, Need need, LoadContext& ctx) {
  auto name = m.text(key, need);
  if (name) ctx.use(Reference::Kind::Swatch, *name, m.value_span(key));
  return name;
}

bool has_image_extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".svg";
}

}  // namespace

std::optional<model::Block> load_text_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  model::TextBlock block;
  block.at = std::move(at);
  block.span = m.anchor();
  bool ok = true;
  if (auto items = m.list("text", Need::Required, "[\"A paragraph.\", intertitre: A heading]")) {
    for (size_t i = 0; i < items->size(); ++i) {
      auto p = load_paragraph((*items)[i], i + 1, m.reader(), ctx);
      if (p)
        block.paragraphs.push_back(std::move(*p));
      else
        ok = false;
    }
  } else {
    ok = false;
  }
  block.background = swatch(m, "background", Need::Optional, ctx);
  block.padding = m.length("padding", Need::Optional, limits::non_negative_length(), "4mm").value_or(0);
  block.story = m.text("story").value_or("");
  block.balance = m.boolean("balance").value_or(false);
  if (auto master = m.text("add_pages")) {
    block.add_pages = *master;
    block.add_pages_span = m.value_span("add_pages");
    if (block.story.empty()) {
      m.reader().error(m.key_span("add_pages"),
                       "'add_pages' needs a 'story' name: add 'story: a-name' to this block");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return block;
}

std::optional<model::Block> load_continue_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  model::TextBlock block;
  block.at = std::move(at);
  block.span = m.anchor();
  auto story = m.text("continue", Need::Required);
  if (!story) return std::nullopt;
  block.continues = *story;
  block.continues_span = m.value_span("continue");
  block.background = swatch(m, "background", Need::Optional, ctx);
  block.padding = m.length("padding", Need::Optional, limits::non_negative_length(), "4mm").value_or(0);
  return block;
}

std::optional<model::Block> load_image_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  model::ImageBlock block;
  block.at = std::move(at);
  block.span = m.anchor();
  bool ok = false;
  if (auto path = m.text("image", Need::Required)) {
    block.path = *path;
    Span where = m.value_span("image");
    ResolvedPath r = resolve_project_path(ctx.root, *path, PathRule{PathKind::File, "image", "assets/images/"});
    if (!r.ok()) {
      m.reader().error(where, r.error);
    } else if (!has_image_extension(*path)) {
      m.reader().error(where, fmt::format("'{}' is not an image plaquette can place: use a PNG, JPEG or SVG file "
                                          "(.png, .jpg, .jpeg, .svg)",
                                          *path));
    } else {
      block.resolved = r.path;
      ok = true;
    }
  }
  if (auto fit = m.choice("fit", {"fill", "fit"})) block.fit = *fit == "fit" ? model::ImageFit::Fit : model::ImageFit::Fill;
  if (auto focus = m.get("focus")) {
    if (auto v = m.reader().numbers(*focus, "'focus'", 2, limits::unit_interval(), "[0.5, 0.3]"))
      block.focus = Point{(*v)[0], (*v)[1]};
  }
  if (auto caption = m.text("caption")) {
    block.caption = *caption;
    if (!caption->empty())
      ctx.use(Reference::Kind::Style, kCaptionStyle, m.value_span("caption"), {}, "an image caption");
  }
  if (!ok) return std::nullopt;
  return block;
}

std::optional<model::Block> load_map_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  auto node = m.get("map", Need::Required);
  if (!node) return std::nullopt;
  auto spec = load_map(*node, m.key_span("map"), m.reader(), ctx);
  if (!spec) return std::nullopt;
  return model::MapBlock{std::move(at), std::move(*spec), m.anchor()};
}

std::optional<model::Block> load_box_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  model::BoxBlock block;
  block.at = std::move(at);
  block.span = m.anchor();
  auto fill = swatch(m, "box", Need::Required, ctx);
  block.opacity = m.number("opacity", Need::Optional, limits::opacity()).value_or(1.0);
  if (!fill) return std::nullopt;
  block.fill = *fill;
  return block;
}

std::optional<model::Block> load_rule_block(MapReader& m, model::Placement at, LoadContext& ctx) {
  model::RuleBlock block;
  block.span = m.anchor();
  // In a frame, `width` is the rule's thickness (reference: {frame: texte, rule: vert-clair, width: 0.5pt});
  // with an explicit rectangle it is the rectangle's width and the thickness keeps its default.
  if (m.has("frame"))
    block.width = m.length("width", Need::Optional, limits::stroke_width(), "0.5pt").value_or(block.width);
  block.at = std::move(at);
  auto stroke = swatch(m, "rule", Need::Required, ctx);
  if (!stroke) return std::nullopt;
  block.stroke = *stroke;
  return block;
}

}  // namespace plaquette::load
