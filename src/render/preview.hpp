// Previews: PNG pages with optional guides, reader spreads, a contact sheet, and the CMYK plates
// of a page. All of them draw the same scene with render_page, on Cairo image surfaces.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/scene.hpp"

namespace plaquette::render {

// The safe area: text and important marks stay this far inside the trim (5 mm).
inline constexpr double kSafeInset = 5.0 * 72.0 / 25.4;

struct PreviewOptions {
  double dpi = 96;
  // Guides: the canvas grows by the bleed on every side (the content that runs into the bleed
  // shows), and thin lines mark the bleed edge (cyan), the trim (magenta) and the safe area
  // (dashed cyan), as in a layout program.
  bool guides = false;
  double safe_inset = kSafeInset;  // points inside the trim
};

struct PixelSize {
  int width = 0;
  int height = 0;
  friend bool operator==(const PixelSize&, const PixelSize&) = default;
};

// --- Pages and spreads -------------------------------------------------------------------------

// Size of a page's PNG: the trim, or trim + 2 × bleed with guides, at the dpi (rounded up).
PixelSize page_pixel_size(const scene::Page& page, const PreviewOptions& options);

// Writes one page as a PNG (white paper under it). Throws std::runtime_error on failure.
void write_page_png(const scene::Page& page, const std::string& path, const PreviewOptions& options);

// A reader spread: what someone holding the printed brochure sees. Page indices are 0-based;
// the cover is alone on the right, then 2–3, 4–5…, and the last page alone on the left when the
// page count is even (the back cover).
struct Spread {
  std::optional<size_t> left;
  std::optional<size_t> right;
  friend bool operator==(const Spread&, const Spread&) = default;
};
std::vector<Spread> reader_spreads(size_t page_count);

// Size of a spread's PNG: the pages side by side at the spine; with guides the outer edges
// (not the spine) show the bleed.
PixelSize spread_pixel_size(const std::vector<scene::Page>& pages, const Spread& spread,
                            const PreviewOptions& options);
void write_spread_png(const std::vector<scene::Page>& pages, const Spread& spread, const std::string& path,
                      const PreviewOptions& options);

// --- Contact sheet -----------------------------------------------------------------------------

struct ContactSheetLayout {
  int columns = 0;
  int rows = 0;
  int thumb_width = 0;   // pixels, every thumbnail
  int thumb_height = 0;  // pixels, the tallest thumbnail
  int gap = 0;           // between thumbnails and around the sheet
  int label_height = 0;  // the page number under each thumbnail
  int width = 0;         // the whole sheet
  int height = 0;
};
inline constexpr int kContactColumns = 4;
inline constexpr int kContactThumbWidth = 150;

ContactSheetLayout contact_sheet_layout(const std::vector<scene::Page>& pages);
// All pages as thumbnails in a grid on light grey, their page number under each.
void write_contact_sheet(const std::vector<scene::Page>& pages, const std::string& path);

// --- Separations -------------------------------------------------------------------------------

enum class Plate { C, M, Y, K };
inline constexpr std::array<Plate, 4> kPlates{Plate::C, Plate::M, Plate::Y, Plate::K};
char plate_letter(Plate plate);  // 'c', 'm', 'y', 'k'

// Builds the grey "plate" version of pages: every paint becomes grey = 1 − ink of that plate
// (black = 100 % ink), so a plate PNG shows the coverage of one printing plate.
//  - Swatch paints take the swatch's exact CMYK (by name, else by its RGB proxy), as the print
//    PDF does; the registration proxy is 100 % on every plate.
//  - Other paints, and raster images, go through lcms2 from sRGB to the document's output
//    profile (the same transform as the print images: perceptual, black point compensation).
//  - SVG images are drawn by librsvg: they are rasterised in RGB at the preview dpi and that
//    raster goes through the same transform. This is an approximation: an SVG whose colours are
//    swatches would print with its RGB converted by the RIP, not with the swatch's exact CMYK.
// Without an output profile (empty path), a naive RGB → CMYK formula stands in.
class PlateMaker {
 public:
  PlateMaker(const scene::Document& doc, double dpi);
  ~PlateMaker();
  PlateMaker(const PlateMaker&) = delete;
  PlateMaker& operator=(const PlateMaker&) = delete;

  Cmyk ink(const Paint& paint);  // 0..100 per plate
  scene::Page plate_page(const scene::Page& page, Plate plate);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes `<prefix>-plate-c.png`, -m, -y, -k for one page; returns the paths written.
std::vector<std::string> write_separations(const scene::Document& doc, size_t page_index, const std::string& prefix,
                                           const PreviewOptions& options);

}  // namespace plaquette::render
