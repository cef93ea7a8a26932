// The PDF target: one Cairo PDF surface, one page per scene page, document metadata set
// explicitly (including the date, so that the same input gives the same bytes).
#include <cairo-pdf.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "render/cairo_handles.hpp"
#include "render/render.hpp"

namespace plaquette::render {

namespace {
void check(cairo_status_t status, const std::string& path) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, cairo_status_to_string(status)));
}

// Crop marks at the four corners, in the slug: they start at the bleed edge (so that no mark
// shows in the bleed) and are as long as the slug allows, up to 5 mm.
void draw_crop_marks(cairo_t* cr, const scene::Page& page) {
  constexpr double kMarkWidth = 0.25;  // pt, the usual hairline of printers' marks
  const double length = std::min(14.17, page.slug - 2.0);  // 5 mm, 2 pt short of the sheet edge
  if (length <= 0) return;
  const double w = page.trim.width, h = page.trim.height, off = page.bleed;
  cairo_save(cr);
  cairo_set_source_rgb(cr, kRegistrationProxy.r, kRegistrationProxy.g, kRegistrationProxy.b);
  cairo_set_line_width(cr, kMarkWidth);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (double x : {0.0, w})
    for (double y : {0.0, h}) {
      const double sx = x == 0 ? -1 : 1, sy = y == 0 ? -1 : 1;  // away from the page
      cairo_move_to(cr, x + sx * off, y);
      cairo_line_to(cr, x + sx * (off + length), y);
      cairo_move_to(cr, x, y + sy * off);
      cairo_line_to(cr, x, y + sy * (off + length));
    }
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace

double sheet_margin(const scene::Page& page, PdfKind kind) {
  return kind == PdfKind::Print ? page.bleed + page.slug : 0.0;
}

void write_pdf(const scene::Document& doc, const std::string& path, PdfKind kind) {
  if (doc.pages.empty()) throw std::runtime_error("the document has no page");
  const auto& first = doc.pages.front();
  const double m0 = sheet_margin(first, kind);
  SurfaceHandle surface(
      cairo_pdf_surface_create(path.c_str(), first.trim.width + 2 * m0, first.trim.height + 2 * m0));
  check(cairo_surface_status(surface.get()), path);
  cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);

  auto meta = [&](cairo_pdf_metadata_t key, const std::string& value) {
    if (!value.empty()) cairo_pdf_surface_set_metadata(surface.get(), key, value.c_str());
  };
  meta(CAIRO_PDF_METADATA_TITLE, doc.title);
  meta(CAIRO_PDF_METADATA_AUTHOR, doc.author);
  meta(CAIRO_PDF_METADATA_SUBJECT, doc.subject);
  meta(CAIRO_PDF_METADATA_KEYWORDS, doc.keywords);
  meta(CAIRO_PDF_METADATA_CREATOR, "plaquette 0.1.0");
  // Cairo would write the current time; the edition date keeps the output reproducible.
  std::string date = doc.date.empty() ? "2000-01-01" : doc.date;
  if (date.size() == 10) date += "T00:00:00Z";
  meta(CAIRO_PDF_METADATA_CREATE_DATE, date);
  meta(CAIRO_PDF_METADATA_MOD_DATE, date);

  CairoHandle cr(cairo_create(surface.get()));
  // The whole document sits in one "Document" structure element. Besides a minimal tag tree,
  // this works around cairo 1.16, which writes a dangling /StructParent reference (a damaged
  // file) for a link made after drawing when no structure element is open.
  // Bookmarks nest by level: each entry hangs under the last entry of a higher level.
  std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};
  int page_number = 0;
  for (const auto& page : doc.pages) {
    ++page_number;
    const double m = sheet_margin(page, kind);
    cairo_pdf_surface_set_size(surface.get(), page.trim.width + 2 * m, page.trim.height + 2 * m);
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface.get(), page.label.c_str());
    for (const auto& b : page.bookmarks) {
      const size_t level = static_cast<size_t>(std::max(1, b.level));
      while (parents.size() > level) parents.pop_back();
      while (parents.size() < level) parents.push_back(parents.back());  // a skipped level hangs higher
      const std::string dest = fmt::format("page={} pos=[{:.2f} {:.2f}]", page_number, b.at.x + m, b.at.y + m);
      int id = cairo_pdf_surface_add_outline(surface.get(), parents.back(), b.title.c_str(), dest.c_str(),
                                             level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
      parents.push_back(id);
    }
    if (page_number == 1) cairo_tag_begin(cr.get(), "Document", nullptr);
    cairo_save(cr.get());
    cairo_translate(cr.get(), m, m);
    if (kind == PdfKind::Screen) {  // the sheet is the trim: what runs into the bleed is cut off
      cairo_rectangle(cr.get(), 0, 0, page.trim.width, page.trim.height);
      cairo_clip(cr.get());
    }
    render_page(cr.get(), page);
    if (kind == PdfKind::Print && page.slug > 0) draw_crop_marks(cr.get(), page);
    cairo_restore(cr.get());
    if (page_number == static_cast<int>(doc.pages.size())) cairo_tag_end(cr.get(), "Document");
    cairo_show_page(cr.get());
    check(cairo_status(cr.get()), path);
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  check(cairo_surface_status(surface.get()), path);
}

}  // namespace plaquette::render
