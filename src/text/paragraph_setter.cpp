// Setting one paragraph: styled text → boxes, glue and penalties → breaks chosen over the whole
// paragraph (or first fit, per style) → each line shaped and justified by Pango. Lines keep
// their glyph runs and metrics, so layout places them on its own grid and render never
// re-runs Pango.
#include <glib.h>
#include <pango/pangocairo.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/units.hpp"
#include "model/language.hpp"
#include "text/line_setter.hpp"
#include "text/paragraph_items.hpp"
#include "text/pango_text.hpp"
#include "text/typesetter.hpp"

namespace plaquette::text {

namespace {

// Where the text of a list item starts, from the paragraph's left edge (the marker hangs
// in front of it).
double list_indent(const model::ParagraphStyle& st, BlockKind kind) {
  return kind == BlockKind::Numbered ? 1.6 * st.size : 1.2 * st.size;
}

// The largest adjustment ratio a justified line may take before the looser passes; past it,
// letter spacing (a last resort) takes what it may before the word spaces widen further.
constexpr double kTolerance = 1.6;
// Word spaces alone stretch to 1.5 × (ratio 1 of their stretch, half a space); past that, letter
// spacing takes what it may (the style's ceiling), then the spaces again.
constexpr double kLetterThreshold = 1.0;

// Ragged text set because the measure is too narrow to justify (ragged_below): hyphenated
// lightly, since a ragged line needs no hyphen to fill its measure.
constexpr double kNarrowRaggedHyphenPenalty = 400;

// TeX's fitness classes: 0 tight, 1 decent, 2 loose, 3 very loose.
int fitness(double r) { return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1.0 ? 2 : 3; }

bool is_hyphen_char(gunichar c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Drops the hyphenation points inside words that already hold a hyphen ("chauves-souris",
// "Saint-Amand"): such a compound breaks at its own hyphen only, never inside a part.
void drop_points_in_compounds(const std::string& text, std::vector<size_t>& points) {
  if (points.empty()) return;
  std::vector<std::pair<size_t, size_t>> compounds;  // byte ranges of words with a hyphen
  size_t word = 0;
  bool has_hyphen = false;
  const char* base = text.c_str();
  for (const char* p = base;; p = g_utf8_next_char(p)) {
    const size_t at = static_cast<size_t>(p - base);
    const gunichar c = at < text.size() ? g_utf8_get_char(p) : ' ';
    if (at >= text.size() || g_unichar_isspace(c) || c == 0x00A0 || c == 0x202F) {
      if (has_hyphen) compounds.emplace_back(word, at);
      word = at + static_cast<size_t>(g_utf8_next_char(p) - p);
      has_hyphen = false;
      if (at >= text.size()) break;
    } else if (is_hyphen_char(c)) {
      has_hyphen = true;
    }
  }
  std::erase_if(points, [&](size_t at) {
    return std::any_of(compounds.begin(), compounds.end(),
                       [&](const auto& r) { return at > r.first && at < r.second; });
  });
}

}  // namespace

Typesetter::Typesetter(const FontSet& fonts, const model::Template& tmpl)
    : fonts_(fonts), tmpl_(tmpl), hyphenator_(Hyphenator::french_dictionary_path()) {
  for (const auto& [name, st] : tmpl.styles) {
    if (!st.hyphenation.enabled || model::is_french(st.language) || other_hyphenators_.count(st.language)) continue;
    std::unique_ptr<Hyphenator> h;
    const std::string path = model::hyphenation_dictionary(st.language);
    std::error_code ec;
    if (!path.empty() && std::filesystem::is_regular_file(path, ec)) {
      try {
        h = std::make_unique<Hyphenator>(path);
      } catch (const std::exception&) {
        h.reset();  // unreadable: that language is not hyphenated
      }
    }
    other_hyphenators_.emplace(st.language, std::move(h));
  }
}

const Hyphenator* Typesetter::hyphenator_for(const std::string& language) const {
  if (model::is_french(language)) return &hyphenator_;
  auto it = other_hyphenators_.find(language);
  return it == other_hyphenators_.end() ? nullptr : it->second.get();
}

const model::ParagraphStyle& Typesetter::style(const std::string& name) const {
  auto it = tmpl_.styles.find(name);
  if (it == tmpl_.styles.end()) throw InputError(Span{}, fmt::format("unknown style '{}'", name));
  return it->second;
}

void Typesetter::check_faces(const model::Paragraph& paragraph, const model::ParagraphStyle& st,
                             const std::vector<StyledBlock>& blocks) const {
  for (const auto& b : blocks)
    for (const auto& s : b.segments) {
      if (s.family == st.family && s.weight == st.weight && s.italic == st.italic) continue;  // checked with the style
      const std::string key = fmt::format("{}|{}|{}", s.family, s.weight, s.italic);
      auto it = face_checks_.find(key);
      if (it == face_checks_.end()) {
        model::ParagraphStyle face = st;
        face.name = fmt::format("{} (bold or italic text, or a character style)", st.name);
        face.family = s.family;
        face.weight = s.weight;
        face.italic = s.italic;
        it = face_checks_.emplace(key, fonts_.check(face)).first;
      }
      if (it->second) throw InputError(paragraph.span, *it->second);
    }
}

void Typesetter::note_missing(const model::Paragraph& paragraph, const model::ParagraphStyle& st, char32_t c) const {
  auto it = std::find_if(missing_.begin(), missing_.end(), [&](const MissingCharacters& m) {
    return m.span == paragraph.span && m.style == st.name;
  });
  if (it == missing_.end()) it = missing_.insert(missing_.end(), MissingCharacters{paragraph.span, st.name, st.family, {}});
  if (std::find(it->chars.begin(), it->chars.end(), c) == it->chars.end()) it->chars.push_back(c);
}

SetParagraph Typesetter::set(const model::Paragraph& paragraph, double width) const {
  const model::ParagraphStyle& st = style(paragraph.style);
  SetParagraph out;
  out.style = &st;
  out.span = paragraph.span;

  auto blocks = style_paragraph(paragraph, st, tmpl_, st.language);
  check_faces(paragraph, st, blocks);
  auto desc = fonts_.describe(st);
  PangoContext* ctx = fonts_.context();
  // A measure too narrow to justify well (ragged_below, e.g. 15 em of 10 pt text) is set ragged.
  const bool narrow = st.align == model::Align::Justify && st.ragged_below > 0 && width < st.ragged_below;
  const bool justify = st.align == model::Align::Justify && !narrow;
  const Hyphenator* hyphenator = hyphenator_for(st.language);

  for (size_t bi = 0; bi < blocks.size(); ++bi) {
    const StyledBlock& block = blocks[bi];
    const bool item = block.kind != BlockKind::Paragraph;
    const double indent = item ? list_indent(st, block.kind) : 0.0;
    const double first_indent = (bi == 0 && !item) ? st.first_indent : 0.0;

    std::vector<size_t> hyphen_points;
    if (st.hyphenation.enabled && hyphenator) {
      std::vector<std::pair<size_t, size_t>> no_hyphen;
      for (const auto& s : block.segments)
        if (!s.hyphenate) no_hyphen.emplace_back(s.begin, s.end);
      hyphen_points = hyphenator->paragraph_breaks(
          block.text, {st.hyphenation.min_word, st.hyphenation.min_left, st.hyphenation.min_right}, no_hyphen);
      drop_points_in_compounds(block.text, hyphen_points);
    }
    ItemOptions options;
    options.justified = justify;
    options.letter_stretch = st.max_letter_spacing / 1000.0;
    options.letter_shrink = st.max_letter_spacing / 3000.0;
    options.letter_threshold = kLetterThreshold;
    if (narrow) options.hyphen_penalty = kNarrowRaggedHyphenPenalty;
    options.emergency_width = std::max(1.0, std::min(width - indent - first_indent, width - indent));
    auto items = paragraph_items(ctx, desc.get(), block, hyphen_points, options);

    BreakParams params;
    params.line_widths = {width - indent - first_indent, width - indent};
    params.tolerance = kTolerance;
    params.letter_threshold = kLetterThreshold;
    params.max_consecutive_flagged = st.hyphenation.max_consecutive;
    // Ragged text: lines may fall short by about a third of the measure before they count as bad.
    if (!justify) params.ragged_stretch = std::max(width / 3, st.size * 3);
    auto breaks = st.breaking == model::LineBreaking::FirstFit ? first_fit(items, params) : total_fit(items, params);

    size_t start = 0;
    for (size_t li = 0; li < breaks.size(); ++li) {
      const LineBreak& brk = breaks[li];
      const BreakItem& at = items[brk.item];
      LineRequest rq;
      rq.begin = start < items.size() ? items[start].begin : block.text.size();
      rq.end = std::max(rq.begin, at.begin);
      rq.hyphen = brk.hyphen && at.width > 0;  // an explicit hyphen is already in the text
      rq.width = params.widths_at(li);
      const bool ends_paragraph = at.penalty <= -kInfinitePenalty;  // last line, or a forced break
      rq.justify = justify && !ends_paragraph;
      rq.align = st.align;
      rq.spacing = options;
      SetLine line = set_line(ctx, desc.get(), block, rq, tmpl_.swatches);
      line.ratio = brk.ratio;
      if (justify && li > 0 && !ends_paragraph && std::abs(fitness(brk.ratio) - fitness(breaks[li - 1].ratio)) > 1)
        line.fitness_jump = true;
      // The paragraph's last line, a lone fragment after a hyphen: no word space in it.
      if (li + 1 == breaks.size() && li > 0 && !out.lines.empty() && out.lines.back().hyphenated &&
          block.text.find(' ', rq.begin) >= rq.end)
        line.stranded = true;
      const double shift = indent + (li == 0 ? first_indent : 0.0);
      for (auto& r : line.runs) r.origin.x += shift;
      for (auto& l : line.links) l.x0 += shift, l.x1 += shift;
      line.right += shift;
      if (item && li == 0) {  // the marker hangs in the indent, on the first line's baseline
        const std::string marker = block.kind == BlockKind::Bullet ? "\u2022" : fmt::format("{}.", block.number);
        StyledBlock m;
        m.text = marker;
        TextSegment seg = block.segments.front();
        seg.begin = 0;
        seg.end = marker.size();
        seg.link.clear();
        m.segments = {seg};
        LineRequest mr;
        mr.end = marker.size();
        mr.width = indent;
        SetLine ml = set_line(ctx, desc.get(), m, mr, tmpl_.swatches);
        for (auto& r : ml.runs) line.runs.insert(line.runs.begin(), std::move(r));
      }
      for (char32_t c : line.missing) note_missing(paragraph, st, c);
      out.lines.push_back(std::move(line));
      start = line_start_after(items, brk.item);
    }
  }
  return out;
}

std::string Typesetter::plain_text(const model::Paragraph& paragraph) const {
  const model::ParagraphStyle& st = style(paragraph.style);
  std::string out;
  for (const auto& b : style_paragraph(paragraph, st, tmpl_, st.language)) {
    if (!out.empty()) out += ' ';
    out += b.text;
  }
  // A forced line break reads as a space in a bookmark.
  const std::string separator = "\u2028";
  std::string flat;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, separator.size(), separator) == 0) {
      flat += ' ';
      i += separator.size() - 1;
    } else {
      flat += out[i];
    }
  }
  out = std::move(flat);
  return out;
}

double Typesetter::height(const SetParagraph& p) const { return p.style->leading * static_cast<double>(p.lines.size()); }

void Typesetter::place(const SetParagraph& p, Point top_left, std::vector<scene::Item>& out) const {
  const double leading = p.style->leading;
  for (size_t i = 0; i < p.lines.size(); ++i) {
    const SetLine& line = p.lines[i];
    // Half-leading model: the line's ink box is centred in its leading-high line box.
    double baseline = top_left.y + leading * static_cast<double>(i) + (leading - (line.ascent + line.descent)) / 2 + line.ascent;
    for (const auto& run : line.runs) {
      scene::GlyphRun placed = run;
      placed.origin = {top_left.x + run.origin.x, baseline};
      out.push_back(scene::Item{std::move(placed), p.span});
    }
    for (const auto& link : line.links) {
      Rect area{top_left.x + link.x0, baseline - line.ascent, link.x1 - link.x0, line.ascent + line.descent};
      out.push_back(scene::Item{scene::Link{area, link.uri}, p.span});
    }
  }
}

std::vector<Rect> split_columns(const Rect& frame, int columns, double gutter) {
  std::vector<Rect> out;
  if (columns < 1) columns = 1;
  double w = (frame.width - gutter * (columns - 1)) / columns;
  for (int i = 0; i < columns; ++i) out.push_back({frame.x + i * (w + gutter), frame.y, w, frame.height});
  return out;
}

}  // namespace plaquette::text
