#include "pdf/image_embedder.hpp"

#include <cairo-pdf.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace plaquette::pdf {

namespace {

// Components of a JPEG (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK), from its frame header; 0 if none.
int jpeg_components(const std::vector<unsigned char>& b) {
  for (size_t i = 2; i + 9 < b.size();) {
    if (b[i] != 0xFF) return 0;
    const unsigned char marker = b[i + 1];
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    const size_t len = (static_cast<size_t>(b[i + 2]) << 8) | b[i + 3];
    const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) return b[i + 9];
    i += 2 + len;
  }
  return 0;
}

// Whether the JPEG carries Adobe's APP14 marker (then CMYK samples are stored inverted).
bool adobe_marker(const std::vector<unsigned char>& b) {
  for (size_t i = 2; i + 11 < b.size();) {
    if (b[i] != 0xFF) return false;
    const unsigned char marker = b[i + 1];
    if (marker == 0xDA) return false;  // start of scan: no more headers
    const size_t len = (static_cast<size_t>(b[i + 2]) << 8) | b[i + 3];
    if (marker == 0xEE && len >= 12 && std::equal(b.begin() + static_cast<long>(i) + 4,
                                                  b.begin() + static_cast<long>(i) + 9, "Adobe"))
      return true;
    i += 2 + len;
  }
  return false;
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct RsvgDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct ErrorDeleter {
  void operator()(GError* e) const { g_error_free(e); }
};

// The keys every image XObject has: 8 bits per component, its size and colour space.
void image_dictionary(QPDFObjectHandle& stream, int width, int height, const char* colour_space) {
  auto d = stream.getDict();
  d.replaceKey("/Type", QPDFObjectHandle::newName("/XObject"));
  d.replaceKey("/Subtype", QPDFObjectHandle::newName("/Image"));
  d.replaceKey("/Width", QPDFObjectHandle::newInteger(width));
  d.replaceKey("/Height", QPDFObjectHandle::newInteger(height));
  d.replaceKey("/BitsPerComponent", QPDFObjectHandle::newInteger(8));
  d.replaceKey("/ColorSpace", QPDFObjectHandle::newName(colour_space));
}

}  // namespace

ImageEmbedder::ImageEmbedder(QPDF& pdf, StreamFilter rewrite) : pdf_(pdf), rewrite_(std::move(rewrite)) {}
ImageEmbedder::~ImageEmbedder() = default;

bool ImageEmbedder::has_alpha(const scene::RasterImage& img) const {
  auto it = alpha_.find(&img);
  return it != alpha_.end() && it->second;  // found while raster() wrote the samples
}

QPDFObjectHandle ImageEmbedder::raster(const scene::RasterImage& img) {
  if (auto it = done_.find(&img); it != done_.end()) return it->second;
  if (img.width <= 0 || img.height <= 0) throw std::runtime_error(fmt::format("{}: an empty picture", img.path));
  QPDFObjectHandle stream;
  if (img.mime == "image/jpeg" && !img.encoded.empty()) {
    const int n = jpeg_components(img.encoded);
    if (n != 1 && n != 3 && n != 4) throw std::runtime_error(fmt::format("{}: not a JPEG PDF can hold", img.path));
    stream = QPDFObjectHandle::newStream(&pdf_, std::string(img.encoded.begin(), img.encoded.end()));
    image_dictionary(stream, img.width, img.height, n == 1 ? "/DeviceGray" : n == 3 ? "/DeviceRGB" : "/DeviceCMYK");
    auto d = stream.getDict();
    d.replaceKey("/Filter", QPDFObjectHandle::newName("/DCTDecode"));
    if (n == 4 && adobe_marker(img.encoded))
      d.replaceKey("/Decode", QPDFObjectHandle::parse("[1 0 1 0 1 0 1 0]"));
    alpha_[&img] = false;  // a JPEG has no transparency
  } else {
    // Cairo ARGB32, premultiplied, native endian: un-premultiplied RGB samples and an alpha mask.
    std::string rgb, alpha;
    rgb.reserve(static_cast<size_t>(img.width) * img.height * 3);
    alpha.reserve(static_cast<size_t>(img.width) * img.height);
    bool transparent = false;
    for (int y = 0; y < img.height; ++y) {
      const auto* row = reinterpret_cast<const uint32_t*>(img.pixels.data() + static_cast<size_t>(y) * img.stride);
      for (int x = 0; x < img.width; ++x) {
        const uint32_t p = row[x];
        const unsigned a = p >> 24;
        unsigned r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
        if (a != 0 && a != 0xFF) {
          r = std::min(255u, (r * 255 + a / 2) / a);
          g = std::min(255u, (g * 255 + a / 2) / a);
          b = std::min(255u, (b * 255 + a / 2) / a);
        }
        rgb += static_cast<char>(r);
        rgb += static_cast<char>(g);
        rgb += static_cast<char>(b);
        alpha += static_cast<char>(a);
        transparent = transparent || a != 0xFF;
      }
    }
    stream = QPDFObjectHandle::newStream(&pdf_, rgb);
    image_dictionary(stream, img.width, img.height, "/DeviceRGB");
    if (transparent) {
      QPDFObjectHandle mask = QPDFObjectHandle::newStream(&pdf_, alpha);
      image_dictionary(mask, img.width, img.height, "/DeviceGray");
      stream.getDict().replaceKey("/SMask", mask);
    }
    alpha_[&img] = transparent;
  }
  done_.emplace(&img, stream);
  return stream;
}

QPDFObjectHandle ImageEmbedder::vector(const scene::VectorImage& img) {
  if (auto it = done_.find(&img); it != done_.end()) return it->second;
  GError* raw_error = nullptr;
  std::unique_ptr<RsvgHandle, RsvgDeleter> handle(rsvg_handle_new_from_data(img.data.data(), img.data.size(), &raw_error));
  std::unique_ptr<GError, ErrorDeleter> error(raw_error);
  if (!handle) throw std::runtime_error(fmt::format("{}: {}", img.path, error ? error->message : "unreadable SVG"));
  // One page of the drawing's own size (CSS pixels → points), drawn by librsvg into Cairo's PDF
  // surface, then imported: vectors stay vectors, at any scale.
  const double w = img.width > 0 ? img.width * 0.75 : 100, h = img.height > 0 ? img.height * 0.75 : 100;
  auto doc = std::make_unique<Imported>();
  std::string& bytes = doc->bytes;
  {
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &bytes, w, h));
    std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
    RsvgRectangle viewport{0, 0, w, h};
    raw_error = nullptr;
    const gboolean ok = rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw_error);
    error.reset(raw_error);
    if (!ok) throw std::runtime_error(fmt::format("{}: {}", img.path, error ? error->message : "cannot draw SVG"));
    cr.reset();
    cairo_surface_finish(surface.get());
  }
  doc->pdf.processMemoryFile(img.path.c_str(), bytes.data(), bytes.size());
  auto pages = QPDFPageDocumentHelper(doc->pdf).getAllPages();
  if (pages.empty()) throw std::runtime_error(fmt::format("{}: the drawing has no page", img.path));
  QPDFObjectHandle form = pages.front().getFormXObjectForPage();
  // Scaled to a 1 × 1 box, so that drawing it is one `cm` to its destination.
  form.getDict().replaceKey("/Matrix", QPDFObjectHandle::parse(fmt::format("[{} 0 0 {} 0 0]", 1.0 / w, 1.0 / h)));
  QPDFObjectHandle local = pdf_.copyForeignObject(form);
  if (rewrite_) rewrite_(local);
  imported_.push_back(std::move(doc));
  done_.emplace(&img, local);
  return local;
}

}  // namespace plaquette::pdf
