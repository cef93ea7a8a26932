// Where French words may be hyphenated: libhyphen's Liang patterns (the LibreOffice French
// dictionary) plus the typographic rules a brochure needs on top of them (no break in
// acronyms, URLs, e-mail addresses, right after an elided article, or in no-hyphen spans).
// It only finds break points: inserting discretionary hyphens is the paragraph setter's job.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// libhyphen's dictionary, forward-declared so that hyphen.h stays private to the text library.
struct _HyphenDict;

namespace plaquette::text {

// Counts are in letters (Unicode characters), never bytes: "été" has 3 letters, 5 bytes.
struct HyphenRules {
  int min_word = 6;   // shorter words are never hyphenated
  int min_left = 2;   // letters kept before the hyphen
  int min_right = 3;  // letters carried to the next line
};

class Hyphenator {
 public:
  // Loads a libhyphen dictionary; throws std::runtime_error naming the path if it cannot be read.
  explicit Hyphenator(const std::string& dic_path);

  // The Debian hyphen-fr dictionary: "/usr/share/hyphen/hyph_fr.dic".
  static std::string french_dictionary_path();

  // Byte offsets inside `word` (UTF-8, letters only, any case) before which a hyphen may be
  // inserted, ascending. Applies min_word, min_left and min_right; the dictionary's own
  // LEFTHYPHENMIN/RIGHTHYPHENMIN (2/2 for French) act as a floor. Invalid UTF-8 gives none.
  std::vector<size_t> word_breaks(std::string_view word, const HyphenRules& rules) const;

  // Byte offsets inside a whole paragraph where a discretionary hyphen may go, ascending.
  // Words are maximal runs of letters, so an apostrophe (l’écologie) or a hyphen
  // (grands-parents) splits them and each part is hyphenated on its own, never at its edges.
  // Skipped: words shorter than min_word, words in capitals (UNESCO), words touching digits
  // (H2O), whole whitespace-delimited tokens holding "://", "www." or '@', and breaks inside
  // or at the edge of a `no_hyphen` byte range (half-open [start, end)).
  std::vector<size_t> paragraph_breaks(std::string_view text, const HyphenRules& rules,
                                       const std::vector<std::pair<size_t, size_t>>& no_hyphen = {}) const;

 private:
  // Out of line so that the header needs no hyphen.h.
  struct DictFree {
    void operator()(_HyphenDict* dict) const noexcept;
  };
  std::unique_ptr<_HyphenDict, DictFree> dict_;
};

}  // namespace plaquette::text
