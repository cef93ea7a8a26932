// A map inset described in YAML: Map → layers → style (Mapnik-like, as plain data).
// Styles, classes, labels and furniture are plain data; src/map draws them.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/diag.hpp"
#include "core/geometry.hpp"

namespace plaquette::model {

enum class StrokeJoin { Round, Miter, Bevel };
enum class StrokeCap { Round, Butt, Square };

// A wider line drawn under the stroke (roads, rivers on a dark ground): the "casing".
struct Casing {
  std::string stroke;  // swatch
  double width = 1.5;  // pt, total width (the stroke sits on top of it)
  Span span;
};

// A fill made of lines or dots instead of (or on top of) a flat colour.
struct FillPattern {
  enum class Kind { Hatch, Dots };
  Kind kind = Kind::Hatch;
  std::string color;     // swatch
  double spacing = 5.67; // pt between lines or dots (2 mm)
  double angle = 45;     // degrees, hatch only
  double width = 0.5;    // pt: line width (hatch) or dot diameter (dots)
  Span span;
};

// How a point feature is drawn.
struct Marker {
  enum class Shape { Circle, Square, Triangle, Svg };
  Shape shape = Shape::Circle;
  double size = 5.67;      // pt (2 mm), the marker's width
  std::string svg;         // Svg: path as written (relative to the project root)
  std::string svg_resolved;  // absolute, checked to be inside the project
  Span span;
};

struct LayerStyle {
  std::optional<std::string> fill;    // swatch, or none
  double fill_opacity = 1.0;
  std::optional<std::string> stroke;  // swatch, or none
  double stroke_width = 0.5;          // pt
  double stroke_opacity = 1.0;
  std::vector<double> dash;           // pt, empty for solid
  StrokeJoin join = StrokeJoin::Round;
  std::optional<StrokeCap> cap;       // default: round, butt when dashed
  std::optional<Casing> casing;
  std::optional<FillPattern> pattern;
  std::optional<Marker> marker;       // points; default a 2 mm circle in the fill colour
  Span span;
};

// One class of a classified layer: which features (a category value, a numeric range or an
// OGR SQL filter) get which style, and the legend label.
struct StyleClass {
  std::string value;                 // Categorized: the attribute value (compared as text)
  double min = 0, max = 0;           // Graduated: min <= value < max (the last class includes max)
  std::string where;                 // Rules: OGR SQL filter
  LayerStyle style;
  std::string label;                 // legend text; default: the value, the range or the filter
  bool in_legend = true;             // `legend: false`: drawn, but not listed in the legend
  Span span;
};

struct Classification {
  enum class Kind { None, Categorized, Graduated, Rules };
  Kind kind = Kind::None;
  std::string field;                 // Categorized and Graduated
  std::vector<StyleClass> classes;   // in legend order
  std::optional<StyleClass> other;   // Categorized/Rules: everything else (no other: not drawn)
  Span span;
};

struct MapLayer {
  std::string source;       // as written (relative to the project root)
  std::string resolved;     // absolute, checked to be inside the project
  std::string layer;        // layer name inside the source
  std::string where;        // optional OGR SQL attribute filter
  LayerStyle style;         // the style when not classified (and the base of every class)
  Classification classify;
  std::string legend;       // legend label of an unclassified layer; empty: not in the legend
  Span span;
};

// Where a piece of map furniture sits inside the map frame.
enum class Corner { TopLeft, TopRight, BottomLeft, BottomRight };

// Labels from an attribute of one of the map's layers.
struct MapLabels {
  std::string layer;            // the `layer:` of one of the map's layers
  std::string field;            // the attribute printed
  std::string where;            // optional OGR SQL filter: which features are labelled
  std::string style;            // paragraph or character style of the text (template styles)
  std::string halo = "blanc";   // swatch of the halo, or "none"
  double halo_width = 1.5;      // pt
  std::string priority;         // numeric field: bigger values are placed first
  Span span;
};

struct LegendSpec {
  Corner position = Corner::BottomLeft;
  std::string title;
  int columns = 1;
  std::string style = "legende-carte";        // text of the entries
  std::string title_style = "legende-carte-titre";
  std::string background = "blanc";           // swatch behind the legend, or "none"
  Span span;
};

struct ScaleBarSpec {
  Corner position = Corner::BottomRight;
  double max_width = 99.2;                    // pt (35 mm): the bar is the roundest length below
  std::string style = "legende-carte";
  Span span;
};

struct NorthArrowSpec {
  Corner position = Corner::TopRight;
  double size = 22.7;                         // pt (8 mm), the arrow's height
  Span span;
};

// A small map of the whole area (all features of `layer`) with the main map's extent outlined.
struct LocatorSpec {
  Corner position = Corner::TopLeft;
  double width = 85.0;                        // pt (30 mm)
  std::string source;                         // defaults to the first layer's source
  std::string resolved;
  std::string layer;                          // e.g. departements or epci
  std::string fill = "gris-clair";
  std::string stroke = "blanc";
  std::string extent_stroke = "rouge";        // outline of the main map's extent
  Span span;
};

// Dims everything outside one feature (an EPCI): the map's own area of interest stands out.
struct FocusSpec {
  std::string layer;      // the `layer:` of one of the map's layers
  std::string where;      // OGR SQL filter selecting the feature(s)
  std::string veil = "blanc";  // swatch laid over the rest
  double opacity = 0.6;
  Span span;
};

// Which part of the ground the map shows.
struct MapExtent {
  // Either a bbox in map CRS units (xmin, ymin, xmax, ymax)...
  std::optional<std::array<double, 4>> bbox;
  // ...or the envelope of features of one of the map's layers (by name) matching `where`.
  std::string layer;
  std::string where;
  double margin = 0;  // ground metres added around the envelope
  Span span;
};

struct MapSpec {
  std::string crs = "EPSG:2154";
  MapExtent extent;            // empty extent = all layers
  std::vector<MapLayer> layers;
  std::string background;      // swatch filling the frame, optional
  std::string frame_stroke;    // swatch for the neat line, optional
  std::string source_note;     // attribution printed in the map corner
  std::string source_note_style = "source-carte";
  std::vector<MapLabels> labels;
  std::optional<LegendSpec> legend;
  std::optional<ScaleBarSpec> scale_bar;
  std::optional<NorthArrowSpec> north_arrow;
  std::optional<LocatorSpec> locator;
  std::optional<FocusSpec> focus;
  Span span;
};

}  // namespace plaquette::model
