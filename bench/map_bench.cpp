// map_bench: how fast and how heavy a big map is, through the brochure's own path.
//
// Renders the synthetic layer written by make_big_layer (200 000 polygons, ~5 M vertices) as a
// map inset of 180 × 120 mm on an A4 page — plaquette::map::draw_map with a model::MapSpec and a
// SwatchTable, then plaquette::render::write_pdf of a one-page scene::Document, as layout does —
// and compares it with the "floor": a bare OGR read of the same features (every geometry fetched
// and every point touched, nothing drawn). Also weighs the render: its peak RSS against the size
// of the geometry it read (vertices read x 16 bytes). Prints a table, then machine-readable lines.
//
// Usage: map_bench BIG.gpkg OUT.pdf [--repeat N] [--breakdown]
//   --breakdown  also splits write_pdf into Cairo's phases and renders variants of the same scene
//                (fills merged, no stroke, rounded coordinates) to show what the time and the
//                bytes depend on. Diagnostic only: the variants are not what the brochure draws.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>
#include <optional>
#include <string>
#include <utility>

#include <cairo-pdf.h>
#include <cairo.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/units.hpp"
#include "map/map.hpp"
#include "model/map_spec.hpp"
#include "pdf/write_pdf.hpp"
#include "render/render.hpp"
#include "scene/scene.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using plaquette::mm_to_pt;

constexpr double kTargetVsFloor = 1.5;  // render ≤ 1.5 × floor
constexpr double kTargetPdfMb = 5.0;    // PDF < 5 MB
constexpr double kTargetRssVsGeometry = 2.0;  // peak RSS of the render <= 2 x geometry read
constexpr double kBytesPerVertex = 16;        // x, y as two doubles
constexpr double kMiB = 1024.0 * 1024.0;      // RSS and geometry sizes are both in MiB ("MB" below)

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double peak_rss_mb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// Reads the file's bytes once so that the first render does not wait for the disk. The page
// cache is the kernel's: none of it counts in this process's RSS.
void warm_page_cache(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(1 << 20);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
  }
}

// The floor: what reading the data costs at least. Every feature, its geometry and every vertex
// of every ring, summed so that the compiler cannot skip the reads.
struct FloorResult {
  double seconds = 0;
  std::size_t features = 0;
  std::size_t vertices = 0;
  double checksum = 0;
};

void touch_curve(const OGRSimpleCurve* c, FloorResult& r) {
  const int n = c->getNumPoints();
  for (int i = 0; i < n; ++i) r.checksum += c->getX(i) + c->getY(i);
  r.vertices += static_cast<std::size_t>(n);
}

void touch(const OGRGeometry* g, FloorResult& r) {
  if (!g) return;
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      for (const OGRLinearRing* ring : *g->toPolygon()) touch_curve(ring, r);
      break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
    case wkbMultiLineString:
    case wkbMultiPoint:
      for (const OGRGeometry* part : *g->toGeometryCollection()) touch(part, r);
      break;
    case wkbLineString:
      touch_curve(g->toLineString(), r);
      break;
    case wkbPoint:
      r.checksum += g->toPoint()->getX() + g->toPoint()->getY();
      ++r.vertices;
      break;
    default:
      break;
  }
}

FloorResult read_floor(const std::string& path) {
  FloorResult r;
  const auto t0 = Clock::now();
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) {
    std::fprintf(stderr, "map_bench: cannot open %s\n", path.c_str());
    std::exit(1);
  }
  OGRLayer* layer = ds->GetLayerByName("cells");
  if (!layer) {
    std::fprintf(stderr, "map_bench: %s has no layer 'cells' (rebuild it with make_big_layer)\n", path.c_str());
    std::exit(1);
  }
  for (auto& feature : *layer) {
    ++r.features;
    touch(feature->GetGeometryRef(), r);
  }
  r.seconds = seconds_since(t0);
  return r;
}

plaquette::Swatch swatch(const char* name, double r, double g, double b) {
  return plaquette::Swatch{name, std::nullopt, plaquette::Rgb{r, g, b}, {}};
}

// draw_map may gain a trailing `const TextSetter*` (labels, legend): pass nullptr when it has.
template <class Spec>
plaquette::map::MapResult call_draw_map(const Spec& spec, const plaquette::Rect& frame,
                                        const plaquette::SwatchTable& swatches) {
  if constexpr (requires { plaquette::map::draw_map(spec, frame, swatches, nullptr); })
    return plaquette::map::draw_map(spec, frame, swatches, nullptr);
  else
    return plaquette::map::draw_map(spec, frame, swatches);
}


// ---- --breakdown: where write_pdf spends its time, and what would change it -------------------

// Cairo's PDF surface records the page, then replays it when the page is shown: time each phase
// with the renderer's own render_page on a bare PDF surface.
void cairo_phases(const plaquette::scene::Document& doc, const std::string& path) {
  const auto& page = doc.pages.front();
  const auto t0 = Clock::now();
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), page.trim.width, page.trim.height);
  cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
  cairo_t* cr = cairo_create(surface);
  plaquette::render::render_page(cr, page);
  const double t_record = seconds_since(t0);
  const auto t1 = Clock::now();
  cairo_show_page(cr);
  const double t_show = seconds_since(t1);
  const auto t2 = Clock::now();
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  const double t_finish = seconds_since(t2);
  std::printf("  cairo phases: record (render_page) %.3f s, show_page (analyse+emit) %.3f s, finish %.3f s\n",
              t_record, t_show, t_finish);
}

// Deep copy of the map group with `change` applied to its children list.
template <class F>
plaquette::scene::Document variant(const plaquette::scene::Document& doc, F change) {
  plaquette::scene::Document out;
  out.title = doc.title;
  out.date = doc.date;
  plaquette::scene::Page page;
  page.trim = doc.pages.front().trim;
  page.items = doc.pages.front().items;  // copies
  auto& group = std::get<plaquette::scene::Group>(page.items.front().kind);
  change(group.children);
  out.pages.push_back(std::move(page));
  return out;
}

void time_variant(const char* name, const plaquette::scene::Document& doc, const std::string& path) {
  const auto t0 = Clock::now();
  plaquette::render::write_pdf(doc, path);
  const double t = seconds_since(t0);
  std::printf("  %-44s write_pdf %7.3f s  PDF %7.2f MB\n", name, t,
              static_cast<double>(std::filesystem::file_size(path)) / 1e6);
}

// All consecutive fill-only paths of one paint merged into one path: one Cairo fill instead of
// one per feature (even-odd stays right as long as the features do not overlap).
void merge_fills(std::vector<plaquette::scene::Item>& items) {
  using plaquette::scene::Item;
  using plaquette::scene::Path;
  std::vector<Item> out;
  std::optional<std::size_t> merged;  // index in `out` of the path being extended
  for (auto& it : items) {
    auto* p = std::get_if<Path>(&it.kind);
    const bool fill_only = p && p->fill && !p->stroke;
    if (fill_only && merged && std::get<Path>(out[*merged].kind).fill == p->fill) {
      auto& into = std::get<Path>(out[*merged].kind).subpaths;
      for (auto& sub : p->subpaths) into.push_back(std::move(sub));
      continue;
    }
    out.push_back(std::move(it));
    merged = fill_only ? std::optional<std::size_t>(out.size() - 1) : std::nullopt;
  }
  items = std::move(out);
}

// Every path point rounded to 0.01 pt (3.5 µm): fewer digits in the content stream.
void round_points(std::vector<plaquette::scene::Item>& items) {
  for (auto& it : items)
    if (auto* p = std::get_if<plaquette::scene::Path>(&it.kind))
      for (auto& s : p->subpaths)
        for (auto& pt : s.points) pt = {std::round(pt.x * 100) / 100, std::round(pt.y * 100) / 100};
}

void breakdown(const plaquette::scene::Document& doc, const std::string& pdf, double read_only_s) {
  using plaquette::scene::Item;
  using plaquette::scene::Path;
  const std::string tmp = pdf + ".variant.pdf";
  std::printf("breakdown of draw_map:\n");
  std::printf("  same map, layer with neither fill nor stroke (read + reproject + filter only): %.3f s\n",
              read_only_s);
  std::printf("breakdown of write_pdf:\n");
  cairo_phases(doc, tmp);
  time_variant("as drawn (one fill path per feature)", doc, tmp);
  // All fill-only paths of one paint merged into one path: one Cairo fill instead of 200 000.
  time_variant("fills merged into one path", variant(doc, merge_fills), tmp);
  auto drop_stroke = [](std::vector<Item>& items) {
    std::erase_if(items, [](const Item& it) {
      auto* p = std::get_if<Path>(&it.kind);
      return p && p->stroke && !p->fill && p->subpaths.size() > 4;
    });
  };
  time_variant("without the stroke path", variant(doc, drop_stroke), tmp);
  time_variant("fills merged, without the stroke path", variant(doc, [&](std::vector<Item>& items) {
    merge_fills(items);
    drop_stroke(items);
  }), tmp);
  time_variant("coordinates rounded to 0.01 pt", variant(doc, round_points), tmp);
  time_variant("fills merged + coordinates rounded to 0.01 pt", variant(doc, [](std::vector<Item>& items) {
    merge_fills(items);
    round_points(items);
  }), tmp);
  std::filesystem::remove(tmp);
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s BIG.gpkg OUT.pdf [--repeat N]\n", argv[0]);
    return 2;
  }
  const std::string gpkg = std::filesystem::absolute(argv[1]).string();
  const std::string pdf = argv[2];
  int repeat = 1;
  bool want_breakdown = false;
  for (int i = 3; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--breakdown") == 0)
      want_breakdown = true;
  }
  GDALAllRegister();
  warm_page_cache(gpkg);
  const double rss_start = peak_rss_mb();

  // The map as the brochure would write it in YAML: one layer, fill + thin stroke, framed.
  plaquette::SwatchTable swatches;
  swatches["vert-clair"] = swatch("vert-clair", 0.78, 0.88, 0.74);
  swatches["vert-foret"] = swatch("vert-foret", 0.137, 0.388, 0.227);
  swatches["fond"] = swatch("fond", 0.97, 0.97, 0.95);
  swatches["gris"] = swatch("gris", 0.3, 0.3, 0.3);
  plaquette::model::MapSpec spec;
  spec.crs = "EPSG:2154";
  spec.background = "fond";
  spec.frame_stroke = "gris";
  plaquette::model::MapLayer layer;
  layer.source = gpkg;  // absolute: no loader here to resolve it
  layer.layer = "cells";
  layer.style.fill = "vert-clair";
  layer.style.stroke = "vert-foret";
  layer.style.stroke_width = 0.1;  // pt: a hairline
  spec.layers.push_back(layer);

  const plaquette::Size a4{mm_to_pt(210), mm_to_pt(297)};
  const plaquette::Rect frame{mm_to_pt(15), mm_to_pt(40), mm_to_pt(180), mm_to_pt(120)};

  // The render runs first, so that getrusage's peak (process-wide, never lowered) is the render's:
  // startup + draw_map + write_pdf, and nothing of the floor passes, which come after.
  double rss_draw = 0;
  plaquette::scene::Document kept;  // the last document, for --breakdown
  double best_render = 1e300, best_draw = 0, best_write = 0;
  plaquette::map::MapStats stats;
  double scale = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = Clock::now();
    plaquette::map::MapResult result = call_draw_map(spec, frame, swatches);
    const double t_draw = seconds_since(t0);
    if (i == 0) rss_draw = peak_rss_mb();  // before any write_pdf: what draw_map alone needed
    stats = result.stats;
    scale = result.scale_denominator;
    plaquette::scene::Document doc;
    doc.title = "map_bench";
    doc.output_profile = PLAQUETTE_SOURCE_DIR "/assets/color/FOGRA39L.icc";
    doc.language = "fr-FR";
    doc.date = "2026-01-01";
    plaquette::scene::Page page;
    page.trim = a4;
    page.label = "1";
    page.items.push_back(std::move(result.group));
    doc.pages.push_back(std::move(page));
    const auto t1 = Clock::now();
    // The print PDF, as `build` writes it (our own writer; --breakdown still times Cairo's).
    plaquette::pdf::write_pdf(doc, pdf, {plaquette::pdf::Kind::Print, {}});
    const double t_write = seconds_since(t1);
    const double t_render = seconds_since(t0);  // doc destruction excluded, as the CLI exits anyway
    if (t_render < best_render) {
      best_render = t_render;
      best_draw = t_draw;
      best_write = t_write;
    }
    if (want_breakdown && i + 1 == repeat) kept = std::move(doc);
  }
  const double rss = peak_rss_mb();

  // The floor, after the render. The first pass is a warm-up; the best of the next is the floor.
  read_floor(gpkg);
  FloorResult floor;
  floor.seconds = 1e300;
  for (int i = 0; i < std::max(2, repeat); ++i) {
    FloorResult f = read_floor(gpkg);
    if (f.seconds < floor.seconds) floor = f;
  }
  // The geometry drawn: the coordinates of every feature the map reads, as OGR hands them over
  // (rings closed). The map's extent is the layer's, so it reads every feature, as the floor does.
  const double geometry_mb = static_cast<double>(floor.vertices) * kBytesPerVertex / kMiB;
  const double rss_vs_geometry = rss / geometry_mb;
  const double pdf_mb = static_cast<double>(std::filesystem::file_size(pdf)) / 1e6;
  const double ratio = best_render / floor.seconds;

  std::printf("\nmap_bench — %s\n", gpkg.c_str());
  std::printf("  data            %zu features, %zu vertices (rings closed)\n", floor.features, floor.vertices);
  std::printf("  map             180 x 120 mm on A4, scale 1:%.0f, fill + 0.1 pt stroke\n", scale);
  std::printf("  drawn           %zu features, %zu paths, %zu vertices after generalisation\n", stats.features,
              stats.paths, stats.vertices);
  std::printf("  %-34s %10s\n", "measure", "value");
  std::printf("  %-34s %9.3f s\n", "floor (bare OGR read, best)", floor.seconds);
  std::printf("  %-34s %9.3f s\n", "draw_map (read+project+generalise)", best_draw);
  std::printf("  %-34s %9.3f s\n", "write_pdf (print PDF)", best_write);
  std::printf("  %-34s %9.3f s\n", "render = draw_map + write_pdf", best_render);
  std::printf("  %-34s %9.2f x\n", "render / floor", ratio);
  std::printf("  %-34s %9.2f MB\n", "PDF size", pdf_mb);
  std::printf("  %-34s %9.1f MB\n", "peak RSS (render)", rss);
  std::printf("  %-34s %9.1f MB\n", "  at start (libraries, GDAL)", rss_start);
  std::printf("  %-34s %9.1f MB\n", "  after draw_map", rss_draw);
  std::printf("  %-34s %9.1f MB\n", "geometry read (vertices x 16 B)", geometry_mb);
  std::printf("  %-34s %9.2f x  (target <= %.0f)\n", "peak RSS / geometry", rss_vs_geometry, kTargetRssVsGeometry);
  std::printf("  targets: render <= %.1f x floor: %s (%.2f x); PDF < %.0f MB: %s (%.2f MB); "
              "peak RSS <= %.0f x geometry: %s (%.2f x)\n\n",
              kTargetVsFloor, ratio <= kTargetVsFloor ? "MET" : "MISSED", ratio, kTargetPdfMb,
              pdf_mb < kTargetPdfMb ? "MET" : "MISSED", pdf_mb, kTargetRssVsGeometry,
              rss_vs_geometry <= kTargetRssVsGeometry ? "MET" : "MISSED", rss_vs_geometry);
  if (want_breakdown) {
    // draw_layer returns at once for a layer that paints nothing, after the layer was read: the
    // difference with draw_map above is the generalisation and the building of the scene.
    plaquette::model::MapSpec bare = spec;
    bare.layers.front().style.fill.reset();
    bare.layers.front().style.stroke.reset();
    const auto t0 = Clock::now();
    call_draw_map(bare, frame, swatches);
    breakdown(kept, pdf, seconds_since(t0));
  }
  std::printf("map_render_s: %.3f\n", best_render);
  std::printf("map_floor_s: %.3f\n", floor.seconds);
  std::printf("map_vs_floor: %.2f\n", ratio);
  std::printf("map_pdf_mb: %.2f\n", pdf_mb);
  std::printf("map_peak_rss_mb: %.1f\n", rss);
  std::printf("map_geometry_mb: %.1f\n", geometry_mb);
  std::printf("map_rss_vs_geometry: %.2f\n", rss_vs_geometry);
  return 0;
}
