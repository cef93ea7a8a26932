#include "finish/print_images.hpp"

#include <lcms2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/handle.hpp"
#include "finish/image_conversions.hpp"
#include "finish/jpeg_encode.hpp"

namespace plaquette::finish {

namespace {

constexpr int kJpegQuality = 92;  // photos for print: no visible loss, a fraction of the raw size

using ProfileHandle = Handle<void, cmsCloseProfile>;
using TransformHandle = Handle<void, cmsDeleteTransform>;

class Converter {
 public:
  explicit Converter(const std::string& icc_path)
      : srgb_(cmsCreate_sRGBProfile()), cmyk_(cmsOpenProfileFromFile(icc_path.c_str(), "r")) {
    if (!cmyk_) throw std::runtime_error("cannot read the CMYK output profile '" + icc_path + "'");
    // Cairo's ARGB32 is B, G, R, A in memory on little-endian machines.
    transform_.reset(cmsCreateTransform(srgb_.get(), TYPE_BGRA_8, cmyk_.get(), TYPE_CMYK_8, INTENT_PERCEPTUAL,
                                        cmsFLAGS_BLACKPOINTCOMPENSATION));
    if (!transform_) throw std::runtime_error("cannot convert to the profile '" + icc_path + "'");
  }

  std::shared_ptr<const scene::RasterImage> convert(const scene::RasterImage& img) {
    auto out = std::make_shared<scene::RasterImage>(img);  // pixels stay for other uses
    std::vector<unsigned char> cmyk(static_cast<size_t>(img.width) * img.height * 4);
    for (int y = 0; y < img.height; ++y) {
      const unsigned char* row = img.pixels.data() + static_cast<size_t>(y) * img.stride;
      cmsDoTransform(transform_.get(), row, cmyk.data() + static_cast<size_t>(y) * img.width * 4,
                     static_cast<cmsUInt32Number>(img.width));
    }
    out->encoded = encode_jpeg(img.width, img.height, 4, kJpegQuality, [&](int y, unsigned char* row) {
      std::copy_n(cmyk.data() + static_cast<size_t>(y) * img.width * 4, static_cast<size_t>(img.width) * 4, row);
    });
    out->mime = "image/jpeg";
    out->unique_id = img.unique_id.empty() ? std::string() : img.unique_id + "-cmyk";
    return out;
  }

 private:
  ProfileHandle srgb_;
  ProfileHandle cmyk_;
  TransformHandle transform_;
};

// Each distinct raster picture of `items`, in order of first use.
void collect_rasters(const std::vector<scene::Item>& items, std::vector<std::shared_ptr<const scene::RasterImage>>& out) {
  for (const auto& item : items) {
    if (const auto* image = std::get_if<scene::Image>(&item.kind)) {
      if (const auto* r = std::get_if<std::shared_ptr<const scene::RasterImage>>(&image->source); r && *r)
        if (std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.get() == r->get(); }))
          out.push_back(*r);
    } else if (const auto* group = std::get_if<scene::Group>(&item.kind)) {
      collect_rasters(group->children, out);
    }
  }
}

// The converter is made on first need: when every picture is already in the cache, the profile
// is not even opened.
class LazyConverter {
 public:
  explicit LazyConverter(const std::string& icc_path) : icc_path_(icc_path) {}
  Converter& get() {
    if (!conv_) conv_.emplace(icc_path_);
    return *conv_;
  }

 private:
  std::string icc_path_;
  std::optional<Converter> conv_;
};

void convert_items(std::vector<scene::Item>& items, LazyConverter& conv, ImageConversions* cache,
                   const std::string& kind,
                   std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>>& done) {
  for (auto& item : items) {
    if (auto* image = std::get_if<scene::Image>(&item.kind)) {
      if (auto* raster = std::get_if<std::shared_ptr<const scene::RasterImage>>(&image->source); raster && *raster) {
        auto it = done.find(raster->get());
        if (it == done.end()) {
          std::shared_ptr<const scene::RasterImage> converted;
          if (cache) {
            auto entry = cache->entry(*raster, kind);
            std::call_once(entry->once, [&] { entry->result = conv.get().convert(**raster); });
            converted = entry->result;
          } else {
            converted = conv.get().convert(**raster);
          }
          it = done.emplace(raster->get(), std::move(converted)).first;
        }
        *raster = it->second;
      }
    } else if (auto* group = std::get_if<scene::Group>(&item.kind)) {
      convert_items(group->children, conv, cache, kind, done);
    }
  }
}

}  // namespace

scene::Document with_cmyk_images(const scene::Document& doc, const std::string& icc_path, PrintImageReport* report,
                                 ImageConversions* cache) {
  LazyConverter conv(icc_path);
  if (!cache) conv.get();  // an unreadable profile is an error even without photos
  scene::Document out = doc;
  std::map<const scene::RasterImage*, std::shared_ptr<const scene::RasterImage>> done;
  const std::string kind = "cmyk:" + icc_path;
  if (cache) {  // the pictures first, from a different one in each thread, then the pages
    std::vector<std::shared_ptr<const scene::RasterImage>> rasters;
    for (const auto& page : out.pages) collect_rasters(page.items, rasters);
    const size_t start = rasters.empty() ? 0 : cache->next_start() % rasters.size();
    for (size_t i = 0; i < rasters.size(); ++i) {
      const auto& raster = rasters[(start + i) % rasters.size()];
      auto entry = cache->entry(raster, kind);
      std::call_once(entry->once, [&] { entry->result = conv.get().convert(*raster); });
      done.emplace(raster.get(), entry->result);
    }
  }
  for (auto& page : out.pages) convert_items(page.items, conv, cache, kind, done);
  if (report) report->converted = done.size();
  return out;
}

}  // namespace plaquette::finish
