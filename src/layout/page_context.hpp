// What laying out one page needs: the engines (shared by all pages) and the page being built.
#pragma once
#include <string>

#include "core/diag.hpp"
#include "image/image.hpp"
#include "model/document.hpp"
#include "scene/scene.hpp"
#include "layout/stories.hpp"
#include "text/typesetter.hpp"

namespace plaquette::layout {

struct Engines {
  const model::Document& doc;
  bool draft;
  StoryTable& stories;
  const text::Typesetter& typesetter;
  image::ImageCache& images;
  DiagnosticSink& sink;
};

struct PageContext {
  const model::Page& page;
  const model::Master& master;
  int number = 0;  // 1-based page number, as printed by the folio
  scene::Page& out;
  text::TextStats stats;  // of the text set on this page
};

// A placement resolved against the page's master: the rectangle and its columns.
struct ResolvedFrame {
  Rect rect;
  int columns = 1;
  double gutter = 0;
};

ResolvedFrame resolve_placement(const model::Placement& at, const model::Master& master);

// The Paint of a swatch (the loader checked that it exists).
Paint paint_of(const model::Document& doc, const std::string& swatch, double alpha = 1.0);

void layout_master_items(const Engines& e, PageContext& pc);
void layout_text_block(const Engines& e, PageContext& pc, const model::TextBlock& block);
// Overflow: an error, or in draft mode a warning (and a mark on the page when `pc` is given).
void report_overflow(const Engines& e, const Span& at, const std::string& message, PageContext* pc, const Rect& area,
                     const Span& block_span);
void layout_image_block(const Engines& e, PageContext& pc, const model::ImageBlock& block);
void layout_map_block(const Engines& e, PageContext& pc, const model::MapBlock& block);
void layout_box_block(const Engines& e, PageContext& pc, const model::BoxBlock& block);
void layout_rule_block(const Engines& e, PageContext& pc, const model::RuleBlock& block);

}  // namespace plaquette::layout
