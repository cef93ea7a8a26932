#include "text/hyphenator.hpp"

#include <glib.h>
#include <hyphen.h>

#include <cctype>
#include <cstdio>
#include <fstream>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>
#include <stdexcept>

namespace plaquette::text {
namespace {

// One decoded character and where its bytes sit in the text it came from.
struct Char {
  gunichar c;
  size_t begin;
  size_t end;
};

// `s` must be valid UTF-8 (checked by the callers, once).
std::vector<Char> decode(std::string_view s) {
  std::vector<Char> out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* const end = s.data() + s.size();
  while (p < end) {
    const char* next = g_utf8_next_char(p);
    out.push_back({g_utf8_get_char(p), size_t(p - s.data()), size_t(next - s.data())});
    p = next;
  }
  return out;
}

// Length of the longest valid UTF-8 prefix: a stray byte must not stop a whole paragraph
// from being hyphenated, nor make us hand offsets in the middle of a character to Pango.
size_t valid_prefix(std::string_view s) {
  const gchar* end = nullptr;
  g_utf8_validate(s.data(), gssize(s.size()), &end);
  return size_t(end - s.data());
}

// The patterns are lowercase. Lowercasing character by character (rather than with
// g_utf8_strdown, which may turn one character into two: İ → i̇) keeps exactly one
// character per character, so libhyphen's per-character marks map straight back.
std::string lowercase(std::span<const Char> word) {
  std::string out;
  out.reserve(word.size() * 2);
  for (const Char& ch : word) {
    gchar buf[6];
    const gint n = g_unichar_to_utf8(g_unichar_tolower(ch.c), buf);
    out.append(buf, size_t(n));
  }
  return out;
}

// hnj_hyphen_hyphenate2 mallocs these only when a non-standard pattern (one that changes
// the spelling at the break) matches; they hold one slot per byte of the word.
struct NonStandard {
  explicit NonStandard(size_t slots) : slots(slots) {}
  ~NonStandard() {
    if (rep) {
      for (size_t i = 0; i < slots; ++i) std::free(rep[i]);
    }
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  NonStandard(const NonStandard&) = delete;
  NonStandard& operator=(const NonStandard&) = delete;

  size_t slots;
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
};

// Break offsets (the `begin` of the character after each break, so in the coordinates of
// whatever text `word` was decoded from) for one word, with the rules applied in characters.
std::vector<size_t> hyphenate(HyphenDict* dict, std::span<const Char> word, const HyphenRules& rules) {
  const size_t n = word.size();
  // At least one character on each side: a break at a word's edge would be a break at the
  // apostrophe or hyphen next to it, which is not ours to report.
  const size_t left = size_t(std::max(rules.min_left, 1));
  const size_t right = size_t(std::max(rules.min_right, 1));
  if (n == 0 || n < size_t(std::max(rules.min_word, 0)) || n < left + right) return {};

  const std::string lower = lowercase(word);
  if (lower.size() > size_t(INT_MAX / 2)) return {};
  std::vector<char> marks(lower.size() + 5, '\0');  // size required by libhyphen
  NonStandard nonstandard(lower.size());
  if (hnj_hyphen_hyphenate2(dict, lower.c_str(), int(lower.size()), marks.data(), nullptr, &nonstandard.rep,
                            &nonstandard.pos, &nonstandard.cut) != 0) {
    return {};
  }

  // In UTF-8 mode libhyphen compacts the marks to one per CHARACTER (hnj_hyphen_norm), not
  // per byte: an odd digit at index i means "break after character i".
  std::vector<size_t> out;
  for (size_t i = left - 1; i + right < n; ++i) {
    if (!(marks[i] & 1)) continue;
    // A spelling-changing break cannot be rendered as a plain discretionary hyphen.
    if (nonstandard.rep && nonstandard.rep[i]) continue;
    // Text in decomposed form: never separate a combining accent from its letter.
    if (g_unichar_ismark(word[i + 1].c)) continue;
    out.push_back(word[i + 1].begin);
  }
  return out;
}

// URLs and e-mail addresses are never hyphenated: a reader would type the hyphen.
bool is_address(std::string_view token) {
  std::string lower(token);
  for (char& c : lower) c = g_ascii_tolower(c);
  return lower.find("://") != std::string::npos || lower.find("www.") != std::string::npos ||
         lower.find('@') != std::string::npos;
}

// Acronyms (UNESCO, EPCI) are read letter by letter: a hyphen inside would look like a typo.
bool is_all_capitals(std::span<const Char> word) {
  bool upper = false;
  for (const Char& ch : word) {
    if (g_unichar_islower(ch.c)) return false;
    upper = upper || g_unichar_isupper(ch.c);
  }
  return upper;
}

bool has_digit(std::span<const Char> word) {
  return std::any_of(word.begin(), word.end(), [](const Char& ch) { return g_unichar_isdigit(ch.c); });
}

// Splits one whitespace-free token into words and hyphenates the eligible ones. A word is a
// maximal run of letters (digits join it only so that "H2O" can be recognised and skipped);
// apostrophes and hyphens end it, which is what makes l’écologie hyphenate as "écologie"
// and grands-parents as two words, with no list of elided articles needed.
void token_breaks(HyphenDict* dict, std::span<const Char> token, const HyphenRules& rules,
                  std::vector<size_t>& out) {
  size_t i = 0;
  while (i < token.size()) {
    if (!g_unichar_isalnum(token[i].c)) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    // Combining marks continue a word so decomposed accents do not cut it in two.
    while (j < token.size() && (g_unichar_isalnum(token[j].c) || g_unichar_ismark(token[j].c))) ++j;
    const auto word = token.subspan(i, j - i);
    if (!has_digit(word) && !is_all_capitals(word)) {
      const auto breaks = hyphenate(dict, word, rules);
      out.insert(out.end(), breaks.begin(), breaks.end());
    }
    i = j;
  }
}

// A break at the very edge of a protected span still splits the word the span protects.
bool in_protected_range(size_t offset, const std::vector<std::pair<size_t, size_t>>& ranges) {
  return std::any_of(ranges.begin(), ranges.end(), [offset](const auto& r) {
    return r.first < r.second && r.first <= offset && offset <= r.second;
  });
}

}  // namespace

namespace {

// Loads a dictionary; a legacy ISO-8859-1 one (Debian's hyphen-nl) is converted to UTF-8 in
// memory first, so that hyphenate() gets its per-character marks whatever the file's encoding.
HyphenDict* load_dictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string first;
  if (!in || !std::getline(in, first)) return hnj_hyphen_load(path.c_str());
  while (!first.empty() && (first.back() == '\r' || first.back() == ' ')) first.pop_back();
  std::string upper;
  for (char c : first) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper != "ISO8859-1" && upper != "ISO-8859-1" && upper != "ISO8859-15" && upper != "ISO-8859-15")
    return hnj_hyphen_load(path.c_str());
  std::string utf8 = "UTF-8\n";
  for (char ch; in.get(ch);) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      utf8 += ch;
    } else {  // Latin-1 → UTF-8 (the few ISO-8859-15 differences do not occur in patterns)
      utf8 += static_cast<char>(0xC0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  FILE* f = fmemopen(utf8.data(), utf8.size(), "r");
  if (!f) return nullptr;
  HyphenDict* dict = hnj_hyphen_load_file(f);
  std::fclose(f);
  return dict;
}

}  // namespace

void Hyphenator::DictFree::operator()(_HyphenDict* dict) const noexcept { hnj_hyphen_free(dict); }

Hyphenator::Hyphenator(const std::string& dic_path) {
  // libhyphen only says "NULL"; check first so the message tells the user what to fix.
  std::error_code ec;
  if (!std::filesystem::exists(dic_path, ec)) {
    throw std::runtime_error("cannot read hyphenation dictionary '" + dic_path +
                             "': no such file (on Debian, install the hyphen-fr package, or hyphen-nl, hyphen-en-us for other languages)");
  }
  if (!std::filesystem::is_regular_file(dic_path, ec)) {
    throw std::runtime_error("cannot read hyphenation dictionary '" + dic_path + "': not a regular file");
  }
  errno = 0;
  dict_.reset(load_dictionary(dic_path));
  if (!dict_) {
    const int err = errno;
    throw std::runtime_error("cannot read hyphenation dictionary '" + dic_path +
                             "': " + (err ? std::strerror(err) : "not a libhyphen dictionary"));
  }
  // libhyphen accepts any file, and marks legacy 8-bit dictionaries per byte: only a UTF-8
  // dictionary gives the per-character marks hyphenate() relies on.
  if (!dict_->utf8) {
    throw std::runtime_error("cannot use hyphenation dictionary '" + dic_path +
                             "': not a UTF-8 libhyphen dictionary (its first line must be UTF-8)");
  }
}

std::string Hyphenator::french_dictionary_path() { return "/usr/share/hyphen/hyph_fr.dic"; }

std::vector<size_t> Hyphenator::word_breaks(std::string_view word, const HyphenRules& rules) const {
  if (valid_prefix(word) != word.size()) return {};
  const auto chars = decode(word);
  return hyphenate(dict_.get(), chars, rules);
}

std::vector<size_t> Hyphenator::paragraph_breaks(std::string_view text, const HyphenRules& rules,
                                                 const std::vector<std::pair<size_t, size_t>>& no_hyphen) const {
  const auto chars = decode(text.substr(0, valid_prefix(text)));
  std::vector<size_t> out;
  size_t i = 0;
  while (i < chars.size()) {
    if (g_unichar_isspace(chars[i].c)) {  // includes the no-break spaces of French typography
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < chars.size() && !g_unichar_isspace(chars[j].c)) ++j;
    const std::span<const Char> token(chars.data() + i, j - i);
    if (!is_address(text.substr(token.front().begin, token.back().end - token.front().begin))) {
      token_breaks(dict_.get(), token, rules, out);
    }
    i = j;
  }
  std::erase_if(out, [&](size_t b) { return in_protected_range(b, no_hyphen); });
  return out;
}

}  // namespace plaquette::text
