// Distances on the ground (map margins): metres and kilometres, never paper units.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace plaquette::load {

// "2km" → 2000, "500m" → 500, "1,5 km" → 1500 (decimal comma accepted). A bare number or a paper
// unit (mm, pt...) is refused: on a map both are likely mistakes. `why` (if given) explains.
std::optional<double> parse_ground_length(std::string_view text, std::string* why = nullptr);

}  // namespace plaquette::load
