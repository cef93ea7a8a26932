// Master pages: the decoration drawn on every page of a kind (items) and the named frames
// that the content fills.
#include <fmt/format.h>

#include "core/units.hpp"
#include "load/limits.hpp"
#include "load/rect_reader.hpp"
#include "load/template_loader.hpp"

namespace plaquette::load {

namespace {

const std::vector<std::string> kMasterKeys = {"items", "frames"};
const std::vector<std::string> kItemKinds = {"box", "rule", "text"};
const std::vector<std::string> kBoxKeys = {"x", "y", "width", "height", "fill", "opacity"};
const std::vector<std::string> kRuleKeys = {"from", "to", "stroke", "width"};
const std::vector<std::string> kTextKeys = {"x", "y", "width", "height", "style", "text"};
const std::vector<std::string> kFrameKeys = {"x", "y", "width", "height", "columns", "gutter"};

// The area a frame may occupy: the trimmed page plus its bleed.
Rect bleed_box(const model::Template& t) {
  return Rect{-t.bleed, -t.bleed, t.page.width + 2 * t.bleed, t.page.height + 2 * t.bleed};
}

std::optional<model::MasterItem> load_box(MapReader& m, LoadContext& ctx) {
  model::MasterBox box;
  box.span = m.anchor();
  auto rect = read_rect(m);
  if (auto fill = m.text("fill", Need::Required)) {
    box.fill = *fill;
    ctx.use(Reference::Kind::Swatch, *fill, m.value_span("fill"));
  }
  box.opacity = m.number("opacity", Need::Optional, limits::opacity()).value_or(1.0);
  m.finish(kBoxKeys);
  if (!rect) return std::nullopt;
  box.rect = *rect;
  return box;
}

std::optional<model::MasterItem> load_rule(MapReader& m, LoadContext& ctx) {
  model::MasterRule rule;
  rule.span = m.anchor();
  const Range any = limits::position();
  std::optional<std::vector<double>> from, to;
  if (auto n = m.get("from", Need::Required)) from = m.reader().lengths(*n, "'from'", 2, any, "[18mm, 282mm]");
  if (auto n = m.get("to", Need::Required)) to = m.reader().lengths(*n, "'to'", 2, any, "[192mm, 282mm]");
  if (auto stroke = m.text("stroke", Need::Required)) {
    rule.stroke = *stroke;
    ctx.use(Reference::Kind::Swatch, *stroke, m.value_span("stroke"));
  }
  rule.width = m.length("width", Need::Optional, limits::stroke_width(), "0.5pt").value_or(0.5);
  m.finish(kRuleKeys);
  if (!from || !to) return std::nullopt;
  rule.from = Point{(*from)[0], (*from)[1]};
  rule.to = Point{(*to)[0], (*to)[1]};
  return rule;
}

std::optional<model::MasterItem> load_text(MapReader& m, LoadContext& ctx) {
  model::MasterText text;
  text.span = m.anchor();
  auto rect = read_rect(m);
  if (auto style = m.text("style", Need::Required)) {
    text.style = *style;
    ctx.use(Reference::Kind::Style, *style, m.value_span("style"));
  }
  auto body = m.text("text", Need::Required);
  m.finish(kTextKeys);
  if (!rect || !body) return std::nullopt;
  text.rect = *rect;
  text.text = *body;
  return text;
}

// One "- box: {...}" entry: exactly one kind key, whose value holds the item.
void load_item(const YAML::Node& node, const NodeReader& reader, model::Master& master, LoadContext& ctx) {
  MapReader item(node, reader, "a master item", reader.span(node), "box: {x: 0mm, y: 0mm, ...}");
  if (!item.ok()) return;
  auto& entries = item.entries();
  if (entries.size() != 1) {
    reader.error(node, fmt::format("a master item has one kind, written '- box: {{...}}', '- rule: {{...}}' or "
                                   "'- text: {{...}}' (this one has {} keys): put each on its own '- ' line",
                                   entries.size()));
    return;
  }
  const auto& e = entries.front();
  if (e.key != "box" && e.key != "rule" && e.key != "text") {
    std::string hint = did_you_mean(e.key, kItemKinds);
    reader.error(e.key_node, fmt::format("unknown master item '{}'{}", e.key,
                                         hint.empty() ? ": use box, rule or text" : hint));
    return;
  }
  Span at = reader.span(e.key_node);
  if (e.value.IsNull()) {
    reader.error(at, fmt::format("'{}' has no value: write its keys, like {}: {{...}}", e.key, e.key));
    return;
  }
  MapReader m(e.value, reader, fmt::format("{} item of master '{}'", e.key, master.name), at);
  if (!m.ok()) return;
  std::optional<model::MasterItem> loaded =
      e.key == "box" ? load_box(m, ctx) : e.key == "rule" ? load_rule(m, ctx) : load_text(m, ctx);
  if (loaded) master.items.push_back(std::move(*loaded));
}

void load_frame(const MapReader::Entry& e, const NodeReader& reader, const model::Template& tmpl, bool page_known,
                model::Master& master) {
  model::FrameSlot slot;
  slot.id = e.key;
  slot.span = reader.span(e.key_node);
  MapReader m(e.value, reader, fmt::format("frame '{}'", e.key), slot.span,
              "{x: 18mm, y: 74mm, width: 174mm, height: 204mm}");
  if (!m.ok()) {
    master.frames.push_back(slot);  // known by name: blocks using it are not reported too
    return;
  }
  auto rect = read_rect(m);
  slot.columns = m.integer("columns", Need::Optional, limits::columns()).value_or(1);
  slot.gutter = m.length("gutter", Need::Optional, limits::non_negative_length(), "5mm").value_or(0);
  m.finish(kFrameKeys);
  if (rect) {
    slot.rect = *rect;
    if (slot.columns > 1 && slot.gutter * (slot.columns - 1) >= rect->width)
      reader.error(m.has("gutter") ? m.value_span("gutter") : slot.span,
                   fmt::format("frame '{}' is {} wide: {} columns with a {} gutter leave no room for text; "
                               "reduce 'columns' or 'gutter'",
                               e.key, format_mm(rect->width), slot.columns, format_mm(slot.gutter)));
    if (page_known && !bleed_box(tmpl).contains(*rect))
      reader.error(slot.span, fmt::format("frame '{}' ({}) goes outside the page ({} × {}, bleed {}): "
                                          "move it or make it smaller",
                                          e.key, describe_rect(*rect), format_mm(tmpl.page.width),
                                          format_mm(tmpl.page.height), format_mm(tmpl.bleed)));
  }
  master.frames.push_back(slot);
}

void load_master(const MapReader::Entry& e, const NodeReader& reader, const model::Template& tmpl, bool page_known,
                 model::Master& master, TemplateStatus& status, LoadContext& ctx) {
  master.name = e.key;
  master.span = reader.span(e.key_node);
  MapReader m(e.value, reader, fmt::format("master page '{}'", e.key), master.span,
              "{items: [...], frames: {...}}");
  if (!m.ok()) {
    status.masters_with_unknown_frames.insert(e.key);
    return;
  }
  if (auto items = m.list("items", Need::Optional, "[box: {...}, rule: {...}]"))
    for (const auto& item : *items) load_item(item, reader, master, ctx);

  if (auto frames = m.get("frames")) {
    MapReader f(*frames, reader, fmt::format("the frames of master '{}'", e.key), m.key_span("frames"),
                "{texte: {x: 18mm, y: 74mm, width: 174mm, height: 204mm}}");
    if (f.ok()) {
      for (const auto& fe : f.entries()) load_frame(fe, reader, tmpl, page_known, master);
    } else {
      status.masters_with_unknown_frames.insert(e.key);
    }
  } else if (m.has("frames")) {
    status.masters_with_unknown_frames.insert(e.key);  // "frames:" with nothing after it
  }
  m.finish(kMasterKeys);
}

}  // namespace

bool load_masters(MapReader& section, const model::Template& tmpl, bool page_known,
                  std::map<std::string, model::Master>& out, TemplateStatus& status, LoadContext& ctx) {
  for (const auto& e : section.entries())
    load_master(e, section.reader(), tmpl, page_known, out[e.key], status, ctx);
  return true;
}

}  // namespace plaquette::load
