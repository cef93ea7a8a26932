// PNG through Cairo's own reader (libpng underneath): it already yields the premultiplied ARGB32
// the renderer draws, and handles palettes, grey, 16-bit and interlacing.
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "image/decoders.hpp"
#include "image/handles.hpp"
#include "image/limits.hpp"

namespace plaquette::image {

namespace {

constexpr size_t kSignatureSize = 8;
// Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4).
constexpr size_t kHeaderSize = 24;

std::uint32_t read_be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

// The size the IHDR chunk declares, read by hand so that it can be checked before libpng and
// Cairo allocate anything for it.
void check_header(const SourceFile& file, const Span& span) {
  const auto& b = file.bytes;
  std::string what = fmt::format("PNG image '{}'", file.shown);
  if (b.size() < kHeaderSize)
    throw InputError(span, fmt::format("{} is truncated: the file ends inside its header", what));
  if (read_be32(&b[kSignatureSize]) != 13 || std::memcmp(&b[kSignatureSize + 4], "IHDR", 4) != 0)
    throw InputError(span, fmt::format("{} is damaged: it does not start with an IHDR header chunk", what));
  check_declared_size(read_be32(&b[16]), read_be32(&b[20]), what, span);
}

struct ByteReader {
  const std::vector<unsigned char>* bytes;
  size_t offset = 0;
};

// Cairo's stream callback: a short read is an error, which is how a truncated file is noticed.
cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<ByteReader*>(closure);
  if (reader->bytes->size() - reader->offset < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

scene::RasterImage decode_png(const SourceFile& file, const Span& span) {
  check_header(file, span);

  ByteReader reader{&file.bytes};
  SurfaceHandle decoded(cairo_image_surface_create_from_png_stream(&read_bytes, &reader));
  cairo_status_t status = cairo_surface_status(decoded.get());
  if (status != CAIRO_STATUS_SUCCESS) {
    const char* why = status == CAIRO_STATUS_READ_ERROR ? "the file is truncated" : cairo_status_to_string(status);
    throw InputError(span, fmt::format("PNG image '{}' cannot be decoded: {}", file.shown, why));
  }

  // Cairo returns RGB24 for opaque PNGs (its spare byte undefined) and ARGB32 otherwise.
  // Painting onto a fresh ARGB32 surface gives one format to the renderer, with alpha set.
  const int width = cairo_image_surface_get_width(decoded.get());
  const int height = cairo_image_surface_get_height(decoded.get());
  SurfaceHandle argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  {
    CairoHandle cr(cairo_create(argb.get()));
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    cairo_set_source_surface(cr.get(), decoded.get(), 0, 0);
    cairo_paint(cr.get());
    status = cairo_status(cr.get());
  }
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError(span, fmt::format("PNG image '{}' cannot be converted: {}", file.shown, cairo_status_to_string(status)));
  cairo_surface_flush(argb.get());

  scene::RasterImage image;
  image.width = width;
  image.height = height;
  image.stride = cairo_image_surface_get_stride(argb.get());
  const unsigned char* data = cairo_image_surface_get_data(argb.get());
  image.pixels.assign(data, data + size_t(image.stride) * size_t(height));
  image.mime = "image/png";
  return image;
}

}  // namespace plaquette::image
