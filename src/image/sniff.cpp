#include "image/sniff.hpp"

#include <algorithm>
#include <string_view>

namespace plaquette::image {

namespace {

constexpr unsigned char kPngSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
// SOI followed by the first marker's 0xFF: every JPEG (JFIF, Exif, Adobe, raw) starts like this.
constexpr unsigned char kJpegSignature[] = {0xff, 0xd8, 0xff};
// An SVG may open with an XML declaration, a DOCTYPE and comments before <svg; 64 KiB is far more
// than real files use, and bounds the search in a large file that is not text at all.
constexpr size_t kSvgSearchLimit = 64 * 1024;

bool starts_with(std::span<const unsigned char> bytes, std::span<const unsigned char> prefix) {
  return bytes.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), bytes.begin());
}

bool looks_like_svg(std::span<const unsigned char> bytes) {
  size_t i = 0;
  if (bytes.size() >= 3 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf) i = 3;  // UTF-8 BOM
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  // Markup starts with '<'; checking it first keeps a binary file that happens to contain "<svg" out.
  if (i >= bytes.size() || bytes[i] != '<') return false;
  std::string_view head(reinterpret_cast<const char*>(bytes.data()), std::min(bytes.size(), kSvgSearchLimit));
  return head.find("<svg") != std::string_view::npos;
}

}  // namespace

ImageKind sniff_kind(std::span<const unsigned char> bytes) {
  if (starts_with(bytes, kPngSignature)) return ImageKind::Png;
  if (starts_with(bytes, kJpegSignature)) return ImageKind::Jpeg;
  if (looks_like_svg(bytes)) return ImageKind::Svg;
  return ImageKind::Unknown;
}

const char* kind_name(ImageKind kind) {
  switch (kind) {
    case ImageKind::Png: return "PNG";
    case ImageKind::Jpeg: return "JPEG";
    case ImageKind::Svg: return "SVG";
    case ImageKind::Unknown: break;
  }
  return "unknown";
}

}  // namespace plaquette::image
