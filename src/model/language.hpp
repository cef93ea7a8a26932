// Languages of the brochure: French is the reference; other languages come from translation
// files. Shared by the loader (which warns when a dictionary is missing) and the text engine.
#pragma once
#include <string>

namespace plaquette::model {

// "fr", "fr-FR", "fr_BE"...: the French typography pass and French hyphenation apply.
inline bool is_french(const std::string& language) { return language.rfind("fr", 0) == 0; }

// The libhyphen dictionary Debian installs for a language ("" when plaquette knows none):
// hyphen-fr, hyphen-nl, hyphen-en-us, hyphen-de.
inline std::string hyphenation_dictionary(const std::string& language) {
  const std::string base = language.substr(0, 2);
  if (base == "fr") return "/usr/share/hyphen/hyph_fr.dic";
  if (base == "nl") return "/usr/share/hyphen/hyph_nl_NL.dic";
  if (base == "en") {
    if (language == "en-GB" || language == "en_GB") return "/usr/share/hyphen/hyph_en_GB.dic";
    return "/usr/share/hyphen/hyph_en_US.dic";
  }
  if (base == "de") return "/usr/share/hyphen/hyph_de_DE.dic";
  return "";
}

}  // namespace plaquette::model
