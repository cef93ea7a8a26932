// Separations: the page drawn once per CMYK plate, every colour replaced by the grey of its ink
// on that plate (see PlateMaker in preview.hpp for what is exact and what is approximated).
#include <lcms2.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "core/handle.hpp"
#include "core/units.hpp"
#include "render/cairo_handles.hpp"
#include "render/preview.hpp"

namespace plaquette::render {

namespace {

using ProfileHandle = Handle<void, cmsCloseProfile>;
using TransformHandle = Handle<void, cmsDeleteTransform>;

constexpr int kMaxSvgPixels = 6000;  // per side: an SVG plate raster never needs more

double channel(const Cmyk& c, Plate plate) {
  switch (plate) {
    case Plate::C: return c.c;
    case Plate::M: return c.m;
    case Plate::Y: return c.y;
    default: return c.k;
  }
}

// The screen fallback when there is no output profile: the inverse of cmyk_to_rgb_naive.
Cmyk naive_rgb_to_cmyk(const Rgb& rgb) {
  const double k = 1 - std::max({rgb.r, rgb.g, rgb.b});
  if (k >= 1) return {0, 0, 0, 100};
  auto ch = [&](double v) { return (1 - v - k) / (1 - k) * 100; };
  return {ch(rgb.r), ch(rgb.g), ch(rgb.b), k * 100};
}

bool near(const Rgb& a, const Rgb& b) {
  constexpr double eps = 0.5 / 255;
  return std::abs(a.r - b.r) <= eps && std::abs(a.g - b.g) <= eps && std::abs(a.b - b.b) <= eps;
}

// A premultiplied ARGB32 pixel (native endian) of grey `g` (0..255) at alpha `a`.
uint32_t grey_pixel(int g, int a) {
  const uint32_t pg = static_cast<uint32_t>((g * a + 127) / 255);
  return static_cast<uint32_t>(a) << 24 | pg << 16 | pg << 8 | pg;
}

}  // namespace

char plate_letter(Plate plate) {
  switch (plate) {
    case Plate::C: return 'c';
    case Plate::M: return 'm';
    case Plate::Y: return 'y';
    default: return 'k';
  }
}

struct PlateMaker::Impl {
  double dpi = 96;
  std::map<std::string, Cmyk> by_name;              // swatches with an exact CMYK
  std::vector<std::pair<Rgb, Cmyk>> by_proxy;       // the same, by the RGB Cairo draws
  ProfileHandle srgb, cmyk;
  TransformHandle pixels;   // Cairo BGRA (un-premultiplied) → CMYK 8 bit, as the print images
  TransformHandle colours;  // RGB double → CMYK double (0..100)
  std::map<std::tuple<double, double, double>, Cmyk> colour_cache;
  // Per source image: its four plates (raster images shared by pointer, SVG by pointer too).
  std::map<const void*, std::array<std::shared_ptr<const scene::RasterImage>, 4>> image_cache;

  Cmyk convert(const Rgb& rgb) {
    if (!colours) return naive_rgb_to_cmyk(rgb);
    auto key = std::make_tuple(rgb.r, rgb.g, rgb.b);
    if (auto it = colour_cache.find(key); it != colour_cache.end()) return it->second;
    const double in[3] = {rgb.r, rgb.g, rgb.b};
    double out[4] = {0, 0, 0, 0};
    cmsDoTransform(colours.get(), in, out, 1);
    Cmyk c{out[0], out[1], out[2], out[3]};
    colour_cache.emplace(key, c);
    return c;
  }

  // The four plates of premultiplied ARGB32 pixels.
  std::array<std::shared_ptr<const scene::RasterImage>, 4> plates_of(const unsigned char* data, int width, int height,
                                                                     int stride) {
    std::array<std::shared_ptr<scene::RasterImage>, 4> out;
    for (auto& p : out) {
      p = std::make_shared<scene::RasterImage>();
      p->width = width;
      p->height = height;
      p->stride = width * 4;
      p->pixels.resize(static_cast<size_t>(p->stride) * height);
      p->mime = "image/png";
    }
    std::vector<unsigned char> row(static_cast<size_t>(width) * 4);
    std::vector<unsigned char> ink(static_cast<size_t>(width) * 4);
    for (int y = 0; y < height; ++y) {
      const auto* src = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
      for (int x = 0; x < width; ++x) {
        const uint32_t v = src[x];
        const int a = static_cast<int>(v >> 24);
        auto un = [&](int shift) {
          const int c = static_cast<int>((v >> shift) & 0xff);
          return static_cast<unsigned char>(a ? std::min(255, (c * 255 + a / 2) / a) : 255);
        };
        // Bytes B, G, R, A as lcms's TYPE_BGRA_8 reads them (and as Cairo stores them on
        // little-endian machines).
        row[x * 4 + 0] = un(0);
        row[x * 4 + 1] = un(8);
        row[x * 4 + 2] = un(16);
        row[x * 4 + 3] = static_cast<unsigned char>(a);
      }
      if (pixels) {
        cmsDoTransform(pixels.get(), row.data(), ink.data(), static_cast<cmsUInt32Number>(width));
      } else {
        for (int x = 0; x < width; ++x) {
          Cmyk c = naive_rgb_to_cmyk({row[x * 4 + 2] / 255.0, row[x * 4 + 1] / 255.0, row[x * 4] / 255.0});
          const double v[4] = {c.c, c.m, c.y, c.k};
          for (int i = 0; i < 4; ++i) ink[x * 4 + i] = static_cast<unsigned char>(std::lround(v[i] * 2.55));
        }
      }
      for (int p = 0; p < 4; ++p) {
        auto* dst = reinterpret_cast<uint32_t*>(out[p]->pixels.data() + static_cast<size_t>(y) * out[p]->stride);
        for (int x = 0; x < width; ++x) dst[x] = grey_pixel(255 - ink[x * 4 + p], row[x * 4 + 3]);
      }
    }
    return {out[0], out[1], out[2], out[3]};
  }

  const std::array<std::shared_ptr<const scene::RasterImage>, 4>& raster_plates(const scene::RasterImage& img) {
    auto it = image_cache.find(&img);
    if (it == image_cache.end())
      it = image_cache.emplace(&img, plates_of(img.pixels.data(), img.width, img.height, img.stride)).first;
    return it->second;
  }

  // The SVG drawn by librsvg in RGB at the preview resolution of its frame, then separated.
  const std::array<std::shared_ptr<const scene::RasterImage>, 4>& vector_plates(const scene::VectorImage& img,
                                                                                const Rect& dest) {
    auto it = image_cache.find(&img);
    if (it != image_cache.end()) return it->second;
    const double scale = dpi / kPointsPerInch;
    const int w = std::clamp(static_cast<int>(std::ceil(dest.width * scale)), 1, kMaxSvgPixels);
    const int h = std::clamp(static_cast<int>(std::ceil(dest.height * scale)), 1, kMaxSvgPixels);
    SurfaceHandle surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    GError* err = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(img.data.data(), img.data.size(), &err);
    if (!handle) {
      std::string msg = err ? err->message : "unreadable SVG";
      if (err) g_error_free(err);
      throw std::runtime_error(fmt::format("{}: {}", img.path, msg));
    }
    {
      CairoHandle cr(cairo_create(surface.get()));
      RsvgRectangle viewport{0, 0, static_cast<double>(w), static_cast<double>(h)};
      gboolean ok = rsvg_handle_render_document(handle, cr.get(), &viewport, &err);
      g_object_unref(handle);
      if (!ok) {
        std::string msg = err ? err->message : "cannot draw SVG";
        if (err) g_error_free(err);
        throw std::runtime_error(fmt::format("{}: {}", img.path, msg));
      }
    }
    cairo_surface_flush(surface.get());
    return image_cache
        .emplace(&img, plates_of(cairo_image_surface_get_data(surface.get()), w, h,
                                 cairo_image_surface_get_stride(surface.get())))
        .first->second;
  }
};

PlateMaker::PlateMaker(const scene::Document& doc, double dpi) : impl_(std::make_unique<Impl>()) {
  impl_->dpi = dpi;
  for (const auto& s : doc.swatches) {
    if (!s.cmyk) continue;
    impl_->by_name.emplace(s.name, *s.cmyk);
    impl_->by_proxy.emplace_back(s.rgb, *s.cmyk);
  }
  if (!doc.output_profile.empty()) {
    impl_->srgb.reset(cmsCreate_sRGBProfile());
    impl_->cmyk.reset(cmsOpenProfileFromFile(doc.output_profile.c_str(), "r"));
    if (!impl_->cmyk) throw std::runtime_error("cannot read the CMYK output profile '" + doc.output_profile + "'");
    impl_->pixels.reset(cmsCreateTransform(impl_->srgb.get(), TYPE_BGRA_8, impl_->cmyk.get(), TYPE_CMYK_8,
                                           INTENT_PERCEPTUAL, cmsFLAGS_BLACKPOINTCOMPENSATION));
    impl_->colours.reset(cmsCreateTransform(impl_->srgb.get(), TYPE_RGB_DBL, impl_->cmyk.get(), TYPE_CMYK_DBL,
                                            INTENT_PERCEPTUAL, cmsFLAGS_BLACKPOINTCOMPENSATION));
    if (!impl_->pixels || !impl_->colours)
      throw std::runtime_error("cannot convert to the profile '" + doc.output_profile + "'");
  }
}

PlateMaker::~PlateMaker() = default;

Cmyk PlateMaker::ink(const Paint& paint) {
  if (!paint.swatch.empty())
    if (auto it = impl_->by_name.find(paint.swatch); it != impl_->by_name.end()) return it->second;
  if (near(paint.rgb, kRegistrationProxy)) return kRegistration;
  for (const auto& [rgb, cmyk] : impl_->by_proxy)
    if (near(paint.rgb, rgb)) return cmyk;
  return impl_->convert(paint.rgb);
}

namespace {

void plate_items(std::vector<scene::Item>& items, PlateMaker& maker, Plate plate,
                 const std::function<void(scene::Image&)>& image) {
  auto grey = [&](Paint& p) {
    const double g = std::clamp(1 - channel(maker.ink(p), plate) / 100, 0.0, 1.0);
    p.rgb = {g, g, g};
  };
  for (auto& item : items) {
    if (auto* run = std::get_if<scene::GlyphRun>(&item.kind)) {
      grey(run->paint);
      if (run->halo) grey(run->halo->paint);
    } else if (auto* path = std::get_if<scene::Path>(&item.kind)) {
      if (path->fill) grey(*path->fill);
      if (path->stroke) grey(path->stroke->paint);
    } else if (auto* img = std::get_if<scene::Image>(&item.kind)) {
      image(*img);
    } else if (auto* group = std::get_if<scene::Group>(&item.kind)) {
      plate_items(group->children, maker, plate, image);
    }
  }
}

}  // namespace

scene::Page PlateMaker::plate_page(const scene::Page& page, Plate plate) {
  scene::Page out = page;
  const size_t index = static_cast<size_t>(plate);
  plate_items(out.items, *this, plate, [&](scene::Image& img) {
    if (auto* raster = std::get_if<std::shared_ptr<const scene::RasterImage>>(&img.source); raster && *raster) {
      *raster = impl_->raster_plates(**raster)[index];
    } else if (auto* vector = std::get_if<std::shared_ptr<const scene::VectorImage>>(&img.source);
               vector && *vector) {
      auto plates = impl_->vector_plates(**vector, img.dest);
      img.source = plates[index];
    }
  });
  return out;
}

std::vector<std::string> write_separations(const scene::Document& doc, size_t page_index, const std::string& prefix,
                                           const PreviewOptions& options) {
  if (page_index >= doc.pages.size())
    throw std::runtime_error(fmt::format("no page {} to separate (the document has {})", page_index + 1,
                                         doc.pages.size()));
  PlateMaker maker(doc, options.dpi);
  std::vector<std::string> written;
  for (Plate plate : kPlates) {
    std::string path = fmt::format("{}-plate-{}.png", prefix, plate_letter(plate));
    write_page_png(maker.plate_page(doc.pages[page_index], plate), path, options);
    written.push_back(std::move(path));
  }
  return written;
}

}  // namespace plaquette::render
