// The text engine's entry point: sets paragraphs with Pango in the template's styles and
// flows them through the columns of a frame, as glyph runs ready for the scene.
#pragma once
#include <algorithm>
#include <cmath>
#include <memory>
#include <map>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"
#include "text/font_set.hpp"
#include "text/hyphenator.hpp"
#include "text/styled_text.hpp"

namespace plaquette::text {

// One line of a set paragraph. Runs are positioned relative to the line's left edge (x) and
// baseline (y = 0); ascent and descent come from the fonts' logical extents.
struct LinkArea {
  double x0 = 0, x1 = 0;  // from the line's left edge
  std::string uri;
};

struct SetLine {
  std::vector<scene::GlyphRun> runs;
  std::vector<LinkArea> links;
  double ascent = 0;
  double descent = 0;
  double right = 0;     // right edge of the line's content, from the line's left edge
  bool justified = false;  // spaces were stretched or shrunk to fill the measure
  double spacing = 1.0;    // word space as set, against the font's normal space (1 = natural)
  bool hyphenated = false; // ends with a hyphen the setter added
  double letter_spacing = 0;  // added (or, negative, taken) per character, in ems, when justified
  double ratio = 0;           // adjustment ratio of the word spaces chosen by the line breaker
  bool fitness_jump = false;  // two fitness classes (tight/decent/loose/very loose) from the line before
  bool stranded = false;      // the last line of a paragraph, a lone fragment after a hyphen
  std::vector<char32_t> missing;  // characters no project font has (drawn as boxes), in order met
};

// Quality of set text, for `plaquette check`.
struct TextStats {
  size_t lines = 0;
  size_t hyphenated = 0;
  double loosest = 1.0;  // widest justified word space against the natural one
  std::vector<float> spaces;   // the word space of each justified line (for percentiles)
  double letter_spacing = 0;   // largest letter spacing of a justified line, ems (absolute value)
  size_t stranded = 0;         // paragraphs ending on a lone fragment after a hyphen
  size_t fitness_jumps = 0;    // lines two fitness classes from the line before
  void add(const SetLine& l) {
    ++lines;
    hyphenated += l.hyphenated;
    if (l.justified) {
      loosest = std::max(loosest, l.spacing);
      spaces.push_back(static_cast<float>(l.spacing));
      letter_spacing = std::max(letter_spacing, std::abs(l.letter_spacing));
    }
    stranded += l.stranded;
    fitness_jumps += l.fitness_jump;
  }
  void add(const TextStats& o) {
    lines += o.lines;
    hyphenated += o.hyphenated;
    loosest = std::max(loosest, o.loosest);
    spaces.insert(spaces.end(), o.spaces.begin(), o.spaces.end());
    letter_spacing = std::max(letter_spacing, o.letter_spacing);
    stranded += o.stranded;
    fitness_jumps += o.fitness_jumps;
  }
  // The word space below which 95 % of the justified lines lie (1 when none is justified).
  double space_p95() const {
    if (spaces.empty()) return 1.0;
    std::vector<float> s = spaces;
    const size_t k = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(s.size()))) - 1;
    std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(k), s.end());
    return s[k];
  }
};

struct SetParagraph {
  const model::ParagraphStyle* style = nullptr;
  std::vector<SetLine> lines;
  Span span;
};

// Where a flow stopped when the text did not fit.
struct Overflow {
  size_t lines_left = 0;        // lines that found no room
  size_t paragraph = 0;         // index of the first paragraph not wholly placed
  size_t line = 0;              // lines of that paragraph already placed
  bool estimated = false;       // lines_left extrapolated past kExactOverflowBytes of text
};

// Text left over beyond this is not set to count its lines (estimated instead).
inline constexpr size_t kExactOverflowBytes = 30000;

// A paragraph whose style puts it in the PDF outline, where its first line was placed.
struct PlacedHeading {
  size_t paragraph = 0;
  Point at;
};

// Where a flow starts: at a paragraph, after some of its lines (a story continued in a linked frame).
struct FlowStart {
  size_t paragraph = 0;
  size_t line = 0;
};

struct FlowResult {
  std::vector<scene::Item> items;
  std::optional<Overflow> overflow;
  double bottom = 0;            // lowest line box bottom in the last column used (page y)
  size_t columns_used = 0;
  TextStats stats;              // over the lines placed
  std::vector<PlacedHeading> headings;
};

// Characters that no font of the project has, met in one paragraph: they print as boxes.
struct MissingCharacters {
  Span span;                   // the paragraph's
  std::string style;           // its paragraph style
  std::string family;          // the style's font family
  std::vector<char32_t> chars; // in the order met
};

class Typesetter {
 public:
  Typesetter(const FontSet& fonts, const model::Template& tmpl);

  // Sets one paragraph at `width` points. The style must exist (the loader checked it).
  SetParagraph set(const model::Paragraph& paragraph, double width) const;

  // Flows paragraphs through `columns` in order (top to bottom, then the next column):
  // baselines every `leading`, space before/after between paragraphs (none at a column top),
  // no orphan or widow line (at least 2 lines on each side of a column break), headings kept
  // with the first lines of the next paragraph.
  // A paragraph whose style says keep_together moves whole to the next column.
  FlowResult flow(const std::vector<model::Paragraph>& paragraphs, const std::vector<Rect>& columns,
                  FlowStart start = {}) const;

  // The paragraph's text as read (markup removed, typography applied), e.g. for a bookmark.
  std::string plain_text(const model::Paragraph& paragraph) const;

  // Height a single paragraph takes at `width` (line boxes of its leading).
  double height(const SetParagraph& p) const;

  // Places the set paragraph's lines with the first line box's top at `top_left`.
  void place(const SetParagraph& p, Point top_left, std::vector<scene::Item>& out) const;

  const model::ParagraphStyle& style(const std::string& name) const;

  // Every paragraph set so far that holds characters no project font has (layout reports them).
  const std::vector<MissingCharacters>& missing_characters() const { return missing_; }

  // The dictionary hyphenating text in `language` (the style's), or nullptr when none is
  // installed for it (that text is then not hyphenated; the loader warned).
  const Hyphenator* hyphenator_for(const std::string& language) const;

 private:
  void note_missing(const model::Paragraph& paragraph, const model::ParagraphStyle& st, char32_t c) const;
  // Checks once per face that a bold or italic span has a real face in the project fonts.
  void check_faces(const model::Paragraph& paragraph, const model::ParagraphStyle& style,
                   const std::vector<StyledBlock>& blocks) const;

  const FontSet& fonts_;
  const model::Template& tmpl_;
  Hyphenator hyphenator_;  // French, the reference language
  // Other languages of the template's hyphenated styles (nl, en...), loaded up front so that
  // set() stays read-only; nullptr: no dictionary installed for that language.
  std::map<std::string, std::unique_ptr<Hyphenator>> other_hyphenators_;
  mutable std::map<std::string, std::optional<std::string>> face_checks_;
  mutable std::vector<MissingCharacters> missing_;  // set() is const, and called speculatively too
};

// Splits a frame into its columns (equal widths, gutters between).
std::vector<Rect> split_columns(const Rect& frame, int columns, double gutter);

}  // namespace plaquette::text
