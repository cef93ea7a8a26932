// Names that come from data or from the command line (a variant's id from the map data, a
// language code) end up in file names: `output/plaquette-<id>.pdf`. They must never be paths.
#pragma once
#include <string>
#include <string_view>

namespace plaquette {

// The longest name accepted as part of a file name.
inline constexpr size_t kMaxSafeNameLength = 64;

// "" when `name` may be used as part of a file name: 1 to 64 characters among ASCII letters,
// digits, '-', '_' and '.', not starting with '.' or '-', without "..". Otherwise why not, for a message
// ("contains '/'", "is empty", "starts with '.'").
std::string unsafe_name_reason(std::string_view name);

inline bool is_safe_name(std::string_view name) { return unsafe_name_reason(name).empty(); }

}  // namespace plaquette
