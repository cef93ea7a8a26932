// The three loaders behind load_image, one per kind (png_decoder.cpp, jpeg_decoder.cpp,
// svg_loader.cpp). Each throws InputError at `span` naming `file.shown` when the file is damaged.
#pragma once
#include "image/source_file.hpp"
#include "scene/scene.hpp"

namespace plaquette::image {

// Pixels, size and mime; the caller fills `encoded` and `unique_id`.
scene::RasterImage decode_png(const SourceFile& file, const Span& span);
scene::RasterImage decode_jpeg(const SourceFile& file, const Span& span);
// Data, path and intrinsic size in CSS pixels.
scene::VectorImage load_svg(const SourceFile& file, const Span& span);

}  // namespace plaquette::image
