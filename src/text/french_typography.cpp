#include "text/french_typography.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace plaquette::text {
namespace {

constexpr char32_t kNbsp = 0x00A0;         // before the colon
constexpr char32_t kNarrowNbsp = 0x202F;   // before ; ! ?, inside « », units, thousands
constexpr char32_t kApostrophe = 0x2019;
constexpr char32_t kOpenQuote = 0x00AB;    // «
constexpr char32_t kCloseQuote = 0x00BB;   // »
constexpr char32_t kLineSeparator = 0x2028;
// Invalid UTF-8 bytes decode to lone surrogates (as Python's "surrogateescape") so that they
// survive the round trip byte for byte instead of turning into U+FFFD.
constexpr char32_t kEscapeBase = 0xDC00;

// ---- UTF-8 <-> code points -------------------------------------------------------------

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len != 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      ok = (c >> 6) == 0x2;
      cp = (cp << 6) | (c & 0x3F);
    }
    // Reject overlong forms, surrogates and out-of-range values: they would not re-encode to
    // the same bytes.
    static constexpr std::array<char32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && len > 1) ok = cp >= kMin[len] && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    if (!ok) {
      out += kEscapeBase + b;
      ++i;
      continue;
    }
    out += cp;
    i += len;
  }
  return out;
}

std::string encode(const std::u32string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (char32_t c : s) {
    if (c >= kEscapeBase + 0x80 && c <= kEscapeBase + 0xFF) {
      out += static_cast<char>(c - kEscapeBase);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// ---- character classes -----------------------------------------------------------------

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Latin letters, with the accented ones French uses (é, œ, ç...): Latin-1 and Latin
// Extended-A/B minus the two arithmetic signs.
bool is_letter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

// Spaces that may sit inside a line; these are what the rules replace.
bool is_inline_space(char32_t c) { return c == ' ' || c == '\t' || c == kNbsp || c == kNarrowNbsp; }

bool is_line_break(char32_t c) { return c == '\n' || c == '\r' || c == kLineSeparator; }

bool is_space(char32_t c) { return is_inline_space(c) || is_line_break(c); }

bool is_opening_punct(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == kOpenQuote || c == 0x2014 || c == 0x2013 || c == '\'' ||
         c == kApostrophe;
}

bool is_closing_punct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
         c == '}' || c == 0x2026 || c == kCloseQuote;
}

// ---- protected zones -------------------------------------------------------------------

bool contains(const std::u32string& s, size_t b, size_t e, std::u32string_view what) {
  return std::u32string_view(s).substr(b, e - b).find(what) != std::u32string_view::npos;
}

bool starts_with_ci(const std::u32string& s, size_t b, size_t e, std::string_view prefix) {
  if (e - b < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char32_t c = s[b + k];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != static_cast<char32_t>(prefix[k])) return false;
  }
  return true;
}

// An e-mail address: something@domain.tld.
bool looks_like_email(const std::u32string& s, size_t b, size_t e) {
  for (size_t k = b + 1; k < e; ++k)
    if (s[k] == '@') return contains(s, k + 1, e, U".");
  return false;
}

bool looks_like_address(const std::u32string& s, size_t b, size_t e) {
  return contains(s, b, e, U"://") || starts_with_ci(s, b, e, "www.") || starts_with_ci(s, b, e, "mailto:") ||
         starts_with_ci(s, b, e, "tel:") || looks_like_email(s, b, e);
}

// Marks the characters no rule may touch: URLs, e-mail addresses and Markdown link targets,
// where ':', '?', '!', quotes and apostrophes are syntax, not prose. A word is checked whole
// (words are split on spaces), minus sentence punctuation around it so that a colon or a
// quote right after an address is still French text.
std::vector<bool> protected_mask(const std::u32string& s) {
  std::vector<bool> mask(s.size(), false);
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    size_t b = i, e = i;
    while (e < s.size() && !is_space(s[e])) ++e;
    i = e;
    // Both guillemets on both sides: converting quotes must not change what is protected.
    while (b < e && (s[b] == '"' || s[b] == kOpenQuote || s[b] == kCloseQuote || s[b] == '(' || s[b] == '<')) ++b;
    while (e > b && (s[e - 1] == '.' || s[e - 1] == ',' || s[e - 1] == ';' || s[e - 1] == ':' ||
                     s[e - 1] == '!' || s[e - 1] == '?' || s[e - 1] == '"' || s[e - 1] == kCloseQuote || s[e - 1] == kOpenQuote ||
                     s[e - 1] == '>'))
      --e;
    if (b == e) continue;
    // A Markdown target ("[texte](url)", "[texte]{style}") is protected from its "]" on; the
    // link text before it is prose unless it is itself an address.
    size_t from = e;
    auto word = std::u32string_view(s).substr(b, e - b);
    if (auto link = word.find(U"]("); link != word.npos) from = b + link;
    if (auto style = word.find(U"]{"); style != word.npos) from = std::min(from, b + style);
    size_t text = b;
    while (text < from && (s[text] == '[' || s[text] == '*' || s[text] == '_')) ++text;
    if (looks_like_address(s, text, from)) from = b;
    for (size_t k = from; k < e; ++k) mask[k] = true;
  }
  return mask;
}

// ---- helpers on the output buffer ------------------------------------------------------

size_t trailing_inline_spaces(const std::u32string& out) {
  size_t k = 0;
  while (k < out.size() && is_inline_space(out[out.size() - 1 - k])) ++k;
  return k;
}

// Puts exactly one `space` at the end of `out` in place of whatever inline spaces end it, as
// long as there is a character before them on the same line; a punctuation mark that opens a
// line is left alone. `insert_if_none` says whether to add one when there was no space.
void set_space_before(std::u32string& out, char32_t space, bool insert_if_none) {
  size_t k = trailing_inline_spaces(out);
  if (k == out.size()) return;  // start of text
  char32_t before = out[out.size() - 1 - k];
  if (is_line_break(before)) return;
  if (k == 0 && (!insert_if_none || is_opening_punct(before))) return;
  out.resize(out.size() - k);
  out += space;
}

// ---- the rules, one pass each ----------------------------------------------------------

// ASCII quotes become guillemets. Which one depends on the neighbours: after a space and
// before a word it opens, after a word and before a space or punctuation it closes; when
// both sides are ambiguous (e.g. "**"mot"**" in Markdown) the quotes alternate.
std::u32string convert_quotes(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out;
  out.reserve(s.size());
  bool open = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"' || mask[i]) {
      out += s[i];
      continue;
    }
    bool gap_before = i == 0 || is_space(s[i - 1]) || is_opening_punct(s[i - 1]);
    bool gap_after = i + 1 == s.size() || is_space(s[i + 1]) || is_closing_punct(s[i + 1]);
    bool opening = gap_before != gap_after ? gap_before : !open;
    out += opening ? kOpenQuote : kCloseQuote;
    open = opening;
  }
  return out;
}

// l'eau, aujourd'hui: an ASCII apostrophe between two letters is an elision.
std::u32string convert_apostrophes(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out = s;
  for (size_t i = 1; i + 1 < s.size(); ++i)
    if (s[i] == '\'' && !mask[i] && is_letter(s[i - 1]) && is_letter(s[i + 1])) out[i] = kApostrophe;
  return out;
}

// « texte »: one narrow no-break space inside each guillemet.
std::u32string space_guillemets(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == kCloseQuote && !mask[i]) {
      set_space_before(out, kNarrowNbsp, true);
      out += c;
    } else if (c == kOpenQuote && !mask[i]) {
      out += c;
      size_t j = i + 1;
      while (j < s.size() && is_inline_space(s[j])) ++j;
      if (j < s.size() && !is_line_break(s[j])) out += kNarrowNbsp;
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

// Space before the "high" punctuation: narrow before ; ! ?, full-width no-break before :.
std::u32string space_high_punctuation(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out;
  out.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (mask[i]) {
      out += c;
      continue;
    }
    char32_t prev = i > 0 ? s[i - 1] : 0;
    char32_t next = i + 1 < s.size() ? s[i + 1] : 0;
    if (c == ';' || c == '!' || c == '?') {
      // "?!" and "!!!" form one group: the space goes before the first mark only.
      bool follows_mark = prev == '!' || prev == '?';
      if (!(follows_mark && c != ';')) set_space_before(out, kNarrowNbsp, true);
    } else if (c == ':') {
      // 10:30 is a time, not a colon in a sentence. A colon glued to the next word
      // (ex:ample, C:) is not prose either, so a missing space is only added before a space
      // or before another high mark, which this pass separates anyway (so a second run
      // agrees with the first).
      bool time = is_digit(prev) && is_digit(next);
      bool separated = next == 0 || is_space(next) || next == ';' || next == '!' || next == '?' || next == ':';
      if (!time) set_space_before(out, kNbsp, separated);
    }
    out += c;
  }
  return out;
}

bool is_word_char(char32_t c) {
  return is_letter(c) || is_digit(c) || c == 0xB2 || c == 0xB3 || c == '-' || c == '\'' || c == kApostrophe;
}

// Units and symbols that stay on the line of their number. Longer spellings first so that
// "km²" is not read as "km" followed by something.
constexpr std::array<std::u32string_view, 14> kUnits = {U"km\u00B2", U"m\u00B2", U"\u00B0C", U"min", U"km",
                                                       U"cm",        U"mm",       U"kg",        U"ha",  U"m",
                                                       U"t",         U"h",        U"%",         U"\u20AC"};

bool unit_at(const std::u32string& s, size_t at) {
  for (auto unit : kUnits) {
    if (std::u32string_view(s).substr(at, unit.size()) != unit) continue;
    size_t end = at + unit.size();
    if (end == s.size() || !is_word_char(s[end])) return true;
  }
  return false;
}

// 12 ha, 45 %, 20 °C: a narrow no-break space keeps the number with its unit.
std::u32string bind_units(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out = s;
  for (size_t i = 1; i + 1 < s.size(); ++i)
    if ((s[i] == ' ' || s[i] == kNbsp) && is_digit(s[i - 1]) && !mask[i + 1] && unit_at(s, i + 1))
      out[i] = kNarrowNbsp;
  return out;
}

bool is_group_separator(char32_t c) { return c == ' ' || c == kNbsp || c == kNarrowNbsp; }

// 1 200 000: narrow no-break spaces between groups of thousands. The first group has 1-3
// digits and every following one exactly 3, so a year next to another number ("en 1720
// 2 terrils") is not taken for a big number.
std::u32string group_thousands(const std::u32string& s) {
  auto mask = protected_mask(s);
  std::u32string out = s;
  size_t i = 0;
  while (i < s.size()) {
    bool starts_number = is_digit(s[i]) && !mask[i] &&
                         (i == 0 || !(is_word_char(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','));
    if (!starts_number) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j - i <= 3) {
      while (j + 3 < s.size() && is_group_separator(s[j]) && !mask[j + 1] && is_digit(s[j + 1]) &&
             is_digit(s[j + 2]) && is_digit(s[j + 3]) && (j + 4 == s.size() || !is_digit(s[j + 4]))) {
        out[j] = kNarrowNbsp;
        j += 4;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace

// "© OpenStreetMap", "n° 3", "§ 4": a sign that introduces what follows never ends a line.
std::u32string bind_signs(const std::u32string& s) {
  std::u32string out = s;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    const char32_t c = out[i];
    if ((c == U'©' || c == U'§' || c == U'°' || c == U'№') && out[i + 1] == U' ' && i + 2 < out.size() &&
        out[i + 2] != U' ') {
      if (c == U'°' && i > 0 && out[i - 1] != U'n' && out[i - 1] != U'N') continue;  // 12 °C is a unit
      out[i + 1] = U'\u00A0';
    }
  }
  return out;
}

std::string apply_french_typography(std::string_view utf8) {
  // Quotes first: the guillemet pass then spaces both the converted and the typed ones.
  auto s = decode(utf8);
  s = convert_quotes(s);
  s = convert_apostrophes(s);
  s = space_guillemets(s);
  s = space_high_punctuation(s);
  s = bind_units(s);
  s = group_thousands(s);
  s = bind_signs(s);
  return encode(s);
}

}  // namespace plaquette::text
