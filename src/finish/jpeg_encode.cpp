#include "finish/jpeg_encode.hpp"

#include <cstdio>  // jpeglib.h needs FILE declared first
#include <jpeglib.h>

#include <cstdlib>

namespace plaquette::finish {

std::vector<unsigned char> encode_jpeg(int width, int height, int components, int quality,
                                       const std::function<void(int y, unsigned char* out)>& row) {
  jpeg_compress_struct ci{};
  jpeg_error_mgr err{};
  ci.err = jpeg_std_error(&err);
  jpeg_create_compress(&ci);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&ci, &buffer, &size);
  ci.image_width = static_cast<JDIMENSION>(width);
  ci.image_height = static_cast<JDIMENSION>(height);
  ci.input_components = components;
  ci.in_color_space = components == 4 ? JCS_CMYK : JCS_RGB;
  jpeg_set_defaults(&ci);
  jpeg_set_quality(&ci, quality, TRUE);
  if (components == 4) ci.write_Adobe_marker = FALSE;  // ink values as they are, no inversion
  jpeg_start_compress(&ci, TRUE);
  std::vector<unsigned char> line(static_cast<size_t>(width) * components);
  while (ci.next_scanline < ci.image_height) {
    row(static_cast<int>(ci.next_scanline), line.data());
    JSAMPROW r = line.data();
    jpeg_write_scanlines(&ci, &r, 1);
  }
  jpeg_finish_compress(&ci);
  std::vector<unsigned char> out(buffer, buffer + size);
  std::free(buffer);
  jpeg_destroy_compress(&ci);
  return out;
}

}  // namespace plaquette::finish
