// Image files written by the tests themselves (Cairo for PNG, libjpeg for JPEG), so every fixture
// is small, exact and visible in the test that uses it.
#pragma once
#include <cairo.h>
#include <cstdio>
#include <jpeglib.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace plaquette::test {

using Bytes = std::vector<unsigned char>;

inline Bytes to_bytes(const std::string& s) { return Bytes(s.begin(), s.end()); }
inline std::string to_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

// Writes a PNG through Cairo from premultiplied ARGB32 words, one per pixel.
// RGB24 writes an opaque PNG without alpha channel (colour type 2).
inline Bytes png_bytes(int w, int h, const std::function<std::uint32_t(int, int)>& pixel,
                       cairo_format_t format = CAIRO_FORMAT_ARGB32) {
  cairo_surface_t* s = cairo_image_surface_create(format, w, h);
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::uint32_t v = pixel(x, y);
      std::memcpy(data + y * stride + 4 * x, &v, 4);
    }
  cairo_surface_mark_dirty(s);
  Bytes out;
  cairo_surface_write_to_png_stream(
      s,
      [](void* closure, const unsigned char* d, unsigned int n) {
        auto* o = static_cast<Bytes*>(closure);
        o->insert(o->end(), d, d + n);
        return CAIRO_STATUS_SUCCESS;
      },
      &out);
  cairo_surface_destroy(s);
  return out;
}

struct JpegSpec {
  int width = 16, height = 16;
  J_COLOR_SPACE input = JCS_RGB;  // JCS_RGB (3 bytes), JCS_GRAYSCALE (1), JCS_CMYK (4)
  J_COLOR_SPACE stored = JCS_UNKNOWN;  // jpeg_set_colorspace target, e.g. JCS_YCCK; UNKNOWN: libjpeg default
  bool adobe_marker = true;            // only meaningful for CMYK/YCCK
  int quality = 95;
};

// Encodes a JPEG with libjpeg; `pixel` fills the `components` samples of (x, y).
inline Bytes jpeg_bytes(const JpegSpec& spec, const std::function<void(int, int, unsigned char*)>& pixel) {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* mem = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &mem, &size);
  const int comps = spec.input == JCS_GRAYSCALE ? 1 : spec.input == JCS_CMYK ? 4 : 3;
  c.image_width = spec.width;
  c.image_height = spec.height;
  c.input_components = comps;
  c.in_color_space = spec.input;
  jpeg_set_defaults(&c);
  if (spec.stored != JCS_UNKNOWN) jpeg_set_colorspace(&c, spec.stored);
  if (comps == 4) c.write_Adobe_marker = spec.adobe_marker ? TRUE : FALSE;
  jpeg_set_quality(&c, spec.quality, TRUE);
  // No chroma subsampling: flat colour areas then come back within a few levels.
  for (int i = 0; i < c.num_components; ++i) c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(size_t(spec.width) * comps);
  while (c.next_scanline < c.image_height) {
    for (int x = 0; x < spec.width; ++x) pixel(x, int(c.next_scanline), &row[size_t(x) * comps]);
    JSAMPROW rows[1] = {row.data()};
    jpeg_write_scanlines(&c, rows, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  Bytes out(mem, mem + size);
  std::free(mem);
  return out;
}

// Rewrites the frame size in a JPEG's SOF0/SOF1/SOF2 segment: a small valid file that declares
// any size, to test the limits without encoding a huge image.
inline Bytes jpeg_with_declared_size(Bytes jpeg, unsigned width, unsigned height) {
  for (size_t i = 2; i + 9 < jpeg.size(); ++i) {
    if (jpeg[i] == 0xff && (jpeg[i + 1] == 0xc0 || jpeg[i + 1] == 0xc1 || jpeg[i + 1] == 0xc2)) {
      // FF Cn, length (2), precision (1), height (2), width (2)
      jpeg[i + 5] = (height >> 8) & 0xff;
      jpeg[i + 6] = height & 0xff;
      jpeg[i + 7] = (width >> 8) & 0xff;
      jpeg[i + 8] = width & 0xff;
      return jpeg;
    }
  }
  throw std::runtime_error("no SOF marker in the JPEG fixture");
}

inline std::uint32_t crc32(const unsigned char* p, size_t n) {
  std::uint32_t crc = 0xffffffffu;
  for (size_t i = 0; i < n; ++i) {
    crc ^= p[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void put_be32(Bytes& b, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b.push_back((v >> s) & 0xff);
}

// A PNG signature and a well-formed IHDR chunk (valid CRC) declaring width × height, 8-bit RGBA,
// followed by nothing: what a hostile or damaged file would look like to a decoder.
inline Bytes png_header_only(std::uint32_t width, std::uint32_t height) {
  Bytes b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  put_be32(b, 13);
  size_t chunk = b.size();
  for (char c : std::string("IHDR")) b.push_back(static_cast<unsigned char>(c));
  put_be32(b, width);
  put_be32(b, height);
  b.insert(b.end(), {8, 6, 0, 0, 0});  // depth 8, RGBA, deflate, adaptive filter, no interlace
  put_be32(b, crc32(&b[chunk], b.size() - chunk));
  return b;
}

inline void write_bytes(const std::filesystem::path& p, const Bytes& b) {
  std::FILE* f = std::fopen(p.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + p.string());
  if (!b.empty()) std::fwrite(b.data(), 1, b.size(), f);
  std::fclose(f);
}

// Reads pixel (x, y) of a RasterImage's premultiplied ARGB32 buffer.
template <class Raster>
std::uint32_t argb_at(const Raster& img, int x, int y) {
  std::uint32_t v;
  std::memcpy(&v, img.pixels.data() + size_t(y) * img.stride + 4 * size_t(x), 4);
  return v;
}

struct Rgba {
  int a, r, g, b;
};
inline Rgba channels(std::uint32_t v) {
  return {int(v >> 24), int((v >> 16) & 0xff), int((v >> 8) & 0xff), int(v & 0xff)};
}

}  // namespace plaquette::test
