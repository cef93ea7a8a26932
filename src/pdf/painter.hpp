// Scene items → PDF content-stream operators, in the scene's page coordinates (y down: the page
// stream starts with a flip, so that every item is written as the scene holds it). The closed set
// of item kinds is visited exhaustively: a new kind does not compile until it is written here.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <qpdf/QPDFObjectHandle.hh>

#include "pdf/colour_writer.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/font_embedder.hpp"
#include "pdf/image_embedder.hpp"
#include "scene/scene.hpp"

namespace plaquette::pdf {

// What one page (or form) refers to by name: fonts, pictures, graphics states for opacity.
class Resources {
 public:
  std::string font(const std::string& name, QPDFObjectHandle dict);
  std::string xobject(QPDFObjectHandle object);
  std::string opacity(double fill, double stroke);  // an ExtGState with /ca and /CA
  QPDFObjectHandle dictionary() const;
  bool transparent() const { return transparent_; }
  void mark_transparent() { transparent_ = true; }

 private:
  std::map<std::string, QPDFObjectHandle> fonts_;
  std::map<std::string, QPDFObjectHandle> xobjects_;  // name → object
  std::map<QPDFObjGen, std::string> xobject_names_;
  std::map<std::pair<double, double>, std::string> gstate_names_;
  std::map<std::string, QPDFObjectHandle> gstates_;
  bool transparent_ = false;
};

// A link area in scene page coordinates, for the page's annotations.
struct PageLink {
  Rect area;
  std::string uri;
};

struct WriterContext {
  QPDF& pdf;
  FontEmbedder& fonts;
  ImageEmbedder& images;
  ColourWriter& colours;
};

class Painter {
 public:
  Painter(WriterContext& ctx, ContentStream& out, Resources& resources, std::vector<PageLink>* links)
      : ctx_(ctx), out_(out), res_(resources), links_(links) {}

  void items(const std::vector<scene::Item>& items);

 private:
  void item(const scene::Item& item);
  void glyph_run(const scene::GlyphRun& run);
  void path(const scene::Path& path);
  void image(const scene::Image& image);
  void group(const scene::Group& group);
  void link(const scene::Link& link);
  void trace(const scene::Path& path);
  void alpha(double fill, double stroke);

  WriterContext& ctx_;
  ContentStream& out_;
  Resources& res_;
  std::vector<PageLink>* links_;  // nullptr: links are dropped (print)
};

}  // namespace plaquette::pdf
