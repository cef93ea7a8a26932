#include "core/safe_name.hpp"

#include <fmt/format.h>

namespace plaquette {

std::string unsafe_name_reason(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > kMaxSafeNameLength)
    return fmt::format("is {} bytes long (at most {})", name.size(), kMaxSafeNameLength);
  for (unsigned char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
    if (ok) continue;
    if (c == '/' || c == '\\') return fmt::format("contains '{}', a folder separator", static_cast<char>(c));
    if (c < 0x20 || c == 0x7F) return fmt::format("contains the control character 0x{:02X}", c);
    if (c >= 0x80) return "contains a character that is not an ASCII letter or digit";
    return fmt::format("contains '{}'", static_cast<char>(c));
  }
  if (name.front() == '.') return "starts with '.'";
  if (name.front() == '-') return "starts with '-'";
  // Harmless inside one file name, but it reads as a parent folder: never in an id.
  if (name.find("..") != std::string_view::npos) return "contains '..'";
  return {};
}

}  // namespace plaquette
