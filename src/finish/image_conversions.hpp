// The photos of several brochures built in one run (`plaquette build --all`): when their layouts
// share the decoded pictures (one RasterImage per file), each picture is converted to CMYK for the
// print PDF and downsampled for the screen PDF once, not once per brochure. Thread-safe: worker
// threads building different variants share one ImageConversions; a picture that two threads
// need at once is converted by one while the other waits.
#pragma once
#include <atomic>
#include <map>
#include <vector>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "scene/scene.hpp"

namespace plaquette::finish {

class ImageConversions {
 public:
  using Raster = std::shared_ptr<const scene::RasterImage>;
  struct Entry {
    std::once_flag once;
    Raster result;
    Raster source;  // keeps the source alive, so that its address is never reused for another picture
  };
  // The entry of `source` for a conversion named by `kind` ("cmyk:<profile>", "screen:<w>x<h>").
  std::shared_ptr<Entry> entry(const Raster& source, const std::string& kind) {
    std::lock_guard lock(mutex_);
    auto& e = entries_[{source.get(), kind}];
    if (!e) {
      e = std::make_shared<Entry>();
      e->source = source;
    }
    return e;
  }
  // Where a document starts in its list of pictures: each call gives the next number, so that two
  // threads converting the same pictures at the same time start with different ones instead of
  // waiting for each other.
  size_t next_start() { return start_++; }
  // Conversions done (not found in the cache) since the start: for tests and timings.
  size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::atomic<size_t> start_{0};
  std::map<std::tuple<const scene::RasterImage*, std::string>, std::shared_ptr<Entry>> entries_;
};

}  // namespace plaquette::finish
