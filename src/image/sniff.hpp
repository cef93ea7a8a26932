// What kind of image a file is, read from its first bytes: a name like "photo.jpg" says what
// its author meant, the signature says what the decoder will meet.
#pragma once
#include <span>

namespace plaquette::image {

enum class ImageKind { Png, Jpeg, Svg, Unknown };

ImageKind sniff_kind(std::span<const unsigned char> bytes);

const char* kind_name(ImageKind kind);  // "PNG", "JPEG", "SVG", "unknown"

}  // namespace plaquette::image
