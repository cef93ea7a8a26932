// Variants of the brochure (one per EPCI...): a variant file overrides parts of the base YAML.
// merge() lays the override tree onto the base tree with rules strict enough that a typo in a
// variant is reported (with file:line:col and a did-you-mean) instead of silently ignored;
// expand_variables() fills {name} placeholders from the variant's variables.
#pragma once
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diag.hpp"

namespace plaquette::variants {

// Merges `overrides` onto `base` and returns the result. Rules:
//  - maps merge key by key, recursively; an override key the base map lacks is an error (with a
//    did-you-mean among the base keys), except at any depth under a key named in `open_keys`,
//    where new keys are added;
//  - a scalar, a null or a list without ids replaces the base value; a map cannot replace a
//    scalar or a list (error; allowed under an open key);
//  - a list whose items are all maps with an `id` key, over a base list whose items all have an
//    `id` too, merges by id: the item with the same id is merged as a map (its keys checked), in
//    the base order; `{id: x, remove: true}` removes item x; an item whose id the base lacks is an
//    error unless it says `add: true` (it is then appended, without `add`). Unknown ids get a
//    did-you-mean among the base ids.
// Errors go to `sink` at the override node's position in `override_file`; the merge goes on
// past them (the offending override is skipped), so every mistake is reported at once.
// The result is a new tree whose unchanged nodes are shared with `base` and `overrides` (so that
// they keep their YAML marks for later diagnostics; a merged map or list is a new node and has
// no useful mark): clone the result with YAML::Clone before modifying it in place.
YAML::Node merge(const YAML::Node& base, const YAML::Node& overrides, const std::string& override_file,
                 DiagnosticSink& sink, const std::vector<std::string>& open_keys = {"variables"});

// Replaces {name} and {a.b} (nested maps) placeholders in `text` with the scalar values of
// `variables` (a YAML map). "{{" prints "{" and "}}" prints "}". An unknown variable (with a
// did-you-mean among the defined ones), a variable that is a map or a list, an empty or badly
// formed name, or an unclosed "{" is an error at `span`; the placeholder is then left as written.
// "{chiffres.terrils|terril repéré|terrils repérés}" writes the value then the singular (value
// below 2, the French rule) or the plural form: "1 terril repéré", "12 terrils repérés"; the
// value must then be a number (French or plain notation).
// A variable whose value could not be computed (a figure whose data failed: that error was
// reported once) carries this tag; its placeholders are left as written, without a second error.
inline constexpr const char* kNotComputedTag = "!plaquette-not-computed";

std::string expand_variables(const std::string& text, const YAML::Node& variables, const Span& span,
                             DiagnosticSink& sink);

}  // namespace plaquette::variants
