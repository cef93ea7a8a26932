#include "finish/screen_images.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>
#include <mutex>
#include <string>

#include "finish/image_conversions.hpp"
#include "finish/jpeg_encode.hpp"

namespace plaquette::finish {

namespace {

constexpr int kJpegQuality = 85;

// The largest size (in points) each image is drawn at, over the whole document.
void largest_use(const std::vector<scene::Item>& items, std::map<const scene::RasterImage*, double>& widest,
                 std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>>& owners) {
  for (const auto& item : items) {
    if (const auto* image = std::get_if<scene::Image>(&item.kind)) {
      if (const auto* r = std::get_if<std::shared_ptr<const scene::RasterImage>>(&image->source); r && *r) {
        widest[r->get()] = std::max(widest[r->get()], image->dest.width);
        owners[r->get()] = *r;
      }
    } else if (const auto* group = std::get_if<scene::Group>(&item.kind)) {
      largest_use(group->children, widest, owners);
    }
  }
}

std::vector<unsigned char> encode_rgb_jpeg(const unsigned char* argb, int width, int height, int stride) {
  return encode_jpeg(width, height, 3, kJpegQuality, [&](int y, unsigned char* row) {
    const auto* src = reinterpret_cast<const uint32_t*>(argb + static_cast<size_t>(y) * stride);
    for (int x = 0; x < width; ++x) {  // opaque pictures: premultiplication changes nothing
      row[3 * x] = (src[x] >> 16) & 255;
      row[3 * x + 1] = (src[x] >> 8) & 255;
      row[3 * x + 2] = src[x] & 255;
    }
  });
}

std::shared_ptr<const scene::RasterImage> downsample(const scene::RasterImage& img, int width, int height) {
  cairo_surface_t* src = cairo_image_surface_create_for_data(const_cast<unsigned char*>(img.pixels.data()),
                                                             CAIRO_FORMAT_ARGB32, img.width, img.height, img.stride);
  cairo_surface_t* dst = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
  cairo_t* cr = cairo_create(dst);
  cairo_scale(cr, static_cast<double>(width) / img.width, static_cast<double>(height) / img.height);
  cairo_set_source_surface(cr, src, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_BEST);
  cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(dst);
  auto out = std::make_shared<scene::RasterImage>();
  out->width = width;
  out->height = height;
  out->stride = cairo_image_surface_get_stride(dst);
  const unsigned char* data = cairo_image_surface_get_data(dst);
  out->pixels.assign(data, data + static_cast<size_t>(out->stride) * height);
  out->encoded = encode_rgb_jpeg(data, width, height, out->stride);
  out->mime = "image/jpeg";
  out->unique_id = img.unique_id.empty() ? std::string() : img.unique_id + "-screen";
  cairo_surface_destroy(dst);
  cairo_surface_destroy(src);
  return out;
}

void replace(std::vector<scene::Item>& items,
             const std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>>& smaller) {
  for (auto& item : items) {
    if (auto* image = std::get_if<scene::Image>(&item.kind)) {
      if (auto* r = std::get_if<std::shared_ptr<const scene::RasterImage>>(&image->source); r && *r)
        if (auto it = smaller.find(r->get()); it != smaller.end()) *r = it->second;
    } else if (auto* group = std::get_if<scene::Group>(&item.kind)) {
      replace(group->children, smaller);
    }
  }
}

}  // namespace

scene::Document with_screen_images(const scene::Document& doc, double ppi, ImageConversions* cache) {
  std::map<const scene::RasterImage*, double> widest;
  std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>> owners;
  for (const auto& page : doc.pages) largest_use(page.items, widest, owners);
  std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>> smaller;
  // With a shared cache, each thread starts with a different picture (see ImageConversions).
  std::vector<std::pair<const scene::RasterImage*, double>> order(widest.begin(), widest.end());
  if (cache && !order.empty()) std::rotate(order.begin(), order.begin() + cache->next_start() % order.size(), order.end());
  for (const auto& [img, width_pt] : order) {
    const double wanted = width_pt / 72.0 * ppi;  // pixels across at the screen resolution
    if (wanted <= 0 || img->width <= wanted * 1.05) continue;  // already small enough: kept as is
    const double k = wanted / img->width;
    const int w = std::max(1, static_cast<int>(std::lround(img->width * k)));
    const int h = std::max(1, static_cast<int>(std::lround(img->height * k)));
    if (cache) {
      auto entry = cache->entry(owners[img], "screen:" + std::to_string(w) + "x" + std::to_string(h));
      std::call_once(entry->once, [&] { entry->result = downsample(*img, w, h); });
      smaller[img] = entry->result;
    } else {
      smaller[img] = downsample(*img, w, h);
    }
  }
  scene::Document out = doc;
  for (auto& page : out.pages) replace(page.items, smaller);
  return out;
}

}  // namespace plaquette::finish
