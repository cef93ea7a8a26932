// The document model: plain data that the loader fills from YAML and layout reads.
// Lengths are points; every node keeps the Span of the YAML it came from so that
// later stages (layout, map, render) can report errors at the user's line.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/diag.hpp"
#include "core/geometry.hpp"
#include "model/map_spec.hpp"

namespace plaquette::model {

enum class Align { Left, Center, Right, Justify };

// How a paragraph's line breaks are chosen: all together (Knuth–Plass total fit, as TeX and
// InDesign's paragraph composer) or one line at a time (first fit, the classic word processor).
enum class LineBreaking { TotalFit, FirstFit };

// Hyphenation settings of a style (French rules by default).
struct Hyphenation {
  bool enabled = true;
  int min_word = 6;         // shortest word (in letters) that may be hyphenated
  int min_left = 2;         // letters kept before the hyphen
  int min_right = 3;        // letters carried to the next line
  int max_consecutive = 2;  // at most this many hyphenated lines in a row
};

struct ParagraphStyle {
  std::string name;
  std::string family;        // font family, e.g. "Linux Libertine O"; must exist in the project fonts
  int weight = 400;          // CSS-like 100..900 (regular 400, bold 700, black 900)
  bool italic = false;
  double size = 10;          // pt
  double leading = 12;       // baseline-to-baseline distance, pt
  double tracking = 0;       // letter spacing in thousandths of an em
  std::string color = "noir";  // swatch name
  Align align = Align::Left;
  // Justified text: the most letter spacing a line may take, a last resort after the word
  // spaces, in thousandths of an em; and the measure under which it is set ragged-right instead
  // (0: always justified), as a designer does not justify 10 pt text on 15 em.
  double max_letter_spacing = 10;
  double ragged_below = 0;   // pt
  double first_indent = 0;   // pt
  double space_before = 0;   // pt
  double space_after = 0;    // pt
  bool keep_with_next = false;
  bool uppercase = false;    // set in capitals (for kickers and small titles)
  bool keep_together = false;  // never split the paragraph across columns or frames
  Hyphenation hyphenation;
  LineBreaking breaking = LineBreaking::TotalFit;
  std::vector<std::string> features;  // OpenType features as Pango/CSS settings: "smcp", "onum", "liga 0"
  std::string language = "fr";        // typography and hyphenation rules
  std::string based_on;               // the parent style, already merged in by the loader
  int outline_level = 0;              // 1, 2...: paragraphs in this style are PDF bookmarks
  Span span;
};

// A character style: what a span of text changes from its paragraph's style. Unset fields keep
// the paragraph's value.
struct CharacterStyle {
  std::string name;
  std::optional<std::string> family;
  std::optional<int> weight;
  std::optional<bool> italic;
  std::optional<double> size;      // pt
  std::optional<double> tracking;  // thousandths of an em
  std::optional<std::string> color;  // swatch
  std::optional<bool> uppercase;
  std::optional<bool> hyphenate;   // false: never hyphenate inside the span (names, codes)
  std::vector<std::string> features;
  std::string based_on;
  Span span;
};

// A named rectangle of a master page that content fills. Text flows through its columns in order.
struct FrameSlot {
  std::string id;
  Rect rect;       // page coordinates, points
  int columns = 1;
  double gutter = 0;
  Span span;
};

// Decorations a master page draws on every page that uses it.
struct MasterBox {  // a filled rectangle (colour band, background)
  Rect rect;
  std::string fill;  // swatch
  double opacity = 1.0;
  Span span;
};
struct MasterRule {  // a straight line
  Point from, to;
  std::string stroke;  // swatch
  double width = 0.5;  // pt
  Span span;
};
struct MasterText {  // a short text, e.g. the folio: "{page}" is replaced by the page number
  Rect rect;
  std::string style;
  std::string text;
  Span span;
};
using MasterItem = std::variant<MasterBox, MasterRule, MasterText>;

struct Master {
  std::string name;
  std::vector<FrameSlot> frames;
  std::vector<MasterItem> items;  // drawn below the page content, in order
  Span span;
};

struct Template {
  std::string name;
  Size page;            // trim size, points
  double bleed = 0;     // points
  double slug = 0;      // points beyond the bleed, for crop marks in the print PDF
  // The CMYK profile of the print condition (relative to the project root): photos are
  // converted through it for the print PDF.
  std::string output_profile = "assets/color/FOGRA39L.icc";
  std::string fonts_dir = "assets/fonts";  // relative to the project root
  SwatchTable swatches;
  std::map<std::string, ParagraphStyle> styles;
  std::map<std::string, CharacterStyle> char_styles;
  std::map<std::string, Master> masters;
  Span span;
};

struct Metadata {
  std::string title;
  std::string subtitle;
  std::string author;
  std::string subject;
  std::vector<std::string> keywords;
  std::string language = "fr";
  std::string date;  // ISO 8601 date of the edition, e.g. "2026-11-25"
  Span span;
};

// Where a block goes: a frame of the page's master, or an explicit rectangle.
// A master frame's edges can be moved for one page (e.g. text starting lower under a photo):
// top/bottom/left/right are page coordinates in points, measured from the page's top-left corner.
struct Placement {
  std::string frame;                 // master frame id, or empty when rect is given
  std::optional<Rect> rect;          // explicit rectangle (x, y, width, height)
  std::optional<double> top, bottom, left, right;  // edge overrides of the master frame
  std::optional<int> columns;        // overrides the frame's column count
  std::optional<double> gutter;      // overrides the frame's gutter
  Span span;
};

struct Paragraph {
  std::string style;
  std::string text;
  Span span;
};

struct TextBlock {
  Placement at;
  std::vector<Paragraph> paragraphs;
  std::optional<std::string> background;  // swatch filling the frame behind the text
  double padding = 0;                     // inner margin when there is a background
  // Linked frames: a text may name its story; a later block `continue: name` (paragraphs
  // empty, `continues` set) takes what did not fit. With add_pages, pages from that master
  // are added after the page until the story fits.
  bool balance = false;   // columns of equal length (the text ends level across the columns)
  std::string story;
  std::string continues;
  Span continues_span;
  std::string add_pages;  // master name
  Span add_pages_span;
  Span span;
};

enum class ImageFit { Fit, Fill };  // Fit: whole image visible; Fill: frame covered, image cropped

struct ImageBlock {
  Placement at;
  std::string path;        // as written in YAML (relative to the project root)
  std::string resolved;    // absolute path, checked to be inside the project
  ImageFit fit = ImageFit::Fill;
  Point focus{0.5, 0.5};   // which part of the image stays visible when cropping (0..1)
  std::string caption;     // optional, set in the "legende" style under the image
  Span span;
};

struct MapBlock {
  Placement at;
  MapSpec map;
  Span span;
};

struct BoxBlock {  // a coloured rectangle, e.g. behind a pull-out
  Placement at;
  std::string fill;
  double opacity = 1.0;
  Span span;
};

struct RuleBlock {  // a horizontal rule across the placement's width, at its top
  Placement at;
  std::string stroke;
  double width = 0.5;
  Span span;
};

using Block = std::variant<TextBlock, ImageBlock, MapBlock, BoxBlock, RuleBlock>;

struct Page {
  std::string master;
  std::vector<Block> blocks;  // drawn in order, above the master's items
  Span span;
};

struct Document {
  std::string project_root;   // absolute; every asset must stay inside it
  std::string source_file;    // the content file as given on the command line
  Metadata meta;
  Template tmpl;
  std::vector<Page> pages;
};

}  // namespace plaquette::model
