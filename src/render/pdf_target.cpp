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
}  // namespace

void write_pdf(const scene::Document& doc, const std::string& path) {
  if (doc.pages.empty()) throw std::runtime_error("the document has no page");
  const auto& first = doc.pages.front().trim;
  SurfaceHandle surface(cairo_pdf_surface_create(path.c_str(), first.width, first.height));
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
    cairo_pdf_surface_set_size(surface.get(), page.trim.width, page.trim.height);
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface.get(), page.label.c_str());
    for (const auto& b : page.bookmarks) {
      const size_t level = static_cast<size_t>(std::max(1, b.level));
      while (parents.size() > level) parents.pop_back();
      while (parents.size() < level) parents.push_back(parents.back());  // a skipped level hangs higher
      const std::string dest = fmt::format("page={} pos=[{:.2f} {:.2f}]", page_number, b.at.x, b.at.y);
      int id = cairo_pdf_surface_add_outline(surface.get(), parents.back(), b.title.c_str(), dest.c_str(),
                                             level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t{});
      parents.push_back(id);
    }
    if (page_number == 1) cairo_tag_begin(cr.get(), "Document", nullptr);
    render_page(cr.get(), page);
    if (page_number == static_cast<int>(doc.pages.size())) cairo_tag_end(cr.get(), "Document");
    cairo_show_page(cr.get());
    check(cairo_status(cr.get()), path);
  }
  cr.reset();
  cairo_surface_finish(surface.get());
  check(cairo_surface_status(surface.get()), path);
}

}  // namespace plaquette::render
