// Text that comes from outside (data files, YAML, the command line) is bytes, not text: it may be
// in any encoding. These checks run where such text enters, so that nothing reaches Pango (which
// assumes valid UTF-8 and corrupts memory otherwise) without being validated.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace plaquette {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points above U+10FFFF are ill-formed too), or npos when `s` is valid.
size_t first_invalid_utf8(std::string_view s);

inline bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

// `s` with every ill-formed sequence replaced by U+FFFD (one per maximal ill-formed subpart, as
// the Unicode standard recommends) and NUL bytes removed. Valid text comes back unchanged.
std::string make_valid_utf8(std::string_view s);

// Whether valid UTF-8 `s` holds a C1 control character (U+0080–U+009F): never intended in text,
// the sign of a wrong code page (Windows-1252 bytes read as ISO-8859-1 turn « œ » into U+009C).
bool has_c1_controls(std::string_view s);

// What is wrong with the encoding of `s`, for a message: "" when it is valid UTF-8 without C1
// controls, else "bytes that are not UTF-8 (0xE9 at byte 4)" or "the control character U+009C".
std::string encoding_problem(std::string_view s);

// 1-based line and column (in characters) of byte `offset` of `s`, for a located message.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of(std::string_view s, size_t offset);

}  // namespace plaquette

namespace plaquette {

// Text read from data, made safe for the typesetter: ill-formed UTF-8 replaced (U+FFFD), NULs
// dropped, and C1 controls mapped to what Windows-1252 puts at those bytes (U+009C → œ, U+0080 →
// €), since C1 in real data means Windows-1252 text decoded as ISO-8859-1.
struct CleanText {
  std::string text;
  std::string problem;  // encoding_problem() of the original, "" when it was clean
};
CleanText clean_data_text(std::string_view s);

}  // namespace plaquette
