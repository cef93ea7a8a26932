// Ids from the data and the command line become parts of file names: never paths.
#include <gtest/gtest.h>

#include "core/safe_name.hpp"

namespace plaquette {
namespace {

TEST(SafeName, PlainCodesAreSafe) {
  for (const char* ok : {"246200364", "nl", "en-GB", "epci_62", "v1.2"}) EXPECT_TRUE(is_safe_name(ok)) << ok;
}

TEST(SafeName, PathsAndOddNamesAreRefused) {
  EXPECT_EQ(unsafe_name_reason("../../../x"), "contains '/', a folder separator");
  EXPECT_EQ(unsafe_name_reason("a/b"), "contains '/', a folder separator");
  EXPECT_EQ(unsafe_name_reason("a\\b"), "contains '\\', a folder separator");
  EXPECT_EQ(unsafe_name_reason(".."), "starts with '.'");
  EXPECT_EQ(unsafe_name_reason(".cache"), "starts with '.'");
  EXPECT_EQ(unsafe_name_reason("-rf"), "starts with '-'");
  EXPECT_EQ(unsafe_name_reason(""), "is empty");
  EXPECT_EQ(unsafe_name_reason("a b"), "contains ' '");
  EXPECT_EQ(unsafe_name_reason(std::string("a\0b", 3)), "contains the control character 0x00");
  EXPECT_EQ(unsafe_name_reason("Liévin"), "contains a character that is not an ASCII letter or digit");
  EXPECT_EQ(unsafe_name_reason(std::string(65, 'a')), "is 65 bytes long (at most 64)");
  EXPECT_TRUE(is_safe_name(std::string(64, 'a')));
}

}  // namespace
}  // namespace plaquette
