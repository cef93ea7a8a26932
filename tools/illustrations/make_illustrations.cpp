// make_illustrations: draws the brochure's original pictures with Cairo and writes them into
// assets/ (see README.md next to this file). Nothing is downloaded: every picture is painted here
// from gradients, layered silhouettes and procedural noise, with a fixed seed so that a rebuild
// gives the same files.
//
//   make_illustrations <project root>
#include <cairo.h>
#include <cstdio>  // jpeglib.h needs FILE declared first
#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr double kPi = 3.14159265358979323846;

// ---------------------------------------------------------------------------------------------
// Randomness and noise. Our own generator (not std::*_distribution, whose output differs
// between standard libraries) so the committed files can be rebuilt bit for bit.

struct Rng {
  std::uint64_t state;
  explicit Rng(std::uint64_t seed) : state(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
  double range(double a, double b) { return a + (b - a) * uniform(); }
  double normal() {  // Box–Muller
    double u = std::max(uniform(), 1e-12), v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * kPi * v);
  }
  bool chance(double p) { return uniform() < p; }
};

double hash2(int x, int y, int seed) {
  std::uint64_t h = std::uint64_t(std::uint32_t(x)) * 0x8da6b343ull ^ std::uint64_t(std::uint32_t(y)) * 0xd8163841ull ^
                    std::uint64_t(std::uint32_t(seed)) * 0xcb1ab31full;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return double(h & 0xffffff) / double(0x1000000);
}

double smooth(double t) { return t * t * t * (t * (t * 6 - 15) + 10); }

// Value noise in 0..1, smooth between integer lattice points.
double noise(double x, double y, int seed) {
  int xi = int(std::floor(x)), yi = int(std::floor(y));
  double fx = smooth(x - xi), fy = smooth(y - yi);
  double a = hash2(xi, yi, seed), b = hash2(xi + 1, yi, seed);
  double c = hash2(xi, yi + 1, seed), d = hash2(xi + 1, yi + 1, seed);
  return (a + (b - a) * fx) + ((c + (d - c) * fx) - (a + (b - a) * fx)) * fy;
}

// Fractal noise: octaves of value noise, roughly 0..1 around 0.5.
double fbm(double x, double y, int seed, int octaves = 5) {
  double sum = 0, amp = 0.5, norm = 0;
  for (int i = 0; i < octaves; ++i) {
    sum += amp * noise(x, y, seed + 101 * i);
    norm += amp;
    x *= 2.03, y *= 2.03, amp *= 0.5;
  }
  return sum / norm;
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }
double smoothstep(double a, double b, double x) {
  double t = clamp01((x - a) / (b - a));
  return t * t * (3 - 2 * t);
}

// ---------------------------------------------------------------------------------------------
// Colours.

struct Col {
  double r = 0, g = 0, b = 0;
};
Col hex(std::uint32_t v) { return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0}; }
Col mix(Col a, Col b, double t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }
Col scale(Col a, double k) { return {a.r * k, a.g * k, a.b * k}; }
void set(cairo_t* cr, Col c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }
void add_stop(cairo_pattern_t* p, double at, Col c, double alpha = 1.0) {
  cairo_pattern_add_color_stop_rgba(p, at, c.r, c.g, c.b, alpha);
}

// ---------------------------------------------------------------------------------------------
// A canvas: an opaque ARGB32 surface with direct pixel access for the per-pixel passes
// (clouds, reflections, texture), and a cairo_t for the vector drawing.

struct Canvas {
  int w, h;
  cairo_surface_t* surface;
  cairo_t* cr;
  Canvas(int w_, int h_) : w(w_), h(h_) {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cr = cairo_create(surface);
  }
  ~Canvas() {
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  std::uint32_t* row(int y) {
    return reinterpret_cast<std::uint32_t*>(cairo_image_surface_get_data(surface) +
                                            size_t(y) * size_t(cairo_image_surface_get_stride(surface)));
  }
  void begin_pixels() { cairo_surface_flush(surface); }
  void end_pixels() { cairo_surface_mark_dirty(surface); }
};

// Pixels are opaque everywhere in the pictures, so premultiplication does not matter here.
Col unpack(std::uint32_t p) { return {((p >> 16) & 255) / 255.0, ((p >> 8) & 255) / 255.0, (p & 255) / 255.0}; }
std::uint32_t pack(Col c) {
  auto q = [](double v) { return std::uint32_t(std::lround(clamp01(v) * 255)); };
  return 0xff000000u | (q(c.r) << 16) | (q(c.g) << 8) | q(c.b);
}

// ---------------------------------------------------------------------------------------------
// Shapes.

struct Pt {
  double x, y;
};

// A closed smooth path through points (Catmull–Rom turned into Bézier curves).
void smooth_closed(cairo_t* cr, const std::vector<Pt>& p) {
  size_t n = p.size();
  cairo_move_to(cr, p[0].x, p[0].y);
  for (size_t i = 0; i < n; ++i) {
    const Pt& p0 = p[(i + n - 1) % n];
    const Pt& p1 = p[i];
    const Pt& p2 = p[(i + 1) % n];
    const Pt& p3 = p[(i + 2) % n];
    cairo_curve_to(cr, p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6, p2.x - (p3.x - p1.x) / 6,
                   p2.y - (p3.y - p1.y) / 6, p2.x, p2.y);
  }
  cairo_close_path(cr);
}

// An open smooth curve through points.
void smooth_open(cairo_t* cr, const std::vector<Pt>& p, bool move = true) {
  size_t n = p.size();
  if (move) cairo_move_to(cr, p[0].x, p[0].y);
  else cairo_line_to(cr, p[0].x, p[0].y);
  for (size_t i = 0; i + 1 < n; ++i) {
    const Pt& p0 = p[i == 0 ? 0 : i - 1];
    const Pt& p1 = p[i];
    const Pt& p2 = p[i + 1];
    const Pt& p3 = p[std::min(i + 2, n - 1)];
    cairo_curve_to(cr, p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6, p2.x - (p3.x - p1.x) / 6,
                   p2.y - (p3.y - p1.y) / 6, p2.x, p2.y);
  }
}

// A ground profile: y of the skyline at x, from fractal noise.
using Profile = std::function<double(double)>;

// Fills the area under a profile down to `bottom`.
void fill_under(cairo_t* cr, const Profile& top, double x0, double x1, double bottom, double step = 6) {
  cairo_move_to(cr, x0, bottom);
  for (double x = x0; x <= x1 + step; x += step) cairo_line_to(cr, x, top(std::min(x, x1)));
  cairo_line_to(cr, x1, bottom);
  cairo_close_path(cr);
}

// A soft dab: an ellipse, rotated, the unit of the painted look.
void dab(cairo_t* cr, double x, double y, double rx, double ry, double angle) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, angle);
  cairo_scale(cr, rx, ry);
  cairo_new_sub_path(cr);
  cairo_arc(cr, 0, 0, 1, 0, 2 * kPi);
  cairo_restore(cr);
}

// A tree crown painted as overlapping dabs: a dark mass first, then mid tones, then the light
// on the side facing `light` (a unit vector), the way a painter builds foliage.
struct Foliage {
  Col dark, mid, light;
};

void crown(cairo_t* cr, Rng& rng, double cx, double cy, double rx, double ry, const Foliage& f, Pt light = {-0.6, -0.8},
           double detail = 1.0) {
  const double r0 = std::min(rx, ry);
  const int n = std::max(6, int(16 * detail * std::sqrt(rx * ry) / 20));
  // 1. the shadowed mass, a little low and away from the light, its outline broken by small
  //    clumps of leaves around the edge
  set(cr, f.dark);
  for (int i = 0; i < n; ++i) {
    double a = rng.range(0, 2 * kPi), d = std::sqrt(rng.uniform()) * 0.7;
    double r = rng.range(0.3, 0.5) * r0 * 1.15;
    dab(cr, cx + std::cos(a) * d * rx, cy + std::sin(a) * d * ry + ry * 0.05, r, r * rng.range(0.75, 1.0),
        rng.range(0, kPi));
  }
  for (int i = 0; i < n; ++i) {
    double a = rng.range(0, 2 * kPi);
    double r = rng.range(0.1, 0.2) * r0;
    dab(cr, cx + std::cos(a) * rx * 0.92, cy + std::sin(a) * ry * 0.92 + ry * 0.05, r, r * 0.8, a);
  }
  cairo_fill(cr);
  // 2. mid tones, on the side towards the light
  for (int i = 0; i < n; ++i) {
    double a = rng.range(0, 2 * kPi), d = std::sqrt(rng.uniform()) * 0.62;
    double ox = std::cos(a) * d, oy = std::sin(a) * d;
    if (ox * light.x + oy * light.y < -0.25) continue;
    double r = rng.range(0.16, 0.3) * r0 * 1.15;
    set(cr, mix(f.mid, f.dark, rng.range(0, 0.4)), rng.range(0.6, 0.95));
    dab(cr, cx + ox * rx + light.x * rx * 0.1, cy + oy * ry + light.y * ry * 0.1, r, r * rng.range(0.6, 0.95),
        rng.range(0, kPi));
    cairo_fill(cr);
  }
  // 3. flecks of light where the leaves face the sun, small and many
  for (int i = 0; i < 2 * n; ++i) {
    double a = rng.range(0, 2 * kPi), d = rng.range(0.25, 0.8);
    double ox = std::cos(a) * d, oy = std::sin(a) * d;
    if (ox * light.x + oy * light.y < 0.2) continue;
    double r = rng.range(0.05, 0.11) * r0 * 1.15;
    set(cr, mix(f.light, f.mid, rng.range(0, 0.5)), rng.range(0.35, 0.75));
    dab(cr, cx + ox * rx, cy + oy * ry, r, r * rng.range(0.5, 0.9), rng.range(0, kPi));
    cairo_fill(cr);
  }
}

// A trunk: a tapered dark stroke, sometimes forked.
void trunk(cairo_t* cr, double x, double base, double top, double width, Col c) {
  set(cr, c);
  cairo_move_to(cr, x - width / 2, base);
  cairo_line_to(cr, x - width * 0.2, top);
  cairo_line_to(cr, x + width * 0.2, top);
  cairo_line_to(cr, x + width / 2, base);
  cairo_close_path(cr);
  cairo_fill(cr);
}

// A round-headed tree (oak, ash, willow).
void tree(cairo_t* cr, Rng& rng, double x, double base, double height, const Foliage& f, Pt light = {-0.6, -0.8}) {
  double rx = height * rng.range(0.32, 0.42), ry = height * rng.range(0.3, 0.36);
  trunk(cr, x, base, base - height * 0.5, std::max(1.5, height * 0.06), scale(f.dark, 0.7));
  crown(cr, rng, x, base - height + ry, rx, ry, f, light);
}

// A Lombardy poplar: tall, narrow, flame-shaped, built from many small overlapping clumps.
void poplar(cairo_t* cr, Rng& rng, double x, double base, double height, const Foliage& f, Pt light = {-0.6, -0.8}) {
  double w = height * rng.range(0.1, 0.13);
  trunk(cr, x, base, base - height * 0.3, std::max(1.5, w * 0.16), scale(f.dark, 0.7));
  const int clumps = 16;
  for (int i = 0; i < clumps; ++i) {
    double t = double(i) / (clumps - 1);  // 0 bottom .. 1 top
    double y = base - height * (0.16 + 0.78 * t);
    double r = w * (0.55 + 0.45 * std::sin(kPi * (0.25 + 0.75 * (1 - t)))) * (1 - 0.55 * t * t);
    crown(cr, rng, x + rng.range(-0.12, 0.12) * w, y, r * 0.85, height * 0.07, f, light, 0.5);
  }
}

// A continuous line of shrubs at `y`, for understoreys and field edges.
void hedgerow_line(cairo_t* cr, Rng& rng, double x0, double x1, double y, double size, const Foliage& f,
                   Pt light = {-0.6, -0.8}) {
  for (double x = x0; x < x1; x += size * rng.range(0.3, 0.55))
    crown(cr, rng, x, y - size * 0.25 + rng.range(-0.1, 0.1) * size, size * rng.range(0.6, 0.95),
          size * rng.range(0.4, 0.6), f, light, 0.6);
}

// ---------------------------------------------------------------------------------------------
// Per-pixel passes.

// Painterly texture: a low-frequency tonal wobble (uneven wash) and a fine grain (paper).
void texture(Canvas& c, double wash, double grain, int seed) {
  c.begin_pixels();
  for (int y = 0; y < c.h; ++y) {
    std::uint32_t* row = c.row(y);
    for (int x = 0; x < c.w; ++x) {
      double n = fbm(x / 180.0, y / 180.0, seed, 4) - 0.5;
      double streak = fbm(x / 70.0, y / 9.0, seed + 3, 3) - 0.5;  // brush marks, mostly horizontal
      double g = hash2(x, y, seed + 7) - 0.5;
      double k = 1.0 + wash * n + wash * 0.6 * streak + grain * g;
      Col col = unpack(row[x]);
      row[x] = pack({col.r * k, col.g * k, col.b * k});
    }
  }
  c.end_pixels();
}

// Softens rows y0..y1 with a few box-blur passes: distant layers lose the razor edges of
// vector drawing, as they would in a painting (or through the morning air).
void soften(Canvas& c, int y0, int y1, int radius, int passes = 2) {
  c.begin_pixels();
  y0 = std::max(0, y0), y1 = std::min(c.h, y1);
  std::vector<double> buf;
  auto blur_line = [&](auto get, auto put, int n) {
    buf.assign(size_t(n) * 3, 0);
    for (int i = 0; i < n; ++i) {
      Col col = get(i);
      buf[3 * i] = col.r, buf[3 * i + 1] = col.g, buf[3 * i + 2] = col.b;
    }
    for (int i = 0; i < n; ++i) {
      double acc[3] = {0, 0, 0};
      int cnt = 0;
      for (int k = std::max(0, i - radius); k <= std::min(n - 1, i + radius); ++k, ++cnt)
        for (int ch = 0; ch < 3; ++ch) acc[ch] += buf[3 * k + ch];
      put(i, Col{acc[0] / cnt, acc[1] / cnt, acc[2] / cnt});
    }
  };
  for (int p = 0; p < passes; ++p) {
    for (int y = y0; y < y1; ++y) {
      std::uint32_t* row = c.row(y);
      blur_line([&](int i) { return unpack(row[i]); }, [&](int i, Col v) { row[i] = pack(v); }, c.w);
    }
    for (int x = 0; x < c.w; ++x)
      blur_line([&](int i) { return unpack(c.row(y0 + i)[x]); }, [&](int i, Col v) { c.row(y0 + i)[x] = pack(v); },
                y1 - y0);
  }
  c.end_pixels();
}

// Darkens the corners a little, as a lens or a painter's framing would.
void vignette(Canvas& c, double strength, double cx_frac = 0.5, double cy_frac = 0.45) {
  c.begin_pixels();
  double cx = c.w * cx_frac, cy = c.h * cy_frac, rmax = std::hypot(std::max(cx, c.w - cx), std::max(cy, c.h - cy));
  for (int y = 0; y < c.h; ++y) {
    std::uint32_t* row = c.row(y);
    for (int x = 0; x < c.w; ++x) {
      double d = std::hypot(x - cx, y - cy) / rmax;
      double k = 1.0 - strength * smoothstep(0.45, 1.0, d);
      Col col = unpack(row[x]);
      row[x] = pack(scale(col, k));
    }
  }
  c.end_pixels();
}

// Clouds: fractal noise thresholded into soft banks (stretched flat for stratus, round for
// cumulus). `light_dy` points towards the light (positive: lit from below, as at dawn; negative:
// from above): where the cloud thins in that direction, its edge takes the lit colour.
void clouds(Canvas& c, double y0, double y1, Col shade, Col lit, double coverage, double opacity, int seed,
            double stretch = 8.0, double size = 900.0, double light_dy = 10) {
  c.begin_pixels();
  for (int y = std::max(0, int(y0)); y < std::min(c.h, int(y1)); ++y) {
    std::uint32_t* row = c.row(y);
    double band = smoothstep(y0, y0 + (y1 - y0) * 0.25, y) * (1 - smoothstep(y1 - (y1 - y0) * 0.3, y1, y));
    for (int x = 0; x < c.w; ++x) {
      double n = fbm(x / size, y / (size / stretch), seed, 6);
      double d = smoothstep(1.0 - coverage, 1.0 - coverage + 0.18, n) * band;
      if (d <= 0.001) continue;
      double toward = fbm(x / size, (y + light_dy) / (size / stretch), seed, 6);
      double lit_amount = clamp01((n - toward) * 14 + 0.5);
      Col cc = mix(shade, lit, lit_amount);
      Col base = unpack(row[x]);
      row[x] = pack(mix(base, cc, d * opacity));
    }
  }
  c.end_pixels();
}

// A frozen copy of a canvas, to read from while the canvas itself is being changed
// (reflections sample the scene as it was before the water was painted).
struct Snapshot {
  int w = 0, h = 0;
  std::vector<std::uint32_t> px;
  explicit Snapshot(Canvas& c) : w(c.w), h(c.h) {
    c.begin_pixels();
    px.reserve(size_t(w) * h);
    for (int y = 0; y < h; ++y) px.insert(px.end(), c.row(y), c.row(y) + w);
  }
  std::uint32_t raw(double x, double y) const {
    return px[size_t(std::clamp(int(y), 0, h - 1)) * w + std::clamp(int(x), 0, w - 1)];
  }
  Col at(double x, double y) const { return unpack(raw(x, y)); }
  // Premultiplied alpha of a transparent layer, 0..1.
  double alpha(double x, double y) const { return (raw(x, y) >> 24) / 255.0; }
};

// Water: for each pixel where `alpha` is positive, asks `reflection` for the reflected colour,
// passing a ripple displacement (dx, dy) that breaks the mirror into horizontal bands, stronger
// towards the viewer, as wind-stirred water does.
void water(Canvas& c, double top, const std::function<double(int, int)>& alpha,
           const std::function<Col(int, int, double, double)>& reflection, int seed) {
  c.begin_pixels();
  for (int y = std::max(0, int(top)); y < c.h; ++y) {
    std::uint32_t* row = c.row(y);
    double depth = y - top;
    for (int x = 0; x < c.w; ++x) {
      double a = alpha(x, y);
      if (a <= 0) continue;
      double amp = 1.5 + depth * 0.035;
      double wave = fbm(x / 320.0, y / (5.0 + depth * 0.04), seed, 3) - 0.5;
      double chop = noise(x / 40.0, y / 2.5, seed + 1) - 0.5;
      Col r = reflection(x, y, (wave * 3 + chop) * amp, (wave * 2 + chop * 0.5) * amp * 1.2);
      row[x] = pack(mix(unpack(row[x]), r, a));
    }
  }
  c.end_pixels();
}

// ---------------------------------------------------------------------------------------------
// Output.

bool write_jpeg(Canvas& c, const fs::path& path, int quality) {
  c.begin_pixels();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  jpeg_compress_struct ci{};
  jpeg_error_mgr err{};
  ci.err = jpeg_std_error(&err);
  jpeg_create_compress(&ci);
  jpeg_stdio_dest(&ci, f);
  ci.image_width = c.w;
  ci.image_height = c.h;
  ci.input_components = 3;
  ci.in_color_space = JCS_RGB;
  jpeg_set_defaults(&ci);
  jpeg_set_quality(&ci, quality, TRUE);
  ci.optimize_coding = TRUE;
  // 300 dpi is the print size the pictures were drawn for; it is written in the JFIF header.
  ci.density_unit = 1;
  ci.X_density = ci.Y_density = 300;
  jpeg_start_compress(&ci, TRUE);
  std::vector<unsigned char> line(size_t(c.w) * 3);
  while (ci.next_scanline < ci.image_height) {
    const std::uint32_t* row = c.row(int(ci.next_scanline));
    for (int x = 0; x < c.w; ++x) {
      line[3 * x] = (row[x] >> 16) & 255;
      line[3 * x + 1] = (row[x] >> 8) & 255;
      line[3 * x + 2] = row[x] & 255;
    }
    JSAMPROW rows[1] = {line.data()};
    jpeg_write_scanlines(&ci, rows, 1);
  }
  jpeg_finish_compress(&ci);
  jpeg_destroy_compress(&ci);
  std::fclose(f);
  return true;
}

// An opaque PNG (RGB, no alpha channel: smaller, and nothing is transparent).
bool write_png(Canvas& c, const fs::path& path) {
  c.begin_pixels();
  cairo_surface_t* rgb = cairo_image_surface_create(CAIRO_FORMAT_RGB24, c.w, c.h);
  cairo_t* cr = cairo_create(rgb);
  cairo_set_source_surface(cr, c.surface, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  bool ok = cairo_surface_write_to_png(rgb, path.c_str()) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(rgb);
  return ok;
}

bool write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return bool(out);
}

// ---------------------------------------------------------------------------------------------
// Pieces shared by the scenes.

// Fills the top of the picture with a vertical gradient through (y, colour) stops.
void sky_gradient(Canvas& c, const std::vector<std::pair<double, Col>>& stops) {
  cairo_pattern_t* p = cairo_pattern_create_linear(0, 0, 0, c.h);
  for (const auto& [y, col] : stops) add_stop(p, clamp01(y / c.h), col);
  cairo_set_source(c.cr, p);
  cairo_paint(c.cr);
  cairo_pattern_destroy(p);
}

// A clump of reeds: blades (thin curved filled leaves), stems and a few bulrush heads.
void reeds(cairo_t* cr, Rng& rng, double x, double base, double spread, double height, int n, Col dark, Col light,
           double bulrush = 0.15) {
  const double wid = std::max(1.2, height * 0.012);
  for (int i = 0; i < n; ++i) {
    double sx = x + rng.normal() * spread;
    double h = height * rng.range(0.45, 1.05);
    double lean = rng.normal() * 0.14 * h;
    Col col = mix(dark, light, rng.uniform() * rng.uniform() + 0.1 * rng.uniform());
    set(cr, col, rng.range(0.85, 1.0));
    if (rng.chance(0.6)) {  // a blade: wide at the foot, bending over at the tip
      double bend = rng.normal() * 0.25 * h;
      double bw = wid * rng.range(1.2, 2.2);
      double tx = sx + lean + bend, ty = base - h * rng.range(0.75, 1.0);
      cairo_move_to(cr, sx - bw, base);
      cairo_curve_to(cr, sx - bw * 0.5 + lean * 0.3, base - h * 0.5, tx - bend * 0.4, ty + h * 0.05, tx, ty);
      cairo_curve_to(cr, tx - bend * 0.4 + bw * 0.3, ty + h * 0.08, sx + bw * 0.5 + lean * 0.3, base - h * 0.5, sx + bw,
                     base);
      cairo_close_path(cr);
      cairo_fill(cr);
    } else {  // a stem, maybe with a bulrush head
      double tx = sx + lean, ty = base - h;
      cairo_set_line_width(cr, wid * rng.range(0.6, 1.0));
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to(cr, sx, base);
      cairo_curve_to(cr, sx, base - h * 0.4, tx - lean * 0.2, ty + h * 0.3, tx, ty);
      cairo_stroke(cr);
      if (rng.chance(bulrush)) {
        double hx = sx + lean * 0.8, hy = base - h * 0.84;
        set(cr, hex(0x4a3222));
        dab(cr, hx, hy, wid * 1.9, h * 0.075, std::atan2(lean, h) * 0.8);
        cairo_fill(cr);
        set(cr, hex(0x7a5a3a), 0.6);
        dab(cr, hx - wid * 0.6, hy - h * 0.02, wid * 0.6, h * 0.05, std::atan2(lean, h) * 0.8);
        cairo_fill(cr);
      }
    }
  }
}

// Grass: short strokes along a bank, for the foreground.
void grass(cairo_t* cr, Rng& rng, double x0, double x1, const Profile& top, double height, int n, Col dark, Col light) {
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  for (int i = 0; i < n; ++i) {
    double x = rng.range(x0, x1), y = top(x) + rng.range(0, height * 0.8);
    double h = height * rng.range(0.3, 1.0), lean = rng.normal() * h * 0.3;
    set(cr, mix(dark, light, rng.uniform()), rng.range(0.5, 0.95));
    cairo_set_line_width(cr, std::max(1.0, height * 0.03));
    cairo_move_to(cr, x, y);
    cairo_curve_to(cr, x, y - h * 0.5, x + lean * 0.5, y - h * 0.8, x + lean, y - h);
    cairo_stroke(cr);
  }
}

}  // namespace

#include "cover.inc"
#include "wetland.inc"
#include "farmland.inc"

void paint_cover(Canvas& c) { cover::paint(c); }
void paint_wetland(Canvas& c) { wetland::paint(c); }
void paint_farmland(Canvas& c) { farmland::paint(c); }

// ---------------------------------------------------------------------------------------------
// Pictograms: bold flat shapes on a 64-unit grid, drawn in one colour (the token {c}), with
// strokes of at least 3 units so they read at 12-18 mm.

std::vector<std::pair<std::string, std::string>> pictograms() {
  return {
      {"boisements",
       R"svg(<path d="M40 6 L56 34 H48 L60 50 H20 L32 34 H24 Z" fill="{c}"/>
  <path d="M40 50 V60" stroke="{c}" stroke-width="5" stroke-linecap="round"/>
  <circle cx="19" cy="27" r="14" fill="{c}" stroke="{c}" stroke-width="0"/>
  <path d="M19 36 V60" stroke="{c}" stroke-width="5" stroke-linecap="round"/>
  <path d="M4 60 H60" stroke="{c}" stroke-width="3.5" stroke-linecap="round"/>)svg"},
      {"terrils",
       R"svg(<path d="M3 56 L23 16 Q26 11 29 16 L49 56 Z" fill="{c}" stroke="{c}" stroke-width="3" stroke-linejoin="round"/>
  <path d="M57 56 V38" stroke="{c}" stroke-width="3.5" stroke-linecap="round"/>
  <path d="M57 46 C52 45 50 40 50 35 C55 35 57 39 57 46 Z" fill="{c}"/>
  <path d="M57 40 C62 38 63 33 62 28 C57 29 56 34 57 40 Z" fill="{c}"/>
  <path d="M3 60 H61" stroke="{c}" stroke-width="3.5" stroke-linecap="round"/>)svg"},
      {"zones-humides",
       R"svg(<g fill="none" stroke="{c}" stroke-width="4" stroke-linecap="round">
    <path d="M4 48 Q11 43 18 48 T32 48 T46 48 T60 48"/>
    <path d="M4 58 Q11 53 18 58 T32 58 T46 58 T60 58"/>
    <path d="M28 44 V14"/>
    <path d="M40 44 C40 32 42 24 46 18"/>
    <path d="M22 44 C20 34 14 28 8 26"/>
  </g>
  <rect x="24" y="8" width="8" height="20" rx="4" fill="{c}"/>
  <rect x="40" y="13" width="8" height="16" rx="4" fill="{c}" transform="rotate(22 44 21)"/>)svg"},
      {"zones-calcicoles",
       R"svg(<path d="M2 60 C14 52 22 36 36 34 C48 32 56 38 62 36 V60 Z" fill="{c}"/>
  <g fill="none" stroke="{c}" stroke-width="3.5" stroke-linecap="round">
    <path d="M20 40 V8"/>
    <path d="M20 40 C14 36 10 30 10 24"/>
  </g>
  <g fill="{c}">
    <ellipse cx="14" cy="12" rx="4.5" ry="3.5"/>
    <ellipse cx="26" cy="16" rx="4.5" ry="3.5"/>
    <ellipse cx="14" cy="22" rx="4.5" ry="3.5"/>
    <ellipse cx="26" cy="26" rx="4.5" ry="3.5"/>
    <circle cx="20" cy="5" r="3.5"/>
  </g>)svg"},
      {"espaces-agricoles",
       R"svg(<g fill="none" stroke="{c}" stroke-width="3.5" stroke-linecap="round">
    <path d="M2 46 H62"/>
    <path d="M14 46 L4 62"/>
    <path d="M26 46 L22 62"/>
    <path d="M38 46 L42 62"/>
    <path d="M50 46 L60 62"/>
    <path d="M32 40 V4"/>
  </g>
  <g fill="{c}">
    <ellipse cx="26" cy="12" rx="3.5" ry="6" transform="rotate(-35 26 12)"/>
    <ellipse cx="38" cy="12" rx="3.5" ry="6" transform="rotate(35 38 12)"/>
    <ellipse cx="26" cy="22" rx="3.5" ry="6" transform="rotate(-35 26 22)"/>
    <ellipse cx="38" cy="22" rx="3.5" ry="6" transform="rotate(35 38 22)"/>
    <ellipse cx="26" cy="32" rx="3.5" ry="6" transform="rotate(-35 26 32)"/>
    <ellipse cx="38" cy="32" rx="3.5" ry="6" transform="rotate(35 38 32)"/>
  </g>)svg"},
  };
}

std::string picto_svg(const std::string& body, const std::string& colour) {
  std::string b = body;
  for (size_t at = b.find("{c}"); at != std::string::npos; at = b.find("{c}", at + colour.size()))
    b.replace(at, 3, colour);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\">\n  " + b +
         "\n</svg>\n";
}

// The green and blue network explained: reservoirs (large green areas), corridors (a continuous
// band and a line of stepping stones), the blue corridor of a river with its banks, and the town
// and its road as obstacles. No text: the brochure prints the captions.
std::string schema_trame_svg() {
  return R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 340" width="600" height="340">
  <!-- town: grey blocks, an obstacle -->
  <g fill="#7a7a78">
    <path d="M236 206 h46 v34 h-46 z M290 200 h30 v44 h-30 z M228 248 h38 v30 h-38 z M272 252 h48 v26 h-48 z M326 214 h34 v30 h-34 z M330 252 h26 v26 h-26 z" opacity="0.9"/>
  </g>
  <!-- road crossing the landscape -->
  <path d="M0 304 C140 296 260 292 380 298 S540 312 600 306" fill="none" stroke="#7a7a78" stroke-width="12" stroke-linecap="butt"/>
  <path d="M0 304 C140 296 260 292 380 298 S540 312 600 306" fill="none" stroke="#ffffff" stroke-width="2" stroke-dasharray="10 10"/>
  <!-- blue corridor: a river with its green banks -->
  <path d="M318 0 C300 50 340 90 318 140 S280 220 300 270 S330 320 318 340" fill="none" stroke="#b8dc9a" stroke-width="40"/>
  <path d="M318 0 C300 50 340 90 318 140 S280 220 300 270 S330 320 318 340" fill="none" stroke="#1f87c4" stroke-width="12" stroke-linecap="butt"/>
  <!-- continuous ecological corridor -->
  <path d="M150 110 C230 70 290 120 350 100 S440 70 470 90" fill="none" stroke="#b8dc9a" stroke-width="40" stroke-linecap="round"/>
  <path d="M150 110 C230 70 290 120 350 100 S440 70 470 90" fill="none" stroke="#6cab3f" stroke-width="18" stroke-linecap="round"/>
  <!-- stepping stones (pas japonais) -->
  <g fill="#6cab3f" stroke="#b8dc9a" stroke-width="6">
    <circle cx="186" cy="214" r="12"/>
    <ellipse cx="226" cy="180" rx="12" ry="10"/>
    <circle cx="382" cy="186" r="11"/>
    <ellipse cx="418" cy="214" rx="13" ry="10"/>
    <circle cx="268" cy="172" r="10"/>
  </g>
  <!-- reservoirs of biodiversity -->
  <g stroke="#b8dc9a" stroke-width="6">
    <path d="M40 120 C30 70 80 40 130 52 C180 62 200 100 186 140 C174 178 180 214 134 226 C86 238 50 210 46 176 C44 156 44 140 40 120 Z" fill="#23633a"/>
    <path d="M440 40 C490 18 560 30 572 78 C584 122 560 150 520 152 C480 154 470 138 444 124 C414 108 404 60 440 40 Z" fill="#23633a"/>
    <path d="M444 220 C470 196 540 200 560 232 C578 262 552 290 510 288 C470 286 450 276 440 258 C432 244 432 232 444 220 Z" fill="#23633a"/>
  </g>
  <g fill="#6cab3f" opacity="0.55">
    <circle cx="100" cy="110" r="22"/><circle cx="136" cy="170" r="16"/><circle cx="76" cy="176" r="12"/>
    <circle cx="500" cy="84" r="20"/><circle cx="540" cy="116" r="12"/>
    <circle cx="500" cy="246" r="16"/>
  </g>
</svg>
)svg";
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_illustrations <project root>\n";
    return 2;
  }
  fs::path root = argv[1];
  fs::path images = root / "assets/images", pictos = root / "assets/pictos";
  fs::create_directories(images);
  fs::create_directories(pictos);
  bool ok = true;
  auto report = [&](const fs::path& p, bool done) {
    std::cout << (done ? "wrote " : "FAILED ") << p.string() << "\n";
    ok = ok && done;
  };

  {
    Canvas c(2480, 2150);
    paint_cover(c);
    report(images / "couverture-terrils.jpg", write_jpeg(c, images / "couverture-terrils.jpg", 88));
  }
  {
    Canvas c(1800, 1200);
    paint_wetland(c);
    report(images / "zone-humide.jpg", write_jpeg(c, images / "zone-humide.jpg", 88));
  }
  {
    Canvas c(1800, 1100);
    paint_farmland(c);
    report(images / "champs-haies.png", write_png(c, images / "champs-haies.png"));
  }
  for (const auto& [name, body] : pictograms()) {
    report(pictos / (name + ".svg"), write_text(pictos / (name + ".svg"), picto_svg(body, "#23633a")));
    report(pictos / (name + "-blanc.svg"), write_text(pictos / (name + "-blanc.svg"), picto_svg(body, "#ffffff")));
  }
  report(images / "schema-trame.svg", write_text(images / "schema-trame.svg", schema_trame_svg()));
  return ok ? 0 : 1;
}
