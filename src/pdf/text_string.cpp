#include "pdf/text_string.hpp"

#include <glib.h>

namespace plaquette::pdf {

namespace {

void hex4(std::string& out, unsigned v) {
  static const char* digits = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

}  // namespace

std::string utf16be_hex(std::string_view utf8) {
  std::string out;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    gunichar c = g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      c = 0xFFFD;
      ++p;
    } else {
      p = g_utf8_next_char(p);
    }
    if (c >= 0x10000) {
      const gunichar v = c - 0x10000;
      hex4(out, 0xD800 + (v >> 10));
      hex4(out, 0xDC00 + (v & 0x3FF));
    } else {
      hex4(out, c);
    }
  }
  return out;
}

}  // namespace plaquette::pdf
