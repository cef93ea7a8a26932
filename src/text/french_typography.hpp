// French typographic pass over content text. Authors type plain ASCII spaces and quotes in
// YAML; the brochure must follow French rules (spaces before high punctuation, guillemets,
// curly apostrophe, numbers kept with their units) without anyone typing invisible characters.
#pragma once
#include <string>
#include <string_view>

namespace plaquette::text {

// Returns `utf8` with French typography applied:
//  - U+202F (narrow no-break space) before ; ! ? and inside « »; a run of ordinary spaces or
//    no-break spaces there is replaced, one is inserted when missing. "?!" gets one space
//    before the group only.
//  - U+00A0 (no-break space) before : (a colon between two digits, as in 10:30, stays alone).
//  - ASCII "..." used as quotation marks become « ... » (with U+202F inside).
//  - ASCII ' between two letters becomes ’ (U+2019).
//  - U+202F between a number and a following unit or symbol (ha km km² m m² cm mm kg t % € °C
//    h min), and between groups of thousands ("1 200 000": first group 1-3 digits, each
//    following group exactly 3 digits).
// URLs and e-mail addresses (and Markdown-style link targets "](...)" / "]{...}") are left
// untouched. Idempotent: text already typed correctly comes back unchanged. Invalid UTF-8
// bytes are passed through as they are.
std::string apply_french_typography(std::string_view utf8);

}  // namespace plaquette::text
