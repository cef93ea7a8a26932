// The scene: pages of positioned items in page points, the only thing the renderer reads.
// Layout decides every position; render decides nothing. The same scene feeds
// the PDF surface and the PNG preview, so they cannot disagree.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.hpp"
#include "core/diag.hpp"
#include "core/geometry.hpp"

// Pango types are opaque here: a GlyphRun keeps shaped glyphs alive through a
// shared handle, so the renderer never re-runs text layout.
typedef struct _PangoGlyphItem PangoGlyphItem;

namespace plaquette::scene {

struct Subpath {
  std::vector<Point> points;
  bool closed = false;
};

enum class LineJoin { Miter, Round, Bevel };
enum class LineCap { Butt, Round, Square };

struct Stroke {
  Paint paint;
  double width = 0.5;  // pt
  std::vector<double> dash;
  LineJoin join = LineJoin::Round;
  LineCap cap = LineCap::Round;
};

// One shaped run of glyphs in one font, positioned at its baseline origin.
struct GlyphRun {
  std::shared_ptr<const std::string> text;     // the paragraph text the glyph item indexes into
  std::shared_ptr<PangoGlyphItem> glyphs;      // owns a pango_glyph_item_copy
  Point origin;                                // left end of the baseline, page points
  Paint paint;
  // Map labels: the glyph outlines stroked under the fill (width = twice the halo), so the text
  // stays legible over the map.
  std::optional<Stroke> halo;
};

struct Path {
  std::vector<Subpath> subpaths;
  std::optional<Paint> fill;       // even-odd fill, so holes in polygons stay holes
  std::optional<Stroke> stroke;
};

// A decoded raster image, shared by every place it is drawn.
struct RasterImage {
  int width = 0;    // pixels
  int height = 0;
  int stride = 0;   // bytes per row of `pixels`
  std::vector<unsigned char> pixels;   // Cairo ARGB32, premultiplied, native endian
  std::string mime;                    // "image/jpeg" or "image/png"
  std::vector<unsigned char> encoded;  // the original file bytes (JPEG embedded as-is in the PDF)
  std::string unique_id;               // lets Cairo embed one copy when drawn twice
  std::string path;                    // for messages (as the user should read it)
};

// SVG kept as its source bytes; the renderer draws it as vectors with librsvg.
struct VectorImage {
  std::vector<unsigned char> data;
  std::string path;  // for messages
  double width = 0;  // intrinsic size, CSS pixels (1/96 in)
  double height = 0;
};

struct Image {
  std::variant<std::shared_ptr<const RasterImage>, std::shared_ptr<const VectorImage>> source;
  Rect dest;                // where the whole image is drawn (may exceed the clip when cropped)
  std::optional<Rect> clip; // the frame that crops it
};

struct Item;

// Children drawn in order, optionally clipped to a rectangle.
struct Group {
  std::optional<Rect> clip;
  std::vector<Item> children;
};

// A link area (URL), turned into a PDF link annotation.
struct Link {
  Rect area;
  std::string uri;
};

struct Item {
  std::variant<GlyphRun, Path, Image, Group, Link> kind;
  Span span;  // the YAML that made it, for messages from later stages
};

// An entry of the PDF outline (bookmarks panel), pointing at a heading on its page.
struct Bookmark {
  std::string title;
  int level = 1;  // 1 = top level
  Point at;       // page coordinates of the heading's top-left
};

struct Page {
  Size trim;            // the finished page size
  double bleed = 0;     // extra area around the trim, each side
  double slug = 0;      // paper beyond the bleed, each side, where the print PDF has its marks
  std::string label;    // page label ("1", "couverture"...)
  std::vector<Item> items;
  std::vector<Bookmark> bookmarks;  // in reading order
};

struct Document {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;   // comma separated
  std::string language;
  std::string date;       // ISO 8601, written as creation date (reproducible output)
  std::vector<Page> pages;
  std::vector<Swatch> swatches;  // the template's colours, for the print PDF's exact CMYK
  std::string output_profile;    // absolute path of the CMYK output profile (print PDF)
  // Objects the items depend on that must outlive rendering (the font set whose fonts the
  // glyph runs reference). Opaque here: the scene does not know what they are.
  std::vector<std::shared_ptr<const void>> resources;
};

// Convenience builders used by layout and the map engine.
Item make_rect_path(const Rect& r, std::optional<Paint> fill, std::optional<Stroke> stroke, Span span = {});
Item make_line_path(Point a, Point b, const Stroke& stroke, Span span = {});

}  // namespace plaquette::scene
