// load_image: reads the file, lets its first bytes choose the decoder, and attaches what the
// renderer needs to embed the image once (original bytes, mime, unique id).
#include <fmt/format.h>

#include "image/decoders.hpp"
#include "image/image.hpp"
#include "image/sniff.hpp"
#include "image/source_file.hpp"

namespace plaquette::image {

namespace {

// Cairo's CAIRO_MIME_TYPE_UNIQUE_ID: surfaces sharing it are written once in the PDF. The path
// names the image; the size keeps a file replaced between two runs of a long-lived cache apart.
std::string unique_id_for(const SourceFile& file) {
  return fmt::format("plaquette:{}#{}", file.absolute_path, file.bytes.size());
}

LoadedImage raster(scene::RasterImage image, SourceFile& file) {
  image.unique_id = unique_id_for(file);
  image.path = file.shown;
  image.encoded = std::move(file.bytes);
  Size pixels{double(image.width), double(image.height)};
  return {std::make_shared<const scene::RasterImage>(std::move(image)), pixels};
}

}  // namespace

LoadedImage load_image(const std::string& absolute_path, const Span& span) {
  SourceFile file = read_source_file(absolute_path, span);
  switch (sniff_kind(file.bytes)) {
    case ImageKind::Png: return raster(decode_png(file, span), file);
    case ImageKind::Jpeg: return raster(decode_jpeg(file, span), file);
    case ImageKind::Svg: {
      auto svg = std::make_shared<const scene::VectorImage>(load_svg(file, span));
      Size pixels{svg->width, svg->height};
      return {std::move(svg), pixels};
    }
    case ImageKind::Unknown: break;
  }
  throw InputError(span, fmt::format("'{}' is not a PNG, JPEG or SVG image", file.shown));
}

}  // namespace plaquette::image
