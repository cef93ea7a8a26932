// JPEG through libjpeg(-turbo). The pixels are decoded for the PNG preview and for layout checks;
// the PDF embeds the original bytes (kept by load_image), so a photo is never re-compressed.
//
// libjpeg reports fatal errors through error_exit, whose default prints and calls exit().
// Ours longjmps back to the setjmp in the phase being run. Throwing a C++ exception from that
// callback would have to unwind through libjpeg's C frames, which is not guaranteed to work;
// longjmp is the documented way. To keep setjmp/longjmp well defined in C++, no object with a
// destructor lives in a frame between the setjmp and the longjmp: everything the phases touch
// is in JpegJob, created by the caller before any setjmp, and released by its destructor.
#include <csetjmp>
#include <cstdint>
#include <cstdio>  // jpeglib.h needs FILE and size_t declared first
#include <cstring>

#include <cairo.h>
#include <jerror.h>
#include <jpeglib.h>

#include <fmt/format.h>

#include "image/decoders.hpp"
#include "image/limits.hpp"

namespace plaquette::image {

namespace {

struct ErrorManager {
  jpeg_error_mgr pub;  // first member: libjpeg only knows this part
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_fatal_error(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

// Warnings. Most are harmless, but libjpeg also only warns about damaged or truncated data: it
// fills the missing part with grey and carries on. The PDF embeds these very bytes, so damage noticed
// here would reach the printer: those warnings are errors. Trace messages (level > 0) are dropped
// instead of being printed on stderr.
void on_message(j_common_ptr cinfo, int msg_level) {
  if (msg_level >= 0) return;
  switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_MUST_RESYNC:
      on_fatal_error(cinfo);
    default:
      ++cinfo->err->num_warnings;
  }
}

struct JpegJob {
  jpeg_decompress_struct cinfo{};
  ErrorManager err{};
  bool created = false;
  std::vector<unsigned char> row;  // one decoded scanline (1, 3 or 4 bytes a pixel)
  scene::RasterImage* out = nullptr;

  JpegJob() {
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = &on_fatal_error;
    err.pub.emit_message = &on_message;
  }
  ~JpegJob() {
    if (created) jpeg_destroy_decompress(&cinfo);
  }
  JpegJob(const JpegJob&) = delete;
  JpegJob& operator=(const JpegJob&) = delete;
};

// Phase 1: parse the markers up to the first scan, without allocating any image memory.
bool read_header(JpegJob& job, const std::vector<unsigned char>& bytes) {
  if (setjmp(job.err.jump)) return false;
  jpeg_create_decompress(&job.cinfo);
  job.created = true;
  jpeg_mem_src(&job.cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&job.cinfo, TRUE);
  return true;
}

std::uint32_t opaque(unsigned r, unsigned g, unsigned b) { return 0xff000000u | (r << 16) | (g << 8) | b; }

// CMYK to RGB without a colour profile: enough for the preview (the PDF keeps the CMYK JPEG).
// Photoshop writes CMYK JPEGs inverted (0 = full ink) and marks them with an Adobe APP14 segment;
// the few CMYK JPEGs without that marker store ink amounts directly.
std::uint32_t cmyk_pixel(const unsigned char* p, bool adobe_inverted) {
  unsigned c = p[0], m = p[1], y = p[2], k = p[3];
  if (!adobe_inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
  // Now each value is 255 − ink: the light it lets through, multiplied with the black's.
  return opaque((c * k + 127) / 255, (m * k + 127) / 255, (y * k + 127) / 255);
}

void convert_row(const JpegJob& job, unsigned char* dest) {
  const auto& ci = job.cinfo;
  const unsigned char* src = job.row.data();
  for (JDIMENSION x = 0; x < ci.output_width; ++x) {
    std::uint32_t pixel;
    switch (ci.out_color_space) {
      case JCS_GRAYSCALE: pixel = opaque(src[x], src[x], src[x]); break;
      case JCS_CMYK: pixel = cmyk_pixel(src + 4 * x, ci.saw_Adobe_marker); break;
      default: pixel = opaque(src[3 * x], src[3 * x + 1], src[3 * x + 2]); break;  // JCS_RGB
    }
    // Cairo's ARGB32 is a native-endian 32-bit word, so store the word, not four bytes in order.
    std::memcpy(dest + 4 * x, &pixel, 4);
  }
}

// Phase 2: decompress every scanline into the ARGB32 buffer the caller sized.
bool decompress(JpegJob& job) {
  if (setjmp(job.err.jump)) return false;
  auto& ci = job.cinfo;
  switch (ci.jpeg_color_space) {
    case JCS_GRAYSCALE: ci.out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK:
    case JCS_YCCK: ci.out_color_space = JCS_CMYK; break;  // libjpeg turns YCCK into CMYK
    default: ci.out_color_space = JCS_RGB; break;
  }
  jpeg_start_decompress(&ci);
  job.row.resize(size_t(ci.output_width) * size_t(ci.output_components));
  auto* out = job.out;
  while (ci.output_scanline < ci.output_height) {
    JSAMPROW rows[1] = {job.row.data()};
    JDIMENSION y = ci.output_scanline;
    jpeg_read_scanlines(&ci, rows, 1);
    convert_row(job, out->pixels.data() + size_t(y) * size_t(out->stride));
  }
  jpeg_finish_decompress(&ci);
  return true;
}

}  // namespace

scene::RasterImage decode_jpeg(const SourceFile& file, const Span& span) {
  const std::string what = fmt::format("JPEG image '{}'", file.shown);
  scene::RasterImage image;
  JpegJob job;
  job.out = &image;

  if (!read_header(job, file.bytes))
    throw InputError(span, fmt::format("{} cannot be read: {}", what, job.err.message));
  check_declared_size(job.cinfo.image_width, job.cinfo.image_height, what, span);
  const int components = job.cinfo.num_components;
  if (components != 1 && components != 3 && components != 4)
    throw InputError(span, fmt::format("{} has {} colour components; only grey, RGB and CMYK JPEGs are supported",
                                       what, components));

  image.width = static_cast<int>(job.cinfo.image_width);
  image.height = static_cast<int>(job.cinfo.image_height);
  image.stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, image.width);
  image.pixels.resize(size_t(image.stride) * size_t(image.height));

  if (!decompress(job)) throw InputError(span, fmt::format("{} is damaged: {}", what, job.err.message));
  image.mime = "image/jpeg";
  return image;
}

}  // namespace plaquette::image
