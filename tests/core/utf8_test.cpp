// Text from outside is bytes: validation, replacement and the Windows-1252 repair of C1 controls.
#include <gtest/gtest.h>

#include "core/utf8.hpp"

namespace plaquette {
namespace {

TEST(Utf8, ValidTextIsValid) {
  EXPECT_TRUE(is_valid_utf8("Métropole Européenne de Lille – cœur 😀"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_EQ(first_invalid_utf8("abc"), std::string_view::npos);
}

TEST(Utf8, FindsTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("M\xe9tropole"), 1u);        // Windows-1252 é
  EXPECT_EQ(first_invalid_utf8("ok \xc3"), 3u);              // truncated sequence
  EXPECT_EQ(first_invalid_utf8("\xc0\xaf"), 0u);             // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xed\xa0\x80"), 0u);         // a surrogate
  EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);     // above U+10FFFF
}

TEST(Utf8, ReplacesEachBadSequenceOnce) {
  EXPECT_EQ(make_valid_utf8("M\xe9tropole"), "M\uFFFDtropole");
  EXPECT_EQ(make_valid_utf8("a\xe2\x82" "b"), "a\uFFFD" "b");  // one maximal subpart, one U+FFFD
  EXPECT_EQ(make_valid_utf8(std::string("a\0b", 3)), "ab");    // NULs dropped
  EXPECT_EQ(make_valid_utf8("déjà vu"), "déjà vu");
  EXPECT_TRUE(is_valid_utf8(make_valid_utf8("\xff\xfe\xfd\x80\xbf\xc3")));
}

TEST(Utf8, C1ControlsAreTheSignOfAWrongCodePage) {
  EXPECT_TRUE(has_c1_controls("c\xc2\x9cur"));  // U+009C: Windows-1252 œ read as ISO-8859-1
  EXPECT_FALSE(has_c1_controls("cœur"));
  EXPECT_EQ(encoding_problem("c\xc2\x9cur"), "the control character U+009C");
  EXPECT_EQ(encoding_problem("M\xe9tropole"), "bytes that are not UTF-8 (0xE9 at byte 2)");
  EXPECT_EQ(encoding_problem("cœur"), "");
}

TEST(Utf8, DataTextIsCleanedAndC1IsReadAsWindows1252) {
  CleanText t = clean_data_text("C\xc2\x9cur de Flandre \xc2\x80 \xc2\x92");
  EXPECT_EQ(t.text, "Cœur de Flandre € ’");
  EXPECT_EQ(t.problem, "the control character U+009C");
  t = clean_data_text("P\xe9v\xe8le");
  EXPECT_EQ(t.text, "P\uFFFDv\uFFFDle");
  EXPECT_FALSE(t.problem.empty());
  t = clean_data_text("Pévèle");
  EXPECT_EQ(t.text, "Pévèle");
  EXPECT_TRUE(t.problem.empty());
}

TEST(Utf8, PositionCountsLinesAndCharacters) {
  const std::string s = "a: é\nb: \xe9";
  const TextPosition p = position_of(s, s.find('\xe9'));
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 4);
  EXPECT_EQ(position_of("é\xff", 2).column, 2);  // é is one character
}

}  // namespace
}  // namespace plaquette
