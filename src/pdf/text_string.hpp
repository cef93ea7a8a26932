// Text for PDF strings and maps: UTF-8 → UTF-16BE hex digits ("00E9", "D83DDE00" for an emoji),
// as a ToUnicode map and an ActualText string want them. Ill-formed bytes become U+FFFD.
#pragma once
#include <string>
#include <string_view>

namespace plaquette::pdf {

std::string utf16be_hex(std::string_view utf8);

}  // namespace plaquette::pdf
