#include "core/utf8.hpp"

#include <fmt/format.h>

namespace plaquette {

namespace {

// Length of the well-formed sequence starting at s[i], or 0 when the byte there starts none
// (Unicode 15, table 3-7).
size_t sequence_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  const size_t left = s.size() - i;
  if (c < 0x80) return 1;
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < left && b(i + k) >= lo && b(i + k) <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// How many bytes an ill-formed sequence at s[i] spans: the lead byte plus the continuation
// bytes that could still have belonged to it (the "maximal subpart").
size_t ill_formed_length(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t want = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte, narrower after some leads
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  size_t n = 1;
  while (n < want && i + n < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i + n]);
    if (b < (n == 1 ? lo : 0x80) || b > (n == 1 ? hi : 0xBF)) break;
    ++n;
  }
  return n;
}

}  // namespace

size_t first_invalid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string make_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = sequence_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      i += ill_formed_length(s, i);
      continue;
    }
    if (!(n == 1 && s[i] == '\0')) out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

bool has_c1_controls(std::string_view s) {
  // U+0080–U+009F are C2 80 … C2 9F in UTF-8.
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return true;
  return false;
}

std::string encoding_problem(std::string_view s) {
  if (size_t bad = first_invalid_utf8(s); bad != std::string_view::npos)
    return fmt::format("bytes that are not UTF-8 (0x{:02X} at byte {})", static_cast<unsigned char>(s[bad]), bad + 1);
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xC2 && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F)
      return fmt::format("the control character U+{:04X}", static_cast<unsigned char>(s[i + 1]));
  return {};
}

TextPosition position_of(std::string_view s, size_t offset) {
  TextPosition p;
  if (offset > s.size()) offset = s.size();
  for (size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;  // a character starts here (continuation bytes do not count)
    }
  }
  return p;
}

}  // namespace plaquette

namespace plaquette {

namespace {

// Windows-1252 at bytes 0x80–0x9F (0 where it has no character: 0x81, 0x8D, 0x8F, 0x90, 0x9D).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

CleanText clean_data_text(std::string_view s) {
  CleanText out;
  out.problem = encoding_problem(s);
  if (out.problem.empty() && s.find('\0') == std::string_view::npos) {
    out.text = std::string(s);
    return out;
  }
  const std::string valid = make_valid_utf8(s);
  out.text.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(valid[i]);
    const unsigned char n = i + 1 < valid.size() ? static_cast<unsigned char>(valid[i + 1]) : 0;
    if (c == 0xC2 && n >= 0x80 && n <= 0x9F) {
      const char32_t mapped = kCp1252High[n - 0x80];
      append_utf8(out.text, mapped ? mapped : 0xFFFD);
      ++i;
      continue;
    }
    out.text += static_cast<char>(c);
  }
  return out;
}

}  // namespace plaquette
