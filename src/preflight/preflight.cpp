#include "preflight/preflight.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <pango/pango.h>

namespace plaquette::preflight {

namespace {

constexpr double kCrossing = 0.1;     // pt beyond the trim before an item counts as crossing it
constexpr double kBleedReach = 0.5;   // pt short of the bleed edge still counted as reaching it

std::optional<Rect> intersect(const Rect& a, const Rect& b) {
  const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const double x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  if (x1 <= x0 || y1 <= y0) return std::nullopt;
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

std::optional<Rect> clipped(const Rect& r, const std::optional<Rect>& clip) {
  return clip ? intersect(r, *clip) : std::optional<Rect>(r);
}

std::string hex(const Rgb& c) {
  auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

std::string pt(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::optional<Rect> path_bounds(const scene::Path& path) {
  double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
  for (const auto& sub : path.subpaths)
    for (const auto& p : sub.points) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
  if (!(x0 <= x1 && y0 <= y1)) return std::nullopt;
  const double half = path.stroke ? path.stroke->width / 2 : 0;
  Rect r{x0 - half, y0 - half, x1 - x0 + 2 * half, y1 - y0 + 2 * half};
  // A horizontal or vertical line without stroke width still has a place.
  if (r.width <= 0) r.width = 1e-3;
  if (r.height <= 0) r.height = 1e-3;
  return r;
}

PangoFont* font_of(const scene::GlyphRun& run) {
  if (!run.glyphs || !run.glyphs->item || !run.glyphs->glyphs) return nullptr;
  return run.glyphs->item->analysis.font;
}

std::optional<Rect> ink_bounds(const scene::GlyphRun& run) {
  PangoFont* font = font_of(run);
  if (!font) return std::nullopt;
  PangoRectangle ink;
  pango_glyph_string_extents(run.glyphs->glyphs, font, &ink, nullptr);
  if (ink.width <= 0 || ink.height <= 0) return std::nullopt;  // spaces only
  return Rect{run.origin.x + double(ink.x) / PANGO_SCALE, run.origin.y + double(ink.y) / PANGO_SCALE,
              double(ink.width) / PANGO_SCALE, double(ink.height) / PANGO_SCALE};
}

// The font size in points. The typesetter sets absolute sizes with a 72 dpi Pango context, so
// device units are page points either way.
std::optional<double> font_size(const scene::GlyphRun& run) {
  PangoFont* font = font_of(run);
  if (!font) return std::nullopt;
  PangoFontDescription* desc = pango_font_describe_with_absolute_size(font);
  if (!desc) return std::nullopt;
  const int size = pango_font_description_get_size(desc);
  pango_font_description_free(desc);
  if (size <= 0) return std::nullopt;
  return double(size) / PANGO_SCALE;
}

class Walker {
 public:
  Walker(const PreflightOptions& options, std::vector<Finding>& out) : options_(options), out_(out) {}

  void page(const scene::Page& p, int number) {
    page_ = &p;
    number_ = number;
    trim_ = Rect{0, 0, p.trim.width, p.trim.height};
    items(p.items, std::nullopt);
  }

 private:
  void items(const std::vector<scene::Item>& list, const std::optional<Rect>& clip) {
    for (const auto& item : list) {
      std::visit(
          [&](const auto& k) {
            using T = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<T, scene::GlyphRun>) glyphs(k, item.span, clip);
            else if constexpr (std::is_same_v<T, scene::Path>) path(k, item.span, clip);
            else if constexpr (std::is_same_v<T, scene::Image>) image(k, item.span, clip);
            else if constexpr (std::is_same_v<T, scene::Group>) {
              std::optional<Rect> inner = clip;
              if (k.clip) {
                if (clip) {
                  inner = intersect(*clip, *k.clip);
                  if (!inner) return;  // clipped away entirely
                } else {
                  inner = k.clip;
                }
              }
              items(k.children, inner);
            }
          },
          item.kind);
    }
  }

  void add(Severity severity, const Span& span, std::string code, std::string message) {
    out_.push_back(Finding{severity, number_, span, std::move(code), std::move(message)});
  }

  void colour(const Paint& paint, const Span& span) {
    if (!paint.swatch.empty() || paint.alpha <= 0) return;
    add(Severity::Warning, span, "colour-not-swatch",
        fmt::format("colour {} is not one of the template's swatches: use a swatch, so the press gets its exact CMYK",
                    hex(paint.rgb)));
  }

  // Error when `r` crosses a trim edge without reaching the bleed. Returns whether it did.
  bool trim_cut(const Rect& r, const Span& span, const char* what) {
    const double bleed = page_->bleed;
    const double w = trim_.width, h = trim_.height;
    // Wholly outside the trim: nothing of it is printed on the page.
    if (r.right() <= 0 || r.x >= w || r.bottom() <= 0 || r.y >= h) return false;
    const bool cut = (r.x < -kCrossing && r.x > -bleed + kBleedReach) ||
                     (r.y < -kCrossing && r.y > -bleed + kBleedReach) ||
                     (r.right() > w + kCrossing && r.right() < w + bleed - kBleedReach) ||
                     (r.bottom() > h + kCrossing && r.bottom() < h + bleed - kBleedReach);
    if (!cut) return false;
    add(Severity::Error, span, "trim-cut",
        fmt::format("{} is cut by the trim: extend it to the bleed ({} beyond the page edge) or keep it inside",
                    what, format_mm(bleed)));
    return true;
  }

  void glyphs(const scene::GlyphRun& run, const Span& span, const std::optional<Rect>& clip) {
    colour(run.paint, span);
    if (run.halo) colour(run.halo->paint, span);
    if (auto size = font_size(run); size && *size < options_.min_text_size - 1e-6)
      add(Severity::Warning, span, "small-text",
          fmt::format("text set at {} pt is too small to read in print: use at least {} pt", pt(*size),
                      pt(options_.min_text_size)));
    auto ink = ink_bounds(run);
    if (!ink) return;
    auto box = clipped(*ink, clip);
    if (!box) return;
    if (trim_cut(*box, span, "text")) return;
    const Rect safe = trim_.inset(options_.safe_margin);
    const bool on_page = box->right() > 0 && box->x < trim_.width && box->bottom() > 0 && box->y < trim_.height;
    if (on_page && !safe.contains(*box, 0.01))
      add(Severity::Warning, span, "safe-area",
          fmt::format("text comes closer than {} to the page edge, where the trim may cut it: keep it at least {} "
                      "inside",
                      format_mm(options_.safe_margin), format_mm(options_.safe_margin)));
  }

  void path(const scene::Path& p, const Span& span, const std::optional<Rect>& clip) {
    if (p.fill) colour(*p.fill, span);
    if (p.stroke) {
      colour(p.stroke->paint, span);
      if (p.stroke->width <= 0)
        add(Severity::Error, span, "hairline",
            fmt::format("line of 0 pt (the thinnest the device can draw, invisible in print): give it a width of at "
                        "least {} pt",
                        pt(options_.min_stroke)));
      else if (p.stroke->width < options_.min_stroke - 1e-9)
        add(Severity::Warning, span, "hairline",
            fmt::format("line of {} pt is too thin to print reliably: make it at least {} pt", pt(p.stroke->width),
                        pt(options_.min_stroke)));
    }
    if (auto b = path_bounds(p))
      if (auto box = clipped(*b, clip)) trim_cut(*box, span, p.fill ? "a shape" : "a line");
  }

  void image(const scene::Image& img, const Span& span, const std::optional<Rect>& clip) {
    if (auto* raster = std::get_if<std::shared_ptr<const scene::RasterImage>>(&img.source); raster && *raster) {
      const auto& r = **raster;
      if (img.dest.width > 0 && img.dest.height > 0 && r.width > 0 && r.height > 0) {
        const double ppi = std::min(r.width / (img.dest.width / kPointsPerInch),
                                    r.height / (img.dest.height / kPointsPerInch));
        const std::string name = r.path.empty() ? std::string("image") : fmt::format("image '{}'", r.path);
        const auto shown = static_cast<long>(std::floor(ppi));
        if (ppi < options_.error_ppi)
          add(Severity::Error, span, "image-resolution",
              fmt::format("{} prints at {} ppi: give a larger picture (at least {:.0f} ppi, {:.0f} for best "
                          "quality) or make it smaller",
                          name, shown, options_.error_ppi, options_.warn_ppi));
        else if (ppi < options_.warn_ppi)
          add(Severity::Warning, span, "image-resolution",
              fmt::format("{} prints at {} ppi: give a larger picture ({:.0f} ppi for best quality) or make it "
                          "smaller",
                          name, shown, options_.warn_ppi));
      }
    }
    auto box = clipped(img.dest, img.clip);
    if (box) box = clipped(*box, clip);
    if (box) trim_cut(*box, span, "an image");
  }

  const PreflightOptions& options_;
  std::vector<Finding>& out_;
  const scene::Page* page_ = nullptr;
  int number_ = 0;
  Rect trim_;
};

int rank(Severity s) { return s == Severity::Error ? 2 : s == Severity::Warning ? 1 : 0; }

}  // namespace

std::vector<Finding> preflight(const scene::Document& doc, const PreflightOptions& options) {
  std::vector<Finding> raw;
  Walker walker(options, raw);
  for (size_t i = 0; i < doc.pages.size(); ++i) walker.page(doc.pages[i], static_cast<int>(i) + 1);

  // Once per (code, page, span): a map layer's thousand thin strokes are one finding.
  std::vector<Finding> out;
  std::map<std::tuple<std::string, int, std::string, int, int>, size_t> seen;
  for (auto& f : raw) {
    auto key = std::make_tuple(f.code, f.page, f.span.file, f.span.line, f.span.col);
    auto [it, fresh] = seen.emplace(key, out.size());
    if (fresh)
      out.push_back(std::move(f));
    else if (rank(f.severity) > rank(out[it->second].severity))
      out[it->second] = std::move(f);
  }
  return out;
}

std::string format_finding(const Finding& f) {
  return format_diagnostic(Diagnostic{f.severity, f.span, fmt::format("page {}: {}", f.page, f.message)});
}

}  // namespace plaquette::preflight
